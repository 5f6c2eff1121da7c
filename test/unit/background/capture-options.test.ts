import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CaptureController } from "../../../src/background/capture-controller";
import { STORED_RECORD_PREFIX } from "../../../src/background/capture-store";
import { PagePorts } from "../../../src/background/page-ports";
import { TAB_OPTIONS_PREFIX } from "../../../src/background/tab-options";
import {
  captureOptionsChangeFrom,
  captureOptionsFrom,
  type CaptureOptionsChange,
} from "../../../src/messaging/capture-options";
import type { BackgroundToPageMessage } from "../../../src/messaging/port-protocol";
import { FakeSessionArea, areas } from "./fake-session-area";
import { exchangeStart, mainFrameResponse } from "./navigation-events";
import { panelView } from "./panel-view";
import { TAB_ID, exchangeEvents } from "./synthetic-events";

/** The part of `runtime.Port` that `PagePorts` uses, driven by the test. */
class FakeRuntimePort {
  readonly sent: unknown[] = [];
  private readonly messageListeners: ((message: unknown) => void)[] = [];
  private readonly disconnectListeners: (() => void)[] = [];
  readonly onMessage = {
    addListener: (listener: (message: unknown) => void) =>
      this.messageListeners.push(listener),
  };
  readonly onDisconnect = {
    addListener: (listener: () => void) =>
      this.disconnectListeners.push(listener),
  };

  constructor(readonly name: string) {}

  postMessage(message: unknown): void {
    this.sent.push(message);
  }

  deliver(message: unknown): void {
    for (const listener of this.messageListeners) listener(message);
  }
}

function pagePorts() {
  const changes: [number, CaptureOptionsChange][] = [];
  const ports = new PagePorts({
    onSubscribe: () => {},
    onUnsubscribe: () => {},
    onClear: () => {},
    onSetOptions: (tabId, change) => changes.push([tabId, change]),
  });
  const open = (role: string, tabId: number | null) => {
    const port = new FakeRuntimePort(`cors-lens:${role}`);
    ports.accept(port as unknown as chrome.runtime.Port);
    if (tabId !== null) port.deliver({ type: "subscribe", tabId });
    return port;
  };
  return { ports, changes, open };
}

async function settle(controller: CaptureController) {
  await vi.advanceTimersByTimeAsync(300);
  await controller.flush();
}

function storedRecords(area: FakeSessionArea): unknown[] {
  return area.valuesWithPrefix(`${STORED_RECORD_PREFIX}${TAB_ID}:`);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("setOptions messages", () => {
  it("reach the controller with the subscribed tab", () => {
    const { changes, open } = pagePorts();
    const port = open("panel", 12);
    port.deliver({ type: "setOptions", preserveLog: true });
    port.deliver({ type: "setOptions", paused: false });

    expect(changes).toEqual([
      [12, { preserveLog: true }],
      [12, { paused: false }],
    ]);
  });

  it("are ignored before the page subscribed", () => {
    const { changes, open } = pagePorts();
    const port = open("panel", null);
    port.deliver({ type: "setOptions", paused: true });

    expect(changes).toEqual([]);
  });

  it("are ignored when a field is not a boolean", () => {
    const { changes, open } = pagePorts();
    const port = open("panel", 12);
    port.deliver({ type: "setOptions", paused: "yes" });
    port.deliver({ type: "setOptions", preserveLog: 1, paused: true });

    expect(changes).toEqual([]);
  });
});

describe("options messages", () => {
  it("go to every panel of the tab and to no devtools page", () => {
    const { ports, open } = pagePorts();
    const first = open("panel", 12);
    const second = open("panel", 12);
    const devtools = open("devtools", 12);
    const otherTab = open("panel", 13);
    const message: BackgroundToPageMessage = {
      type: "options",
      options: { preserveLog: true, paused: false },
    };
    ports.sendToPanels(12, message);

    expect(first.sent).toEqual([message]);
    expect(second.sent).toEqual([message]);
    expect(devtools.sent).toEqual([]);
    expect(otherTab.sent).toEqual([]);
  });
});

describe("capture options in the controller", () => {
  it("are off in the snapshot of a new tab", async () => {
    const view = panelView();
    const controller = new CaptureController(
      areas(new FakeSessionArea()),
      () => {},
    );
    await controller.subscribe(TAB_ID, view.receive);

    expect(view.options()).toEqual({ preserveLog: false, paused: false });
  });

  it("change one field at a time and reach every panel", async () => {
    const area = new FakeSessionArea();
    const view = panelView();
    const controller = new CaptureController(areas(area), (_tab, message) =>
      view.receive(message),
    );
    await controller.subscribe(TAB_ID, view.receive);
    await controller.setOptions(TAB_ID, { preserveLog: true });
    await controller.setOptions(TAB_ID, { paused: true });

    expect(view.messages.at(-1)).toEqual({
      type: "options",
      options: { preserveLog: true, paused: true },
    });
    expect(area.items.get(`${TAB_OPTIONS_PREFIX}${TAB_ID}`)).toEqual({
      preserveLog: true,
      paused: true,
    });
  });

  it("leave no stored item once both are off again", async () => {
    const area = new FakeSessionArea();
    const controller = new CaptureController(areas(area), () => {});
    await controller.setOptions(TAB_ID, { paused: true });
    await controller.setOptions(TAB_ID, { paused: false });

    expect(area.items.has(`${TAB_OPTIONS_PREFIX}${TAB_ID}`)).toBe(false);
  });

  it("are forgotten when the tab closes", async () => {
    const area = new FakeSessionArea();
    const controller = new CaptureController(areas(area), () => {});
    await controller.setOptions(TAB_ID, { preserveLog: true });
    await controller.forgetTab(TAB_ID);

    expect(area.items.has(`${TAB_OPTIONS_PREFIX}${TAB_ID}`)).toBe(false);
  });
});

describe("capture options after a worker restart", () => {
  it("are in the new worker's snapshot", async () => {
    const area = new FakeSessionArea();
    const first = new CaptureController(areas(area), () => {});
    await first.setOptions(TAB_ID, { preserveLog: true, paused: true });

    const view = panelView();
    const second = new CaptureController(areas(area), () => {});
    await second.subscribe(TAB_ID, view.receive);

    expect(view.options()).toEqual({ preserveLog: true, paused: true });
  });

  it("keep a paused tab paused before its pages reconnect", async () => {
    const area = new FakeSessionArea();
    const first = new CaptureController(areas(area), () => {});
    await first.subscribe(TAB_ID, () => {});
    await first.setOptions(TAB_ID, { paused: true });
    await settle(first);

    // The new worker receives the events before it loaded the stored state.
    const second = new CaptureController(areas(area), () => {});
    for (const event of exchangeEvents(1)) second.handleEvent(event);
    await settle(second);

    expect(storedRecords(area)).toEqual([]);
  });

  it("keep preserving the log of a tab", async () => {
    const area = new FakeSessionArea();
    const first = new CaptureController(areas(area), () => {});
    await first.subscribe(TAB_ID, () => {});
    await first.setOptions(TAB_ID, { preserveLog: true });
    for (const event of exchangeEvents(1)) first.handleEvent(event);
    await settle(first);

    const second = new CaptureController(areas(area), () => {});
    second.handleEvent(mainFrameResponse(TAB_ID, exchangeStart(1) + 500));
    await settle(second);

    expect(storedRecords(area)).toHaveLength(2);
  });

  it("clear the log of a tab that does not preserve it", async () => {
    const area = new FakeSessionArea();
    const first = new CaptureController(areas(area), () => {});
    await first.subscribe(TAB_ID, () => {});
    for (const event of exchangeEvents(1)) first.handleEvent(event);
    await settle(first);

    const second = new CaptureController(areas(area), () => {});
    second.handleEvent(mainFrameResponse(TAB_ID, exchangeStart(1) + 500));
    await settle(second);

    expect(storedRecords(area)).toEqual([]);
  });
});

describe("stored options", () => {
  it("read invalid fields as off", () => {
    expect(captureOptionsFrom({ preserveLog: "true", paused: 1 })).toEqual({
      preserveLog: false,
      paused: false,
    });
    expect(captureOptionsFrom(null)).toEqual({
      preserveLog: false,
      paused: false,
    });
  });

  it("read a change with only the fields given", () => {
    expect(
      captureOptionsChangeFrom({ type: "setOptions", paused: true }),
    ).toEqual({ paused: true });
    expect(captureOptionsChangeFrom({ preserveLog: "no" })).toBeNull();
  });
});
