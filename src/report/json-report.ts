import type {
  BrowserVerdict,
  CredentialsAssumption,
  CredentialsMode,
  Finding,
  Verdict,
} from "../model/analysis";
import type { PreflightSource } from "../model/exchange";
import type { HeaderList } from "../model/header";
import type { RedirectHop } from "../model/request-record";

/** Format version of the JSON report, changed when a field is removed or changes meaning. */
export const JSON_REPORT_VERSION = 1;

/** The whole JSON findings report, as written to `cors-lens-report-*.json`. */
export interface JsonReport {
  readonly version: typeof JSON_REPORT_VERSION;
  /** ISO 8601 time the report was made. */
  readonly generatedAt: string;
  readonly tool: { readonly name: "cors-lens"; readonly version: string };
  /** True when cookies, credentials and secret-looking query parameters were redacted. */
  readonly redacted: boolean;
  readonly summary: JsonReportSummary;
  readonly exchanges: readonly JsonReportExchange[];
}

/** Counts over the exchanges of the report. */
export interface JsonReportSummary {
  readonly exchanges: number;
  readonly blocked: number;
  readonly allowed: number;
  /** Exchanges with at least one warning finding, whatever their verdict. */
  readonly warnings: number;
}

/** One actual request with its preflight and what the analysis concluded. */
export interface JsonReportExchange {
  readonly id: string;
  readonly url: string;
  readonly method: string;
  readonly origin: string | null;
  readonly verdict: Verdict;
  readonly preflightSource: PreflightSource;
  /** The preflight sent, or for `cached` the earlier one reused, or null when none was seen. */
  readonly preflight: JsonReportRequest | null;
  readonly actual: JsonReportRequest;
  readonly findings: readonly Finding[];
  readonly browsers: {
    readonly chromium: BrowserVerdict;
    readonly firefox: BrowserVerdict;
  };
  readonly credentials: CredentialsAssumption;
  readonly otherCredentialsMode: {
    readonly mode: CredentialsMode;
    readonly verdict: Verdict;
    readonly findings: readonly Finding[];
  } | null;
  readonly assumptions: readonly string[];
}

/** One HTTP request and its response, as captured. */
export interface JsonReportRequest {
  readonly url: string;
  readonly method: string;
  /** The resource type as webRequest names it (`xmlhttprequest`, `font`, ...). */
  readonly type: string;
  /** False when the capture could not see the request headers. */
  readonly requestHeadersSeen: boolean;
  readonly requestHeaders: HeaderList;
  /** Final response status, or null when no response arrived. */
  readonly status: number | null;
  readonly responseHeaders: HeaderList;
  readonly redirects: readonly RedirectHop[];
  /** The network error the browser reported, or null. */
  readonly error: string | null;
  readonly inFlight: boolean;
  /** ISO 8601 time the request started, or null when the source gave no valid time. */
  readonly startedAt: string | null;
  /** ISO 8601 time the request completed or failed, or null while in flight. */
  readonly endedAt: string | null;
}
