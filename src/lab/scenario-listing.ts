import type { Scenario } from "./scenario";
import type { ScenarioListing } from "./lab-page-types";

/** Returns the API path that serves the scenario with this id. */
export function scenarioPath(id: string): string {
  return `/api/${id}`;
}

/** Builds the body of `/scenarios.json`: the requests, without the responses. */
export function buildScenarioListing(
  scenarios: readonly Scenario[],
  pageOrigin: string,
  apiOrigin: string,
): ScenarioListing {
  return {
    pageOrigin,
    apiOrigin,
    scenarios: scenarios.map((scenario) => ({
      id: scenario.id,
      title: scenario.title,
      description: scenario.description,
      url: apiOrigin + scenarioPath(scenario.id),
      request: scenario.request,
    })),
  };
}
