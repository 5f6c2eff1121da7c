import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import { importHarText, type ImportedHar } from "../../../src/har/import-har";
import type { AnalyzedExchange } from "../../../src/report/analyzed-exchange";

/** Reads a file of test/fixtures/har. */
export function harFixtureText(name: string): string {
  const path = fileURLToPath(
    new URL(`../../fixtures/har/${name}`, import.meta.url),
  );
  return readFileSync(path, "utf8");
}

export function importHarFixture(name: string): ImportedHar {
  return importHarText(harFixtureText(name));
}

export function analyzeAll(har: ImportedHar): AnalyzedExchange[] {
  return har.exchanges.map((exchange) => ({
    exchange,
    analysis: analyzeExchange(exchange),
  }));
}

/** Returns the exchange whose actual request went to the lab API path `/api/<id>`. */
export function byScenario(
  entries: readonly AnalyzedExchange[],
  id: string,
): AnalyzedExchange {
  const matches = entries.filter((entry) =>
    entry.exchange.actual.url.startsWith(`http://127.0.0.1:4101/api/${id}`),
  );
  const [match] = matches;
  if (matches.length !== 1 || match === undefined) {
    throw new Error(`Expected one exchange for ${id}, found ${matches.length}`);
  }
  return match;
}

/** The five demo scenarios with the error Chromium reports for each (null: allowed). */
export const DEMO_CHROMIUM_ERRORS = [
  ["headers-only-on-preflight", "MissingAllowOriginHeader"],
  ["error-without-cors-headers", "MissingAllowOriginHeader"],
  ["wildcard-with-credentials", "WildcardOriginNotAllowed"],
  ["authorization-not-allowed", "HeaderDisallowedByPreflightResponse"],
  ["passing-put", null],
] as const;
