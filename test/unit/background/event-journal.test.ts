import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CaptureController } from "../../../src/background/capture-controller";
import { STORED_RECORD_PREFIX } from "../../../src/background/capture-store";
import { JOURNAL_KEY_PREFIX } from "../../../src/background/event-journal";
import type { SessionArea } from "../../../src/background/session-area";
import { decodeRecord } from "../../../src/background/stored-record";
import type { RequestRecord } from "../../../src/model/request-record";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import { loadRecordedEvents, replay } from "../pairing/recorded-events";
import { FakeSessionArea, areas } from "./fake-session-area";
import { TAB_ID, exchangeEvents } from "./synthetic-events";

/** A worker that stops before its stored state is loaded: `get` never resolves. */
class NeverLoads implements SessionArea {
  constructor(private readonly inner: SessionArea) {}
  get(): Promise<Record<string, unknown>> {
    return new Promise(() => {});
  }
  set(items: Record<string, unknown>): Promise<void> {
    return this.inner.set(items);
  }
  remove(keys: string | string[]): Promise<void> {
    return this.inner.remove(keys);
  }
}

/** A worker that stops right after storing what the journal produced. */
class NeverRemoves implements SessionArea {
  constructor(private readonly inner: SessionArea) {}
  get(keys: null | string | string[]): Promise<Record<string, unknown>> {
    return this.inner.get(keys);
  }
  set(items: Record<string, unknown>): Promise<void> {
    return this.inner.set(items);
  }
  remove(): Promise<void> {
    return new Promise(() => {});
  }
}

function stored(session: FakeSessionArea): RequestRecord[] {
  return session
    .valuesWithPrefix(STORED_RECORD_PREFIX)
    .map(decodeRecord)
    .filter((record): record is RequestRecord => record !== null);
}

function journalKeys(session: FakeSessionArea): string[] {
  return [...session.items.keys()].filter((key) =>
    key.startsWith(JOURNAL_KEY_PREFIX),
  );
}

/** Stores that the tab was recorded, as a worker does when a page connects. */
async function recordedTab(
  session: FakeSessionArea,
  tabId = TAB_ID,
): Promise<void> {
  const first = new CaptureController(areas(session), () => {});
  await first.subscribe(tabId, () => {});
  await first.flush();
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("events that arrive while the worker loads", () => {
  it("are stored the moment they arrive", async () => {
    const session = new FakeSessionArea();
    await recordedTab(session);
    const loading = new CaptureController(
      areas(new NeverLoads(session)),
      () => {},
    );
    const events = exchangeEvents(1);
    for (const event of events) loading.handleEvent(event);
    expect(journalKeys(session)).toHaveLength(events.length);
  });

  it("reach the next worker when this one stops before loading", async () => {
    const session = new FakeSessionArea();
    await recordedTab(session);
    const stopped = new CaptureController(
      areas(new NeverLoads(session)),
      () => {},
    );
    for (const event of exchangeEvents(1)) stopped.handleEvent(event);

    const next = new CaptureController(areas(session), () => {});
    await next.flush();

    expect(stored(session)).toEqual(
      expect.arrayContaining(replay(exchangeEvents(1))),
    );
    expect(pairExchanges(stored(session))[0]?.preflightSource).toBe("sent");
    expect(journalKeys(session)).toEqual([]);
  });

  it("are applied in arrival order across workers", async () => {
    const session = new FakeSessionArea();
    await recordedTab(session);
    const events = exchangeEvents(1);
    const half = Math.floor(events.length / 2);
    vi.setSystemTime(1_000);
    const first = new CaptureController(
      areas(new NeverLoads(session)),
      () => {},
    );
    for (const event of events.slice(0, half)) first.handleEvent(event);
    vi.setSystemTime(2_000);
    const second = new CaptureController(
      areas(new NeverLoads(session)),
      () => {},
    );
    for (const event of events.slice(half)) second.handleEvent(event);

    const third = new CaptureController(areas(session), () => {});
    await third.flush();
    expect(stored(session)).toEqual(expect.arrayContaining(replay(events)));
  });

  it("are applied once when a worker stops before removing them", async () => {
    // Applying a redirect's events twice would record the redirect twice.
    const { events } = loadRecordedEvents(
      "chromium-events",
      "redirect-allowed-on-every-hop",
    );
    const session = new FakeSessionArea();
    await recordedTab(session, events[0]?.details.tabId);
    const stopped = new CaptureController(
      areas(new NeverLoads(session)),
      () => {},
    );
    for (const event of events) stopped.handleEvent(event);
    new CaptureController(areas(new NeverRemoves(session)), () => {});
    await vi.advanceTimersByTimeAsync(10);
    const afterFirstApply = stored(session);
    expect(afterFirstApply).toEqual(replay(events));
    expect(afterFirstApply[0]?.redirects).toHaveLength(1);

    // The journal keys are still there, marked as applied.
    expect(journalKeys(session)).toHaveLength(events.length);
    const next = new CaptureController(areas(session), () => {});
    await next.flush();
    expect(stored(session)).toEqual(afterFirstApply);
    expect(journalKeys(session)).toEqual([]);
  });
});
