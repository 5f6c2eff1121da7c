import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { RecordAssembler } from "../../../src/background/record-assembler";
import { TabRecords } from "../../../src/background/tab-records";
import type { WebRequestEvent } from "../../../src/background/web-request-details";
import { MAX_HEADER_VALUE_LENGTH } from "../../../src/messaging/header-value-limit";
import type { Exchange } from "../../../src/model/exchange";
import type { RequestRecord } from "../../../src/model/request-record";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import { eventStream } from "./event-arbitraries";

/** A fixed seed makes every failure replayable. */
const SEED = 20_250_301;

/** Runs per property; set CORS_LENS_FUZZ_RUNS to run more. */
const RUNS = Number(process.env.CORS_LENS_FUZZ_RUNS ?? "300");

/** Time each property may take: a few milliseconds per run, with room for a slow machine. */
vi.setConfig({ testTimeout: Math.max(30_000, RUNS * 40) });

/**
 * Assembles records as the background does for a recorded tab: late events may reach
 * records kept after they completed.
 */
function assemble(events: readonly WebRequestEvent[]): RequestRecord[] {
  const records = new Map<string, RequestRecord>();
  const assembler = new RecordAssembler([], (_tabId, id) => records.get(id));
  for (const event of events) {
    const record = assembler.apply(event, true);
    if (record !== null) records.set(record.id, record);
  }
  return [...records.values()];
}

function capture(events: readonly WebRequestEvent[]): {
  records: RequestRecord[];
  exchanges: Exchange[];
} {
  const records = assemble(events);
  return { records, exchanges: pairExchanges(records) };
}

/** Returns the ids of preflights sent for more than one exchange. */
function sharedPreflights(exchanges: readonly Exchange[]): string[] {
  const uses = new Map<string, number>();
  for (const exchange of exchanges) {
    if (exchange.preflightSource !== "sent" || exchange.preflight === null) {
      continue;
    }
    const id = exchange.preflight.id;
    uses.set(id, (uses.get(id) ?? 0) + 1);
  }
  return [...uses].filter(([, count]) => count > 1).map(([id]) => id);
}

function longestHeaderText(records: readonly RequestRecord[]): number {
  let longest = 0;
  for (const record of records) {
    const lists = [
      record.requestHeaders,
      record.responseHeaders,
      ...record.redirects.map((hop) => hop.responseHeaders),
    ];
    for (const list of lists) {
      for (const header of list) {
        longest = Math.max(longest, header.name.length, header.value.length);
      }
    }
  }
  return longest;
}

const options = { seed: SEED, numRuns: RUNS };

describe.each([
  { order: "in order", shuffle: false },
  { order: "in any order", shuffle: true },
])("events delivered $order, some lost or twice", ({ shuffle }) => {
  it("never throws", () => {
    fc.assert(
      fc.property(eventStream(shuffle), ({ events }) => {
        capture(events);
      }),
      options,
    );
  });

  it("gives the same records and exchanges for the same events", () => {
    fc.assert(
      fc.property(eventStream(shuffle), ({ events }) => {
        const first = capture(events);
        const second = capture(structuredClone([...events]));
        expect(second).toEqual(first);
      }),
      options,
    );
  });

  it("attaches each sent preflight to at most one exchange", () => {
    fc.assert(
      fc.property(eventStream(shuffle), ({ events }) => {
        expect(sharedPreflights(capture(events).exchanges)).toEqual([]);
      }),
      options,
    );
  });

  it("keeps one record per request, of a request that was sent", () => {
    fc.assert(
      fc.property(eventStream(shuffle), ({ events, requestIds }) => {
        const { records } = capture(events);
        const ids = records.map((record) => record.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(requestIds.has(id)).toBe(true);
      }),
      options,
    );
  });

  it("keeps every header name and value within the stored length", () => {
    const marker = "… [truncated, 9,000 bytes]".length;
    fc.assert(
      fc.property(eventStream(shuffle), ({ events }) => {
        const longest = longestHeaderText(capture(events).records);
        expect(longest).toBeLessThanOrEqual(MAX_HEADER_VALUE_LENGTH + marker);
      }),
      options,
    );
  });
});

describe("pairing of fuzzed records", () => {
  it("does not depend on the order the records are given in", () => {
    const streamAndOrder = eventStream(true).chain((stream) => {
      const records = assemble(stream.events);
      return fc.tuple(
        fc.constant(records),
        fc.shuffledSubarray(records, {
          minLength: records.length,
          maxLength: records.length,
        }),
      );
    });
    fc.assert(
      fc.property(streamAndOrder, ([records, shuffled]) => {
        expect(pairExchanges(shuffled)).toEqual(pairExchanges(records));
      }),
      options,
    );
  });
});

/** Describes each exchange as the panel shows it: its request and its sent preflight. */
function pairing(exchanges: readonly Exchange[]): string[] {
  return exchanges.map((exchange) =>
    exchange.preflightSource === "sent"
      ? `${exchange.id} with ${exchange.preflight?.id ?? "?"}`
      : exchange.id,
  );
}

describe("dropping the oldest exchange of fuzzed records", () => {
  it("drops its sent preflight with it and changes no other pairing", () => {
    fc.assert(
      fc.property(eventStream(true), ({ events }) => {
        const records = assemble(events).sort(
          (left, right) => left.startTime - right.startTime,
        );
        // An OPTIONS request whose headers were lost looks like a preflight. So it
        // is not counted against the cap, and it is dropped with the exchange
        // before it, although pairing may treat it as a request.
        fc.pre(
          !records.some(
            (record) =>
              record.method === "OPTIONS" && !record.requestHeadersSeen,
          ),
        );
        const tab = new TabRecords();
        for (const record of records) tab.put(record);
        const before = pairing(pairExchanges(records));
        const countBefore = tab.exchangeCount;
        const dropped = tab.dropOldestExchange();
        const after = pairing(pairExchanges(tab.values()));
        if (countBefore === 0) {
          expect(after).toEqual([]);
          return;
        }
        expect(tab.exchangeCount).toBe(countBefore - 1);
        expect(after).toEqual(before.slice(1));
        expect(dropped.length).toBe(records.length - tab.size);
      }),
      options,
    );
  });
});
