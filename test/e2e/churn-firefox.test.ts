import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { STORED_RECORD_PREFIX } from "../../src/background/capture-store";
import { decodeRecord } from "../../src/background/stored-record";
import type { RequestRecord } from "../../src/model/request-record";
import {
  cleanChurnSummary,
  summarizeChurnCapture,
} from "./support/churn-checks";
import {
  SHORT_IDLE_TIMEOUT_MS,
  backgroundStarts,
  waitForBackgroundRestart,
} from "./support/churn-firefox";
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
  firefoxTabIdOf,
  launchFirefoxWithExtension,
  openFirefoxDetachedPanel,
  type FirefoxWithExtension,
} from "./support/firefox-browser";
import { attributeOf, waitForValue } from "./support/firefox-panel";

let servers: ChurnServers;
let firefox: FirefoxWithExtension;
let page: Page;
let panel: Page;
let startsBefore: number;
let result: ChurnRunResult;

/** Reads the records the background stored, through the test hook page. */
async function storedRecords(): Promise<RequestRecord[]> {
  const values = await firefox.hook.evaluate(async (prefix: string) => {
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
  firefox = await launchFirefoxWithExtension({
    "extensions.background.idle.timeout": SHORT_IDLE_TIMEOUT_MS,
  });
  page = await firefox.browser.newPage();
  await page.goto(servers.pageUrl);
  const tabId = await firefoxTabIdOf(firefox, servers.pageUrl);
  panel = await openFirefoxDetachedPanel(firefox, tabId);
  startsBefore = await backgroundStarts(firefox.hook);
  result = await runChurn({
    servers,
    startBatch: (batch) => page.evaluate(startChurnBatch, batch),
    progress: () => page.evaluate(readChurnProgress),
    storedRecords,
    restartBackground: () => waitForBackgroundRestart(firefox),
  });
}, 220_000);

afterAll(async () => {
  await firefox?.close();
  await servers?.close();
});

it("suspends the background at least 20 times while requests are in flight", async () => {
  expect(result.progress.failed).toEqual([]);
  const restarts = (await backgroundStarts(firefox.hook)) - startsBefore;
  expect(restarts).toBeGreaterThanOrEqual(20);
});

it("reconnects the open panel and shows every exchange", async () => {
  const count = '[data-testid="exchange-count"]';
  await waitForValue(
    () => attributeOf(panel, count, "data-count"),
    String(CHURN_REQUEST_COUNT),
  );
  await waitForValue(
    () => attributeOf(panel, '[data-testid="connection-status"]', "data-state"),
    "connected",
  );
});

it("stores every exchange once, each with its own preflight, in order", async () => {
  const records = await storedRecords();
  const summary = summarizeChurnCapture(records, CHURN_REQUEST_COUNT);
  expect(summary).toEqual(cleanChurnSummary(CHURN_REQUEST_COUNT));
  expect(
    records.every((record) => record.url.startsWith(servers.apiOrigin)),
  ).toBe(true);
  expect(
    records.some((record) => record.url === churnUrl(servers.apiOrigin, 0)),
  ).toBe(true);
});
