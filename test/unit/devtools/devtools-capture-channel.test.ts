import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import { FLUSH_INTERVAL_MS } from "../../../src/devtools/devtools-capture";
import { captureInDevtools } from "../../../src/devtools/devtools-capture-channel";
import { devtoolsChannelName } from "../../../src/messaging/devtools-channel";
import type { BackgroundToPageMessage } from "../../../src/messaging/port-protocol";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import {
  FIRST_RETRY_DELAY_MS,
  connectToBackground,
  type BackgroundConnection,
  type ConnectionState,
} from "../../../src/panel/background-connection";
import {
  SNAPSHOT_WAIT_MS,
  devtoolsCapturePort,
} from "../../../src/panel/devtools-capture-port";
import { createExchangeStore } from "../../../src/panel/exchange-store";
import { createEntryPairing } from "../../../src/panel/pair-entries";
import {
  actualWithoutAllowOrigin,
  passingPut,
  wildcardWithCredentials,
} from "./finished-entries";

const TAB_ID = 44;

const openChannels: BroadcastChannel[] = [];
const connections: BackgroundConnection[] = [];

/**
 * A BroadcastChannel listed at creation, so that afterEach also closes the
 * channels the code under test opened.
 */
class ClosedAfterTest extends BroadcastChannel {
  constructor(name: string) {
    super(name);
    openChannels.push(this);
  }
}

/**
 * Stubs the `chrome` APIs the devtools page uses, for one inspected tab: DevTools'
 * network log, which `getHAR` reads, and its finished-request event.
 */
function stubDevtoolsApis() {
  const finished = new Set<(entry: unknown) => void>();
  const navigated: (() => void)[] = [];
  let log: unknown[] = [];
  vi.stubGlobal("chrome", {
    devtools: {
      inspectedWindow: { tabId: TAB_ID },
      network: {
        getHAR: (callback: (har: { entries: unknown[] }) => void) => {
          callback({ entries: [...log] });
        },
        onRequestFinished: {
          addListener: (listener: (entry: unknown) => void) =>
            finished.add(listener),
          removeListener: (listener: (entry: unknown) => void) =>
            finished.delete(listener),
        },
        onNavigated: { addListener: navigated.push.bind(navigated) },
      },
    },
    storage: {
      local: { get: () => Promise.resolve({}) },
      onChanged: { addListener: () => undefined },
    },
  });
  return {
    finish: (entries: readonly unknown[]) => {
      for (const entry of entries) {
        log.push(entry);
        for (const listener of finished) listener(entry);
      }
    },
    // DevTools clears its log when the page loads a new document.
    navigate: () => {
      log = [];
      for (const listener of navigated) listener();
    },
  };
}

/** Opens a panel wired as panel.tsx wires it, with frames run by the test. */
function openPanel() {
  const frames: (() => void)[] = [];
  const store = createExchangeStore({
    pairExchanges,
    pairEntries: createEntryPairing(),
    analyzeExchange,
    requestFrame: (callback) => frames.push(callback),
  });
  const states: ConnectionState[] = [];
  let arrived: ((message: BackgroundToPageMessage) => void) | null = null;
  const connection = connectToBackground({
    role: "panel",
    tabId: TAB_ID,
    connect: devtoolsCapturePort(TAB_ID),
    onMessage: (message, send) => {
      store.receive(message, send);
      arrived?.(message);
    },
    onStateChange: (state) => states.push(state),
  });
  connections.push(connection);
  const nextMessage = () =>
    new Promise<BackgroundToPageMessage>((resolve) => {
      arrived = resolve;
    });
  const paths = () => {
    for (const callback of frames.splice(0)) callback();
    return store
      .getState()
      .entries.map((entry) => new URL(entry.exchange.actual.url).pathname);
  };
  return { store, states, nextMessage, paths };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  vi.stubGlobal("BroadcastChannel", ClosedAfterTest);
});

afterEach(() => {
  for (const connection of connections.splice(0)) connection.close();
  for (const channel of openChannels.splice(0)) channel.close();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("capture in the devtools page", () => {
  it("serves its capture over the channel", async () => {
    const devtools = stubDevtoolsApis();
    captureInDevtools().setPanelShown(true);
    devtools.finish([
      ...actualWithoutAllowOrigin(0),
      ...wildcardWithCredentials(1_000),
    ]);

    const panel = openPanel();
    const snapshot = await panel.nextMessage();

    expect(snapshot.type).toBe("snapshot");
    expect(panel.states).toEqual(["connected"]);
    expect(panel.paths()).toEqual([
      "/api/headers-only-on-preflight",
      "/api/wildcard-with-credentials",
    ]);

    const update = panel.nextMessage();
    devtools.finish(passingPut("/api/items/1", 2_000));
    vi.advanceTimersByTime(FLUSH_INTERVAL_MS);

    expect((await update).type).toBe("entries");
    expect(panel.paths()).toEqual([
      "/api/headers-only-on-preflight",
      "/api/wildcard-with-credentials",
      "/api/items/1",
    ]);
  });

  it("clears the panel when the page navigates", async () => {
    const devtools = stubDevtoolsApis();
    captureInDevtools();
    devtools.finish(passingPut("/api/items/1", 0));
    const panel = openPanel();
    await panel.nextMessage();
    expect(panel.paths()).toEqual(["/api/items/1"]);

    const cleared = panel.nextMessage();
    devtools.navigate();

    expect((await cleared).type).toBe("cleared");
    expect(panel.paths()).toEqual([]);
  });

  it("applies a panel's pause to the capture", async () => {
    const devtools = stubDevtoolsApis();
    captureInDevtools().setPanelShown(true);
    const panel = openPanel();
    await panel.nextMessage();

    const confirmed = panel.nextMessage();
    expect(panel.store.setCaptureOptions({ paused: true })).toBe(true);
    expect(await confirmed).toEqual({
      type: "options",
      options: { preserveLog: false, paused: true },
    });
    devtools.finish(passingPut("/api/items/1", 0));
    vi.advanceTimersByTime(FLUSH_INTERVAL_MS);

    const second = openPanel();
    const snapshot = await second.nextMessage();
    expect(snapshot).toMatchObject({ type: "snapshot", entries: [] });
  });

  it("connects once the devtools page starts", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const devtools = stubDevtoolsApis();
    const panel = openPanel();

    vi.advanceTimersByTime(SNAPSHOT_WAIT_MS);
    expect(panel.states).toEqual(["reconnecting"]);

    captureInDevtools();
    devtools.finish(passingPut("/api/items/1", 0));
    const snapshot = panel.nextMessage();
    vi.advanceTimersByTime(FIRST_RETRY_DELAY_MS);

    expect((await snapshot).type).toBe("snapshot");
    expect(panel.states).toEqual(["reconnecting", "connected"]);
    expect(panel.paths()).toEqual(["/api/items/1"]);
  });

  it("warns about a message that no panel sent", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    stubDevtoolsApis();
    captureInDevtools();
    const sender = new ClosedAfterTest(devtoolsChannelName(TAB_ID));
    const reply = new Promise<unknown>((resolve) => {
      sender.onmessage = (event: MessageEvent<unknown>) => resolve(event.data);
    });

    sender.postMessage({ type: "subscribe", tabId: TAB_ID });
    sender.postMessage({
      from: "panel-1",
      message: { type: "subscribe", tabId: TAB_ID },
    });

    expect(await reply).toMatchObject({
      to: "panel-1",
      message: { type: "snapshot" },
    });
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain("unknown panel message");
  });
});
