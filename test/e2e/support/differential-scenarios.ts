import type { Verdict } from "../../../src/model/analysis";
import type { Scenario } from "../../../src/lab/scenario";
import { scenarioPath } from "../../../src/lab/scenario-listing";
import { SCENARIOS } from "../../../src/lab/scenarios";
import type { JsonReportExchange } from "../../../src/report/json-report";

/** Every scenario of the lab, in table order: the differential test runs all of them. */
export const DIFFERENTIAL_SCENARIOS: readonly Scenario[] = SCENARIOS;

export function scenarioById(id: string): Scenario {
  const scenario = SCENARIOS.find((candidate) => candidate.id === id);
  if (scenario === undefined) throw new Error(`No lab scenario "${id}".`);
  return scenario;
}

/**
 * Returns the id of the scenario a URL belongs to, `/api/<id>` or any later
 * hop `/api/<id>/<step>` on any host, or null for other URLs.
 */
export function scenarioIdOfUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const prefix = scenarioPath("");
  if (!path.startsWith(prefix)) return null;
  const [id = ""] = path.slice(prefix.length).split("/");
  return id === "" ? null : id;
}

/**
 * Tells whether the scenario's request is made in CORS mode. A `no-cors` fetch
 * is not checked by the browser, and CORS Lens does not list it.
 */
export function isCorsRequest(scenario: Scenario): boolean {
  return scenario.request.mode !== "no-cors";
}

/** What a browser did with one request of a scenario. */
export interface ObservedVerdict {
  readonly verdict: Verdict;
  /**
   * The error name the browser reported, null when it allowed the request, or
   * undefined when it blocked the request without naming a reason.
   */
  readonly error: string | null | undefined;
}

/** Returns the exchanges of one scenario, in the order their requests started. */
export function exchangesOfScenario(
  exchanges: readonly JsonReportExchange[],
  id: string,
): JsonReportExchange[] {
  return exchanges.filter((exchange) => scenarioIdOfUrl(exchange.url) === id);
}

/**
 * Tells whether Chromium made the request only to look the resource up in its
 * HTTP cache. Chromium 156 first looks a web font up this way, and the attempt
 * fails with `net::ERR_CACHE_MISS` before anything is sent. The network
 * request follows as another webRequest request.
 */
export function isCacheOnlyAttempt(exchange: JsonReportExchange): boolean {
  return (
    exchange.actual.status === null &&
    exchange.actual.error === "net::ERR_CACHE_MISS"
  );
}
