import type { RequestRecord } from "../../../src/model/request-record";
import { unsettledRequests } from "./churn-checks";
import type { ChurnServers } from "./churn-server";
import type { ChurnBatch, ChurnProgress } from "./churn-traffic";

export const CHURN_REQUEST_COUNT = 2_000;
export const CHURN_BATCH_SIZE = 80;
/** The last requests of each batch, whose responses wait until the background restarted. */
export const HELD_PER_BATCH = 3;

const SETTLE_TIMEOUT_MS = 60_000;
const POLL_MS = 150;

/** What the churn run does in one browser. */
export interface ChurnDriver {
  readonly servers: ChurnServers;
  startBatch(batch: ChurnBatch): Promise<void>;
  progress(): Promise<ChurnProgress>;
  /** Returns the records the background stored. */
  storedRecords(): Promise<RequestRecord[]>;
  /** Stops the background, or waits until the browser stopped it, and returns. */
  restartBackground(): Promise<void>;
}

export interface ChurnRunResult {
  readonly restarts: number;
  readonly progress: ChurnProgress;
}

/** Polls `problems` until it returns none; throws with the last ones on timeout. */
async function waitUntilNone(
  what: string,
  problems: () => Promise<readonly string[]>,
): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const left = await problems();
    if (left.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${SETTLE_TIMEOUT_MS} ms waiting for ${what}: ${left.slice(0, 20).join("; ")}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Sends the churn requests in batches and stops the background after each batch, while
 * the batch's last requests wait for their responses. Chromium drops the webRequest
 * events it has dispatched to a worker that it then stops. A probe extension that
 * stored each event at once lost 23 of 9,600 events over 5 stops forced during traffic
 * (Chromium 156, on a loaded 2-core machine). By itself Chromium stops only an idle
 * worker, one with no events pending. So each stop comes once the background has
 * stored every event of the batch fired so far: requests are in flight, and their
 * remaining events reach the next worker.
 */
export async function runChurn(driver: ChurnDriver): Promise<ChurnRunResult> {
  let restarts = 0;
  for (let from = 0; from < CHURN_REQUEST_COUNT; from += CHURN_BATCH_SIZE) {
    const to = Math.min(from + CHURN_BATCH_SIZE, CHURN_REQUEST_COUNT);
    const held = new Set<number>();
    for (let n = Math.max(from, to - HELD_PER_BATCH); n < to; n += 1) {
      held.add(n);
    }
    driver.servers.hold(held);
    await driver.startBatch({ apiOrigin: driver.servers.apiOrigin, from, to });
    await waitUntilNone(
      `requests ${from} to ${to - 1} to be stored`,
      async () =>
        unsettledRequests(await driver.storedRecords(), from, to, held),
    );
    await driver.restartBackground();
    restarts += 1;
    driver.servers.release();
  }
  await waitUntilNone("every request to finish", async () => {
    const { done } = await driver.progress();
    return done === CHURN_REQUEST_COUNT ? [] : [`${done} finished`];
  });
  // The page receives a response before the background receives its onCompleted
  // event, so the last records may still be in flight when the page is done.
  await waitUntilNone("every request to be stored as finished", async () =>
    unsettledRequests(
      await driver.storedRecords(),
      0,
      CHURN_REQUEST_COUNT,
      new Set(),
    ),
  );
  return { restarts, progress: await driver.progress() };
}
