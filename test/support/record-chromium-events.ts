/**
 * Records the webRequest events real Chromium fires for lab scenarios and writes them to
 * test/fixtures/chromium-events/, for the pairing tests. Run with
 * `npx tsx test/support/record-chromium-events.ts`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CHROMIUM_LOOPBACK_ONLY_ARGS } from "../../src/lab/chromium";
import { chromium, type Page } from "playwright-core";
import { startLab } from "../../src/lab/lab-server";

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const RECORDER = resolve("test/support/event-recorder");
const OUTPUT = resolve("test/fixtures/chromium-events");

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
  "redirect-allowed-on-every-hop": (page) =>
    runScenarios(page, ["redirect-allowed-on-every-hop"]),
  "redirect-post-303-to-get": (page) =>
    runScenarios(page, ["redirect-post-303-to-get"]),
  "redirect-preflighted-307": (page) =>
    runScenarios(page, ["redirect-preflighted-307"]),
  "redirect-cross-origin-wildcard": (page) =>
    runScenarios(page, ["redirect-cross-origin-wildcard"]),
  "preflight-cache-max-age-600": (page) =>
    runScenarios(page, ["preflight-cache-max-age-600"]),
  "font-without-allow-origin": (page) =>
    runScenarios(page, ["font-without-allow-origin"]),
  "concurrent-preflights": (page) =>
    runScenarios(
      page,
      ["passing-put", "passing-put", "headers-only-on-preflight"],
      true,
    ),
};

function runScenarios(page: Page, ids: string[], concurrently = false) {
  return page.evaluate(
    async ({ ids, concurrently }) => {
      const run = (
        window as unknown as { runScenario(id: string): Promise<unknown> }
      ).runScenario;
      if (concurrently) return Promise.all(ids.map((id) => run(id)));
      const outcomes = [];
      for (const id of ids) outcomes.push(await run(id));
      return outcomes;
    },
    { ids, concurrently },
  );
}

const lab = await startLab({ pagePort: 0, apiPort: 0 });
const profile = mkdtempSync(join(tmpdir(), "cors-lens-recorder-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [
    `--disable-extensions-except=${RECORDER}`,
    `--load-extension=${RECORDER}`,
    "--no-sandbox",
    ...CHROMIUM_LOOPBACK_ONLY_ARGS,
  ],
});
try {
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent("serviceworker"));
  const page = await context.newPage();
  await page.goto(`${lab.pageOrigin}/`);
  const version = context.browser()?.version() ?? "unknown";
  mkdirSync(OUTPUT, { recursive: true });
  for (const [name, record] of Object.entries(RECORDINGS)) {
    await worker.evaluate(() =>
      (
        globalThis as unknown as { takeRecordedEvents(): unknown }
      ).takeRecordedEvents(),
    );
    const outcomes = await record(page);
    // The last events (onErrorOccurred after a blocked response) can trail the page's promise.
    await page.waitForTimeout(300);
    const events = (await worker.evaluate(() =>
      (
        globalThis as unknown as { takeRecordedEvents(): unknown[] }
      ).takeRecordedEvents(),
    )) as { details: { url: string; requestId: string } }[];
    // A request redirected to another origin keeps its requestId, so every event of a
    // request that touched the API origin is kept.
    const apiRequestIds = new Set(
      events
        .filter((event) => event.details.url.startsWith(lab.apiOrigin))
        .map((event) => event.details.requestId),
    );
    const apiEvents = events.filter((event) =>
      apiRequestIds.has(event.details.requestId),
    );
    const fixture = {
      browser: `Chromium ${version}`,
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
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await lab.close();
}
