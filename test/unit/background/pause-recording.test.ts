import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CaptureController } from "../../../src/background/capture-controller";
import { STORED_RECORD_PREFIX } from "../../../src/background/capture-store";
import type { WebRequestEvent } from "../../../src/background/web-request-details";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import { FakeSessionArea, areas } from "./fake-session-area";
import { panelView } from "./panel-view";
import { TAB_ID, exchangeEvents, exchangeNumber } from "./synthetic-events";

async function settle(controller: CaptureController) {
  await vi.advanceTimersByTimeAsync(300);
  await controller.flush();
}

async function recordingTab(area = new FakeSessionArea()) {
  const view = panelView();
  const controller = new CaptureController(areas(area), (tabId, message) => {
    if (tabId === TAB_ID) view.receive(message);
  });
  await controller.subscribe(TAB_ID, view.receive);
  const feed = async (events: readonly WebRequestEvent[]) => {
    for (const event of events) controller.handleEvent(event);
    await settle(controller);
  };
  const shownExchanges = () => [
    ...new Set([...view.records.values()].map((r) => exchangeNumber(r.url))),
  ];
  return { area, view, controller, feed, shownExchanges };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("paused recording", () => {
  it("records no new request of the tab", async () => {
    const tab = await recordingTab();
    await tab.feed(exchangeEvents(1));
    await tab.controller.setOptions(TAB_ID, { paused: true });
    await tab.feed(exchangeEvents(2));

    expect(tab.shownExchanges()).toEqual([1]);
    expect(
      tab.area.valuesWithPrefix(`${STORED_RECORD_PREFIX}${TAB_ID}:`),
    ).toHaveLength(2);
  });

  it("records new requests again once resumed", async () => {
    const tab = await recordingTab();
    await tab.controller.setOptions(TAB_ID, { paused: true });
    await tab.feed(exchangeEvents(1));
    await tab.controller.setOptions(TAB_ID, { paused: false });
    await tab.feed(exchangeEvents(2));

    expect(tab.shownExchanges()).toEqual([2]);
  });

  it("completes a request in flight, with a preflight sent after the pause", async () => {
    // Chromium starts the actual request, then its whole preflight.
    const tab = await recordingTab();
    const [first, ...rest] = exchangeEvents(1);
    await tab.feed(first === undefined ? [] : [first]);
    await tab.controller.setOptions(TAB_ID, { paused: true });
    await tab.feed(rest);

    const [exchange] = pairExchanges([...tab.view.records.values()]);
    expect(exchange?.preflightSource).toBe("sent");
    expect(exchange?.actual.inFlight).toBe(false);
    expect(exchange?.actual.statusCode).toBe(200);
  });

  it("records no preflight of a request not in flight", async () => {
    const tab = await recordingTab();
    await tab.controller.setOptions(TAB_ID, { paused: true });
    const preflight = exchangeEvents(1).filter(
      ({ details }) => details.method === "OPTIONS",
    );
    await tab.feed(preflight);

    expect(tab.view.records.size).toBe(0);
  });

  it("leaves other tabs recording", async () => {
    const other = TAB_ID + 1;
    const tab = await recordingTab();
    await tab.controller.subscribe(other, () => {});
    await tab.controller.setOptions(TAB_ID, { paused: true });
    await tab.feed(exchangeEvents(1, other));

    expect(
      tab.area.valuesWithPrefix(`${STORED_RECORD_PREFIX}${other}:`),
    ).toHaveLength(2);
  });
});
