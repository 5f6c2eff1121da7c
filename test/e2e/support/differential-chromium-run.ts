import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import type { ScenarioRunResult } from "../../../src/lab/lab-page-types";
import type { Scenario } from "../../../src/lab/scenario";
import type { RequestRecord } from "../../../src/model/request-record";
import type { JsonReport } from "../../../src/report/json-report";
import {
  collectChromiumCorsIssues,
  type ChromiumCorsIssue,
} from "./chromium-cors-issues";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import { buildJsonReport } from "../../../src/report/build-json-report";
import { createEntryPairing } from "../../../src/panel/pair-entries";
import {
  CHROME_PRODUCT_BUILD,
  launchChromiumWithExtension,
  tabIdOf,
  type ChromiumLaunchOptions,
  type ChromiumWithExtension,
} from "./chromium-with-extension";
import { devtoolsCaptureEntries } from "./devtools-capture-snapshot";
import {
  devtoolsExtensionFrames,
  type DevtoolsExtensionFrames,
} from "./devtools-window";
import { openDetachedPanel } from "./detached-panel";
import { startRecordingLab } from "./differential-lab-traffic";
import { isCorsRequest } from "./differential-scenarios";

/** Everything one Chromium run of the scenarios produced. */
export interface ChromiumRun {
  /** What `window.runScenario` resolved to, by scenario id. */
  readonly results: ReadonlyMap<string, ScenarioRunResult>;
  /** Every CORS issue Chromium raised through the Audits domain, in order. */
  readonly issues: readonly ChromiumCorsIssue[];
  /** The JSON report exported from the CORS panel after the last scenario. */
  readonly report: JsonReport;
  /** The requests rebuilt from the lab's traffic, as the extension should record them. */
  readonly labRecords: readonly RequestRecord[];
  close(): Promise<void>;
}

/** How long the panel may take to show every captured exchange. */
const SETTLE_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 200;

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

async function runScenario(
  labPage: Page,
  id: string,
): Promise<ScenarioRunResult> {
  return labPage.evaluate(
    (scenarioId) =>
      (
        window as unknown as {
          runScenario(id: string): Promise<ScenarioRunResult>;
        }
      ).runScenario(scenarioId),
    id,
  );
}

async function exportReport(panel: Page): Promise<JsonReport> {
  const downloadStarted = panel.waitForEvent("download");
  await panel.getByTestId("export-report").click();
  const download = await downloadStarted;
  const path = await download.path();
  return JSON.parse(await readFile(path, "utf8")) as JsonReport;
}

async function shownExchangeCount(panel: Page): Promise<number> {
  const count = await panel
    .getByTestId("exchange-count")
    .getAttribute("data-count");
  return Number(count ?? "0");
}

/** How long the exchange count must stay unchanged before the report is exported. */
const STABLE_COUNT_MS = 1_000;

/** Waits until the panel shows at least `expected` exchanges and the count stopped changing. */
async function waitForStableCount(
  panel: Page,
  expected: number,
  deadline: number,
): Promise<void> {
  let count = await shownExchangeCount(panel);
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const stable = Date.now() - stableSince >= STABLE_COUNT_MS;
    if (count >= expected && stable) return;
    await sleep(POLL_INTERVAL_MS);
    const latest = await shownExchangeCount(panel);
    if (latest !== count) stableSince = Date.now();
    count = latest;
  }
}

/**
 * Exports the panel's report once it shows at least `expected` exchanges,
 * their count has stopped changing and none of them is in flight. After the
 * timeout it returns what the panel has, so each scenario's test reports what
 * is missing.
 */
async function exportSettledReport(
  panel: Page,
  expected: number,
): Promise<JsonReport> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    await waitForStableCount(panel, expected, deadline);
    const report = await exportReport(panel);
    const settled = report.exchanges.every(
      (exchange) => !exchange.actual.inFlight,
    );
    if (settled) return report;
    if (Date.now() >= deadline) {
      console.warn(
        `The CORS panel did not settle within ${SETTLE_TIMEOUT_MS} ms; comparing the exchanges it shows.`,
      );
      return report;
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

/** Returns the number of exchanges CORS Lens should list after the scenarios ran. */
function expectedExchangeCount(scenarios: readonly Scenario[]): number {
  return scenarios
    .filter(isCorsRequest)
    .reduce((total, scenario) => total + (scenario.request.repeat ?? 1), 0);
}

/**
 * Builds the report the CORS panel in DevTools would export: the devtools page's HAR
 * entries, paired as the panel pairs them and analyzed. Waits until at least
 * `expected` exchanges are there and their number stopped changing.
 */
async function settledDevtoolsReport(
  frames: DevtoolsExtensionFrames,
  expected: number,
): Promise<JsonReport> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let count = -1;
  let stableSince = Date.now();
  for (;;) {
    const { exchanges } = createEntryPairing()(
      await devtoolsCaptureEntries(frames),
    );
    if (exchanges.length !== count) stableSince = Date.now();
    count = exchanges.length;
    const stable = Date.now() - stableSince >= STABLE_COUNT_MS;
    if ((count >= expected && stable) || Date.now() >= deadline) {
      return buildJsonReport(
        exchanges.map((exchange) => ({
          exchange,
          analysis: analyzeExchange(exchange),
        })),
        { generatedAt: new Date().toISOString(), toolVersion: "test" },
      );
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

/** How one run launches Chromium and reads the report of CORS Lens's capture. */
interface CaptureSetup {
  readonly launch: ChromiumLaunchOptions;
  /** Starts capturing the lab page, and returns how to read the settled report. */
  start(
    browser: ChromiumWithExtension,
    labPage: Page,
  ): Promise<(expected: number) => Promise<JsonReport>>;
}

/**
 * Starts the lab and Chromium with CORS Lens capturing the lab page as `setup` says,
 * runs the scenarios one after the other with the Audits domain enabled, and reads
 * the capture's report.
 */
async function runScenarios(
  scenarios: readonly Scenario[],
  setup: CaptureSetup,
): Promise<ChromiumRun> {
  const { lab, records } = await startRecordingLab(scenarios);
  const browser = await launchChromiumWithExtension(setup.launch).catch(
    async (error: unknown) => {
      await lab.close();
      throw error;
    },
  );
  const close = async (): Promise<void> => {
    await browser.close();
    await lab.close();
  };
  try {
    const labPage = await browser.context.newPage();
    await labPage.goto(`${lab.pageOrigin}/`);
    const settledReport = await setup.start(browser, labPage);
    const issues = await collectChromiumCorsIssues(browser.context, labPage);
    const results = new Map<string, ScenarioRunResult>();
    for (const scenario of scenarios) {
      results.set(scenario.id, await runScenario(labPage, scenario.id));
    }
    const report = await settledReport(expectedExchangeCount(scenarios));
    return { results, issues, report, labRecords: records(), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Runs the scenarios with `dist/chrome-test` and the detached CORS panel recording the
 * lab page through webRequest, and exports the panel's report.
 */
export function runScenariosInChromium(
  scenarios: readonly Scenario[],
): Promise<ChromiumRun> {
  return runScenarios(scenarios, {
    launch: {},
    start: async (browser, labPage) => {
      const panel = await openDetachedPanel(
        browser,
        await tabIdOf(browser, labPage),
      );
      return (expected) => exportSettledReport(panel, expected);
    },
  });
}

/**
 * Runs the scenarios with the build users install and DevTools open on the lab page,
 * so that CORS Lens captures through `chrome.devtools.network`.
 */
export function runScenariosInDevtools(
  scenarios: readonly Scenario[],
): Promise<ChromiumRun> {
  return runScenarios(scenarios, {
    launch: {
      build: CHROME_PRODUCT_BUILD,
      args: ["--auto-open-devtools-for-tabs"],
    },
    start: async (browser, labPage) => {
      const frames = await devtoolsExtensionFrames(
        browser.context,
        labPage,
        browser.extensionId,
      );
      return async (expected) => {
        const report = await settledDevtoolsReport(frames, expected);
        await frames.close();
        return report;
      };
    },
  });
}
