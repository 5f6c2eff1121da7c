import type { Exchange } from "../../../src/model/exchange";
import type { RequestRecord } from "../../../src/model/request-record";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";

/** What went wrong in a churn capture; every list is empty when nothing did. */
export interface ChurnCaptureSummary {
  readonly exchanges: number;
  /** Request indexes with no exchange. */
  readonly missing: readonly number[];
  /** Request indexes with more than one exchange. */
  readonly duplicated: readonly number[];
  /** Request indexes whose exchange has no preflight sent to its own URL. */
  readonly withoutOwnPreflight: readonly number[];
  /** Preflight record ids attached to more than one exchange. */
  readonly sharedPreflights: readonly string[];
  /** Positions in the exchange list where a request index is lower than the one before. */
  readonly outOfOrder: readonly number[];
  /** Ids of records still marked in flight. */
  readonly inFlight: readonly string[];
  /** Exchanges whose URL is not one of the churn requests. */
  readonly unexpected: readonly string[];
}

/** Returns the request number in `…?n=<n>`, or null for any other URL. */
export function requestIndex(url: string): number | null {
  const match = /[?&]n=(\d+)$/.exec(url);
  return match === null ? null : Number(match[1]);
}

/**
 * Pairs the stored records and checks them against the `count` requests the churn
 * traffic made: one exchange per request, each with its own preflight, in order.
 */
export function summarizeChurnCapture(
  records: readonly RequestRecord[],
  count: number,
): ChurnCaptureSummary {
  return summarizeChurnExchanges(pairExchanges(records), records, count);
}

export function summarizeChurnExchanges(
  exchanges: readonly Exchange[],
  records: readonly RequestRecord[],
  count: number,
): ChurnCaptureSummary {
  const seen = new Map<number, number>();
  const preflightUses = new Map<string, number>();
  const withoutOwnPreflight: number[] = [];
  const outOfOrder: number[] = [];
  const unexpected: string[] = [];
  let previous = -1;
  exchanges.forEach((exchange, position) => {
    const index = requestIndex(exchange.actual.url);
    if (index === null) {
      unexpected.push(exchange.actual.url);
      return;
    }
    seen.set(index, (seen.get(index) ?? 0) + 1);
    if (index < previous) outOfOrder.push(position);
    previous = index;
    const preflight = exchange.preflight;
    if (
      exchange.preflightSource !== "sent" ||
      preflight === null ||
      preflight.url !== exchange.actual.url
    ) {
      withoutOwnPreflight.push(index);
    }
    if (preflight !== null) {
      preflightUses.set(
        preflight.id,
        (preflightUses.get(preflight.id) ?? 0) + 1,
      );
    }
  });
  const missing: number[] = [];
  const duplicated: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const times = seen.get(index) ?? 0;
    if (times === 0) missing.push(index);
    if (times > 1) duplicated.push(index);
  }
  return {
    exchanges: exchanges.length,
    missing,
    duplicated,
    withoutOwnPreflight,
    sharedPreflights: [...preflightUses]
      .filter(([, uses]) => uses > 1)
      .map(([id]) => id),
    outOfOrder,
    inFlight: records.filter((record) => record.inFlight).map((r) => r.id),
    unexpected,
  };
}

/** Returns the summary of a capture in which nothing went wrong. */
export function cleanChurnSummary(count: number): ChurnCaptureSummary {
  return {
    exchanges: count,
    missing: [],
    duplicated: [],
    withoutOwnPreflight: [],
    sharedPreflights: [],
    outOfOrder: [],
    inFlight: [],
    unexpected: [],
  };
}

/**
 * Returns the requests numbered from `from` to `to` (excluded) that are not yet stored
 * with their completed preflight and, unless in `held`, completed. A held request must
 * be stored as sent and waiting for its response. Once none is left, the background has
 * handled every event of the batch that the browser has fired so far.
 */
export function unsettledRequests(
  records: readonly RequestRecord[],
  from: number,
  to: number,
  held: ReadonlySet<number>,
): string[] {
  const preflights = new Map<number, RequestRecord>();
  const actuals = new Map<number, RequestRecord>();
  for (const record of records) {
    const n = requestIndex(record.url);
    if (n === null || n < from || n >= to) continue;
    (record.method === "OPTIONS" ? preflights : actuals).set(n, record);
  }
  const unsettled: string[] = [];
  for (let n = from; n < to; n += 1) {
    const preflight = preflights.get(n);
    const actual = actuals.get(n);
    if (preflight === undefined) unsettled.push(`${n}: no preflight`);
    else if (!preflight.requestHeadersSeen || preflight.inFlight) {
      const seen = preflight.requestHeadersSeen ? "sent" : "not sent";
      const state = preflight.inFlight ? "unfinished" : "finished";
      unsettled.push(`${n}: preflight ${seen}, ${state}`);
    }
    if (actual === undefined) unsettled.push(`${n}: no request`);
    else if (held.has(n)) {
      if (!actual.requestHeadersSeen || !actual.inFlight) {
        unsettled.push(`${n}: held request not sent and waiting`);
      }
    } else if (actual.inFlight) {
      const seen = actual.requestHeadersSeen ? "sent" : "not sent";
      unsettled.push(`${n}: request ${seen}, unfinished`);
    }
  }
  return unsettled;
}
