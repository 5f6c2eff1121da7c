import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  connectToBackground,
  retryDelay,
  type ConnectionState,
} from "../../../src/panel/background-connection";
import type {
  BackgroundToPageMessage,
  PageToBackgroundMessage,
} from "../../../src/messaging/port-protocol";
import { FakePort, ManualTimers } from "./fake-port";

const TAB_ID = 7;

function setUp(options: { failConnects?: number } = {}) {
  const ports: FakePort[] = [];
  const states: ConnectionState[] = [];
  const messages: BackgroundToPageMessage[] = [];
  const replies: ((message: PageToBackgroundMessage) => boolean)[] = [];
  const timers = new ManualTimers();
  let failuresLeft = options.failConnects ?? 0;
  const connection = connectToBackground({
    role: "panel",
    tabId: TAB_ID,
    connect: (name) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error("Extension context invalidated.");
      }
      const port = new FakePort(name);
      ports.push(port);
      return port;
    },
    onMessage: (message, send) => {
      messages.push(message);
      replies.push(send);
    },
    onStateChange: (state) => states.push(state),
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    now: () => timers.now,
  });
  const lastPort = (): FakePort => {
    const port = ports.at(-1);
    if (port === undefined) throw new Error("no port was opened");
    return port;
  };
  return { connection, ports, states, messages, replies, timers, lastPort };
}

const snapshot = (tabId = TAB_ID): BackgroundToPageMessage => ({
  type: "snapshot",
  tabId,
  records: [],
});

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("retryDelay", () => {
  it("doubles from 100 ms up to 2 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(retryDelay)).toEqual([
      100, 200, 400, 800, 1600, 2000, 2000,
    ]);
  });
});

describe("connectToBackground", () => {
  it("opens a named port and subscribes to the tab", () => {
    const { lastPort, connection } = setUp();

    expect(lastPort().name).toBe("cors-lens:panel");
    expect(lastPort().sent).toEqual([{ type: "subscribe", tabId: TAB_ID }]);
    expect(connection.state()).toBe("connecting");
  });

  it("is connected once the snapshot arrives", () => {
    const { lastPort, connection, states, messages } = setUp();

    lastPort().deliver(snapshot());

    expect(connection.state()).toBe("connected");
    expect(states).toEqual(["connected"]);
    expect(messages).toEqual([snapshot()]);
  });

  it("passes records and cleared messages on", () => {
    const { lastPort, messages } = setUp();
    lastPort().deliver(snapshot());

    lastPort().deliver({ type: "records", records: [] });
    lastPort().deliver({ type: "cleared" });

    expect(messages.map((message) => message.type)).toEqual([
      "snapshot",
      "records",
      "cleared",
    ]);
  });

  it("reconnects after 100 ms and subscribes again", () => {
    const { lastPort, ports, timers, connection } = setUp();
    lastPort().deliver(snapshot());

    lastPort().drop();

    expect(connection.state()).toBe("reconnecting");
    expect(timers.delays()).toEqual([100]);
    timers.runAll();
    expect(ports).toHaveLength(2);
    expect(lastPort().sent).toEqual([{ type: "subscribe", tabId: TAB_ID }]);
    expect(connection.state()).toBe("reconnecting");
    lastPort().deliver(snapshot());
    expect(connection.state()).toBe("connected");
  });

  it("doubles the delay while reconnects fail, up to 2 s", () => {
    const { lastPort, timers } = setUp();
    const delays: number[] = [];

    for (let attempt = 0; attempt < 7; attempt += 1) {
      lastPort().drop();
      delays.push(...timers.delays());
      timers.runAll();
    }

    expect(delays).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
  });

  it("resets the delay after a snapshot", () => {
    const { lastPort, timers } = setUp();
    lastPort().drop();
    timers.runAll();
    lastPort().drop();
    expect(timers.delays()).toEqual([200]);
    timers.runAll();

    lastPort().deliver(snapshot());
    lastPort().drop();

    expect(timers.delays()).toEqual([100]);
  });

  it("resets the delay after a port stayed open 2 s", () => {
    const { lastPort, timers } = setUp();
    lastPort().drop();
    timers.runAll();
    lastPort().drop();
    timers.runAll();

    timers.now += 2000;
    lastPort().drop();

    expect(timers.delays()).toEqual([100]);
  });

  it("retries when opening the port throws", () => {
    const { ports, timers, connection } = setUp({ failConnects: 2 });

    expect(ports).toHaveLength(0);
    expect(connection.state()).toBe("reconnecting");
    expect(timers.delays()).toEqual([100]);
    timers.runAll();
    expect(timers.delays()).toEqual([200]);
    timers.runAll();
    expect(ports).toHaveLength(1);
  });

  it("ignores a snapshot of another tab", () => {
    const { lastPort, messages, connection } = setUp();

    lastPort().deliver(snapshot(TAB_ID + 1));

    expect(messages).toEqual([]);
    expect(connection.state()).toBe("connecting");
  });

  it("ignores messages of unknown shape", () => {
    const { lastPort, messages } = setUp();

    lastPort().deliver({ type: "records" });
    lastPort().deliver({ type: "bogus" });
    lastPort().deliver("snapshot");
    lastPort().deliver(null);

    expect(messages).toEqual([]);
  });

  it("passes on the tab's capture options", () => {
    const { lastPort, messages } = setUp();
    const options: BackgroundToPageMessage = {
      type: "options",
      options: { preserveLog: true, paused: false },
    };

    lastPort().deliver(options);
    lastPort().deliver({ type: "options" });
    lastPort().deliver({ type: "options", options: null });

    expect(messages).toEqual([options]);
  });

  it("hands the receiver a send that follows reconnects", () => {
    const { lastPort, replies, timers } = setUp();
    lastPort().deliver(snapshot());
    const [reply] = replies;
    lastPort().drop();
    expect(reply?.({ type: "setOptions", paused: true })).toBe(false);

    timers.runAll();
    expect(reply?.({ type: "setOptions", paused: true })).toBe(true);
    expect(lastPort().sent.at(-1)).toEqual({
      type: "setOptions",
      paused: true,
    });
  });

  it("ignores messages of a port it replaced", () => {
    const { lastPort, ports, timers, messages } = setUp();
    const first = lastPort();
    first.drop();
    timers.runAll();

    first.deliver(snapshot());

    expect(ports).toHaveLength(2);
    expect(messages).toEqual([]);
  });

  it("sends clear over the open port", () => {
    const { lastPort, connection } = setUp();

    expect(connection.send({ type: "clear" })).toBe(true);
    expect(lastPort().sent.at(-1)).toEqual({ type: "clear" });
  });

  it("reports a send while disconnected as failed", () => {
    const { lastPort, connection } = setUp();
    lastPort().drop();

    expect(connection.send({ type: "clear" })).toBe(false);
  });

  it("stops reconnecting once closed", () => {
    const { lastPort, ports, timers, connection } = setUp();
    const port = lastPort();
    port.drop();

    connection.close();
    timers.runAll();

    expect(timers.delays()).toEqual([]);
    expect(ports).toHaveLength(1);
  });

  it("disconnects the open port on close", () => {
    const { lastPort, connection, timers } = setUp();

    connection.close();

    expect(lastPort().disconnected).toBe(true);
    expect(timers.delays()).toEqual([]);
  });
});
