import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { STORED_RECORD_PREFIX } from "../../src/background/capture-store";
import { decodeRecord } from "../../src/background/stored-record";
import type { RequestRecord } from "../../src/model/request-record";
import type { JsonReport } from "../../src/report/json-report";
import {
  cleanChurnSummary,
  summarizeChurnCapture,
} from "./support/churn-checks";
import { ServiceWorkerStopper } from "./support/churn-chromium";
import {
  CHURN_REQUEST_COUNT,
  runChurn,
  type ChurnRunResult,
} from "./support/churn-run";
import { startChurnServers, type ChurnServers } from "./support/churn-server";
import {
  churnUrl,
  readChurnProgress,
  startChurnBatch,
} from "./support/churn-traffic";
import {
  launchChromiumWithExtension,
  tabIdOf,
  type ChromiumWithExtension,
} from "./support/chromium-with-extension";
import { openDetachedPanel } from "./support/detached-panel";

let servers: ChurnServers;
let browser: ChromiumWithExtension;
let page: Page;
let panel: Page;
let stopper: ServiceWorkerStopper;
let result: ChurnRunResult;

/** Reads the records the background stored, through an extension page. */
async function storedRecords(): Promise<RequestRecord[]> {
  const values = await panel.evaluate(async (prefix: string) => {
    const items = await chrome.storage.session.get(null);
    return Object.entries(items)
      .filter(([key]) => key.startsWith(prefix))
      .map(([, value]) => value);
  }, STORED_RECORD_PREFIX);
  return values
    .map(decodeRecord)
    .filter((record): record is RequestRecord => record !== null);
}

beforeAll(async () => {
  servers = await startChurnServers();
  browser = await launchChromiumWithExtension();
  page = await browser.context.newPage();
  await page.goto(servers.pageUrl);
  panel = await openDetachedPanel(browser, await tabIdOf(browser, page));
  stopper = await ServiceWorkerStopper.attach(browser, page);
  result = await runChurn({
    servers,
    startBatch: (batch) => page.evaluate(startChurnBatch, batch),
    progress: () => page.evaluate(readChurnProgress),
    storedRecords,
    restartBackground: () => stopper.stopNextWorker(),
  });
}, 200_000);

afterAll(async () => {
  await stopper?.detach();
  await browser?.close();
  await servers?.close();
});

it("stops the worker at least 20 times while requests are in flight", () => {
  expect(result.progress.failed).toEqual([]);
  expect(stopper.stops).toBeGreaterThanOrEqual(20);
});

it("reconnects the open panel and shows every exchange", async () => {
  await expect
    .poll(() => panel.getByTestId("exchange-count").getAttribute("data-count"))
    .toBe(String(CHURN_REQUEST_COUNT));
  await expect
    .poll(() =>
      panel.getByTestId("connection-status").getAttribute("data-state"),
    )
    .toBe("connected");
});

it("stores every exchange once, each with its own preflight, in order", async () => {
  const summary = summarizeChurnCapture(
    await storedRecords(),
    CHURN_REQUEST_COUNT,
  );
  expect(summary).toEqual(cleanChurnSummary(CHURN_REQUEST_COUNT));
});

it("exports every exchange the panel shows, in order, with its preflight", async () => {
  const downloadStarted = panel.waitForEvent("download");
  await panel.getByTestId("export-report").click();
  const download = await downloadStarted;
  const report = JSON.parse(
    await readFile(await download.path(), "utf8"),
  ) as JsonReport;
  const expected = Array.from({ length: CHURN_REQUEST_COUNT }, (_, n) =>
    churnUrl(servers.apiOrigin, n),
  );
  expect(report.exchanges.map((exchange) => exchange.url)).toEqual(expected);
  const withoutOwnPreflight = report.exchanges.filter(
    (exchange) =>
      exchange.preflightSource !== "sent" ||
      exchange.preflight?.url !== exchange.url,
  );
  expect(withoutOwnPreflight.map((exchange) => exchange.url)).toEqual([]);
  expect(report.exchanges.every((e) => e.verdict === "allowed")).toBe(true);
});
