import { readFile } from "node:fs/promises";
import type { Page as PlaywrightPage } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab, type RunningLab } from "../../src/lab/lab-server";
import type {
  JsonReport,
  JsonReportExchange,
} from "../../src/report/json-report";
import {
  launchChromiumWithExtension,
  tabIdOf,
  type ChromiumWithExtension,
} from "./support/chromium-with-extension";
import { openDetachedPanel } from "./support/detached-panel";
import {
  openFirefoxLabSession,
  type FirefoxLabSession,
} from "./support/firefox-lab-session";
import {
  countOf,
  exportReportFromFirefox,
  waitForValue,
} from "./support/firefox-panel";

/** The lab traffic both browsers make: each scenario, then three requests at once. */
const SCENARIOS = [
  "headers-only-on-preflight",
  "error-without-cors-headers",
  "wildcard-with-credentials",
  "authorization-not-allowed",
  "passing-put",
];
const CONCURRENT = ["passing-put", "passing-put", "headers-only-on-preflight"];
const EXCHANGE_COUNT = SCENARIOS.length + CONCURRENT.length;
/** The four classic failures and the concurrent `headers-only-on-preflight`. */
const BLOCKED_COUNT = 5;
const BLOCKED_ROW = '[data-testid="exchange-row"][data-verdict="blocked"]';

/** Runs the lab traffic on a lab page through the browser's own `evaluate`. */
type RunOnPage = (ids: string[], concurrently: boolean) => Promise<unknown>;

async function runLabTraffic(run: RunOnPage): Promise<void> {
  await run(SCENARIOS, false);
  await run(CONCURRENT, true);
}

/**
 * Runs scenarios on the lab page, one by one or at once. Both drivers send the
 * function's source to the page, so it uses nothing from this module.
 */
async function runScenariosInPage({
  ids,
  concurrently,
}: {
  ids: string[];
  concurrently: boolean;
}): Promise<unknown> {
  const run = (
    window as unknown as { runScenario(id: string): Promise<unknown> }
  ).runScenario;
  if (concurrently) return Promise.all(ids.map((id) => run(id)));
  const outcomes = [];
  for (const id of ids) outcomes.push(await run(id));
  return outcomes;
}

/**
 * What must not depend on the browser: the request, how it was paired, and every
 * verdict and finding. Ids, times and header lists differ between browsers.
 */
function comparable(exchange: JsonReportExchange) {
  return {
    url: exchange.url,
    method: exchange.method,
    origin: exchange.origin,
    preflightSource: exchange.preflightSource,
    preflight:
      exchange.preflight === null
        ? null
        : { method: exchange.preflight.method, url: exchange.preflight.url },
    verdict: exchange.verdict,
    browsers: exchange.browsers,
    credentials: exchange.credentials.mode,
    findings: exchange.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      response: finding.response,
      header: finding.header,
      expected: finding.expected,
    })),
  };
}

function comparableExchanges(report: JsonReport) {
  return report.exchanges
    .map(comparable)
    .sort((left, right) =>
      JSON.stringify(left).localeCompare(JSON.stringify(right)),
    );
}

let lab: RunningLab;
let chromium: ChromiumWithExtension | undefined;
let firefox: FirefoxLabSession | undefined;
let chromiumReport: JsonReport;
let firefoxReport: JsonReport;

async function captureInChromium(): Promise<JsonReport> {
  const browser = await launchChromiumWithExtension();
  chromium = browser;
  const labPage: PlaywrightPage = await browser.context.newPage();
  await labPage.goto(`${lab.pageOrigin}/`);
  const panel = await openDetachedPanel(
    browser,
    await tabIdOf(browser, labPage),
  );
  await runLabTraffic((ids, concurrently) =>
    labPage.evaluate(runScenariosInPage, { ids, concurrently }),
  );
  await waitForValue(
    () => panel.getByTestId("exchange-row").count(),
    EXCHANGE_COUNT,
  );
  await waitForValue(() => panel.locator(BLOCKED_ROW).count(), BLOCKED_COUNT);
  const downloadStarted = panel.waitForEvent("download");
  await panel.getByTestId("export-report").click();
  const download = await downloadStarted;
  return JSON.parse(
    await readFile(await download.path(), "utf8"),
  ) as JsonReport;
}

async function captureInFirefox(): Promise<JsonReport> {
  const session = await openFirefoxLabSession({ lab });
  firefox = session;
  await runLabTraffic((ids, concurrently) =>
    session.labPage.evaluate(runScenariosInPage, { ids, concurrently }),
  );
  await waitForValue(
    () => countOf(session.panel, '[data-testid="exchange-row"]'),
    EXCHANGE_COUNT,
  );
  await waitForValue(() => countOf(session.panel, BLOCKED_ROW), BLOCKED_COUNT);
  return exportReportFromFirefox(session.panel, session.downloadFolder);
}

beforeAll(async () => {
  lab = await startLab({ pagePort: 0, apiPort: 0 });
  chromiumReport = await captureInChromium();
  firefoxReport = await captureInFirefox();
});

afterAll(async () => {
  await chromium?.close();
  await firefox?.close();
  await lab?.close();
});

describe("the same lab traffic in Chromium and Firefox", () => {
  it("gives one exchange per request in both", () => {
    expect(chromiumReport.exchanges).toHaveLength(EXCHANGE_COUNT);
    expect(firefoxReport.exchanges).toHaveLength(EXCHANGE_COUNT);
  });

  it("pairs every request with the same preflight", () => {
    const pairing = (report: JsonReport) =>
      comparableExchanges(report).map(({ url, method, preflight }) => ({
        url,
        method,
        preflight,
      }));
    expect(pairing(firefoxReport)).toEqual(pairing(chromiumReport));
  });

  it("gives the same verdicts and findings", () => {
    expect(comparableExchanges(firefoxReport)).toEqual(
      comparableExchanges(chromiumReport),
    );
  });

  it("gives each concurrent request its own preflight in both", () => {
    for (const report of [chromiumReport, firefoxReport]) {
      const sent = report.exchanges.filter(
        (exchange) => exchange.preflightSource === "sent",
      );
      expect(sent).toHaveLength(EXCHANGE_COUNT - 1);
      const passing = report.exchanges.filter((exchange) =>
        exchange.url.endsWith("/api/passing-put"),
      );
      const preflightStarts = passing.map(
        (exchange) => exchange.preflight?.startedAt,
      );
      expect(passing).toHaveLength(3);
      expect(new Set(preflightStarts).size).toBe(3);
    }
  });

  it("sums up the same counts", () => {
    expect(firefoxReport.summary).toEqual(chromiumReport.summary);
  });
});
