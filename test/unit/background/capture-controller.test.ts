import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CaptureController } from "../../../src/background/capture-controller";
import { RECONNECT_GRACE_MS } from "../../../src/background/recording-tabs";
import type { BackgroundToPageMessage } from "../../../src/messaging/port-protocol";
import type { RequestRecord } from "../../../src/model/request-record";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import { loadRecordedEvents } from "../pairing/recorded-events";
import { FakeSessionArea, areas } from "./fake-session-area";

const passing = loadRecordedEvents("chromium-events", "passing-put");
const blocked = loadRecordedEvents(
  "chromium-events",
  "headers-only-on-preflight",
);
const tabId = passing.events[0]?.details.tabId ?? -1;

/** A panel: what the controller sent to it, folded into the records it would show. */
function panel() {
  const records = new Map<string, RequestRecord>();
  const receive = (message: BackgroundToPageMessage) => {
    if (message.type === "snapshot") {
      records.clear();
      for (const record of message.records) records.set(record.id, record);
    } else if (message.type === "records") {
      for (const record of message.records) records.set(record.id, record);
    } else if (message.type === "cleared") {
      records.clear();
    }
  };
  return { records, receive };
}

async function settle(controller: CaptureController) {
  await vi.advanceTimersByTimeAsync(100);
  await controller.flush();
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("capture controller", () => {
  it("records nothing for a tab no page inspects", async () => {
    const area = new FakeSessionArea();
    const controller = new CaptureController(areas(area), () => {});
    for (const event of passing.events) controller.handleEvent(event);
    await settle(controller);
    expect(
      [...area.items.keys()].filter((key) => key.startsWith("record:")),
    ).toEqual([]);
  });

  it("sends the panel every record of a subscribed tab", async () => {
    const area = new FakeSessionArea();
    const view = panel();
    const controller = new CaptureController(areas(area), (_tab, message) =>
      view.receive(message),
    );
    await controller.subscribe(tabId, view.receive);
    for (const event of passing.events) controller.handleEvent(event);
    await settle(controller);
    const exchanges = pairExchanges([...view.records.values()]);
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.preflightSource).toBe("sent");
  });

  it("writes the events of one request in few batches", async () => {
    const area = new FakeSessionArea();
    const controller = new CaptureController(areas(area), () => {});
    await controller.subscribe(tabId, () => {});
    const writesBefore = area.writes;
    for (const event of passing.events) controller.handleEvent(event);
    await settle(controller);
    expect(area.writes - writesBefore).toBe(1);
  });

  it("loses no exchange when the worker restarts between two requests", async () => {
    // The blocked request was recorded before the passing one.
    const area = new FakeSessionArea();
    const first = new CaptureController(areas(area), () => {});
    await first.subscribe(tabId, () => {});
    for (const event of blocked.events) first.handleEvent(event);
    await settle(first);

    // A new worker: events arrive before its state is loaded and before any page
    // reconnects.
    const view = panel();
    const second = new CaptureController(areas(area), (_tab, message) =>
      view.receive(message),
    );
    for (const event of passing.events) second.handleEvent(event);
    await second.subscribe(tabId, view.receive);
    await settle(second);

    const exchanges = pairExchanges([...view.records.values()]);
    expect(exchanges.map((exchange) => exchange.actual.url)).toEqual([
      `${blocked.apiOrigin}/api/headers-only-on-preflight`,
      `${passing.apiOrigin}/api/passing-put`,
    ]);
    expect(
      exchanges.every((exchange) => exchange.preflightSource === "sent"),
    ).toBe(true);
  });

  it("finishes a request that was in flight when the worker stopped", async () => {
    const area = new FakeSessionArea();
    const first = new CaptureController(areas(area), () => {});
    await first.subscribe(tabId, () => {});
    const middle = Math.floor(passing.events.length / 2);
    for (const event of passing.events.slice(0, middle))
      first.handleEvent(event);
    await settle(first);

    const view = panel();
    const second = new CaptureController(areas(area), (_tab, message) =>
      view.receive(message),
    );
    await second.subscribe(tabId, view.receive);
    for (const event of passing.events.slice(middle)) second.handleEvent(event);
    await settle(second);

    const records = [...view.records.values()];
    expect(records).toHaveLength(2);
    expect(records.every((record) => !record.inFlight)).toBe(true);
    expect(pairExchanges(records)[0]?.actual.statusCode).toBe(200);
  });

  it("stops recording a restored tab whose pages never reconnect", async () => {
    const area = new FakeSessionArea();
    const first = new CaptureController(areas(area), () => {});
    await first.subscribe(tabId, () => {});
    await settle(first);

    const second = new CaptureController(areas(area), () => {});
    await vi.advanceTimersByTimeAsync(RECONNECT_GRACE_MS + 1);
    for (const event of passing.events) second.handleEvent(event);
    await settle(second);
    const stored = [...area.items.keys()].filter((key) =>
      key.startsWith("record:"),
    );
    expect(stored).toEqual([]);
  });

  it("clears a tab's records and tells its panels", async () => {
    const area = new FakeSessionArea();
    const messages: string[] = [];
    const controller = new CaptureController(areas(area), (_tab, message) =>
      messages.push(message.type),
    );
    await controller.subscribe(tabId, () => {});
    for (const event of passing.events) controller.handleEvent(event);
    await settle(controller);
    await controller.clear(tabId);
    expect(messages.at(-1)).toBe("cleared");
    expect(
      [...area.items.keys()].filter((key) => key.startsWith("record:")),
    ).toEqual([]);
  });
});
