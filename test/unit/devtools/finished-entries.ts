/**
 * HAR entries shaped as Chromium 156's
 * `chrome.devtools.network.onRequestFinished` gives them, listed in the order
 * they finish. A preflight finishes before the request it was sent for. Each
 * entry also carries `getContent`, as the live entries do, so a test can show
 * that only plain data leaves the devtools page.
 */

export const PAGE_ORIGIN = "http://127.0.0.1:4100";
export const API_ORIGIN = "http://127.0.0.1:4101";

const BASE_TIME = Date.UTC(2025, 2, 1, 10, 0, 0);
const USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

export type HeaderPairs = readonly (readonly [string, string])[];

export interface FinishedEntryFields {
  readonly method?: string;
  readonly url: string;
  /** Milliseconds after 2025-03-01T10:00:00Z. */
  readonly startMs: number;
  readonly requestHeaders: HeaderPairs;
  readonly status: number;
  readonly statusText?: string;
  readonly responseHeaders?: HeaderPairs;
  readonly error?: string | null;
  readonly resourceType?: string;
  readonly initiator?: Record<string, unknown>;
  readonly redirectURL?: string;
}

/** Builds one HAR entry as DevTools gives it to `onRequestFinished` listeners. */
export function finishedEntry(
  fields: FinishedEntryFields,
): Record<string, unknown> {
  const pairs = (list: HeaderPairs = []) =>
    list.map(([name, value]) => ({ name, value }));
  return {
    _connectionId: "41001",
    _initiator: fields.initiator ?? scriptInitiator(),
    _priority: "High",
    _resourceType: fields.resourceType ?? "fetch",
    cache: {},
    connection: "41001",
    request: {
      method: fields.method ?? "GET",
      url: fields.url,
      httpVersion: "HTTP/1.1",
      headers: pairs(fields.requestHeaders),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: fields.status,
      statusText: fields.statusText ?? "",
      httpVersion: fields.status === 0 ? "" : "HTTP/1.1",
      headers: pairs(fields.responseHeaders),
      cookies: [],
      content: { size: 0, mimeType: "x-unknown" },
      redirectURL: fields.redirectURL ?? "",
      headersSize: -1,
      bodySize: -1,
      _transferSize: 0,
      _error: fields.error ?? null,
    },
    serverIPAddress: fields.status === 0 ? "" : "127.0.0.1",
    startedDateTime: new Date(BASE_TIME + fields.startMs).toISOString(),
    time: 4.2,
    timings: {
      blocked: 1.1,
      dns: -1,
      ssl: -1,
      connect: -1,
      send: 0.1,
      wait: 2.6,
      receive: 0.4,
    },
    getContent: (callback: (content: string, encoding: string) => void) => {
      callback("", "");
    },
  };
}

export function scriptInitiator(): Record<string, unknown> {
  return {
    type: "script",
    stack: {
      callFrames: [
        {
          functionName: "runScenario",
          scriptId: "14",
          url: `${PAGE_ORIGIN}/lab.js`,
          lineNumber: 41,
          columnNumber: 12,
        },
      ],
    },
  };
}

/** Returns the headers of a cross-origin fetch, with those the page set. */
export function corsRequestHeaders(pageHeaders: HeaderPairs = []): HeaderPairs {
  return [
    ["Accept", "*/*"],
    ["Accept-Encoding", "gzip, deflate, br, zstd"],
    ["Accept-Language", "en-US,en;q=0.9"],
    ["Connection", "keep-alive"],
    ["Host", "127.0.0.1:4101"],
    ...pageHeaders,
    ["Origin", PAGE_ORIGIN],
    ["Referer", `${PAGE_ORIGIN}/`],
    ["Sec-Fetch-Dest", "empty"],
    ["Sec-Fetch-Mode", "cors"],
    ["Sec-Fetch-Site", "same-site"],
    ["User-Agent", USER_AGENT],
  ];
}

const SERVER_HEADERS: HeaderPairs = [
  ["Cache-Control", "no-store"],
  ["Connection", "keep-alive"],
  ["Date", "Sat, 01 Mar 2025 10:00:00 GMT"],
  ["Keep-Alive", "timeout=5"],
];

/**
 * Builds the preflight Chromium sends for the request with DevTools id
 * `requestId`. It starts 1 ms after that request, and `_initiator` names it.
 */
export function preflightEntry(fields: {
  readonly url: string;
  readonly startMs: number;
  readonly requestId: string;
  readonly requestMethod: string;
  readonly requestHeaderNames?: string;
  readonly status?: number;
  readonly responseHeaders: HeaderPairs;
}): Record<string, unknown> {
  const requested: HeaderPairs =
    fields.requestHeaderNames === undefined
      ? []
      : [["Access-Control-Request-Headers", fields.requestHeaderNames]];
  const status = fields.status ?? 204;
  return finishedEntry({
    method: "OPTIONS",
    url: fields.url,
    startMs: fields.startMs + 1,
    requestHeaders: corsRequestHeaders([
      ...requested,
      ["Access-Control-Request-Method", fields.requestMethod],
    ]),
    status,
    statusText: status === 204 ? "No Content" : "OK",
    responseHeaders: [...fields.responseHeaders, ...SERVER_HEADERS],
    resourceType: "preflight",
    initiator: {
      type: "preflight",
      url: fields.url,
      requestId: fields.requestId,
    },
  });
}

const JSON_BODY: HeaderPairs = [["Content-Type", "application/json"]];
const ALLOW_PAGE_ORIGIN: HeaderPairs = [
  ["Access-Control-Allow-Origin", PAGE_ORIGIN],
  ["Vary", "Origin"],
];

/** Builds a PUT whose preflight and actual response allow the page's origin. */
export function passingPut(
  path: string,
  startMs: number,
): Record<string, unknown>[] {
  const url = `${API_ORIGIN}${path}`;
  return [
    preflightEntry({
      url,
      startMs,
      requestId: `4242.${startMs}`,
      requestMethod: "PUT",
      requestHeaderNames: "content-type",
      responseHeaders: [
        ["Access-Control-Allow-Headers", "Content-Type"],
        ["Access-Control-Allow-Methods", "PUT"],
        ...ALLOW_PAGE_ORIGIN,
      ],
    }),
    finishedEntry({
      method: "PUT",
      url,
      startMs,
      requestHeaders: corsRequestHeaders(JSON_BODY),
      status: 200,
      statusText: "OK",
      responseHeaders: [...ALLOW_PAGE_ORIGIN, ...JSON_BODY, ...SERVER_HEADERS],
    }),
  ];
}

/**
 * Builds a PUT whose preflight response has no CORS header at all, so Chromium
 * never sends the PUT. DevTools still finishes an entry for it: status 0,
 * `net::ERR_FAILED`, and only the headers the page set.
 */
export function preflightWithoutCorsHeaders(
  startMs: number,
): Record<string, unknown>[] {
  const url = `${API_ORIGIN}/api/preflight-without-cors-headers`;
  return [
    preflightEntry({
      url,
      startMs,
      requestId: `4242.${startMs}`,
      requestMethod: "PUT",
      requestHeaderNames: "content-type",
      responseHeaders: [["Allow", "GET, PUT"]],
    }),
    finishedEntry({
      method: "PUT",
      url,
      startMs,
      requestHeaders: JSON_BODY,
      status: 0,
      error: "net::ERR_FAILED",
    }),
  ];
}

/** Builds a PUT whose preflight passes but whose response lacks allow-origin. */
export function actualWithoutAllowOrigin(
  startMs: number,
): Record<string, unknown>[] {
  const url = `${API_ORIGIN}/api/headers-only-on-preflight`;
  return [
    preflightEntry({
      url,
      startMs,
      requestId: `4242.${startMs}`,
      requestMethod: "PUT",
      requestHeaderNames: "content-type",
      responseHeaders: [
        ["Access-Control-Allow-Headers", "Content-Type"],
        ["Access-Control-Allow-Methods", "PUT"],
        ...ALLOW_PAGE_ORIGIN,
      ],
    }),
    finishedEntry({
      method: "PUT",
      url,
      startMs,
      requestHeaders: corsRequestHeaders(JSON_BODY),
      status: 200,
      statusText: "OK",
      responseHeaders: [...JSON_BODY, ...SERVER_HEADERS],
      error: "net::ERR_FAILED",
    }),
  ];
}

/** Builds a credentialed GET, without preflight, whose response allows origin `*`. */
export function wildcardWithCredentials(
  startMs: number,
): Record<string, unknown>[] {
  return [
    finishedEntry({
      url: `${API_ORIGIN}/api/wildcard-with-credentials`,
      startMs,
      requestHeaders: corsRequestHeaders(),
      status: 200,
      statusText: "OK",
      responseHeaders: [
        ["Access-Control-Allow-Credentials", "true"],
        ["Access-Control-Allow-Origin", "*"],
        ...JSON_BODY,
        ...SERVER_HEADERS,
      ],
      error: "net::ERR_FAILED",
    }),
  ];
}

/** Builds a GET with `Authorization`, which allow-headers leaves out. */
export function authorizationNotAllowed(
  startMs: number,
): Record<string, unknown>[] {
  const url = `${API_ORIGIN}/api/authorization-not-allowed`;
  return [
    preflightEntry({
      url,
      startMs,
      requestId: `4242.${startMs}`,
      requestMethod: "GET",
      requestHeaderNames: "authorization",
      responseHeaders: [
        ["Access-Control-Allow-Headers", "Content-Type"],
        ...ALLOW_PAGE_ORIGIN,
      ],
    }),
    finishedEntry({
      url,
      startMs,
      requestHeaders: [["Authorization", "Bearer demo-token"]],
      status: 0,
      error: "net::ERR_FAILED",
    }),
  ];
}
