import type { Finding } from "../model/analysis";
import type { RedirectHop } from "../model/request-record";
import { escapeMarkdown } from "./escape-markdown";
import type {
  JsonReport,
  JsonReportExchange,
  JsonReportRequest,
} from "./json-report";
import {
  browserVerdictText,
  exchangesWithFindings,
  findingLocation,
  findingTitle,
  isHeaderAtFault,
  mainFinding,
  missingHeaderFindings,
  pairHeaderRows,
  preflightNote,
  preflightStatusText,
  redactionSentence,
  requestStatusText,
  summarySentence,
  verdictHeading,
} from "./report-text";

/** Shorthand: every value from the report goes through escapeMarkdown. */
const md = escapeMarkdown;

/**
 * Renders the report as GitHub Flavored Markdown to paste into a ticket: a summary
 * table of every exchange, then each blocked or warned exchange with its preflight and
 * actual headers side by side, its findings and their fixes. Every value from the
 * report is escaped, so header values cannot add markup or HTML.
 */
export function renderMarkdownReport(report: JsonReport): string {
  const lines: string[] = [
    "# CORS Lens report",
    "",
    `Generated ${md(report.generatedAt)} by ${md(report.tool.name)} ${md(report.tool.version)}. ${md(summarySentence(report))}`,
    "",
    md(redactionSentence(report)),
    "",
    "## Summary",
    "",
  ];
  if (report.exchanges.length === 0) {
    lines.push("No cross-origin requests were recorded.", "");
  } else {
    lines.push(...summaryTable(report), "");
  }
  for (const { exchange, number } of exchangesWithFindings(report)) {
    lines.push(...exchangeSection(exchange, number));
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

function summaryTable(report: JsonReport): string[] {
  const rows = report.exchanges.map((exchange, index) => {
    const main = mainFinding(exchange.findings);
    return tableRow([
      String(index + 1),
      exchange.verdict,
      exchange.method,
      exchange.url,
      preflightStatusText(exchange),
      requestStatusText(exchange.actual),
      exchange.browsers.chromium.error ?? "",
      exchange.browsers.firefox.error ?? "",
      main === null ? "" : findingTitle(main),
    ]);
  });
  return [
    "| # | Verdict | Method | URL | Preflight | Status | Chromium error | Firefox error | Main finding |",
    "| --: | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ];
}

function exchangeSection(
  exchange: JsonReportExchange,
  number: number,
): string[] {
  const { browsers, credentials } = exchange;
  const basis = credentials.basis === "observed" ? "observed" : "assumed";
  const lines = [
    `## ${number}. ${verdictHeading(exchange)}: ${md(exchange.method)} ${md(exchange.url)}`,
    "",
    `- **Chromium:** ${md(browserVerdictText(browsers.chromium))}`,
    `- **Firefox:** ${md(browserVerdictText(browsers.firefox))}`,
    `- **Origin:** ${md(exchange.origin ?? "unknown")}`,
    `- **Credentials mode:** ${md(credentials.mode)} (${basis}): ${md(credentials.reason)}`,
    "",
    "### Preflight and actual request",
    "",
  ];
  const note = preflightNote(exchange);
  if (note !== null) lines.push(md(note), "");
  lines.push(...headerTable(exchange), "");
  lines.push(...redirectTables("preflight", exchange.preflight, exchange));
  lines.push(...redirectTables("actual request", exchange.actual, exchange));
  lines.push("### Findings", "");
  lines.push(...findingList(exchange.findings), "");
  const assumptions = assumptionLines(exchange);
  if (assumptions.length > 0) {
    lines.push("### Assumptions", "", ...assumptions, "");
  }
  return lines;
}

/** Renders the preflight and the actual request side by side: request line, status, headers. */
function headerTable(exchange: JsonReportExchange): string[] {
  const preflight =
    exchange.preflightSource === "not-needed" ? null : exchange.preflight;
  const actual = exchange.actual;
  const preflightTitle =
    exchange.preflightSource === "cached"
      ? "Earlier cached preflight"
      : "Preflight";
  const lines = [
    `| | ${preflightTitle} | Actual request |`,
    "| --- | --- | --- |",
    tableRow([
      "Request",
      preflight === null ? "" : `${preflight.method} ${preflight.url}`,
      `${actual.method} ${actual.url}`,
    ]),
    tableRow([
      "Status",
      preflight === null ? "" : requestStatusText(preflight),
      requestStatusText(actual),
    ]),
    "| **Request headers** | | |",
  ];
  for (const row of pairHeaderRows(
    preflight?.requestHeaders ?? [],
    actual.requestHeaders,
  )) {
    lines.push(tableRow([row.name, row.left ?? "", row.right ?? ""]));
  }
  if (!actual.requestHeadersSeen) {
    lines.push(
      tableRow(["", "", "The browser did not show the request headers."]),
    );
  }
  lines.push("| **Response headers** | | |");
  const findings = exchange.findings;
  for (const row of pairHeaderRows(
    preflight?.responseHeaders ?? [],
    actual.responseHeaders,
  )) {
    const atFault =
      (row.left !== null && isHeaderAtFault(findings, "preflight", row.name)) ||
      (row.right !== null && isHeaderAtFault(findings, "actual", row.name));
    lines.push(
      tableRow([
        atFault ? `${row.name} (at fault)` : row.name,
        row.left ?? "",
        row.right ?? "",
      ]),
    );
  }
  for (const finding of missingHeaderFindings(exchange)) {
    const cell = `missing, expected ${finding.expected ?? "a value"}`;
    lines.push(
      tableRow([
        `${finding.header ?? ""} (at fault)`,
        finding.response === "preflight" ? cell : "",
        finding.response === "actual" ? cell : "",
      ]),
    );
  }
  return lines;
}

function redirectTables(
  title: string,
  request: JsonReportRequest | null,
  exchange: JsonReportExchange,
): string[] {
  if (request === null) return [];
  return request.redirects.flatMap((hop: RedirectHop, index: number) => [
    `Redirect ${index + 1} of the ${title}: ${md(String(hop.statusCode))} from ${md(hop.url)} to ${md(hop.redirectUrl)}`,
    "",
    "| Response header | Value |",
    "| --- | --- |",
    ...hop.responseHeaders.map((header) =>
      tableRow([
        isHeaderAtFault(exchange.findings, "redirect", header.name)
          ? `${header.name} (at fault)`
          : header.name,
        header.value,
      ]),
    ),
    "",
  ]);
}

function findingList(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ["No findings: every CORS check passed."];
  return findings.flatMap((finding, index) => {
    const severity = finding.severity === "error" ? "Error" : "Warning";
    const names = [
      finding.chromium === null ? null : `Chromium: ${finding.chromium}`,
      finding.firefox === null ? null : `Firefox: ${finding.firefox}`,
    ].filter((name) => name !== null);
    const lines = [
      `${index + 1}. **${severity}: ${md(findingTitle(finding))}** (${md(findingLocation(finding))})`,
      `   - Value: ${md(finding.value ?? "missing")}${finding.expected === null ? "" : `; expected: ${md(finding.expected)}`}`,
    ];
    if (names.length > 0) lines.push(`   - ${md(names.join("; "))}`);
    lines.push(
      `   - ${md(finding.explanation)}`,
      `   - **Fix:** ${md(finding.fix)}`,
    );
    return lines;
  });
}

function assumptionLines(exchange: JsonReportExchange): string[] {
  const lines: string[] = [];
  const other = exchange.otherCredentialsMode;
  if (other !== null) {
    const main = mainFinding(other.findings);
    lines.push(
      `- With credentials mode ${md(other.mode)} the request would be ${md(other.verdict)}${main === null ? "." : `: ${md(findingTitle(main))}.`}`,
    );
  }
  for (const assumption of exchange.assumptions) {
    lines.push(`- ${md(assumption)}`);
  }
  return lines;
}

/** Escapes each cell and joins them into a table row. */
function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => md(cell)).join(" | ")} |`;
}
