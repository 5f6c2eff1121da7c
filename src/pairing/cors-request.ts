import { headerValue } from "../model/header";
import type { RequestRecord } from "../model/request-record";

/** Navigations are never CORS requests. */
const NAVIGATION_TYPES = new Set([
  "main_frame",
  "sub_frame",
  "outermost_frame",
]);

/**
 * Tells whether a record is a request the browser made in CORS mode, or may have: a
 * cross-origin request that is not a navigation and, when its headers are known, was
 * sent with `Sec-Fetch-Mode: cors` (or, where Sec-Fetch headers are not sent, with an
 * `Origin` header). A request whose headers were never seen stays in, because a failed
 * preflight stops the actual request before its headers are sent.
 */
export function isCorsCandidate(record: RequestRecord): boolean {
  if (NAVIGATION_TYPES.has(record.type)) return false;
  // Chromium 156 first looks a web font up in its cache only, and that lookup ends with
  // net::ERR_CACHE_MISS before the real request goes out (observed in Chromium 156).
  if (record.error === "net::ERR_CACHE_MISS") return false;
  if (isSameOrigin(record)) return false;
  if (!record.requestHeadersSeen) return true;
  const fetchMode = headerValue(record.requestHeaders, "sec-fetch-mode");
  if (fetchMode !== null) return fetchMode.toLowerCase() === "cors";
  return headerValue(record.requestHeaders, "origin") !== null;
}

/** Tells whether a record is a CORS preflight: an OPTIONS request naming a method. */
export function isPreflight(record: RequestRecord): boolean {
  if (record.method !== "OPTIONS") return false;
  return (
    headerValue(record.requestHeaders, "access-control-request-method") !== null
  );
}

function isSameOrigin(record: RequestRecord): boolean {
  if (record.initiator === null || record.redirects.length > 0) return false;
  return originOf(record.url) === record.initiator;
}

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The origin the request started from: its `Origin` header, or its initiator when the
 * headers are unknown. After a redirect, webRequest shows the last hop's headers, whose
 * `Origin` is `null` once a hop crossed origins (Fetch standard, "HTTP-redirect fetch"
 * step 12), so the initiator is used then.
 */
export function requestOrigin(record: RequestRecord): string | null {
  if (record.redirects.length > 0 && record.initiator !== null) {
    return record.initiator;
  }
  return headerValue(record.requestHeaders, "origin") ?? record.initiator;
}
