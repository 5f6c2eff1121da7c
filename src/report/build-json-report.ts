import type { BrowserVerdict, Finding } from "../model/analysis";
import type { RequestRecord } from "../model/request-record";
import type { AnalyzedExchange } from "./analyzed-exchange";
import {
  JSON_REPORT_VERSION,
  type JsonReport,
  type JsonReportExchange,
  type JsonReportRequest,
  type JsonReportSummary,
} from "./json-report";
import { redactEntries } from "./redaction";

export type { AnalyzedExchange } from "./analyzed-exchange";

export interface JsonReportOptions {
  /** ISO 8601 time to write as the report's creation time. */
  readonly generatedAt: string;
  /** Version of CORS Lens that made the report. */
  readonly toolVersion: string;
  /**
   * Replaces cookies, credentials and secret-looking query parameters by
   * `[redacted]` (see redaction.ts). True when left out.
   */
  readonly redact?: boolean;
}

/**
 * Builds the JSON findings report, keeping the entries' order. Secrets are redacted
 * unless `options.redact` is false; other header values are copied as captured.
 */
export function buildJsonReport(
  entries: readonly AnalyzedExchange[],
  options: JsonReportOptions,
): JsonReport {
  const redacted = options.redact ?? true;
  const reported = redacted ? redactEntries(entries) : entries;
  return {
    version: JSON_REPORT_VERSION,
    generatedAt: options.generatedAt,
    tool: { name: "cors-lens", version: options.toolVersion },
    redacted,
    summary: summarize(reported),
    exchanges: reported.map(toReportExchange),
  };
}

function summarize(entries: readonly AnalyzedExchange[]): JsonReportSummary {
  let blocked = 0;
  let warnings = 0;
  for (const { analysis } of entries) {
    if (analysis.verdict === "blocked") blocked += 1;
    if (analysis.findings.some((finding) => finding.severity === "warning")) {
      warnings += 1;
    }
  }
  return {
    exchanges: entries.length,
    blocked,
    allowed: entries.length - blocked,
    warnings,
  };
}

function toReportExchange({
  exchange,
  analysis,
}: AnalyzedExchange): JsonReportExchange {
  return {
    id: exchange.id,
    url: exchange.actual.url,
    method: exchange.actual.method,
    origin: exchange.origin,
    verdict: analysis.verdict,
    preflightSource: exchange.preflightSource,
    preflight:
      exchange.preflight === null ? null : toReportRequest(exchange.preflight),
    actual: toReportRequest(exchange.actual),
    findings: analysis.findings.map(toReportFinding),
    browsers: {
      chromium: toReportBrowserVerdict(analysis.browsers.chromium),
      firefox: toReportBrowserVerdict(analysis.browsers.firefox),
    },
    credentials: {
      mode: analysis.credentials.mode,
      basis: analysis.credentials.basis,
      reason: analysis.credentials.reason,
    },
    otherCredentialsMode:
      analysis.otherCredentialsMode === null
        ? null
        : {
            mode: analysis.otherCredentialsMode.mode,
            verdict: analysis.otherCredentialsMode.verdict,
            findings:
              analysis.otherCredentialsMode.findings.map(toReportFinding),
          },
    assumptions: [...analysis.assumptions],
  };
}

/** Copies the documented fields only, so the format does not depend on the analyzer. */
function toReportFinding(finding: Finding): Finding {
  return {
    rule: finding.rule,
    severity: finding.severity,
    response: finding.response,
    header: finding.header,
    value: finding.value,
    expected: finding.expected,
    chromium: finding.chromium,
    firefox: finding.firefox,
    explanation: finding.explanation,
    fix: finding.fix,
  };
}

function toReportBrowserVerdict(browser: BrowserVerdict): BrowserVerdict {
  return { verdict: browser.verdict, error: browser.error };
}

function toReportRequest(record: RequestRecord): JsonReportRequest {
  return {
    url: record.url,
    method: record.method,
    type: record.type,
    requestHeadersSeen: record.requestHeadersSeen,
    requestHeaders: record.requestHeaders,
    status: record.statusCode,
    responseHeaders: record.responseHeaders,
    redirects: record.redirects,
    error: record.error,
    inFlight: record.inFlight,
    startedAt: isoTime(record.startTime),
    endedAt: record.endTime === null ? null : isoTime(record.endTime),
  };
}

/** Formats epoch milliseconds as ISO 8601, or null for a time that is not a number. */
function isoTime(milliseconds: number): string | null {
  return Number.isFinite(milliseconds)
    ? new Date(milliseconds).toISOString()
    : null;
}
