import type { Page, Request } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startLab, type RunningLab } from "../../src/lab/lab-server";
import { SCENARIOS } from "../../src/lab/scenarios";
import {
  launchChromiumWithExtension,
  type ChromiumWithExtension,
} from "./support/chromium-with-extension";
import { waitForValue } from "./support/firefox-panel";

/**
 * Proves that CORS Lens sends nothing anywhere during a whole capture and every
 * export. Playwright enables the DevTools protocol's Network domain on every page and
 * service worker of the context, the extension's included, and reports each request
 * with the page or worker that made it. The last test checks that a request the panel
 * or the worker makes is indeed reported.
 */

interface SeenRequest {
  readonly url: string;
  /** `page`, `panel`, `service worker` or `other page`. */
  readonly source: string;
}

let lab: RunningLab;
let browser: ChromiumWithExtension;
let labPage: Page;
let panel: Page;
const seen: SeenRequest[] = [];
const downloads: string[] = [];

function sourceOf(request: Request): string {
  if (request.serviceWorker() !== null) return "service worker";
  const page = request.frame().page();
  if (page === labPage) return "page";
  if (page === panel) return "panel";
  return "other page";
}

/** Schemes that never leave the browser. */
function isLocal(url: string): boolean {
  return /^(chrome-extension|data|blob|about):/.test(url);
}

beforeAll(async () => {
  lab = await startLab({ pagePort: 0, apiPort: 0 });
  browser = await launchChromiumWithExtension();
  browser.context.on("request", (request) => {
    seen.push({ url: request.url(), source: sourceOf(request) });
  });
  const worker = await browser.worker();
  const extensionId = browser.extensionId;

  labPage = await browser.context.newPage();
  await labPage.goto(`${lab.pageOrigin}/`);
  const tabId = await worker.evaluate(async (url: string) => {
    const [tab] = await chrome.tabs.query({ url });
    return tab?.id ?? -1;
  }, `${lab.pageOrigin}/`);
  panel = await browser.context.newPage();
  await panel.goto(
    `chrome-extension://${extensionId}/src/panel/panel.html?tabId=${tabId}`,
  );
  await panel
    .locator('[data-testid="connection-status"][data-state="connected"]')
    .waitFor();

  await labPage.evaluate(() =>
    (
      window as unknown as { runAllScenarios(): Promise<unknown> }
    ).runAllScenarios(),
  );
  await waitForValue(
    async () =>
      Number(
        await panel.getByTestId("exchange-count").getAttribute("data-count"),
      ) >= SCENARIOS.length,
    true,
  );

  for (const format of ["json", "md", "html"]) {
    await panel.getByTestId("export-format").selectOption(format);
    const download = panel.waitForEvent("download");
    await panel.getByTestId("export-report").click();
    downloads.push((await download).suggestedFilename());
  }
  const har = panel.waitForEvent("download");
  await panel.getByTestId("export-har").click();
  downloads.push((await har).suggestedFilename());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

it("captures and exports the whole lab", () => {
  expect(downloads).toHaveLength(4);
  expect(
    seen.filter((request) => request.source === "page").length,
  ).toBeGreaterThan(SCENARIOS.length);
});

it("sends no request from the panel or the service worker", () => {
  const fromExtension = seen.filter(
    (request) =>
      (request.source === "panel" || request.source === "service worker") &&
      !isLocal(request.url),
  );
  expect(fromExtension).toEqual([]);
});

it("sends nothing but the lab's own traffic from the page", () => {
  const elsewhere = seen.filter(
    (request) =>
      request.source === "page" &&
      !request.url.startsWith(lab.pageOrigin) &&
      !request.url.startsWith(lab.apiOrigin) &&
      !request.url.startsWith(lab.apiOrigin.replace("127.0.0.1", "localhost")),
  );
  expect(elsewhere).toEqual([]);
});

it("opens no other page", () => {
  expect(seen.filter((request) => request.source === "other page")).toEqual([]);
});

it("would notice a request the panel or the worker made", async () => {
  const probe = `${lab.pageOrigin}/scenarios.json?probe`;
  await panel.evaluate(
    (url: string) => fetch(url).then(() => undefined),
    probe,
  );
  const worker = await browser.worker();
  await worker.evaluate(
    (url: string) => fetch(url).then(() => undefined),
    probe,
  );
  await waitForValue(
    async () =>
      seen
        .filter((request) => request.url === probe)
        .map((r) => r.source)
        .sort()
        .join(),
    "panel,service worker",
  );
});
