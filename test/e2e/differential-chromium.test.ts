import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPreflight } from "../../src/pairing/cors-request";
import {
  runScenariosInChromium,
  runScenariosInDevtools,
  type ChromiumRun,
} from "./support/differential-chromium-run";
import {
  blockingIssuesOf,
  chromiumVerdicts,
} from "./support/differential-chromium-verdicts";
import {
  DIFFERENTIAL_SCENARIOS,
  exchangesOfScenario,
  isCacheOnlyAttempt,
  isCorsRequest,
  scenarioById,
  scenarioIdOfUrl,
} from "./support/differential-scenarios";
import { summarizeExchange } from "./support/differential-summary";

const SCENARIO_IDS = DIFFERENTIAL_SCENARIOS.map((scenario) => scenario.id);
const CORS_SCENARIO_IDS = DIFFERENTIAL_SCENARIOS.filter(isCorsRequest).map(
  (scenario) => scenario.id,
);

/**
 * Runs every scenario in Chromium with CORS Lens capturing in one way, and compares its
 * verdicts and reasons with Chromium's own, scenario by scenario.
 */
function compareWithChromium(
  capture: string,
  start: typeof runScenariosInChromium,
): void {
  let run: ChromiumRun;

  beforeAll(async () => {
    run = await start(DIFFERENTIAL_SCENARIOS);
  }, 240_000);

  afterAll(async () => {
    await run?.close();
  });

  function observedVerdicts(id: string) {
    const result = run.results.get(id);
    if (result === undefined) throw new Error(`Scenario ${id} did not run.`);
    return chromiumVerdicts(result, blockingIssuesOf(run.issues, id));
  }

  /** Returns the exchanges CORS Lens captured for the scenario's network requests. */
  function capturedExchanges(id: string) {
    return exchangesOfScenario(run.report.exchanges, id).filter(
      (exchange) => !isCacheOnlyAttempt(exchange),
    );
  }

  describe(`analyzer against Chromium, ${capture}`, () => {
    it.each(SCENARIO_IDS)("%s", (id) => {
      const observed = observedVerdicts(id);
      const exchanges = capturedExchanges(id);

      if (!isCorsRequest(scenarioById(id))) {
        // No CORS check applies, so CORS Lens lists nothing and Chromium must
        // have let the page have its opaque response.
        expect(exchanges).toHaveLength(0);
        for (const verdict of observed) expect(verdict.verdict).toBe("allowed");
        return;
      }

      expect(exchanges).toHaveLength(observed.length);
      observed.forEach((expected, index) => {
        const exchange = exchanges[index];
        if (exchange === undefined) return;
        const summary = summarizeExchange(exchange, expected, "Chromium");
        expect(exchange.browsers.chromium.verdict, summary).toBe(
          expected.verdict,
        );
        // A failure without an Audits issue has no reason to compare.
        if (expected.error !== undefined) {
          expect(exchange.browsers.chromium.error, summary).toBe(
            expected.error,
          );
        }
      });
    });
  });

  describe(`Chromium capture ${capture} against the lab's traffic`, () => {
    it.each(CORS_SCENARIO_IDS)("keeps the URLs and redirects of %s", (id) => {
      const received = run.labRecords
        .filter(
          (record) =>
            !isPreflight(record) && scenarioIdOfUrl(record.url) === id,
        )
        .map((record) => ({
          url: record.url,
          redirects: record.redirects.map((hop) => hop.url),
        }));
      const captured = capturedExchanges(id).map((exchange) => ({
        url: exchange.url,
        redirects: exchange.actual.redirects.map((hop) => hop.url),
      }));
      expect(captured).toEqual(received);
    });
  });
}

compareWithChromium("through webRequest", runScenariosInChromium);
compareWithChromium("in DevTools", runScenariosInDevtools);
