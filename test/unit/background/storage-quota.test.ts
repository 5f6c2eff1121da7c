import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CaptureController } from "../../../src/background/capture-controller";
import {
  DROPPED_COUNT_PREFIX,
  STORED_RECORD_PREFIX,
} from "../../../src/background/capture-store";
import { decodeRecord } from "../../../src/background/stored-record";
import type { BackgroundToPageMessage } from "../../../src/messaging/port-protocol";
import type { RequestRecord } from "../../../src/model/request-record";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import { FakeSessionArea, areas } from "./fake-session-area";
import { TAB_ID, exchangeEvents, exchangeNumber } from "./synthetic-events";

/** Room for about 300 stored exchanges of the recorded passing PUT. */
const QUOTA_CHARS = 800_000;

function storedNumbers(session: FakeSessionArea): number[] {
  const records = session
    .valuesWithPrefix(STORED_RECORD_PREFIX)
    .map(decodeRecord)
    .filter((record): record is RequestRecord => record !== null);
  return pairExchanges(records).map((e) => exchangeNumber(e.actual.url));
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("full session storage", () => {
  it("drops the oldest exchanges and keeps the newest", async () => {
    const session = new FakeSessionArea(QUOTA_CHARS);
    const controller = new CaptureController(areas(session), () => {});
    await controller.subscribe(TAB_ID, () => {});
    const count = 600;
    for (let n = 0; n < count; n += 1) {
      for (const event of exchangeEvents(n)) controller.handleEvent(event);
      await controller.flush();
    }

    expect(session.quotaErrors).toBeGreaterThan(0);
    const kept = storedNumbers(session);
    expect(kept.length).toBeGreaterThan(100);
    expect(kept.length).toBeLessThan(count);
    // The newest exchanges are all there, in order, none missing in between.
    const newest = Array.from(
      { length: kept.length },
      (_, i) => count - kept.length + i,
    );
    expect(kept).toEqual(newest);
  });

  it("counts exchanges dropped for space and tells the panel", async () => {
    const session = new FakeSessionArea(QUOTA_CHARS);
    let dropped = 0;
    const receive = (message: BackgroundToPageMessage) => {
      if (message.type === "records") dropped = message.dropped ?? dropped;
    };
    const controller = new CaptureController(areas(session), (_tab, m) =>
      receive(m),
    );
    await controller.subscribe(TAB_ID, receive);
    for (let n = 0; n < 600; n += 1) {
      for (const event of exchangeEvents(n)) controller.handleEvent(event);
      await controller.flush();
    }

    const kept = storedNumbers(session).length;
    expect(dropped).toBe(600 - kept);
    expect(session.valuesWithPrefix(DROPPED_COUNT_PREFIX)).toEqual([dropped]);
  });

  it("retries the write that failed, so the newest exchange is stored", async () => {
    const session = new FakeSessionArea(QUOTA_CHARS);
    const controller = new CaptureController(areas(session), () => {});
    await controller.subscribe(TAB_ID, () => {});
    for (let n = 0; n < 400; n += 1) {
      for (const event of exchangeEvents(n)) controller.handleEvent(event);
    }
    await controller.flush();

    expect(session.quotaErrors).toBeGreaterThan(0);
    expect(storedNumbers(session).at(-1)).toBe(399);
  });
});
