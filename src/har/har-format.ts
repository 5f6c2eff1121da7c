import type { Analysis, BrowserVerdict, Finding } from "../model/analysis";

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) as CORS Lens writes it:
 * every required field, plus the custom fields (names starting with `_`) that
 * Chromium's DevTools writes and reads for preflights, and the `_cors` analysis.
 */

export interface HarNameValue {
  readonly name: string;
  readonly value: string;
}

export interface HarRequest {
  readonly method: string;
  readonly url: string;
  readonly httpVersion: string;
  readonly cookies: readonly HarNameValue[];
  readonly headers: readonly HarNameValue[];
  readonly queryString: readonly HarNameValue[];
  readonly headersSize: number;
  readonly bodySize: number;
}

export interface HarResponse {
  readonly status: number;
  readonly statusText: string;
  readonly httpVersion: string;
  readonly cookies: readonly HarNameValue[];
  readonly headers: readonly HarNameValue[];
  readonly content: { readonly size: number; readonly mimeType: string };
  readonly redirectURL: string;
  readonly headersSize: number;
  readonly bodySize: number;
  /** Chromium's name for the network error, such as `net::ERR_FAILED`, or null. */
  readonly _error: string | null;
}

export interface HarTimings {
  readonly blocked: number;
  readonly dns: number;
  readonly connect: number;
  readonly ssl: number;
  readonly send: number;
  readonly wait: number;
  readonly receive: number;
}

/** Chromium's `_initiator`: for a preflight, the actual request's URL and requestId. */
export interface HarInitiator {
  readonly type: string;
  readonly url?: string;
  readonly requestId?: string;
}

/** The analysis CORS Lens adds to the entry of each actual request. */
export interface HarCorsAnalysis {
  readonly verdict: Analysis["verdict"];
  readonly preflightSource: string;
  readonly browsers: {
    readonly chromium: BrowserVerdict;
    readonly firefox: BrowserVerdict;
  };
  readonly findings: readonly Finding[];
}

export interface HarEntry {
  readonly startedDateTime: string;
  readonly time: number;
  readonly request: HarRequest;
  readonly response: HarResponse;
  readonly cache: Record<string, never>;
  readonly timings: HarTimings;
  readonly _resourceType: string;
  readonly _initiator: HarInitiator | null;
  /** The request's id in the capture; all redirect hops of one request share it. */
  readonly _requestId: string;
  readonly _frameId: number;
  readonly _cors?: HarCorsAnalysis;
}

export interface HarLog {
  readonly log: {
    readonly version: "1.2";
    readonly creator: { readonly name: string; readonly version: string };
    readonly pages: readonly never[];
    readonly entries: readonly HarEntry[];
    readonly comment?: string;
  };
}
