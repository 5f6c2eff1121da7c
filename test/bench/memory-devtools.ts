import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { CapturedEntries } from "../../src/devtools/captured-entries";
import type { Benchmark } from "./benchmark";

const EXCHANGES = 10_000;
const BUDGET_MB = 50;

/** A HAR that Chromium 156's DevTools exported from the lab. */
const HAR = "test/fixtures/har/chrome-lab.har";
/** Its preflighted PUT that passed, and that PUT's preflight. */
const ACTUAL_INDEX = 9;
const PREFLIGHT_INDEX = 10;

function garbageCollector(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Returns a copy of the HAR entry for request `n`, with its own URL. */
function numbered(entry: Record<string, unknown>, n: number): unknown {
  const copy = structuredClone(entry) as {
    request: { url: string };
    _initiator?: { url?: string };
  };
  copy.request.url = `${copy.request.url}?n=${n}`;
  if (copy._initiator?.url !== undefined) {
    copy._initiator.url = `${copy._initiator.url}?n=${n}`;
  }
  return copy;
}

/**
 * Measures the JavaScript heap the devtools page's capture takes with 10,000
 * exchanges, as Chrome's capture in DevTools keeps them: HAR entries of a preflighted
 * PUT shaped as `chrome.devtools.network` gives them, each copied with its own URL,
 * kept by the same code in Node. The heap growth after a full garbage collection
 * counts.
 */
export const memoryDevtools: Benchmark = {
  name: "memory-devtools",
  async run() {
    const collect = garbageCollector();
    const entries = (
      JSON.parse(readFileSync(HAR, "utf8")) as {
        log: { entries: Record<string, unknown>[] };
      }
    ).log.entries;
    const actual = entries[ACTUAL_INDEX];
    const preflight = entries[PREFLIGHT_INDEX];
    if (actual === undefined || preflight === undefined) {
      throw new Error(`${HAR} lacks the passing PUT and its preflight.`);
    }
    collect();
    const before = process.memoryUsage().heapUsed;
    const captured = new CapturedEntries(EXCHANGES);
    for (let n = 0; n < EXCHANGES; n += 1) {
      captured.add(numbered(preflight, n));
      captured.add(numbered(actual, n));
    }
    collect();
    const heap = process.memoryUsage().heapUsed - before;
    const kept = captured.all().length;
    const verdict = heap < BUDGET_MB * 1024 * 1024 ? "within" : "OVER";
    return [
      `${EXCHANGES.toLocaleString("en-US")} exchanges, ${kept.toLocaleString("en-US")} HAR entries of a preflighted PUT as Chromium's DevTools gives them`,
      `devtools page heap growth: ${megabytes(heap)} (${verdict} the ${BUDGET_MB} MB budget), ${Math.round(heap / EXCHANGES)} bytes per exchange`,
    ];
  },
};
