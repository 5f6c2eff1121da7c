import { RULES } from "../analyzer/rules";
import type { BrowserVerdict, Finding } from "../model/analysis";
import type { HeaderList } from "../model/header";
import type {
  JsonReport,
  JsonReportExchange,
  JsonReportRequest,
} from "./json-report";

/** Wording shared by the Markdown, HTML and terminal renderers. */

const RULE_TITLES: ReadonlyMap<string, string> = new Map(
  RULES.map((rule) => [rule.id, rule.title]),
);

/** Returns the short title of the finding's rule, or the rule id when it has none. */
export function findingTitle(finding: Finding): string {
  return RULE_TITLES.get(finding.rule) ?? finding.rule;
}

/** Returns the first error finding, else the first warning, else null. */
export function mainFinding(findings: readonly Finding[]): Finding | null {
  return (
    findings.find((finding) => finding.severity === "error") ??
    findings.find((finding) => finding.severity === "warning") ??
    null
  );
}

const RESPONSE_NAMES: Readonly<Record<Finding["response"], string>> = {
  preflight: "preflight response",
  actual: "actual response",
  redirect: "redirect response",
};

/** Says where a finding applies: `Access-Control-Allow-Origin on the preflight response`. */
export function findingLocation(finding: Finding): string {
  const response = `the ${RESPONSE_NAMES[finding.response]}`;
  return finding.header === null
    ? `on ${response}`
    : `${finding.header} on ${response}`;
}

/** `blocked (MissingAllowOriginHeader)` or `allowed`. */
export function browserVerdictText(browser: BrowserVerdict): string {
  return browser.error === null
    ? browser.verdict
    : `${browser.verdict} (${browser.error})`;
}

/** Returns the status code and the error, whichever exist, else `pending` or `no response`. */
export function requestStatusText(request: JsonReportRequest): string {
  const parts: string[] = [];
  if (request.status !== null) parts.push(String(request.status));
  if (request.error !== null) parts.push(request.error);
  if (parts.length > 0) return parts.join(", ");
  return request.inFlight ? "pending" : "no response";
}

/** Returns the preflight column's text: the status, `cached` or `none`. */
export function preflightStatusText(exchange: JsonReportExchange): string {
  if (exchange.preflightSource === "cached") return "cached";
  if (exchange.preflightSource === "not-needed" || exchange.preflight === null)
    return "none";
  return requestStatusText(exchange.preflight);
}

/** Explains the preflight column when no preflight was sent for the request. */
export function preflightNote(exchange: JsonReportExchange): string | null {
  switch (exchange.preflightSource) {
    case "sent":
      return null;
    case "cached":
      return exchange.preflight === null
        ? "No preflight was sent: the browser reused a cached preflight answer that was not recorded."
        : "No preflight was sent: the browser reused the cached answer of this earlier preflight.";
    case "not-needed":
      return "No preflight was needed: the method and request headers are all CORS-safelisted.";
  }
}

/** Exchanges the detailed part of a report shows: blocked ones and those with warnings. */
export function exchangesWithFindings(
  report: JsonReport,
): { exchange: JsonReportExchange; number: number }[] {
  return report.exchanges
    .map((exchange, index) => ({ exchange, number: index + 1 }))
    .filter(
      ({ exchange }) =>
        exchange.verdict === "blocked" || exchange.findings.length > 0,
    );
}

/** `Blocked` or `Allowed with warnings`, the heading word of an exchange. */
export function verdictHeading(exchange: JsonReportExchange): string {
  if (exchange.verdict === "blocked") return "Blocked";
  return exchange.findings.length > 0 ? "Allowed with warnings" : "Allowed";
}

/** Returns one sentence that counts the exchanges of the report. */
export function summarySentence(report: JsonReport): string {
  const { exchanges, blocked, allowed, warnings } = report.summary;
  const requests = exchanges === 1 ? "1 request" : `${exchanges} requests`;
  return `${requests}: ${blocked} blocked, ${allowed} allowed, ${warnings} with warnings.`;
}

/** Returns the sentence that states whether secrets were redacted. */
export function redactionSentence(report: JsonReport): string {
  return report.redacted
    ? "Secrets were redacted: the values of Authorization, Proxy-Authorization, Cookie, Set-Cookie, secret-looking headers and query parameters read [redacted]."
    : "Secrets were not redacted: this report may contain cookies, tokens and passwords. Read it before you share it.";
}

/** One row of a side-by-side header table: a header name and its value on each side. */
export interface HeaderPairRow {
  readonly name: string;
  readonly left: string | null;
  readonly right: string | null;
}

/**
 * Lines up two header lists by name, case-insensitively, in the order the names first
 * appear (left list first). A name repeated on either side gets one row per line, so
 * repeated headers stay visible.
 */
export function pairHeaderRows(
  left: HeaderList,
  right: HeaderList,
): HeaderPairRow[] {
  const names: string[] = [];
  const spelling = new Map<string, string>();
  const leftValues = new Map<string, string[]>();
  const rightValues = new Map<string, string[]>();
  const add = (headers: HeaderList, values: Map<string, string[]>): void => {
    for (const { name, value } of headers) {
      const key = name.toLowerCase();
      if (!spelling.has(key)) {
        spelling.set(key, name);
        names.push(key);
      }
      const list = values.get(key);
      if (list === undefined) values.set(key, [value]);
      else list.push(value);
    }
  };
  add(left, leftValues);
  add(right, rightValues);

  const rows: HeaderPairRow[] = [];
  for (const key of names) {
    const leftList = leftValues.get(key) ?? [];
    const rightList = rightValues.get(key) ?? [];
    const count = Math.max(leftList.length, rightList.length);
    for (let index = 0; index < count; index += 1) {
      rows.push({
        name: spelling.get(key) ?? key,
        left: leftList[index] ?? null,
        right: rightList[index] ?? null,
      });
    }
  }
  return rows;
}

/**
 * Tells whether a finding points at this header of this response, so renderers can
 * mark the row.
 */
export function isHeaderAtFault(
  findings: readonly Finding[],
  response: Finding["response"],
  headerName: string,
): boolean {
  const lowerName = headerName.toLowerCase();
  return findings.some(
    (finding) =>
      finding.response === response &&
      finding.header !== null &&
      finding.header.toLowerCase() === lowerName,
  );
}

/** Findings about a header that was absent from the preflight or actual response. */
export function missingHeaderFindings(exchange: JsonReportExchange): Finding[] {
  return exchange.findings.filter(
    (finding) =>
      finding.header !== null &&
      finding.value === null &&
      finding.response !== "redirect",
  );
}
