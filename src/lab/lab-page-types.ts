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

/** What one request of a scenario produced, as the page could see it. */
export interface RequestOutcome {
  /** True when the fetch resolved with a 2xx status, or the element loaded. */
  readonly ok: boolean;
  /**
   * The status the page could read: 0 for the opaque response of a `no-cors`
   * fetch, null when the fetch failed or the request was an element load.
   */
  readonly status: number | null;
  /**
   * The error the fetch or the load rejected with, such as
   * `TypeError: Failed to fetch`, or null when it succeeded.
   */
  readonly error: string | null;
  /**
   * What `headers.get()` returned for the scenario's `readHeader`: null when
   * the header was not exposed to the page or not sent. Absent when the
   * scenario reads no header or the fetch failed.
   */
  readonly readHeaderValue?: string | null;
}

/**
 * The result that `window.runScenario(id)` resolves to. Its outcome fields
 * describe the last request of the run.
 */
export interface ScenarioRunResult extends RequestOutcome {
  readonly id: string;
  /** Every request of the run, oldest first: more than one when the scenario repeats its request. */
  readonly requests: readonly RequestOutcome[];
}
