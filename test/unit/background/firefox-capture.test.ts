import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CaptureController } from "../../../src/background/capture-controller";
import type { BackgroundToPageMessage } from "../../../src/messaging/port-protocol";
import type { RequestRecord } from "../../../src/model/request-record";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import { loadRecordedEvents } from "../pairing/recorded-events";
import { FakeSessionArea, areas } from "./fake-session-area";

const SCENARIOS = [
  "headers-only-on-preflight",
  "error-without-cors-headers",
  "wildcard-with-credentials",
  "authorization-not-allowed",
  "passing-put",
];

/** Feeds one recording to a controller recording its tab and returns the panel's records. */
async function capture(folder: string, name: string) {
  const recording = loadRecordedEvents(folder, name);
  const tabId = recording.events[0]?.details.tabId ?? -1;
  const records = new Map<string, RequestRecord>();
  const receive = (message: BackgroundToPageMessage) => {
    if (message.type === "cleared") records.clear();
    else if (message.type === "snapshot" || message.type === "records") {
      for (const record of message.records) records.set(record.id, record);
    }
  };
  const controller = new CaptureController(
    areas(new FakeSessionArea()),
    (_tab, m) => receive(m),
  );
  await controller.subscribe(tabId, receive);
  for (const event of recording.events) controller.handleEvent(event);
  await vi.advanceTimersByTimeAsync(100);
  await controller.flush();
  return [...records.values()];
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("capture of Firefox's webRequest events", () => {
  it.each(SCENARIOS)(
    "keeps the same records for %s as Chromium",
    async (name) => {
      const firefox = await capture("firefox-events", name);
      const chromium = await capture("chromium-events", name);
      const shape = (records: RequestRecord[]) =>
        records
          .map((record) => `${record.method} ${new URL(record.url).pathname}`)
          .sort();
      expect(shape(firefox)).toEqual(shape(chromium));
      expect(firefox.every((record) => !record.inFlight)).toBe(true);
    },
  );

  it.each(SCENARIOS)("pairs %s as in Chromium", async (name) => {
    const firefox = pairExchanges(await capture("firefox-events", name));
    const chromium = pairExchanges(await capture("chromium-events", name));
    expect(firefox).toHaveLength(1);
    expect(firefox[0]?.preflightSource).toBe(chromium[0]?.preflightSource);
    expect(firefox[0]?.preflight?.method).toBe(chromium[0]?.preflight?.method);
    expect(firefox[0]?.origin).toBe(
      loadRecordedEvents("firefox-events", name).pageOrigin,
    );
  });

  it("takes the initiator's origin from originUrl", async () => {
    const [record] = await capture("firefox-events", "passing-put");
    const recording = loadRecordedEvents("firefox-events", "passing-put");
    expect(recording.events[0]?.details.initiator).toBeUndefined();
    expect(record?.initiator).toBe(recording.pageOrigin);
  });
});
