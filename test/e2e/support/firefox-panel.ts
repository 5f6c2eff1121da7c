import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import type { JsonReport } from "../../../src/report/json-report";

const WAIT_MS = 15_000;

/** Returns the selector of the panel's row for the actual request to `url`. */
export function rowSelector(url: string): string {
  return `[data-testid="exchange-row"][data-url="${url}"]`;
}

/** Polls `read` every 100 ms until it returns `expected`, for at most 15 s. */
export async function waitForValue<T>(
  read: () => Promise<T>,
  expected: T,
): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  let last = await read();
  while (last !== expected) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${String(expected)}; last value ${String(last)}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
}

/** Returns an attribute of the first element matching `selector`, or null. */
export function attributeOf(
  page: Page,
  selector: string,
  name: string,
): Promise<string | null> {
  return page.evaluate(
    (selector: string, name: string) =>
      document.querySelector(selector)?.getAttribute(name) ?? null,
    selector,
    name,
  );
}

/** Returns how many elements match `selector`. */
export function countOf(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (selector: string) => document.querySelectorAll(selector).length,
    selector,
  );
}

/**
 * Clicks the panel's Export report button and returns the report Firefox saved to
 * `downloadFolder`, once the download has finished.
 */
export async function exportReportFromFirefox(
  panel: Page,
  downloadFolder: string,
): Promise<JsonReport> {
  const before = new Set(readdirSync(downloadFolder));
  await panel.bringToFront();
  await panel.click('[data-testid="export-report"]');
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const names = readdirSync(downloadFolder);
    // Firefox writes to `<name>.part` and renames it when the download is complete.
    const saved = names.find(
      (name) => !before.has(name) && /^cors-lens-report-.*\.json$/.test(name),
    );
    const writing = names.some((name) => name.endsWith(".part"));
    if (saved !== undefined && !writing) {
      const text = readFileSync(join(downloadFolder, saved), "utf8");
      return JSON.parse(text) as JsonReport;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `No report was saved to ${downloadFolder} within ${WAIT_MS} ms; it contains: ${names.join(", ")}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
