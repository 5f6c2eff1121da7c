/**
 * The page side of the worker churn tests: batches of preflighted PUT requests, each
 * to its own URL, `/churn?n=<n>` on the churn API origin.
 */

/** A batch of requests, passed to the page as one serializable argument. */
export interface ChurnBatch {
  readonly apiOrigin: string;
  /** First request number of the batch. */
  readonly from: number;
  /** Request number after the last of the batch. */
  readonly to: number;
}

/** The page's progress, kept in `window.churnProgress`. */
export interface ChurnProgress {
  readonly done: number;
  readonly failed: readonly string[];
}

/** Returns the URL of request `n`. */
export function churnUrl(apiOrigin: string, n: number): string {
  return `${apiOrigin}/churn?n=${n}`;
}

/**
 * Sends the batch's requests from the page, all at once, and returns without waiting
 * for them; `window.churnProgress` counts those that finished. It runs in the page, so
 * it uses nothing from this module's scope. `cache: "no-store"` also bypasses the
 * preflight cache (observed in Chromium 156 and Firefox 153), so every request gets
 * its own preflight.
 */
export function startChurnBatch(batch: ChurnBatch): void {
  const holder = window as unknown as {
    churnProgress?: { done: number; failed: string[] };
  };
  holder.churnProgress ??= { done: 0, failed: [] };
  const progress = holder.churnProgress;
  for (let n = batch.from; n < batch.to; n += 1) {
    fetch(`${batch.apiOrigin}/churn?n=${n}`, {
      method: "PUT",
      headers: {
        "Content-Type": "application/json",
        "X-Request-Id": `churn-${n}`,
      },
      body: "{}",
      cache: "no-store",
    })
      .then(async (response) => {
        await response.text();
        if (!response.ok) progress.failed.push(`${n}: ${response.status}`);
      })
      .catch((error: unknown) => {
        progress.failed.push(`${n}: ${String(error)}`);
      })
      .finally(() => {
        progress.done += 1;
      });
  }
}

/** Reads `window.churnProgress` in the page. */
export function readChurnProgress(): ChurnProgress {
  const progress = (window as unknown as { churnProgress?: ChurnProgress })
    .churnProgress;
  return progress ?? { done: 0, failed: [] };
}
