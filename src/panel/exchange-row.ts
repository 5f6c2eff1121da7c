import type { Verdict } from "../model/analysis";
import type { RequestRecord } from "../model/request-record";
import type { AnalyzedExchange } from "../report/build-json-report";
import { findingTitle, mainFinding } from "./finding-title";

/** The text of one row of the exchange list. */
export interface ExchangeRowText {
  readonly verdict: Verdict;
  readonly hasWarnings: boolean;
  readonly method: string;
  readonly url: string;
  /** The preflight's status, `cached`, or `none` when no preflight was needed. */
  readonly preflightStatus: string;
  /** The actual response's status, or the error when there is none. */
  readonly actualStatus: string;
  /** Title of the first error finding, else of the first warning, else empty. */
  readonly mainFinding: string;
}

export function exchangeRowText({
  exchange,
  analysis,
}: AnalyzedExchange): ExchangeRowText {
  const main = mainFinding(analysis.findings);
  return {
    verdict: analysis.verdict,
    hasWarnings: analysis.findings.some(
      (finding) => finding.severity === "warning",
    ),
    method: exchange.actual.method,
    url: exchange.actual.url,
    preflightStatus: preflightStatusText(
      exchange.preflightSource,
      exchange.preflight,
    ),
    actualStatus: statusText(exchange.actual),
    mainFinding: main === null ? "" : findingTitle(main),
  };
}

function preflightStatusText(
  source: AnalyzedExchange["exchange"]["preflightSource"],
  preflight: RequestRecord | null,
): string {
  if (source === "cached") return "cached";
  if (source === "not-needed" || preflight === null) return "none";
  return statusText(preflight);
}

/** Returns the status code and the error, whichever exist, else `pending` or `no response`. */
export function statusText(record: RequestRecord): string {
  // Chromium reports a CORS failure after the response arrived as net::ERR_FAILED on a
  // request that also has a status, so both are shown.
  const parts: string[] = [];
  if (record.statusCode !== null) parts.push(String(record.statusCode));
  if (record.error !== null) parts.push(record.error);
  if (parts.length > 0) return parts.join(", ");
  return record.inFlight ? "pending" : "no response";
}
