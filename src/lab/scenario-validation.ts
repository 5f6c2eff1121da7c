import type { Scenario } from "./scenario";

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Throws an Error naming the first scenario whose id is not kebab-case or
 * repeats an earlier id, because the id is the scenario's API path.
 */
export function validateScenarios(scenarios: readonly Scenario[]): void {
  const seen = new Set<string>();
  for (const scenario of scenarios) {
    if (!KEBAB_CASE.test(scenario.id)) {
      throw new Error(
        `Invalid scenario id "${scenario.id}": use lowercase letters, digits and single hyphens.`,
      );
    }
    if (seen.has(scenario.id)) {
      throw new Error(`Duplicate scenario id "${scenario.id}".`);
    }
    seen.add(scenario.id);
  }
}
