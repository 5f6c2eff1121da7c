import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CaptureController } from "../../../src/background/capture-controller";
import { STORED_RECORD_PREFIX } from "../../../src/background/capture-store";
import type { WebRequestEvent } from "../../../src/background/web-request-details";
import { FakeSessionArea, areas } from "./fake-session-area";
import { exchangeStart, mainFrameResponse } from "./navigation-events";
import { panelView } from "./panel-view";
import { TAB_ID, exchangeEvents, exchangeNumber } from "./synthetic-events";

async function settle(controller: CaptureController) {
  await vi.advanceTimersByTimeAsync(300);
  await controller.flush();
}

/** Creates a controller recording `TAB_ID`, with one panel subscribed to it. */
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
  /** Returns the exchange numbers the panel shows, each once. */
  const shownExchanges = () => [
    ...new Set([...view.records.values()].map((r) => exchangeNumber(r.url))),
  ];
  const storedCount = () =>
    area.valuesWithPrefix(`${STORED_RECORD_PREFIX}${TAB_ID}:`).length;
  return { area, view, controller, feed, shownExchanges, storedCount };
}

/** The time between exchanges `n` and `n + 1`, when no request is in flight. */
const after = (n: number) => exchangeStart(n) + 500;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("navigation of the top-level frame", () => {
  it("clears the tab's exchanges in storage and in the panel", async () => {
    const tab = await recordingTab();
    await tab.feed([...exchangeEvents(1), ...exchangeEvents(2)]);
    expect(tab.shownExchanges()).toEqual([1, 2]);

    await tab.feed([mainFrameResponse(TAB_ID, after(2))]);

    expect(tab.shownExchanges()).toEqual([]);
    expect(tab.storedCount()).toBe(0);
  });

  it("records the new page's requests after clearing", async () => {
    const tab = await recordingTab();
    await tab.feed(exchangeEvents(1));
    await tab.feed([mainFrameResponse(TAB_ID, after(1)), ...exchangeEvents(2)]);

    expect(tab.shownExchanges()).toEqual([2]);
    expect(tab.storedCount()).toBe(2);
  });

  it("keeps the exchanges while preserve log is on", async () => {
    const tab = await recordingTab();
    await tab.controller.setOptions(TAB_ID, { preserveLog: true });
    await tab.feed(exchangeEvents(1));
    await tab.feed([mainFrameResponse(TAB_ID, after(1)), ...exchangeEvents(2)]);

    expect(tab.shownExchanges()).toEqual([1, 2]);
    expect(tab.storedCount()).toBe(4);
  });

  it("clears again once preserve log is turned off", async () => {
    const tab = await recordingTab();
    await tab.controller.setOptions(TAB_ID, { preserveLog: true });
    await tab.feed(exchangeEvents(1));
    await tab.controller.setOptions(TAB_ID, { preserveLog: false });
    await tab.feed([mainFrameResponse(TAB_ID, after(1))]);

    expect(tab.shownExchanges()).toEqual([]);
  });

  it("keeps the exchanges after a 204 response", async () => {
    const tab = await recordingTab();
    await tab.feed(exchangeEvents(1));
    await tab.feed([mainFrameResponse(TAB_ID, after(1), { statusCode: 204 })]);

    expect(tab.shownExchanges()).toEqual([1]);
  });

  it("keeps the exchanges of other tabs", async () => {
    const other = TAB_ID + 1;
    const tab = await recordingTab();
    await tab.controller.subscribe(other, () => {});
    await tab.feed([...exchangeEvents(1), ...exchangeEvents(2, other)]);
    await tab.feed([mainFrameResponse(TAB_ID, after(2))]);

    expect(
      tab.area.valuesWithPrefix(`${STORED_RECORD_PREFIX}${other}:`),
    ).toHaveLength(2);
  });

  it("resets the dropped count shown in the panel", async () => {
    const area = new FakeSessionArea();
    await area.set({ [`dropped:${TAB_ID}`]: 3 });
    const tab = await recordingTab(area);
    expect(tab.view.dropped()).toBe(3);
    await tab.feed(exchangeEvents(1));
    await tab.feed([mainFrameResponse(TAB_ID, after(1))]);

    expect(tab.view.dropped()).toBe(0);
    expect(area.items.has(`dropped:${TAB_ID}`)).toBe(false);
  });
});

describe("requests of the old page", () => {
  it("stay cleared when they finish after the navigation", async () => {
    const tab = await recordingTab();
    const events = exchangeEvents(1);
    // The actual request and its preflight started; the rest comes after.
    await tab.feed(events.slice(0, 3));
    expect(tab.storedCount()).toBe(2);

    const navigation = (events[2]?.details.timeStamp ?? 0) + 0.1;
    await tab.feed([mainFrameResponse(TAB_ID, navigation)]);
    await tab.feed(events.slice(3));

    expect(tab.shownExchanges()).toEqual([]);
    expect(tab.storedCount()).toBe(0);
  });

  it("are not recorded when their first event arrives after the navigation", async () => {
    // A worker that starts receives the events fired meanwhile in no particular
    // order: here the navigation's response comes before the old page's requests.
    const tab = await recordingTab();
    await tab.feed([mainFrameResponse(TAB_ID, after(1)), ...exchangeEvents(1)]);

    expect(tab.shownExchanges()).toEqual([]);
    expect(tab.storedCount()).toBe(0);
  });

  it("leave the new page's earlier-delivered requests in place", async () => {
    const tab = await recordingTab();
    await tab.feed(exchangeEvents(1));
    // The new page's exchange 2 reached the worker before the navigation's response.
    await tab.feed([...exchangeEvents(2), mainFrameResponse(TAB_ID, after(1))]);

    expect(tab.shownExchanges()).toEqual([2]);
    expect(tab.storedCount()).toBe(2);
  });
});
