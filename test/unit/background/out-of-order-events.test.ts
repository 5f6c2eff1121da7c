import { describe, expect, it } from "vitest";
import {
  MAX_WAITING_REQUESTS,
  RecordAssembler,
} from "../../../src/background/record-assembler";
import type { WebRequestEvent } from "../../../src/background/web-request-details";
import type { RequestRecord } from "../../../src/model/request-record";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import { replay } from "../pairing/recorded-events";
import { exchangeEvents } from "./synthetic-events";

/**
 * Applies events in the given order, as the controller does for a recorded tab, with
 * the records kept so far available for late events.
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

const inOrder = exchangeEvents(1);
const expected = replay(inOrder);

describe("events delivered out of order", () => {
  it("builds the same records when each event type arrives as a group", () => {
    // Chromium 156 delivers the events it queued while starting a stopped worker
    // grouped by event, not in the order they were fired.
    const order = [
      "onCompleted",
      "onHeadersReceived",
      "onBeforeRequest",
      "onSendHeaders",
    ];
    const shuffled = [...inOrder].sort(
      (a, b) => order.indexOf(a.event) - order.indexOf(b.event),
    );
    const records = assemble(shuffled);
    const byId = new Map(records.map((record) => [record.id, record]));
    expect(records).toHaveLength(expected.length);
    for (const record of expected) expect(byId.get(record.id)).toEqual(record);
  });

  it("builds the same records in reverse order", () => {
    const records = assemble([...inOrder].reverse());
    const byId = new Map(records.map((record) => [record.id, record]));
    for (const record of expected) expect(byId.get(record.id)).toEqual(record);
  });

  it("pairs the preflight when its first events came last", () => {
    const reversed = assemble([...inOrder].reverse());
    const [exchange] = pairExchanges(reversed);
    expect(exchange?.preflightSource).toBe("sent");
  });

  it("moves the start back when onBeforeRequest comes after onSendHeaders", () => {
    const start = inOrder.find((e) => e.event === "onBeforeRequest");
    const rest = inOrder.filter((e) => e !== start);
    if (start === undefined) throw new Error("The recording has no start.");
    const records = assemble([...rest, start]);
    const record = records.find((r) => r.id === start.details.requestId);
    expect(record?.startTime).toBe(start.details.timeStamp);
  });

  it("drops events of requests that never start, beyond the limit", () => {
    const assembler = new RecordAssembler();
    for (let n = 0; n <= MAX_WAITING_REQUESTS; n += 1) {
      const completed = exchangeEvents(n).find(
        (e) => e.event === "onCompleted",
      );
      if (completed !== undefined) assembler.apply(completed, true);
    }
    const [first] = exchangeEvents(0);
    if (first === undefined) throw new Error("No events.");
    const record = assembler.apply(first, true);
    // The first request's waiting onCompleted was dropped, so it stays in flight.
    expect(record?.inFlight).toBe(true);
  });

  it("ignores events of requests it never saw start when not recording", () => {
    const assembler = new RecordAssembler();
    const later = inOrder.filter((e) => e.event !== "onBeforeRequest");
    for (const event of later) expect(assembler.apply(event, false)).toBeNull();
  });
});
