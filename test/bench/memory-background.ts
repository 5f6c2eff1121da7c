import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { CaptureController } from "../../src/background/capture-controller";
import type { SessionArea } from "../../src/background/session-area";
import type { WebRequestEvent } from "../../src/background/web-request-details";
import { DEFAULT_MAX_EXCHANGES } from "../../src/messaging/capture-settings";
import type { Benchmark } from "./benchmark";

const TABS = 2;
/** Two inspected tabs at the default cap: 10,000 exchanges, 20,000 records. */
const EXCHANGES_PER_TAB = DEFAULT_MAX_EXCHANGES;
const BUDGET_MB = 50;

/** Chromium's events of one preflighted PUT, recorded from the lab in Chromium 156. */
const RECORDING = "test/fixtures/chromium-events/passing-put.json";

/**
 * Stands in for `storage.session`, which keeps its data in the browser process, not in
 * the worker: it only counts what is stored, so its memory does not count as the
 * worker's.
 */
class CountingArea implements SessionArea {
  private readonly sizes = new Map<string, number>();

  get storedChars(): number {
    let total = 0;
    for (const size of this.sizes.values()) total += size;
    return total;
  }

  async get(): Promise<Record<string, unknown>> {
    return {};
  }

  async set(items: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(items)) {
      this.sizes.set(key, key.length + (JSON.stringify(value)?.length ?? 0));
    }
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of [keys].flat()) this.sizes.delete(key);
  }
}

function exchangeEvents(
  template: readonly WebRequestEvent[],
  tabId: number,
  n: number,
): WebRequestEvent[] {
  return template.map(({ event, details }) => ({
    event,
    details: {
      ...details,
      tabId,
      requestId: `${details.requestId}-${tabId}-${n}`,
      url: `${details.url}?n=${n}`,
      timeStamp: details.timeStamp + n,
    },
  }));
}

/** Returns a function that runs a full garbage collection. */
function garbageCollector(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Measures the JavaScript heap the background's capture state takes with 10,000
 * exchanges: the capture code runs in Node on events shaped as Chromium sends them,
 * and the heap growth after a full garbage collection counts, next to the size of the
 * same records as JSON.
 */
export const memoryBackground: Benchmark = {
  name: "memory-background",
  async run() {
    const collect = garbageCollector();
    const template = (
      JSON.parse(readFileSync(RECORDING, "utf8")) as {
        events: WebRequestEvent[];
      }
    ).events;
    const area = new CountingArea();
    const local = { get: async () => ({}) };
    const controller = new CaptureController(
      { session: area, local },
      () => {},
    );
    const tabIds = Array.from({ length: TABS }, (_, index) => 100 + index);
    for (const tabId of tabIds) await controller.subscribe(tabId, () => {});
    await controller.flush();
    collect();
    const before = process.memoryUsage().heapUsed;

    for (let n = 0; n < EXCHANGES_PER_TAB; n += 1) {
      for (const tabId of tabIds) {
        for (const event of exchangeEvents(template, tabId, n)) {
          controller.handleEvent(event);
        }
      }
      if (n % 500 === 0) await controller.flush();
    }
    await controller.flush();
    collect();
    const heap = process.memoryUsage().heapUsed - before;
    const stored = area.storedChars;
    const exchanges = TABS * EXCHANGES_PER_TAB;
    const verdict = heap < BUDGET_MB * 1024 * 1024 ? "within" : "OVER";
    return [
      `${exchanges.toLocaleString("en-US")} exchanges (${TABS} tabs at the default cap), ${(2 * exchanges).toLocaleString("en-US")} records of a preflighted PUT as Chromium reports it`,
      `background heap growth: ${megabytes(heap)} (${verdict} the ${BUDGET_MB} MB budget), ${Math.round(heap / exchanges)} bytes per exchange`,
      `the records as stored in storage.session (JSON text): ${megabytes(stored)}`,
      `heap / stored size: ${(heap / stored).toFixed(2)}`,
    ];
  },
};
