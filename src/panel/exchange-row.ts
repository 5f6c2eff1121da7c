import type { Verdict } from "../model/analysis";
import type { PreflightSource } from "../model/exchange";
import type { RequestRecord } from "../model/request-record";
import type { AnalyzedExchange } from "../report/build-json-report";
import { findingTitle, mainFinding } from "./finding-title";

/** The text of one row of the exchange list. */
export interface ExchangeRowText {
  readonly verdict: Verdict;
  readonly hasWarnings: boolean;
  readonly method: string;
  readonly url: string;
  /** Origin of the page that made the request, or empty when unknown. */
  readonly initiator: string;
  /** `sent`, `cached` or `not needed`, from the exchange's preflight source. */
  readonly preflight: string;
  /** The status of the preflight sent, or empty when none was sent. */
  readonly preflightStatus: string;
  /** The actual response's status, or the error when there is none. */
  readonly actualStatus: string;
  /** Title of the first error finding, else of the first warning, else empty. */
  readonly mainFinding: string;
}

const PREFLIGHT_TEXT: Readonly<Record<PreflightSource, string>> = {
  sent: "sent",
  cached: "cached",
  "not-needed": "not needed",
};

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
    initiator: exchange.actual.initiator ?? exchange.origin ?? "",
    preflight: PREFLIGHT_TEXT[exchange.preflightSource],
    // A cached preflight's record is the earlier preflight whose response the browser
    // reused, so its status is not this request's.
    preflightStatus:
      exchange.preflightSource === "sent" && exchange.preflight !== null
        ? statusText(exchange.preflight)
        : "",
    actualStatus: statusText(exchange.actual),
    mainFinding: main === null ? "" : findingTitle(main),
  };
}

const rowTexts = new WeakMap<AnalyzedExchange, ExchangeRowText>();

/**
 * Returns exchangeRowText(entry), computed once per entry. The store keeps an entry's
 * object while its records stay the same, so rendering, sorting and filtering reuse it.
 */
export function cachedRowText(entry: AnalyzedExchange): ExchangeRowText {
  let text = rowTexts.get(entry);
  if (text === undefined) {
    text = exchangeRowText(entry);
    rowTexts.set(entry, text);
  }
  return text;
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
