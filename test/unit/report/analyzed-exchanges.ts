import type { Analysis, Finding } from "../../../src/model/analysis";
import type { Exchange } from "../../../src/model/exchange";
import type { RequestRecord } from "../../../src/model/request-record";

/** Hand-built records, exchanges and analyses: defaults plus the fields a test names. */

export const PAGE_ORIGIN = "https://app.example.test";
export const API_URL = "https://api.example.test/items/7";

export function requestRecord(
  fields: Partial<RequestRecord> = {},
): RequestRecord {
  return {
    id: "1",
    url: API_URL,
    method: "GET",
    type: "xmlhttprequest",
    tabId: 3,
    frameId: 0,
    initiator: PAGE_ORIGIN,
    requestHeadersSeen: true,
    requestHeaders: [{ name: "Origin", value: PAGE_ORIGIN }],
    statusCode: 200,
    responseHeaders: [],
    redirects: [],
    error: null,
    inFlight: false,
    startTime: Date.UTC(2025, 2, 1, 10, 0, 0),
    endTime: Date.UTC(2025, 2, 1, 10, 0, 1),
    ...fields,
  };
}

export function finding(fields: Partial<Finding> = {}): Finding {
  return {
    rule: "allow-origin-missing",
    severity: "error",
    response: "actual",
    header: "Access-Control-Allow-Origin",
    value: null,
    expected: PAGE_ORIGIN,
    chromium: "MissingAllowOriginHeader",
    firefox: "CORSMissingAllowOrigin",
    explanation: "The response has no Access-Control-Allow-Origin header.",
    fix: "Send Access-Control-Allow-Origin with the page's origin.",
    ...fields,
  };
}

export function analysis(fields: Partial<Analysis> = {}): Analysis {
  return {
    verdict: "allowed",
    findings: [],
    browsers: {
      chromium: { verdict: "allowed", error: null },
      firefox: { verdict: "allowed", error: null },
    },
    credentials: {
      mode: "omit",
      basis: "assumed",
      reason: "No Cookie header was sent.",
    },
    otherCredentialsMode: null,
    assumptions: [],
    ...fields,
  };
}

export function blockedAnalysis(findings: readonly Finding[]): Analysis {
  const first = findings[0] ?? finding();
  return analysis({
    verdict: "blocked",
    findings,
    browsers: {
      chromium: { verdict: "blocked", error: first.chromium },
      firefox: { verdict: "blocked", error: first.firefox },
    },
  });
}

/** Returns a PUT cleared by a preflight that lacked Access-Control-Allow-Origin. */
export function blockedPreflightExchange(): {
  exchange: Exchange;
  analysis: Analysis;
} {
  const preflight = requestRecord({
    id: "41",
    method: "OPTIONS",
    requestHeaders: [
      { name: "Origin", value: PAGE_ORIGIN },
      { name: "Access-Control-Request-Method", value: "PUT" },
    ],
    statusCode: 204,
    responseHeaders: [{ name: "Allow", value: "GET, PUT" }],
    startTime: Date.UTC(2025, 2, 1, 10, 0, 0, 100),
    endTime: Date.UTC(2025, 2, 1, 10, 0, 0, 140),
  });
  const actual = requestRecord({
    id: "42",
    method: "PUT",
    requestHeadersSeen: false,
    requestHeaders: [],
    statusCode: null,
    error: "net::ERR_FAILED",
    startTime: Date.UTC(2025, 2, 1, 10, 0, 0, 90),
    endTime: null,
    inFlight: true,
  });
  const missingOrigin = finding({
    response: "preflight",
    chromium: "PreflightMissingAllowOriginHeader",
  });
  const missingVary = finding({
    rule: "vary-origin-missing",
    severity: "warning",
    response: "preflight",
    header: "Vary",
    expected: "Origin",
    chromium: null,
    firefox: null,
    explanation: "Shared caches may serve this answer to other origins.",
    fix: "Add Vary: Origin.",
  });
  return {
    exchange: {
      id: "42",
      tabId: 3,
      origin: PAGE_ORIGIN,
      actual,
      preflight,
      preflightSource: "sent",
    },
    analysis: {
      ...blockedAnalysis([missingOrigin, missingVary]),
      otherCredentialsMode: {
        mode: "include",
        verdict: "blocked",
        findings: [missingOrigin],
      },
      assumptions: ["The page did not use mode: 'no-cors'."],
    },
  };
}

/** Returns a simple GET allowed after one redirect hop. */
export function allowedRedirectedExchange(): {
  exchange: Exchange;
  analysis: Analysis;
} {
  const actual = requestRecord({
    id: "50",
    url: "https://api.example.test/old",
    responseHeaders: [
      { name: "Access-Control-Allow-Origin", value: "*" },
      { name: "Content-Type", value: "application/json" },
    ],
    redirects: [
      {
        url: "https://api.example.test/old",
        statusCode: 302,
        responseHeaders: [
          { name: "Location", value: "/new" },
          { name: "Access-Control-Allow-Origin", value: "*" },
        ],
        redirectUrl: "https://api.example.test/new",
      },
    ],
  });
  return {
    exchange: {
      id: "50",
      tabId: 3,
      origin: PAGE_ORIGIN,
      actual,
      preflight: null,
      preflightSource: "not-needed",
    },
    analysis: analysis({ assumptions: ["The response body was not read."] }),
  };
}
