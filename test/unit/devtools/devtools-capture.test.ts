import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  DevtoolsCapture,
  FLUSH_INTERVAL_MS,
} from "../../../src/devtools/devtools-capture";
import type {
  BackgroundToPageMessage,
  EntriesMessage,
} from "../../../src/messaging/port-protocol";
import {
  API_ORIGIN,
  passingPut,
  wildcardWithCredentials,
} from "./finished-entries";

const TAB_ID = 12;

interface SentMessage {
  readonly to: string | null;
  readonly message: BackgroundToPageMessage;
}

/**
 * Returns a capture whose CORS panel is shown, so that it follows every finished
 * request as the tests pass them in.
 */
async function setUp(maxExchanges = 100) {
  const sent: SentMessage[] = [];
  const network = fakeNetwork();
  const capture = new DevtoolsCapture({
    tabId: TAB_ID,
    maxExchanges,
    // A BroadcastChannel clones each message, so each must be plain data.
    send: (to, message) => sent.push({ to, message: structuredClone(message) }),
    setTimer: (callback, delayMs) => {
      setTimeout(callback, delayMs);
    },
    network,
    now: () => Date.now(),
  });
  capture.setPanelShown(true);
  await settle();
  const subscribe = (panel: string) =>
    capture.receivePanelMessage(panel, { type: "subscribe", tabId: TAB_ID });
  const receiveAll = (entries: readonly unknown[]) => {
    for (const entry of entries) capture.receiveEntry(entry);
  };
  const entriesMessages = (): EntriesMessage[] =>
    sent.flatMap(({ message }) =>
      message.type === "entries" ? [message] : [],
    );
  return { capture, sent, subscribe, receiveAll, entriesMessages, network };
}

/** DevTools' network log and its finished-request event, in memory. */
function fakeNetwork() {
  const listeners = new Set<(entry: unknown) => void>();
  const log: unknown[] = [];
  return {
    log,
    listeners,
    getEntries: () => Promise.resolve([...log]),
    onRequestFinished: {
      addListener: (listener: (entry: unknown) => void) =>
        listeners.add(listener),
      removeListener: (listener: (entry: unknown) => void) =>
        listeners.delete(listener),
    },
    /** A request finishing: DevTools logs it and calls its listeners. */
    finish(entry: unknown) {
      log.push(entry);
      for (const listener of listeners) listener(entry);
    },
  };
}

/** Lets pending promise callbacks run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
}

function pathsOf(message: BackgroundToPageMessage | undefined): string[] {
  if (message === undefined) return [];
  if (message.type !== "entries" && message.type !== "snapshot") return [];
  return (message.entries ?? []).map(
    (entry) => `${entry.method} ${new URL(entry.url).pathname}`,
  );
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("DevtoolsCapture", () => {
  it("posts nothing while no panel is subscribed", async () => {
    const { capture, sent, receiveAll } = await setUp(1);

    receiveAll([
      ...passingPut("/api/items/1", 0),
      ...passingPut("/api/items/2", 1_000),
    ]);
    capture.setMaxExchanges(100);
    capture.receivePanelMessage("panel-a", {
      type: "setOptions",
      preserveLog: true,
    });
    capture.receivePanelMessage("panel-a", { type: "clear" });
    capture.navigated();
    vi.runAllTimers();

    expect(sent).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("sends a snapshot to the panel that subscribed", async () => {
    const { capture, sent, subscribe, receiveAll } = await setUp(1);
    receiveAll([
      ...passingPut("/api/items/1", 0),
      ...passingPut("/api/items/2", 1_000),
    ]);
    capture.receivePanelMessage("panel-b", {
      type: "setOptions",
      paused: false,
    });

    subscribe("panel-a");

    expect(sent).toHaveLength(1);
    const [{ to, message } = { to: null, message: undefined }] = sent;
    expect(to).toBe("panel-a");
    expect(message).toMatchObject({
      type: "snapshot",
      tabId: TAB_ID,
      records: [],
      dropped: 1,
      options: { preserveLog: false, paused: false },
    });
    expect(pathsOf(message)).toEqual([
      "OPTIONS /api/items/2",
      "PUT /api/items/2",
    ]);
  });

  it("ignores a subscription to another tab", async () => {
    const { capture, sent } = await setUp();

    capture.receivePanelMessage("panel-a", {
      type: "subscribe",
      tabId: TAB_ID + 1,
    });
    capture.receiveEntry(wildcardWithCredentials(0)[0]);
    vi.runAllTimers();

    expect(sent).toEqual([]);
  });

  it("batches entries within 250 ms", async () => {
    const { sent, subscribe, receiveAll, entriesMessages } = await setUp();
    subscribe("panel-a");
    sent.length = 0;

    receiveAll(passingPut("/api/items/1", 0));
    vi.advanceTimersByTime(100);
    receiveAll(wildcardWithCredentials(100));
    vi.advanceTimersByTime(FLUSH_INTERVAL_MS - 101);
    expect(sent).toEqual([]);

    vi.advanceTimersByTime(1);

    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBeNull();
    expect(pathsOf(sent[0]?.message)).toEqual([
      "OPTIONS /api/items/1",
      "PUT /api/items/1",
      "GET /api/wildcard-with-credentials",
    ]);
    expect(entriesMessages()[0]?.keptFrom).toBe(0);
    expect(entriesMessages()[0]?.dropped).toBe(0);
  });

  it("starts a new batch after each flush", async () => {
    const { sent, subscribe, receiveAll, entriesMessages } = await setUp();
    subscribe("panel-a");
    sent.length = 0;

    receiveAll(passingPut("/api/items/1", 0));
    vi.advanceTimersByTime(FLUSH_INTERVAL_MS);
    receiveAll(passingPut("/api/items/2", 300));
    vi.advanceTimersByTime(FLUSH_INTERVAL_MS);
    vi.runAllTimers();

    expect(entriesMessages().map(pathsOf)).toEqual([
      ["OPTIONS /api/items/1", "PUT /api/items/1"],
      ["OPTIONS /api/items/2", "PUT /api/items/2"],
    ]);
  });

  it("gives a second panel its own snapshot", async () => {
    const { sent, subscribe, receiveAll } = await setUp();
    subscribe("panel-a");
    receiveAll(passingPut("/api/items/1", 0));
    vi.runAllTimers();
    sent.length = 0;

    subscribe("panel-b");

    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe("panel-b");
    expect(sent[0]?.message.type).toBe("snapshot");
    expect(pathsOf(sent[0]?.message)).toEqual([
      "OPTIONS /api/items/1",
      "PUT /api/items/1",
    ]);
  });

  it("sends a mid-batch subscriber each entry once", async () => {
    const { sent, subscribe, receiveAll } = await setUp();
    subscribe("panel-a");
    receiveAll(passingPut("/api/items/1", 0));
    vi.runAllTimers();
    receiveAll(passingPut("/api/items/2", 1_000));

    subscribe("panel-b");
    vi.runAllTimers();

    // The messages panel-b receives: its snapshot, then every broadcast after it.
    const snapshotAt = sent.findIndex(
      ({ to, message }) => to === "panel-b" && message.type === "snapshot",
    );
    const seen = sent
      .slice(snapshotAt)
      .filter(({ to }) => to === null || to === "panel-b")
      .flatMap(({ message }) => pathsOf(message));
    expect(seen).toEqual([
      "OPTIONS /api/items/1",
      "PUT /api/items/1",
      "OPTIONS /api/items/2",
      "PUT /api/items/2",
    ]);
  });

  it("stops sending to a panel that unsubscribed", async () => {
    const { capture, sent, subscribe, receiveAll } = await setUp();
    subscribe("panel-a");
    sent.length = 0;

    capture.receivePanelMessage("panel-a", { type: "unsubscribe" });
    receiveAll(passingPut("/api/items/1", 0));
    vi.runAllTimers();

    expect(sent).toEqual([]);
  });

  it("sends only entries within the cap", async () => {
    const { sent, subscribe, receiveAll, entriesMessages } = await setUp(1);
    subscribe("panel-a");
    sent.length = 0;

    receiveAll([
      ...passingPut("/api/items/1", 0),
      ...passingPut("/api/items/2", 1_000),
    ]);
    vi.runAllTimers();

    const [message] = entriesMessages();
    expect(pathsOf(message)).toEqual([
      "OPTIONS /api/items/2",
      "PUT /api/items/2",
    ]);
    expect(message?.keptFrom).toBe(2);
    expect(message?.dropped).toBe(1);
  });

  it("sends the new cut when the cap is lowered", async () => {
    const { capture, sent, subscribe, receiveAll, entriesMessages } =
      await setUp();
    subscribe("panel-a");
    receiveAll([
      ...passingPut("/api/items/1", 0),
      ...passingPut("/api/items/2", 1_000),
    ]);
    vi.runAllTimers();
    sent.length = 0;

    capture.setMaxExchanges(1);
    vi.runAllTimers();

    expect(entriesMessages()).toEqual([
      { type: "entries", entries: [], keptFrom: 2, dropped: 1 },
    ]);
  });

  it("skips a malformed entry with a warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { sent, subscribe, receiveAll } = await setUp();
    subscribe("panel-a");
    sent.length = 0;
    const [preflight, put] = passingPut("/api/items/1", 0);

    receiveAll([
      preflight,
      { request: { method: "GET", url: `${API_ORIGIN}/x` } },
      put,
    ]);
    vi.runAllTimers();

    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain("entry 1: response");
    expect(pathsOf(sent[0]?.message)).toEqual([
      "OPTIONS /api/items/1",
      "PUT /api/items/1",
    ]);
  });

  it("drops new entries while paused", async () => {
    const { capture, sent, subscribe, receiveAll } = await setUp();
    subscribe("panel-a");
    capture.receivePanelMessage("panel-a", {
      type: "setOptions",
      paused: true,
    });
    expect(sent.at(-1)).toEqual({
      to: null,
      message: {
        type: "options",
        options: { preserveLog: false, paused: true },
      },
    });

    receiveAll(passingPut("/api/items/1", 0));
    vi.runAllTimers();
    capture.receivePanelMessage("panel-a", {
      type: "setOptions",
      paused: false,
    });
    receiveAll(passingPut("/api/items/2", 1_000));
    vi.runAllTimers();
    sent.length = 0;
    subscribe("panel-b");

    expect(pathsOf(sent[0]?.message)).toEqual([
      "OPTIONS /api/items/2",
      "PUT /api/items/2",
    ]);
  });

  it("changes only the options a panel names", async () => {
    const { capture, sent, subscribe } = await setUp();
    subscribe("panel-a");
    capture.receivePanelMessage("panel-a", {
      type: "setOptions",
      preserveLog: true,
    });

    capture.receivePanelMessage("panel-b", {
      type: "setOptions",
      paused: true,
    });

    expect(sent.at(-1)?.message).toEqual({
      type: "options",
      options: { preserveLog: true, paused: true },
    });
  });

  it("ignores options that are not booleans", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { capture, sent, subscribe } = await setUp();
    subscribe("panel-a");
    sent.length = 0;

    capture.receivePanelMessage("panel-a", {
      type: "setOptions",
      paused: "yes" as unknown as boolean,
    });

    expect(sent).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
  });

  it("broadcasts cleared and empties the capture", async () => {
    const { capture, sent, subscribe, receiveAll } = await setUp(1);
    subscribe("panel-a");
    receiveAll([
      ...passingPut("/api/items/1", 0),
      ...passingPut("/api/items/2", 1_000),
    ]);
    vi.runAllTimers();
    sent.length = 0;

    capture.receivePanelMessage("panel-a", { type: "clear" });
    subscribe("panel-b");

    expect(sent[0]).toEqual({ to: null, message: { type: "cleared" } });
    expect(sent[1]?.message).toMatchObject({
      type: "snapshot",
      entries: [],
      dropped: 0,
    });
  });

  it("drops a batch that a clear overtook", async () => {
    const { capture, sent, subscribe, receiveAll, entriesMessages } =
      await setUp();
    subscribe("panel-a");
    receiveAll(passingPut("/api/items/1", 0));

    capture.receivePanelMessage("panel-a", { type: "clear" });
    vi.runAllTimers();

    expect(sent.some(({ message }) => message.type === "cleared")).toBe(true);
    expect(entriesMessages().flatMap(pathsOf)).toEqual([]);
  });

  it("reads the new document's log on navigation", async () => {
    const { capture, sent, subscribe, network } = await setUp();
    subscribe("panel-a");
    for (const entry of passingPut("/api/items/1", 0)) network.finish(entry);
    vi.runAllTimers();
    // DevTools clears its log for the new document, whose first request can finish
    // before the navigation event arrives.
    network.log.length = 0;
    for (const entry of passingPut("/api/items/2", 5_000))
      network.finish(entry);
    sent.length = 0;

    capture.navigated();
    await settle();

    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe("panel-a");
    expect(pathsOf(sent[0]?.message)).toEqual([
      "OPTIONS /api/items/2",
      "PUT /api/items/2",
    ]);
  });

  it("clears on navigation while hidden", () => {
    const { capture, sent } = setUpHidden();
    capture.receivePanelMessage("panel-a", {
      type: "subscribe",
      tabId: TAB_ID,
    });

    capture.navigated();

    expect(sent.at(-1)).toEqual({ to: null, message: { type: "cleared" } });
  });

  it("keeps the entries on navigation with preserve log", async () => {
    const { capture, sent, subscribe, receiveAll } = await setUp();
    subscribe("panel-a");
    capture.receivePanelMessage("panel-a", {
      type: "setOptions",
      preserveLog: true,
    });
    receiveAll(passingPut("/api/items/1", 0));
    vi.runAllTimers();
    sent.length = 0;

    capture.navigated();

    expect(sent).toEqual([]);
    subscribe("panel-b");
    expect(pathsOf(sent.at(-1)?.message)).toEqual([
      "OPTIONS /api/items/1",
      "PUT /api/items/1",
    ]);
  });
});

/** Returns a capture whose CORS panel is not shown, with a clock the test sets. */
function setUpHidden() {
  const sent: SentMessage[] = [];
  const network = fakeNetwork();
  const clock = { now: FIXTURE_TIME };
  const capture = new DevtoolsCapture({
    tabId: TAB_ID,
    maxExchanges: 100,
    send: (to, message) => sent.push({ to, message: structuredClone(message) }),
    setTimer: (callback, delayMs) => {
      setTimeout(callback, delayMs);
    },
    network,
    now: () => clock.now,
  });
  const snapshots = () =>
    sent.flatMap(({ message }) =>
      message.type === "snapshot" ? [message] : [],
    );
  return { capture, sent, network, clock, snapshots };
}

/** The fixtures' time zero (finished-entries.ts). */
const FIXTURE_TIME = Date.UTC(2025, 2, 1, 10, 0, 0);

describe("DevtoolsCapture reading DevTools' log", () => {
  it("follows requests only while shown or preserving", async () => {
    const { capture, network } = setUpHidden();
    expect(network.listeners.size).toBe(0);

    capture.setPanelShown(true);
    expect(network.listeners.size).toBe(1);
    capture.receivePanelMessage("panel-a", {
      type: "setOptions",
      preserveLog: true,
    });
    capture.setPanelShown(false);
    expect(network.listeners.size).toBe(1);

    capture.receivePanelMessage("panel-a", {
      type: "setOptions",
      preserveLog: false,
    });
    expect(network.listeners.size).toBe(0);
    await settle();
  });

  it("reads the log for a panel subscribing while hidden", async () => {
    const { capture, network, snapshots } = setUpHidden();
    for (const entry of passingPut("/api/items/1", 0)) network.finish(entry);

    capture.receivePanelMessage("panel-a", {
      type: "subscribe",
      tabId: TAB_ID,
    });
    await settle();

    expect(snapshots()).toHaveLength(1);
    expect(pathsOf(snapshots()[0])).toEqual([
      "OPTIONS /api/items/1",
      "PUT /api/items/1",
    ]);
  });

  it("sends a new snapshot when shown again", async () => {
    const { capture, network, snapshots } = setUpHidden();
    capture.receivePanelMessage("panel-a", {
      type: "subscribe",
      tabId: TAB_ID,
    });
    await settle();
    for (const entry of passingPut("/api/items/2", 0)) network.finish(entry);

    capture.setPanelShown(true);
    await settle();

    expect(snapshots()).toHaveLength(2);
    expect(pathsOf(snapshots()[1])).toEqual([
      "OPTIONS /api/items/2",
      "PUT /api/items/2",
    ]);
  });

  it("leaves out entries finished before a clear", async () => {
    const { capture, network, clock, snapshots } = setUpHidden();
    for (const entry of passingPut("/api/items/1", 0)) network.finish(entry);
    clock.now = FIXTURE_TIME + 60_000;
    capture.receivePanelMessage("panel-a", { type: "clear" });
    for (const entry of passingPut("/api/items/2", 120_000)) {
      network.finish(entry);
    }

    capture.receivePanelMessage("panel-a", {
      type: "subscribe",
      tabId: TAB_ID,
    });
    await settle();

    expect(pathsOf(snapshots()[0])).toEqual([
      "OPTIONS /api/items/2",
      "PUT /api/items/2",
    ]);
  });

  it("leaves out entries finished while paused", async () => {
    const { capture, network, clock, snapshots } = setUpHidden();
    clock.now = FIXTURE_TIME + 60_000;
    capture.receivePanelMessage("panel-a", {
      type: "setOptions",
      paused: true,
    });
    clock.now = FIXTURE_TIME + 180_000;
    capture.receivePanelMessage("panel-a", {
      type: "setOptions",
      paused: false,
    });
    for (const [path, start] of [
      ["/api/before", 0],
      ["/api/during", 120_000],
      ["/api/after", 240_000],
    ] as const) {
      for (const entry of passingPut(path, start)) network.finish(entry);
    }

    capture.receivePanelMessage("panel-a", {
      type: "subscribe",
      tabId: TAB_ID,
    });
    await settle();

    expect(pathsOf(snapshots()[0])).toEqual([
      "OPTIONS /api/before",
      "PUT /api/before",
      "OPTIONS /api/after",
      "PUT /api/after",
    ]);
  });

  it("adds each entry finished during the read once", async () => {
    const { capture, network, snapshots } = setUpHidden();
    let release: () => void = () => undefined;
    network.getEntries = () =>
      new Promise((resolve) => {
        release = () => resolve([...network.log]);
      });
    capture.receivePanelMessage("panel-a", {
      type: "subscribe",
      tabId: TAB_ID,
    });
    capture.setPanelShown(true);
    const [preflight, actual] = passingPut("/api/items/1", 0);
    network.finish(preflight);
    release();
    network.finish(actual);
    await settle();

    expect(snapshots()).toHaveLength(1);
    expect(pathsOf(snapshots()[0])).toEqual([
      "OPTIONS /api/items/1",
      "PUT /api/items/1",
    ]);
  });

  it("keeps its entries when reading the log fails", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { capture, network, snapshots } = setUpHidden();
    capture.setPanelShown(true);
    await settle();
    for (const entry of passingPut("/api/items/1", 0)) network.finish(entry);
    capture.setPanelShown(false);
    network.getEntries = () => Promise.reject(new Error("DevTools closed"));

    capture.receivePanelMessage("panel-a", {
      type: "subscribe",
      tabId: TAB_ID,
    });
    await settle();

    expect(pathsOf(snapshots()[0])).toEqual([
      "OPTIONS /api/items/1",
      "PUT /api/items/1",
    ]);
    expect(console.error).toHaveBeenCalledOnce();
  });
});
