import { afterEach, describe, expect, it, vi } from "vitest";
import type { Analysis } from "../../../src/model/analysis";
import type { Exchange } from "../../../src/model/exchange";
import type { RequestRecord } from "../../../src/model/request-record";
import { createExchangeStore } from "../../../src/panel/exchange-store";
import {
  analysis,
  blockedAnalysis,
  finding,
  requestRecord,
} from "../report/analyzed-exchanges";

/** Pairs each record into an exchange of its own, in start order, without preflights. */
function pairEachRecord(records: readonly RequestRecord[]): Exchange[] {
  return [...records]
    .sort((a, b) => a.startTime - b.startTime)
    .map((actual) => ({
      id: actual.id,
      tabId: actual.tabId,
      origin: actual.initiator,
      actual,
      preflight: null,
      preflightSource: "not-needed",
    }));
}

/** Blocks exchanges whose actual request failed and allows the others. */
function analyzeByError(exchange: Exchange): Analysis {
  return exchange.actual.error === null
    ? analysis()
    : blockedAnalysis([finding()]);
}

function setUp(analyze: (exchange: Exchange) => Analysis = analyzeByError) {
  const frames: (() => void)[] = [];
  const pair = vi.fn(pairEachRecord);
  const analyzeSpy = vi.fn(analyze);
  const store = createExchangeStore({
    pairExchanges: pair,
    analyzeExchange: analyzeSpy,
    requestFrame: (callback) => frames.push(callback),
  });
  const runFrames = () => {
    const pending = frames.splice(0);
    for (const callback of pending) callback();
  };
  const ids = () => store.getState().entries.map((entry) => entry.exchange.id);
  return { store, frames, runFrames, pair, analyze: analyzeSpy, ids };
}

const at = (second: number) => Date.UTC(2025, 2, 1, 10, 0, second);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("createExchangeStore", () => {
  it("starts empty and connecting", () => {
    const { store } = setUp();

    expect(store.getState()).toEqual({
      entries: [],
      selectedId: null,
      connection: "connecting",
    });
  });

  it("analyzes a snapshot on the next frame", () => {
    const { store, runFrames, ids } = setUp();

    store.receive({
      type: "snapshot",
      tabId: 3,
      records: [requestRecord({ id: "a" })],
    });
    expect(ids()).toEqual([]);
    runFrames();

    expect(ids()).toEqual(["a"]);
  });

  it("pairs at most once per frame", () => {
    const { store, frames, runFrames, pair, ids } = setUp();

    store.receive({ type: "snapshot", tabId: 3, records: [] });
    store.receive({ type: "records", records: [requestRecord({ id: "a" })] });
    store.receive({
      type: "records",
      records: [requestRecord({ id: "b", startTime: at(5) })],
    });
    expect(frames).toHaveLength(1);
    runFrames();

    expect(pair).toHaveBeenCalledTimes(1);
    expect(ids()).toEqual(["a", "b"]);
  });

  it("replaces a record with the same id", () => {
    const { store, runFrames } = setUp();
    store.receive({
      type: "records",
      records: [requestRecord({ id: "a", inFlight: true, statusCode: null })],
    });
    runFrames();

    store.receive({
      type: "records",
      records: [requestRecord({ id: "a", error: "net::ERR_FAILED" })],
    });
    runFrames();

    const entries = store.getState().entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]?.exchange.actual.inFlight).toBe(false);
    expect(entries[0]?.analysis.verdict).toBe("blocked");
  });

  it("takes a new snapshot as the whole truth", () => {
    const { store, runFrames, ids } = setUp();
    store.receive({
      type: "snapshot",
      tabId: 3,
      records: [requestRecord({ id: "a" }), requestRecord({ id: "b" })],
    });
    runFrames();

    store.receive({
      type: "snapshot",
      tabId: 3,
      records: [requestRecord({ id: "c" })],
    });
    runFrames();

    expect(ids()).toEqual(["c"]);
  });

  it("empties the list when the capture is cleared", () => {
    const { store, runFrames, ids } = setUp();
    store.receive({ type: "records", records: [requestRecord({ id: "a" })] });
    runFrames();
    store.select("a");

    store.receive({ type: "cleared" });
    runFrames();

    expect(ids()).toEqual([]);
    expect(store.getState().selectedId).toBeNull();
  });

  it("keeps the selection while its exchange exists", () => {
    const { store, runFrames } = setUp();
    store.receive({ type: "records", records: [requestRecord({ id: "a" })] });
    runFrames();
    store.select("a");

    store.receive({
      type: "records",
      records: [requestRecord({ id: "b", startTime: at(9) })],
    });
    runFrames();

    expect(store.getState().selectedId).toBe("a");
  });

  it("drops the selection when a snapshot lacks its exchange", () => {
    const { store, runFrames } = setUp();
    store.receive({ type: "records", records: [requestRecord({ id: "a" })] });
    runFrames();
    store.select("a");

    store.receive({
      type: "snapshot",
      tabId: 3,
      records: [requestRecord({ id: "b" })],
    });
    runFrames();

    expect(store.getState().selectedId).toBeNull();
  });

  it("ignores selecting an unknown exchange", () => {
    const { store, runFrames } = setUp();
    store.receive({ type: "records", records: [requestRecord({ id: "a" })] });
    runFrames();

    store.select("missing");

    expect(store.getState().selectedId).toBeNull();
  });

  it("clears the selection on select(null)", () => {
    const { store, runFrames } = setUp();
    store.receive({ type: "records", records: [requestRecord({ id: "a" })] });
    runFrames();
    store.select("a");

    store.select(null);

    expect(store.getState().selectedId).toBeNull();
  });

  it("analyzes again only the exchanges whose records changed", () => {
    const { store, runFrames, analyze } = setUp();
    const first = requestRecord({ id: "a" });
    store.receive({
      type: "records",
      records: [first, requestRecord({ id: "b", startTime: at(3) })],
    });
    runFrames();
    const before = store.getState().entries[0];
    analyze.mockClear();

    store.receive({
      type: "records",
      records: [requestRecord({ id: "b", startTime: at(3), statusCode: 204 })],
    });
    runFrames();

    expect(analyze).toHaveBeenCalledTimes(1);
    expect(analyze.mock.calls[0]?.[0].id).toBe("b");
    expect(store.getState().entries[0]).toBe(before);
  });

  it("leaves out an exchange whose analysis throws", () => {
    const error = vi
      .spyOn(console, "error")
      .mockImplementation(() => undefined);
    const { store, runFrames, ids } = setUp((exchange) => {
      if (exchange.id === "bad") throw new Error("unexpected record");
      return analysis();
    });

    store.receive({
      type: "records",
      records: [
        requestRecord({ id: "bad" }),
        requestRecord({ id: "good", startTime: at(4) }),
      ],
    });
    runFrames();

    expect(ids()).toEqual(["good"]);
    expect(error).toHaveBeenCalledOnce();
  });

  it("notifies subscribers until they unsubscribe", () => {
    const { store, runFrames } = setUp();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);

    store.receive({ type: "records", records: [requestRecord({ id: "a" })] });
    runFrames();
    store.select("a");
    expect(listener).toHaveBeenCalledTimes(2);

    unsubscribe();
    store.select(null);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("takes the capture options from the snapshot and later changes", () => {
    const { store } = setUp();
    expect(store.getState().captureOptions).toBeUndefined();

    store.receive({
      type: "snapshot",
      tabId: 3,
      records: [],
      options: { preserveLog: true, paused: false },
    });
    expect(store.getState().captureOptions).toEqual({
      preserveLog: true,
      paused: false,
    });

    store.receive({
      type: "options",
      options: { preserveLog: true, paused: true },
    });
    expect(store.getState().captureOptions).toEqual({
      preserveLog: true,
      paused: true,
    });
  });

  it("keeps the records when the capture options change", () => {
    const { store, runFrames, ids } = setUp();
    store.receive({ type: "records", records: [requestRecord({ id: "a" })] });
    runFrames();

    store.receive({
      type: "options",
      options: { preserveLog: false, paused: true },
    });
    runFrames();

    expect(ids()).toEqual(["a"]);
  });

  it("sends option changes through the connection that delivered", () => {
    const { store } = setUp();
    expect(store.setCaptureOptions({ paused: true })).toBe(false);

    const sent: unknown[] = [];
    store.receive({ type: "snapshot", tabId: 3, records: [] }, (message) => {
      sent.push(message);
      return true;
    });

    expect(store.setCaptureOptions({ preserveLog: true })).toBe(true);
    expect(sent).toEqual([{ type: "setOptions", preserveLog: true }]);
    // The state waits for the background's confirmation.
    expect(store.getState().captureOptions).toBeUndefined();
  });

  it("removes the records a navigation cleared", () => {
    const { store, runFrames, ids } = setUp();
    store.receive({
      type: "records",
      records: [
        requestRecord({ id: "old" }),
        requestRecord({ id: "older", startTime: at(1) }),
      ],
      dropped: 2,
    });
    runFrames();

    store.receive({
      type: "records",
      records: [requestRecord({ id: "new", startTime: at(9) })],
      removed: ["old", "older"],
      dropped: 0,
    });
    runFrames();

    expect(ids()).toEqual(["new"]);
    expect(store.getState().droppedCount).toBe(0);
  });

  it("stores the connection state", () => {
    const { store } = setUp();
    const listener = vi.fn();
    store.subscribe(listener);

    store.setConnectionState("connected");
    store.setConnectionState("connected");

    expect(store.getState().connection).toBe("connected");
    expect(listener).toHaveBeenCalledOnce();
  });
});
