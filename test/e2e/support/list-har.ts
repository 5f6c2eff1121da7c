import type { Verdict } from "../../../src/model/analysis";
import type { ResourceTypeGroup } from "../../../src/panel/exchange-filter";

/**
 * A generated Chromium HAR with a repeating mix of cross-origin exchanges, for loading
 * many exchanges into the panel through "Import HAR". Every URL is on loopback, and
 * nothing ever requests them: the panel only reads the file.
 */

export const PAGE_ORIGIN = "http://127.0.0.1:4100";
/** The second page origin, used by every seventh exchange. */
export const OTHER_PAGE_ORIGIN = "http://localhost:4100";
export const API_ORIGIN = "http://127.0.0.1:4200";

/** One kind of exchange in the mix, with the outcome the analyzer should give it. */
export interface ExchangeKind {
  /** URL path segment, so a row's URL names its kind. */
  readonly name: string;
  readonly method: string;
  /** Chromium's `_resourceType` of the actual request. */
  readonly resourceType: string;
  readonly fetchDestination: string;
  readonly typeGroup: ResourceTypeGroup;
  readonly preflight: "ok" | "fails" | "none";
  /** The actual response's Access-Control-Allow-Origin, or how it goes wrong. */
  readonly allowOrigin: "*" | "echo" | "echo-without-vary" | "missing";
  readonly verdict: Verdict;
  readonly hasWarning: boolean;
}

export const EXCHANGE_KINDS: readonly ExchangeKind[] = [
  kind("fetch-simple", "GET", "fetch", "empty", "fetch", "none", "*"),
  kind("fetch-preflighted", "PUT", "fetch", "empty", "fetch", "ok", "echo"),
  kind("fetch-unshared", "PUT", "fetch", "empty", "fetch", "ok", "missing"),
  kind(
    "xhr-no-vary",
    "GET",
    "xhr",
    "empty",
    "fetch",
    "none",
    "echo-without-vary",
  ),
  kind("font-unshared", "GET", "font", "font", "font", "none", "missing"),
  kind("script", "GET", "script", "script", "script", "none", "*"),
  kind(
    "style-no-vary",
    "GET",
    "stylesheet",
    "style",
    "stylesheet",
    "none",
    "echo-without-vary",
  ),
  kind("image", "GET", "image", "image", "image", "none", "*"),
  kind("video", "GET", "media", "video", "other", "none", "*"),
  kind("delete-refused", "DELETE", "fetch", "empty", "fetch", "fails", "echo"),
];

function kind(
  name: string,
  method: string,
  resourceType: string,
  fetchDestination: string,
  typeGroup: ResourceTypeGroup,
  preflight: ExchangeKind["preflight"],
  allowOrigin: ExchangeKind["allowOrigin"],
): ExchangeKind {
  const blocked = preflight === "fails" || allowOrigin === "missing";
  return {
    name,
    method,
    resourceType,
    fetchDestination,
    typeGroup,
    preflight,
    allowOrigin,
    verdict: blocked ? "blocked" : "allowed",
    // A request blocked after its preflight passed still reached the server, which
    // the analyzer warns about.
    hasWarning:
      allowOrigin === "echo-without-vary" ||
      (preflight === "ok" && allowOrigin === "missing"),
  };
}

export function kindOf(index: number): ExchangeKind {
  const found = EXCHANGE_KINDS[index % EXCHANGE_KINDS.length];
  if (found === undefined) throw new Error(`No exchange kind for ${index}.`);
  return found;
}

export function pageOriginOf(index: number): string {
  return index % 7 === 0 ? OTHER_PAGE_ORIGIN : PAGE_ORIGIN;
}

export function urlOf(index: number): string {
  return `${API_ORIGIN}/${kindOf(index).name}/${index}`;
}

/**
 * Tells whether exchange `index` has no preflight entry although it needs one, as when
 * the browser reused a cached preflight response. One in 20 preflighted PUTs has none.
 */
export function usesCachedPreflight(index: number): boolean {
  return kindOf(index).name === "fetch-preflighted" && index % 20 === 11;
}

/** Counts the exchanges among the first `count` that satisfy `test`. */
export function countExchanges(
  count: number,
  test: (index: number) => boolean,
): number {
  let matching = 0;
  for (let index = 0; index < count; index += 1) {
    if (test(index)) matching += 1;
  }
  return matching;
}

interface Header {
  readonly name: string;
  readonly value: string;
}

const BASE_TIME = Date.UTC(2025, 2, 1, 10, 0, 0);

function harEntry(fields: {
  readonly method: string;
  readonly url: string;
  readonly resourceType: string;
  readonly initiator: Record<string, string>;
  readonly requestId?: string;
  readonly time: number;
  readonly requestHeaders: readonly Header[];
  readonly status: number;
  readonly responseHeaders: readonly Header[];
  readonly error: string | null;
}): unknown {
  return {
    _initiator: fields.initiator,
    _resourceType: fields.resourceType,
    ...(fields.requestId === undefined ? {} : { _requestId: fields.requestId }),
    startedDateTime: new Date(fields.time).toISOString(),
    time: 2,
    request: {
      method: fields.method,
      url: fields.url,
      httpVersion: "HTTP/1.1",
      headers: fields.requestHeaders,
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: fields.status,
      statusText: "",
      httpVersion: "HTTP/1.1",
      headers: fields.responseHeaders,
      cookies: [],
      content: { size: 0, mimeType: "text/plain" },
      redirectURL: "",
      headersSize: -1,
      bodySize: 0,
      _error: fields.error,
    },
    cache: {},
    timings: { send: 0, wait: 2, receive: 0 },
  };
}

function allowOriginHeaders(
  allowOrigin: ExchangeKind["allowOrigin"],
  origin: string,
): Header[] {
  switch (allowOrigin) {
    case "*":
      return [{ name: "Access-Control-Allow-Origin", value: "*" }];
    case "echo":
      return [
        { name: "Access-Control-Allow-Origin", value: origin },
        { name: "Vary", value: "Origin" },
      ];
    case "echo-without-vary":
      return [{ name: "Access-Control-Allow-Origin", value: origin }];
    case "missing":
      return [];
  }
}

/** Returns the HAR entry of exchange `index`'s actual request. */
function actualEntryOf(index: number, preflighted: boolean): unknown {
  const exchangeKind = kindOf(index);
  const origin = pageOriginOf(index);
  const actualSent = exchangeKind.preflight !== "fails";
  const requestHeaders: Header[] = actualSent
    ? [
        { name: "Origin", value: origin },
        { name: "Referer", value: `${origin}/` },
        { name: "Sec-Fetch-Mode", value: "cors" },
        { name: "Sec-Fetch-Dest", value: exchangeKind.fetchDestination },
      ]
    : // Chromium lists only the provisional headers of a request it never sent.
      [{ name: "Referer", value: `${origin}/` }];
  if (preflighted) {
    requestHeaders.push({ name: "Content-Type", value: "application/json" });
  }

  const shared = actualSent && exchangeKind.allowOrigin !== "missing";
  return harEntry({
    method: exchangeKind.method,
    url: urlOf(index),
    resourceType: exchangeKind.resourceType,
    initiator: { type: "script", url: `${origin}/app.js` },
    requestId: requestIdOf(index),
    time: startTimeOf(index),
    requestHeaders,
    status: actualSent ? 200 : 0,
    responseHeaders: actualSent
      ? allowOriginHeaders(exchangeKind.allowOrigin, origin)
      : [],
    error: shared ? null : "net::ERR_FAILED",
  });
}

/** Returns the HAR entry of the preflight Chromium sent for exchange `index`. */
function preflightEntryOf(index: number): unknown {
  const exchangeKind = kindOf(index);
  const origin = pageOriginOf(index);
  const url = urlOf(index);
  const allowed: Header[] = [
    { name: "Access-Control-Allow-Origin", value: origin },
    { name: "Access-Control-Allow-Methods", value: exchangeKind.method },
    { name: "Access-Control-Allow-Headers", value: "Content-Type" },
    { name: "Vary", value: "Origin" },
  ];
  const refused: Header[] = [{ name: "Allow", value: "GET, OPTIONS" }];
  return harEntry({
    method: "OPTIONS",
    url,
    resourceType: "preflight",
    initiator: { type: "preflight", url, requestId: requestIdOf(index) },
    time: startTimeOf(index) + 1,
    requestHeaders: [
      { name: "Origin", value: origin },
      { name: "Access-Control-Request-Method", value: exchangeKind.method },
      { name: "Access-Control-Request-Headers", value: "content-type" },
      { name: "Sec-Fetch-Mode", value: "cors" },
    ],
    status: 204,
    responseHeaders: exchangeKind.preflight === "ok" ? allowed : refused,
    error: null,
  });
}

function requestIdOf(index: number): string {
  return `list-${index}`;
}

function startTimeOf(index: number): number {
  return BASE_TIME + index * 10;
}

/** Returns the HAR entries of exchange `index`: the actual request, then its preflight. */
function entriesOf(index: number): unknown[] {
  const preflighted =
    kindOf(index).preflight !== "none" && !usesCachedPreflight(index);
  const actual = actualEntryOf(index, preflighted);
  return preflighted ? [actual, preflightEntryOf(index)] : [actual];
}

/** Returns the text of a HAR log with `count` exchanges of the mix, in start order. */
export function buildListHar(count: number): string {
  const entries: string[] = [];
  for (let index = 0; index < count; index += 1) {
    for (const entry of entriesOf(index)) entries.push(JSON.stringify(entry));
  }
  return `{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[],"entries":[\n${entries.join(",\n")}\n]}}\n`;
}
