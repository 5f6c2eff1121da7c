/**
 * Records the webRequest events real Firefox fires for lab scenarios and writes them to
 * test/fixtures/firefox-events/, for the pairing tests. Run with
 * `npx tsx test/support/record-firefox-events.ts`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "puppeteer-core";
import { startLab } from "../../src/lab/lab-server";
import {
  findExtensionPage,
  launchFirefox,
} from "../e2e/support/firefox-browser";

const RECORDER = resolve("test/support/firefox-event-recorder");
const RECORDER_PAGE = "recorder.html";
const OUTPUT = resolve("test/fixtures/firefox-events");

/** What each fixture runs on the lab page: one scenario, or several at once. */
const RECORDINGS: Record<string, (page: Page) => Promise<unknown>> = {
  "headers-only-on-preflight": (page) =>
    runScenarios(page, ["headers-only-on-preflight"]),
  "error-without-cors-headers": (page) =>
    runScenarios(page, ["error-without-cors-headers"]),
  "wildcard-with-credentials": (page) =>
    runScenarios(page, ["wildcard-with-credentials"]),
  "authorization-not-allowed": (page) =>
    runScenarios(page, ["authorization-not-allowed"]),
  "passing-put": (page) => runScenarios(page, ["passing-put"]),
  "concurrent-preflights": (page) =>
    runScenarios(
      page,
      ["passing-put", "passing-put", "headers-only-on-preflight"],
      true,
    ),
};

function runScenarios(page: Page, ids: string[], concurrently = false) {
  return page.evaluate(
    async (ids: string[], concurrently: boolean) => {
      const run = (
        window as unknown as { runScenario(id: string): Promise<unknown> }
      ).runScenario;
      if (concurrently) return Promise.all(ids.map((id) => run(id)));
      const outcomes = [];
      for (const id of ids) outcomes.push(await run(id));
      return outcomes;
    },
    ids,
    concurrently,
  );
}

async function takeRecordedEvents(
  recorderPage: Page,
): Promise<{ details: { url: string } }[]> {
  const json = await recorderPage.evaluate(
    () => chrome.runtime.sendMessage("take-recorded-events") as Promise<string>,
  );
  return JSON.parse(json) as { details: { url: string } }[];
}

const lab = await startLab({ pagePort: 0, apiPort: 0 });
const browser = await launchFirefox();
try {
  await browser.installExtension(RECORDER);
  const recorderPage = await findExtensionPage(browser, RECORDER_PAGE);
  const page = await browser.newPage();
  await page.goto(`${lab.pageOrigin}/`);
  const version = await browser.version();
  mkdirSync(OUTPUT, { recursive: true });
  for (const [name, record] of Object.entries(RECORDINGS)) {
    await takeRecordedEvents(recorderPage);
    const outcomes = await record(page);
    // The last events (onErrorOccurred after a failed preflight) can trail the page's promise.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const events = await takeRecordedEvents(recorderPage);
    const apiEvents = events.filter((event) =>
      event.details.url.startsWith(lab.apiOrigin),
    );
    const fixture = {
      browser: `Firefox ${version}`,
      pageOrigin: lab.pageOrigin,
      apiOrigin: lab.apiOrigin,
      outcomes,
      events: apiEvents,
    };
    writeFileSync(
      join(OUTPUT, `${name}.json`),
      `${JSON.stringify(fixture, null, 1)}\n`,
    );
    console.log(`${name}: ${apiEvents.length} events`);
  }
} finally {
  await browser.close();
  await lab.close();
}
