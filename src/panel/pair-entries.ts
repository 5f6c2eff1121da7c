import { exchangesFromHarRecords } from "../har/har-exchanges";
import { recordsFromHarEntries } from "../har/har-records";
import type { HarEntryFacts } from "../har/read-har-entry";
import type { HeaderList } from "../model/header";
import type { RequestRecord } from "../model/request-record";
import type { EntryExchanges } from "./exchange-store";

/**
 * Returns a function that pairs the HAR entries captured so far, as HAR import does.
 * Each call rebuilds the records, so a record equal to the one of the previous call is
 * replaced by that earlier object: the store then keeps its analysis.
 */
export function createEntryPairing(): (
  entries: readonly HarEntryFacts[],
) => EntryExchanges {
  let previous = new Map<string, RequestRecord>();
  return (entries) => {
    const { records, preflightLinks } = recordsFromHarEntries(entries);
    const next = new Map<string, RequestRecord>();
    const stable = records.map((record) => {
      const earlier = previous.get(record.id);
      const kept =
        earlier !== undefined && sameRecord(earlier, record) ? earlier : record;
      next.set(record.id, kept);
      return kept;
    });
    previous = next;
    return {
      records: stable,
      exchanges: exchangesFromHarRecords(stable, preflightLinks),
    };
  };
}

/**
 * Records built from the same entries share their header lists, so identity of those
 * lists (or both being empty) and equality of the other fields means the same record.
 */
function sameRecord(earlier: RequestRecord, next: RequestRecord): boolean {
  return (
    earlier.url === next.url &&
    earlier.method === next.method &&
    earlier.type === next.type &&
    earlier.frameId === next.frameId &&
    earlier.initiator === next.initiator &&
    earlier.requestHeadersSeen === next.requestHeadersSeen &&
    sameHeaderList(earlier.requestHeaders, next.requestHeaders) &&
    earlier.statusCode === next.statusCode &&
    sameHeaderList(earlier.responseHeaders, next.responseHeaders) &&
    earlier.error === next.error &&
    earlier.inFlight === next.inFlight &&
    earlier.startTime === next.startTime &&
    earlier.endTime === next.endTime &&
    earlier.redirects.length === next.redirects.length &&
    earlier.redirects.every(
      (hop, position) =>
        hop.responseHeaders === next.redirects[position]?.responseHeaders,
    )
  );
}

/**
 * Returns whether two header lists are the same object or both empty. HAR pairing
 * gives a request that was never sent a new empty list on every call.
 */
function sameHeaderList(earlier: HeaderList, next: HeaderList): boolean {
  return earlier === next || (earlier.length === 0 && next.length === 0);
}
