import { launchChromiumWithExtension } from "../e2e/support/chromium-with-extension";
import { launchFirefoxWithExtension } from "../e2e/support/firefox-browser";
import {
  openChromiumHostileTab,
  sendHostileRequestsInChromium,
} from "../e2e/support/hostile-chromium-tab";
import {
  openFirefoxHostileTab,
  sendHostileRequestsInFirefox,
} from "../e2e/support/hostile-firefox-tab";
import {
  observeLongTasks,
  selectAndTime,
  showAllHeaderRows,
  type DetailTiming,
  type HeaderRowSteps,
} from "../e2e/support/hostile-page";
import { HOSTILE_CASES } from "../e2e/support/hostile-payloads";
import {
  startHostileServers,
  type HostileServers,
} from "../e2e/support/hostile-server";
import type { Benchmark } from "./benchmark";
import { median } from "./benchmark";

const ROUNDS = 5;

/** The maximum time one click may block the panel's main thread. */
const BUDGET_MS = 200;

const MANY_HEADERS_PATH = "/hostile/many";

/** The rows of the 5,000-header response that "Show more" adds. */
const MANY_HEADER_ROWS = {
  container: ".request-column--actual",
  rows: "[data-header^='x-many-']",
};

/** What one round needs from the panel, in either browser. */
interface PanelDriver {
  select(url: string): Promise<DetailTiming>;
  showAllManyHeaderRows(): Promise<HeaderRowSteps>;
}

/** The times of one round in one browser. */
interface RoundTimes {
  /** The timing of each hostile exchange's detail, by path. */
  readonly details: ReadonlyMap<string, DetailTiming>;
  /** Maximum duration of the "Show more" steps of the 5,000-header response. */
  readonly maxShowMoreMs: number;
}

/** The rounds of one browser, and the name and version it reports. */
interface BrowserTimes {
  readonly browser: string;
  readonly rounds: readonly RoundTimes[];
}

/**
 * Selects every hostile exchange in turn, then shows every row of the 5,000-header
 * response.
 */
async function measureRound(
  driver: PanelDriver,
  apiOrigin: string,
): Promise<RoundTimes> {
  const details = new Map<string, DetailTiming>();
  for (const hostile of HOSTILE_CASES) {
    details.set(hostile.path, await driver.select(apiOrigin + hostile.path));
  }
  await driver.select(apiOrigin + MANY_HEADERS_PATH);
  const { steps } = await driver.showAllManyHeaderRows();
  return {
    details,
    maxShowMoreMs: Math.max(...steps.map((step) => step.milliseconds)),
  };
}

/**
 * Runs the rounds in one Chromium with the `dist/chrome-test` build, each in a new tab with
 * a new detached panel.
 */
async function chromiumTimes(servers: HostileServers): Promise<BrowserTimes> {
  const browser = await launchChromiumWithExtension();
  await browser.context.addInitScript(observeLongTasks);
  const rounds: RoundTimes[] = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const pageUrl = `${servers.pageUrl}?round=${round}`;
      const tab = await openChromiumHostileTab(browser, pageUrl);
      try {
        await sendHostileRequestsInChromium(tab, servers.apiOrigin);
        const driver: PanelDriver = {
          select: (url) => tab.panel.evaluate(selectAndTime, url),
          showAllManyHeaderRows: () =>
            tab.panel.evaluate(showAllHeaderRows, MANY_HEADER_ROWS),
        };
        rounds.push(await measureRound(driver, servers.apiOrigin));
      } finally {
        await tab.close();
      }
    }
    // The user agent string gives only the major version, as 156.0.0.0.
    const version = browser.context.browser()?.version() ?? "(unknown version)";
    return { browser: `Chromium ${version}, dist/chrome-test`, rounds };
  } finally {
    await browser.close();
  }
}

/**
 * Runs the rounds in one Firefox with the `dist/firefox-test` build, each in a new tab
 * with a new detached panel.
 */
async function firefoxTimes(servers: HostileServers): Promise<BrowserTimes> {
  const firefox = await launchFirefoxWithExtension();
  const rounds: RoundTimes[] = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const pageUrl = `${servers.pageUrl}?round=${round}`;
      const tab = await openFirefoxHostileTab(firefox, pageUrl);
      try {
        await sendHostileRequestsInFirefox(tab, servers.apiOrigin);
        const driver: PanelDriver = {
          select: (url) => tab.panel.evaluate(selectAndTime, url),
          showAllManyHeaderRows: () =>
            tab.panel.evaluate(showAllHeaderRows, MANY_HEADER_ROWS),
        };
        rounds.push(await measureRound(driver, servers.apiOrigin));
      } finally {
        await tab.close();
      }
    }
    const version = await firefox.browser.version();
    return { browser: `${version}, dist/firefox-test`, rounds };
  } finally {
    await firefox.close();
  }
}

function formatMs(value: number): string {
  return `${Math.round(value).toLocaleString("en-US")} ms`;
}

function verdict(milliseconds: number): string {
  return milliseconds < BUDGET_MS ? "within budget" : "over budget";
}

function runs(samples: readonly number[]): string {
  return `(runs: ${samples.map((sample) => Math.round(sample)).join(", ")})`;
}

/** Returns the line of one exchange: its median detail time and max task over all rounds. */
function detailLine(path: string, rounds: readonly RoundTimes[]): string {
  const timings = rounds.flatMap((round) => round.details.get(path) ?? []);
  const renders = timings.map((timing) => timing.milliseconds);
  const render = median(renders);
  const tasks = timings.flatMap((timing) => timing.maxTaskMs ?? []);
  if (tasks.length === 0) {
    // Without long task entries, the click-to-paint time bounds the maximum block,
    // because the block ends before the paint.
    return `${path}: detail ${formatMs(render)} ${runs(renders)}, no long task entries: ${verdict(render)}`;
  }
  const maxTask = median(tasks);
  const taskText = maxTask === 0 ? "none of 50 ms or more" : formatMs(maxTask);
  return `${path}: detail ${formatMs(render)} ${runs(renders)}, max task ${taskText} ${runs(tasks)}: ${verdict(Math.max(render, maxTask))}`;
}

function browserLines(times: BrowserTimes): string[] {
  const steps = times.rounds.map((round) => round.maxShowMoreMs);
  const maxStep = median(steps);
  return [
    `${times.browser}:`,
    ...HOSTILE_CASES.map(
      (hostile) => `  ${detailLine(hostile.path, times.rounds)}`,
    ),
    `  ${MANY_HEADERS_PATH} max "Show more" step ${formatMs(maxStep)} ${runs(steps)}: ${verdict(maxStep)}`,
  ];
}

/**
 * Measures how long the detached CORS panel takes to show each exchange of the
 * hostile-header test, from the click on its row to the painted detail. It also reports
 * the max main-thread task meanwhile, where the browser reports long tasks, and the max
 * "Show more" step of the 5,000-header response. A time over the budget is printed,
 * never thrown, because the figures depend on the machine.
 */
export const hostileRender: Benchmark = {
  name: "hostile-render",
  async run() {
    const servers = await startHostileServers();
    try {
      const chromium = await chromiumTimes(servers);
      const firefox = await firefoxTimes(servers);
      return [
        `Median of ${ROUNDS} rounds, each in a new tab and detached panel; budget ${BUDGET_MS} ms per click`,
        ...browserLines(chromium),
        ...browserLines(firefox),
      ];
    } finally {
      await servers.close();
    }
  },
};
