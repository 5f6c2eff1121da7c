import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CaptureController } from "../../../src/background/capture-controller";
import {
  DROPPED_COUNT_PREFIX,
  STORED_RECORD_PREFIX,
} from "../../../src/background/capture-store";
import { decodeRecord } from "../../../src/background/stored-record";
import {
  DEFAULT_MAX_EXCHANGES,
  MAX_EXCHANGES_KEY,
  MIN_MAX_EXCHANGES,
  maxExchangesFrom,
} from "../../../src/messaging/capture-settings";
import type { BackgroundToPageMessage } from "../../../src/messaging/port-protocol";
import type { RequestRecord } from "../../../src/model/request-record";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import { FakeSessionArea, areas } from "./fake-session-area";
import { TAB_ID, exchangeEvents, exchangeNumber } from "./synthetic-events";

/** Returns a stand-in panel that keeps the records and dropped count it receives. */
function panelView() {
  const records = new Map<string, RequestRecord>();
  let dropped = 0;
  const receive = (message: BackgroundToPageMessage) => {
    if (message.type === "cleared") {
      records.clear();
      dropped = 0;
      return;
    }
    if (message.type === "options" || message.type === "entries") return;
    if (message.type === "snapshot") records.clear();
    if (message.type === "records") {
      for (const id of message.removed ?? []) records.delete(id);
    }
    for (const record of message.records) records.set(record.id, record);
    dropped = message.dropped ?? dropped;
  };
  return { records, receive, dropped: () => dropped };
}

async function recordingController(
  session: FakeSessionArea,
  maxExchanges: number,
) {
  const local = new FakeSessionArea();
  await local.set({ [MAX_EXCHANGES_KEY]: maxExchanges });
  const view = panelView();
  const controller = new CaptureController(
    areas(session, local),
    (_tab, message) => view.receive(message),
  );
  await controller.subscribe(TAB_ID, view.receive);
  return { controller, view };
}

function storedRecords(session: FakeSessionArea): RequestRecord[] {
  return session
    .valuesWithPrefix(STORED_RECORD_PREFIX)
    .map(decodeRecord)
    .filter((record): record is RequestRecord => record !== null);
}

function exchangeNumbers(records: readonly RequestRecord[]): number[] {
  return pairExchanges(records).map((e) => exchangeNumber(e.actual.url));
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("per-tab exchange cap", () => {
  it("reads a missing or invalid setting as the default", () => {
    expect(maxExchangesFrom(undefined)).toBe(DEFAULT_MAX_EXCHANGES);
    expect(maxExchangesFrom("300")).toBe(DEFAULT_MAX_EXCHANGES);
    expect(maxExchangesFrom(2.5)).toBe(DEFAULT_MAX_EXCHANGES);
    expect(maxExchangesFrom(1)).toBe(MIN_MAX_EXCHANGES);
    expect(DEFAULT_MAX_EXCHANGES).toBe(5_000);
  });

  it("drops the oldest exchanges with their preflights", async () => {
    const session = new FakeSessionArea();
    const { controller } = await recordingController(session, 100);
    for (let n = 0; n < 130; n += 1) {
      for (const event of exchangeEvents(n)) controller.handleEvent(event);
    }
    await controller.flush();

    const stored = storedRecords(session);
    expect(stored).toHaveLength(200);
    const expected = Array.from({ length: 100 }, (_, i) => i + 30);
    expect(exchangeNumbers(stored)).toEqual(expected);
    expect(
      pairExchanges(stored).every((e) => e.preflightSource === "sent"),
    ).toBe(true);
    expect(session.valuesWithPrefix(DROPPED_COUNT_PREFIX)).toEqual([30]);
  });

  it("tells the panel which records were dropped and how many exchanges", async () => {
    const session = new FakeSessionArea();
    const { controller, view } = await recordingController(session, 100);
    for (let n = 0; n < 105; n += 1) {
      for (const event of exchangeEvents(n)) controller.handleEvent(event);
    }
    await controller.flush();

    expect(view.dropped()).toBe(5);
    expect(view.records.size).toBe(200);
    expect(exchangeNumbers([...view.records.values()])[0]).toBe(5);
  });

  it("keeps the dropped count for a panel opened later", async () => {
    const session = new FakeSessionArea();
    const { controller } = await recordingController(session, 100);
    for (let n = 0; n < 101; n += 1) {
      for (const event of exchangeEvents(n)) controller.handleEvent(event);
    }
    await controller.flush();
    const messages: BackgroundToPageMessage[] = [];
    await controller.subscribe(TAB_ID, (message) => messages.push(message));
    expect(messages[0]).toMatchObject({ type: "snapshot", dropped: 1 });
  });

  it("applies a lowered cap at once", async () => {
    const session = new FakeSessionArea();
    const { controller, view } = await recordingController(session, 1000);
    for (let n = 0; n < 150; n += 1) {
      for (const event of exchangeEvents(n)) controller.handleEvent(event);
    }
    await controller.flush();
    controller.applySettings({ [MAX_EXCHANGES_KEY]: { newValue: 100 } });
    await controller.flush();

    expect(exchangeNumbers(storedRecords(session))).toHaveLength(100);
    expect(view.dropped()).toBe(50);
  });

  it("counts dropped exchanges again from zero after Clear", async () => {
    const session = new FakeSessionArea();
    const { controller, view } = await recordingController(session, 100);
    for (let n = 0; n < 110; n += 1) {
      for (const event of exchangeEvents(n)) controller.handleEvent(event);
    }
    await controller.flush();
    await controller.clear(TAB_ID);
    expect(view.dropped()).toBe(0);
    expect(session.valuesWithPrefix(DROPPED_COUNT_PREFIX)).toEqual([]);
  });
});
