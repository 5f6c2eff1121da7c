import type { Finding } from "../model/analysis";
import { markup, SafeHtml } from "./escape-html";
import type {
  JsonReport,
  JsonReportExchange,
  JsonReportRequest,
} from "./json-report";
import { REPORT_STYLESHEET } from "./html-report-style";
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

/**
 * The page may load nothing and run nothing: no scripts, images, fonts or frames, and
 * only the inline stylesheet below.
 */
export const REPORT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * Renders the report as one self-contained HTML page: no scripts, a Content Security
 * Policy that forbids loading anything, and a print stylesheet. Every value from the
 * report is escaped by escapeHtml through the `markup` template.
 */
export function renderHtmlReport(report: JsonReport): string {
  const detailed = exchangesWithFindings(report);
  const page = markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>CORS Lens report ${report.generatedAt}</title>
<style>${cssText()}</style>
</head>
<body>
<header>
<h1>CORS Lens report</h1>
<p class="meta">Generated ${report.generatedAt} by ${report.tool.name} ${report.tool.version}. ${summarySentence(report)}</p>
<p class="redaction" data-redacted="${String(report.redacted)}">${redactionSentence(report)}</p>
</header>
<main>
<section id="summary">
<h2>Summary</h2>
${report.exchanges.length === 0 ? markup`<p>No cross-origin requests were recorded.</p>` : summaryTable(report)}
</section>
${detailed.map(({ exchange, number }) => exchangeSection(exchange, number))}
</main>
</body>
</html>
`;
  return page.html;
}

/**
 * Returns the stylesheet unescaped: it is a constant of this program, and character
 * references would not be decoded inside `<style>`.
 */
function cssText(): SafeHtml {
  return new SafeHtml(REPORT_STYLESHEET);
}

function summaryTable(report: JsonReport): SafeHtml {
  const rows = report.exchanges.map((exchange, index) => {
    const main = mainFinding(exchange.findings);
    return markup`<tr class="verdict-${exchange.verdict}">
<td class="number">${index + 1}</td>
<td>${exchange.verdict}</td>
<td>${exchange.method}</td>
<td class="url">${exchange.url}</td>
<td>${preflightStatusText(exchange)}</td>
<td>${requestStatusText(exchange.actual)}</td>
<td>${exchange.browsers.chromium.error ?? ""}</td>
<td>${exchange.browsers.firefox.error ?? ""}</td>
<td>${main === null ? "" : findingTitle(main)}</td>
</tr>
`;
  });
  return markup`<table class="summary">
<thead><tr><th>#</th><th>Verdict</th><th>Method</th><th>URL</th><th>Preflight</th><th>Status</th><th>Chromium error</th><th>Firefox error</th><th>Main finding</th></tr></thead>
<tbody>
${rows}</tbody>
</table>`;
}

function exchangeSection(
  exchange: JsonReportExchange,
  number: number,
): SafeHtml {
  const { browsers, credentials } = exchange;
  const note = preflightNote(exchange);
  const basis = credentials.basis === "observed" ? "observed" : "assumed";
  return markup`<section class="exchange verdict-${exchange.verdict}" id="exchange-${number}">
<h2>${number}. ${verdictHeading(exchange)}: ${exchange.method} <span class="url">${exchange.url}</span></h2>
<dl class="facts">
<dt>Chromium</dt><dd>${browserVerdictText(browsers.chromium)}</dd>
<dt>Firefox</dt><dd>${browserVerdictText(browsers.firefox)}</dd>
<dt>Origin</dt><dd>${exchange.origin ?? "unknown"}</dd>
<dt>Credentials mode</dt><dd>${credentials.mode} (${basis}): ${credentials.reason}</dd>
</dl>
<h3>Preflight and actual request</h3>
${note === null ? null : markup`<p class="note">${note}</p>`}
${headerTable(exchange)}
${redirectTables("preflight", exchange.preflight, exchange)}
${redirectTables("actual request", exchange.actual, exchange)}
<h3>Findings</h3>
${findingList(exchange.findings)}
${assumptionList(exchange)}
</section>
`;
}

function headerTable(exchange: JsonReportExchange): SafeHtml {
  const preflight =
    exchange.preflightSource === "not-needed" ? null : exchange.preflight;
  const actual = exchange.actual;
  const findings = exchange.findings;
  const preflightTitle =
    exchange.preflightSource === "cached"
      ? "Earlier cached preflight"
      : "Preflight";

  const requestRows = pairHeaderRows(
    preflight?.requestHeaders ?? [],
    actual.requestHeaders,
  ).map(
    (row) =>
      markup`<tr><th scope="row">${row.name}</th><td>${row.left}</td><td>${row.right}</td></tr>
`,
  );
  const hiddenHeaders = actual.requestHeadersSeen
    ? null
    : markup`<tr><th scope="row"></th><td></td><td class="note">The browser did not show the request headers.</td></tr>
`;
  const responseRows = pairHeaderRows(
    preflight?.responseHeaders ?? [],
    actual.responseHeaders,
  ).map((row) => {
    const leftFault =
      row.left !== null && isHeaderAtFault(findings, "preflight", row.name);
    const rightFault =
      row.right !== null && isHeaderAtFault(findings, "actual", row.name);
    return markup`<tr><th scope="row">${row.name}</th><td${faultClass(leftFault)}>${row.left}</td><td${faultClass(rightFault)}>${row.right}</td></tr>
`;
  });
  const missingRows = missingHeaderFindings(exchange).map((finding) => {
    const cell = markup`<span class="missing">missing</span>, expected ${finding.expected ?? "a value"}`;
    const onPreflight = finding.response === "preflight";
    return markup`<tr><th scope="row">${finding.header ?? ""}</th><td${faultClass(onPreflight)}>${onPreflight ? cell : null}</td><td${faultClass(!onPreflight)}>${onPreflight ? null : cell}</td></tr>
`;
  });

  return markup`<table class="headers">
<thead><tr><th></th><th>${preflightTitle}</th><th>Actual request</th></tr></thead>
<tbody>
<tr><th scope="row">Request</th><td>${preflight === null ? null : requestLine(preflight)}</td><td>${requestLine(actual)}</td></tr>
<tr><th scope="row">Status</th><td>${preflight === null ? null : requestStatusText(preflight)}</td><td>${requestStatusText(actual)}</td></tr>
<tr class="group"><th colspan="3">Request headers</th></tr>
${requestRows}${hiddenHeaders}<tr class="group"><th colspan="3">Response headers</th></tr>
${responseRows}${missingRows}</tbody>
</table>`;
}

function requestLine(request: JsonReportRequest): SafeHtml {
  return markup`${request.method} <span class="url">${request.url}</span>`;
}

function faultClass(atFault: boolean): SafeHtml | null {
  return atFault ? markup` class="fault"` : null;
}

function redirectTables(
  title: string,
  request: JsonReportRequest | null,
  exchange: JsonReportExchange,
): SafeHtml[] {
  if (request === null) return [];
  return request.redirects.map(
    (
      hop,
      index,
    ) => markup`<h4>Redirect ${index + 1} of the ${title}: ${hop.statusCode} from <span class="url">${hop.url}</span> to <span class="url">${hop.redirectUrl}</span></h4>
<table class="headers">
<thead><tr><th>Response header</th><th>Value</th></tr></thead>
<tbody>
${hop.responseHeaders.map(
  (header) =>
    markup`<tr><th scope="row">${header.name}</th><td${faultClass(isHeaderAtFault(exchange.findings, "redirect", header.name))}>${header.value}</td></tr>
`,
)}</tbody>
</table>
`,
  );
}

function findingList(findings: readonly Finding[]): SafeHtml {
  if (findings.length === 0) {
    return markup`<p>No findings: every CORS check passed.</p>`;
  }
  const items = findings.map((finding) => {
    const names = [
      finding.chromium === null ? null : `Chromium: ${finding.chromium}`,
      finding.firefox === null ? null : `Firefox: ${finding.firefox}`,
    ].filter((name) => name !== null);
    return markup`<li class="finding finding-${finding.severity}" data-rule="${finding.rule}">
<p class="finding-title"><strong>${finding.severity === "error" ? "Error" : "Warning"}: ${findingTitle(finding)}</strong> (${findingLocation(finding)})</p>
<p>Value: ${finding.value ?? "missing"}${finding.expected === null ? null : markup`; expected: ${finding.expected}`}</p>
${names.length === 0 ? null : markup`<p class="names">${names.join("; ")}</p>`}
<p class="explanation">${finding.explanation}</p>
<p class="fix"><strong>Fix:</strong> ${finding.fix}</p>
</li>
`;
  });
  return markup`<ol class="findings">
${items}</ol>`;
}

function assumptionList(exchange: JsonReportExchange): SafeHtml | null {
  const items: SafeHtml[] = [];
  const other = exchange.otherCredentialsMode;
  if (other !== null) {
    const main = mainFinding(other.findings);
    items.push(
      markup`<li>With credentials mode ${other.mode} the request would be ${other.verdict}${main === null ? "." : `: ${findingTitle(main)}.`}</li>
`,
    );
  }
  for (const assumption of exchange.assumptions) {
    items.push(markup`<li>${assumption}</li>
`);
  }
  if (items.length === 0) return null;
  return markup`<h3>Assumptions</h3>
<ul class="assumptions">
${items}</ul>`;
}
