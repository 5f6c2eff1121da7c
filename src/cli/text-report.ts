import type { BrowserVerdict, Finding } from "../model/analysis";
import type { JsonReport, JsonReportExchange } from "../report/json-report";
import {
  findingLocation,
  findingTitle,
  redactionSentence,
  requestStatusText,
  summarySentence,
} from "../report/report-text";
import type { LeadBrowser } from "./output-options";

/** ANSI styles for a terminal; every function returns its text unchanged without color. */
export interface TextStyle {
  readonly bad: (text: string) => string;
  readonly good: (text: string) => string;
  readonly warn: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

const plain = (text: string): string => text;

export const PLAIN_STYLE: TextStyle = {
  bad: plain,
  good: plain,
  warn: plain,
  dim: plain,
  bold: plain,
};

/** SGR codes of ECMA-48: 1 bold, 2 faint, 31 red, 32 green, 33 yellow; 0 resets. */
export const COLOR_STYLE: TextStyle = {
  bad: (text) => `\u001b[31m${text}\u001b[0m`,
  good: (text) => `\u001b[32m${text}\u001b[0m`,
  warn: (text) => `\u001b[33m${text}\u001b[0m`,
  dim: (text) => `\u001b[2m${text}\u001b[0m`,
  bold: (text) => `\u001b[1m${text}\u001b[0m`,
};

/**
 * Renders the report for a terminal: the counts, then one line per request led by
 * the chosen browser's verdict and error name, and under each request that is
 * blocked or warned its findings with explanation and fix.
 */
export function renderTextReport(
  report: JsonReport,
  options: { readonly browser: LeadBrowser; readonly style: TextStyle },
): string {
  const { style } = options;
  const lines = [style.bold(`CORS Lens: ${summarySentence(report)}`)];
  if (!report.redacted) lines.push(style.warn(redactionSentence(report)));
  for (const exchange of report.exchanges) {
    lines.push("", ...exchangeLines(exchange, options.browser, style));
  }
  return `${lines.join("\n")}\n`;
}

function exchangeLines(
  exchange: JsonReportExchange,
  browser: LeadBrowser,
  style: TextStyle,
): string[] {
  const lead = exchange.browsers[browser];
  const otherBrowser: LeadBrowser =
    browser === "chromium" ? "firefox" : "chromium";
  const other = exchange.browsers[otherBrowser];
  const verdict =
    lead.verdict === "blocked"
      ? style.bad("BLOCKED")
      : exchange.findings.length > 0
        ? style.warn("ALLOWED")
        : style.good("ALLOWED");
  const lines = [
    `${verdict} ${exchange.method} ${exchange.url} ${style.dim(`(status ${requestStatusText(exchange.actual)})`)}`,
    `  ${browserText(browser, lead)}; ${browserText(otherBrowser, other)}`,
  ];
  for (const finding of exchange.findings) {
    lines.push(...findingLines(finding, style));
  }
  return lines;
}

const BROWSER_NAMES: Readonly<Record<LeadBrowser, string>> = {
  chromium: "Chromium",
  firefox: "Firefox",
};

function browserText(browser: LeadBrowser, verdict: BrowserVerdict): string {
  const name = BROWSER_NAMES[browser];
  return verdict.error === null
    ? `${name}: ${verdict.verdict}`
    : `${name}: ${verdict.verdict}, ${verdict.error}`;
}

function findingLines(finding: Finding, style: TextStyle): string[] {
  const severity =
    finding.severity === "error" ? style.bad("error  ") : style.warn("warning");
  return [
    `  ${severity} ${findingTitle(finding)} ${style.dim(`(${finding.rule}, ${findingLocation(finding)})`)}`,
    `          ${finding.explanation}`,
    `          ${style.bold("Fix:")} ${finding.fix}`,
  ];
}
