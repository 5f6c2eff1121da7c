import type { Page } from "puppeteer-core";
import type { ScenarioRunResult } from "../../../src/lab/lab-page-types";
import type { Scenario } from "../../../src/lab/scenario";
import type { JsonReport } from "../../../src/report/json-report";
import { analyzeRecords, startRecordingLab } from "./differential-lab-traffic";
import { launchFirefox } from "./firefox-browser";

/** Everything one Firefox run of the scenarios produced. */
export interface FirefoxRun {
  /** What `window.runScenario` resolved to, by scenario id. */
  readonly results: ReadonlyMap<string, ScenarioRunResult>;
  /** The analysis of the requests the lab received and the responses it sent, as a JSON report. */
  readonly report: JsonReport;
  close(): Promise<void>;
}

async function runScenario(page: Page, id: string): Promise<ScenarioRunResult> {
  return page.evaluate(
    (scenarioId) =>
      (
        window as unknown as {
          runScenario(id: string): Promise<ScenarioRunResult>;
        }
      ).runScenario(scenarioId),
    id,
  );
}

/**
 * Starts the lab with every response recorded and the system Firefox without
 * any extension, runs the scenarios one after the other on the lab page, and
 * analyzes the exchanges rebuilt from the lab's traffic.
 */
export async function runScenariosInFirefox(
  scenarios: readonly Scenario[],
): Promise<FirefoxRun> {
  const { lab, records } = await startRecordingLab(scenarios);
  const browser = await launchFirefox().catch(async (error: unknown) => {
    await lab.close();
    throw error;
  });
  const close = async (): Promise<void> => {
    await browser.close();
    await lab.close();
  };
  try {
    const page = await browser.newPage();
    await page.goto(`${lab.pageOrigin}/`);
    await page.waitForFunction(() => "runScenario" in window);
    const results = new Map<string, ScenarioRunResult>();
    for (const scenario of scenarios) {
      results.set(scenario.id, await runScenario(page, scenario.id));
    }
    return { results, report: analyzeRecords(records()), close };
  } catch (error) {
    await close();
    throw error;
  }
}
