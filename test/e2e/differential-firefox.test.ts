import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScenarioRunResult } from "../../src/lab/lab-page-types";
import {
  runScenariosInFirefox,
  type FirefoxRun,
} from "./support/differential-firefox-run";
import {
  DIFFERENTIAL_SCENARIOS,
  exchangesOfScenario,
  isCorsRequest,
  scenarioById,
  type ObservedVerdict,
} from "./support/differential-scenarios";
import { summarizeExchange } from "./support/differential-summary";

let run: FirefoxRun;

beforeAll(async () => {
  run = await runScenariosInFirefox(DIFFERENTIAL_SCENARIOS);
}, 240_000);

afterAll(async () => {
  await run?.close();
});

/**
 * Firefox's verdict on each request of a run: blocked when the fetch or the
 * load failed. The page cannot read Firefox's reason.
 */
function firefoxVerdicts(result: ScenarioRunResult): ObservedVerdict[] {
  return result.requests.map((request) =>
    request.error === null
      ? { verdict: "allowed", error: null }
      : { verdict: "blocked", error: undefined },
  );
}

function observedVerdicts(id: string): ObservedVerdict[] {
  const result = run.results.get(id);
  if (result === undefined) throw new Error(`Scenario ${id} did not run.`);
  return firefoxVerdicts(result);
}

describe("analyzer against Firefox", () => {
  it.each(DIFFERENTIAL_SCENARIOS.map((scenario) => scenario.id))("%s", (id) => {
    const observed = observedVerdicts(id);
    const exchanges = exchangesOfScenario(run.report.exchanges, id);

    if (!isCorsRequest(scenarioById(id))) {
      expect(exchanges).toHaveLength(0);
      for (const verdict of observed) expect(verdict.verdict).toBe("allowed");
      return;
    }

    expect(exchanges).toHaveLength(observed.length);
    observed.forEach((expected, index) => {
      const exchange = exchanges[index];
      if (exchange === undefined) return;
      const summary = summarizeExchange(exchange, expected, "Firefox");
      expect(exchange.browsers.firefox.verdict, summary).toBe(expected.verdict);
    });
  });
});
