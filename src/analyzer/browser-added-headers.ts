import { splitHeaderList } from "./http-syntax";

/**
 * Forbidden request-header names of the Fetch standard ("forbidden request-header").
 * Scripts cannot set them, so they never make a request need a preflight.
 */
const FORBIDDEN_REQUEST_HEADER_NAMES = new Set([
  "accept-charset",
  "accept-encoding",
  "access-control-request-headers",
  "access-control-request-method",
  "connection",
  "content-length",
  "cookie",
  "cookie2",
  "date",
  "dnt",
  "expect",
  "host",
  "keep-alive",
  "origin",
  "referer",
  "set-cookie",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "via",
]);

/**
 * Fetch forbids these method-override headers only when one of their values is a
 * forbidden method (CONNECT, TRACE, TRACK), compared case-insensitively.
 */
const METHOD_OVERRIDE_HEADER_NAMES = new Set([
  "x-http-method",
  "x-http-method-override",
  "x-method-override",
]);
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

/**
 * Headers that the browser adds on its own, so they never cause a preflight:
 * - `user-agent`, which Chromium's network stack adds and still treats as forbidden.
 * - `priority`, the RFC 9218 header that Chromium and Firefox add.
 * - `intervention`, which Chromium safelists because Chrome adds it when it applies
 *   an intervention (services/network/public/cpp/cors/cors.cc).
 * - The legacy client hints below, which Chromium safelists in the same file. The
 *   `sec-ch-*` client hints are covered by the forbidden `sec-` prefix.
 */
const BROWSER_ADDED_HEADER_NAMES = new Set([
  "user-agent",
  "priority",
  "intervention",
  "device-memory",
  "dpr",
  "width",
  "viewport-width",
  "rtt",
  "downlink",
  "ect",
  "save-data",
]);

/**
 * Chromium sends `Cache-Control: no-cache` and `Pragma: no-cache` for `cache: "no-cache"`
 * requests and while DevTools disables the cache. A script that sets either header to
 * some other value still needs a preflight.
 */
const NO_CACHE_HEADER_NAMES = new Set(["cache-control", "pragma"]);

/** Returns true when Fetch forbids scripts to set this request header. */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lowerName = name.toLowerCase();
  if (FORBIDDEN_REQUEST_HEADER_NAMES.has(lowerName)) return true;
  if (lowerName.startsWith("proxy-") || lowerName.startsWith("sec-")) {
    return true;
  }
  if (METHOD_OVERRIDE_HEADER_NAMES.has(lowerName)) {
    return splitHeaderList(value).some((method) =>
      FORBIDDEN_METHODS.has(method.toUpperCase()),
    );
  }
  return false;
}

/**
 * Returns true when the browser, not the page, most likely set this header: a forbidden
 * header, a header the network stack adds, or a `no-cache` cache directive.
 */
export function isBrowserAddedHeader(name: string, value: string): boolean {
  const lowerName = name.toLowerCase();
  if (isForbiddenRequestHeader(lowerName, value)) return true;
  if (BROWSER_ADDED_HEADER_NAMES.has(lowerName)) return true;
  return NO_CACHE_HEADER_NAMES.has(lowerName) && value === "no-cache";
}
