import type { AnalyzedExchange } from "../report/build-json-report";
import { findingTitle } from "./finding-title";

/** Returns the one sentence at the top of the detail view. */
export function verdictSentence({
  exchange,
  analysis,
}: AnalyzedExchange): string {
  if (exchange.actual.inFlight) {
    return "Waiting for the response, so the verdict is not final yet.";
  }
  const { chromium, firefox } = analysis.browsers;
  const where =
    chromium.verdict === firefox.verdict
      ? `${capitalize(chromium.verdict)} in Chromium and Firefox`
      : `${capitalize(chromium.verdict)} in Chromium, ${firefox.verdict} in Firefox`;

  const error = analysis.findings.find(
    (finding) => finding.severity === "error",
  );
  if (error !== undefined) return `${where}: ${findingTitle(error)}.`;

  const blockedBy = [chromium, firefox].find(
    (browser) => browser.verdict === "blocked",
  );
  if (analysis.verdict === "blocked" || blockedBy !== undefined) {
    return `${where}: ${blockedBy?.error ?? "no CORS check failed"}.`;
  }

  const warnings = analysis.findings.filter(
    (finding) => finding.severity === "warning",
  );
  const [firstWarning] = warnings;
  if (firstWarning === undefined) {
    return `${where}: the responses pass every CORS check.`;
  }
  const counted =
    warnings.length === 1 ? "1 warning" : `${warnings.length} warnings`;
  return `${where}, with ${counted}: ${findingTitle(firstWarning)}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
