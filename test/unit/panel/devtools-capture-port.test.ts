import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  devtoolsChannelName,
  isPanelEnvelope,
  type CaptureEnvelope,
  type PanelEnvelope,
} from "../../../src/messaging/devtools-channel";
import type { BackgroundToPageMessage } from "../../../src/messaging/port-protocol";
import type { PagePort } from "../../../src/panel/background-connection";
import {
  SNAPSHOT_WAIT_MS,
  devtoolsCapturePort,
} from "../../../src/panel/devtools-capture-port";

const TAB_ID = 31;

/** Messages in arrival order, and a promise for the next one. */
class Inbox<T> {
  readonly items: T[] = [];
  private waiting: ((item: T) => void)[] = [];

  readonly push = (item: T): void => {
    this.items.push(item);
    const resolve = this.waiting.shift();
    resolve?.(item);
  };

  next(): Promise<T> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

const channels: BroadcastChannel[] = [];
const ports: PagePort[] = [];

/** Plays the devtools page: the other end of the tab's channel. */
function devtoolsSide() {
  const channel = new BroadcastChannel(devtoolsChannelName(TAB_ID));
  channels.push(channel);
  const received = new Inbox<PanelEnvelope>();
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isPanelEnvelope(event.data)) received.push(event.data);
  };
  const post = (to: string | null, message: BackgroundToPageMessage) => {
    const envelope: CaptureEnvelope = { to, message };
    channel.postMessage(envelope);
  };
  return { received, post };
}

function openPort() {
  const port = devtoolsCapturePort(TAB_ID)("cors-lens:panel");
  ports.push(port);
  const messages = new Inbox<unknown>();
  let disconnects = 0;
  port.onMessage.addListener(messages.push);
  port.onDisconnect.addListener(() => {
    disconnects += 1;
  });
  return { port, messages, disconnects: () => disconnects };
}

/** Subscribes a new port and returns its id, read from the envelope it posted. */
async function subscribedPort(devtools: ReturnType<typeof devtoolsSide>) {
  const opened = openPort();
  const subscribe = devtools.received.next();
  opened.port.postMessage({ type: "subscribe", tabId: TAB_ID });
  const { from } = await subscribe;
  return { ...opened, id: from };
}

const snapshot: BackgroundToPageMessage = {
  type: "snapshot",
  tabId: TAB_ID,
  records: [],
  entries: [],
};
const cleared: BackgroundToPageMessage = { type: "cleared" };
const options: BackgroundToPageMessage = {
  type: "options",
  options: { preserveLog: true, paused: false },
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});

afterEach(() => {
  for (const port of ports.splice(0)) port.disconnect();
  for (const channel of channels.splice(0)) channel.close();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("devtoolsCapturePort", () => {
  it("posts the panel's messages with its id", async () => {
    const devtools = devtoolsSide();
    const { port, id } = await subscribedPort(devtools);

    const clear = devtools.received.next();
    port.postMessage({ type: "clear" });

    expect(await clear).toEqual({ from: id, message: { type: "clear" } });
    expect(devtools.received.items[0]).toEqual({
      from: id,
      message: { type: "subscribe", tabId: TAB_ID },
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("passes on its snapshot and the broadcasts after it", async () => {
    const devtools = devtoolsSide();
    const { messages, id } = await subscribedPort(devtools);

    const first = messages.next();
    devtools.post(id, snapshot);
    expect(await first).toEqual(snapshot);
    const second = messages.next();
    devtools.post(null, cleared);

    expect(await second).toEqual(cleared);
  });

  it("ignores messages before its snapshot", async () => {
    const devtools = devtoolsSide();
    const { messages, id } = await subscribedPort(devtools);

    const first = messages.next();
    devtools.post(null, options);
    devtools.post(id, snapshot);

    expect(await first).toEqual(snapshot);
    expect(messages.items).toEqual([snapshot]);
  });

  it("ignores messages for other panels", async () => {
    const devtools = devtoolsSide();
    const { messages, id } = await subscribedPort(devtools);
    const first = messages.next();
    devtools.post(id, snapshot);
    await first;

    const next = messages.next();
    devtools.post("another-panel", snapshot);
    devtools.post("another-panel", options);
    devtools.post(null, cleared);

    expect(await next).toEqual(cleared);
    expect(messages.items).toEqual([snapshot, cleared]);
  });

  it("gives each of two panels its own snapshot", async () => {
    const devtools = devtoolsSide();
    const panelA = await subscribedPort(devtools);
    const panelB = await subscribedPort(devtools);
    const snapshotA = panelA.messages.next();
    const snapshotB = panelB.messages.next();

    devtools.post(panelA.id, { ...snapshot, dropped: 1 });
    devtools.post(panelB.id, { ...snapshot, dropped: 2 });

    expect(await snapshotA).toMatchObject({ dropped: 1 });
    expect(await snapshotB).toMatchObject({ dropped: 2 });
    expect(panelA.id).not.toBe(panelB.id);
  });

  it("reports a disconnect when no snapshot arrives", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const devtools = devtoolsSide();
    const { port, messages, disconnects, id } = await subscribedPort(devtools);

    vi.advanceTimersByTime(SNAPSHOT_WAIT_MS - 1);
    expect(disconnects()).toBe(0);
    const unsubscribe = devtools.received.next();
    vi.advanceTimersByTime(1);

    expect(disconnects()).toBe(1);
    expect(warn).toHaveBeenCalledOnce();
    expect(await unsubscribe).toEqual({
      from: id,
      message: { type: "unsubscribe" },
    });

    // The channel is closed: a late snapshot and later posts go nowhere.
    devtools.post(id, snapshot);
    port.postMessage({ type: "clear" });
    const control = openPort();
    const controlPost = devtools.received.next();
    control.port.postMessage({ type: "clear" });
    await controlPost;
    expect(messages.items).toEqual([]);
    expect(devtools.received.items.map((item) => item.message.type)).toEqual([
      "subscribe",
      "unsubscribe",
      "clear",
    ]);
  });

  it("stays connected once its snapshot arrived", async () => {
    const devtools = devtoolsSide();
    const { messages, disconnects, id } = await subscribedPort(devtools);
    const first = messages.next();
    devtools.post(id, snapshot);
    await first;

    vi.advanceTimersByTime(SNAPSHOT_WAIT_MS * 2);

    expect(disconnects()).toBe(0);
  });

  it("unsubscribes when the panel disconnects", async () => {
    const devtools = devtoolsSide();
    const { port, disconnects, id } = await subscribedPort(devtools);

    const unsubscribe = devtools.received.next();
    port.disconnect();

    expect(await unsubscribe).toEqual({
      from: id,
      message: { type: "unsubscribe" },
    });
    vi.advanceTimersByTime(SNAPSHOT_WAIT_MS);
    expect(disconnects()).toBe(0);
  });
});
