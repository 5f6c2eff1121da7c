import type { ScenarioRequest } from "./scenario";

/**
 * Types shared by the lab server and the lab page's script, which runs in the
 * browser and imports nothing else.
 */

/** One scenario as `/scenarios.json` lists it: what the page must request. */
export interface ListedScenario {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Absolute URL of the scenario on the API origin. */
  readonly url: string;
  readonly request: ScenarioRequest;
}

/** The body of `/scenarios.json`. */
export interface ScenarioListing {
  readonly pageOrigin: string;
  readonly apiOrigin: string;
  readonly scenarios: readonly ListedScenario[];
}

/** The result that `window.runScenario(id)` resolves to. */
export interface ScenarioRunResult {
  readonly id: string;
  /** True when the fetch resolved with a 2xx status. */
  readonly ok: boolean;
  /** The status the page could read, or null when the fetch failed. */
  readonly status: number | null;
  /** The error the fetch rejected with, such as `TypeError: Failed to fetch`. */
  readonly error: string | null;
}
