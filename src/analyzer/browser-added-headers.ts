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

/** Kind of a request header name, as the checks below tell them apart. */
type HeaderKind =
  "forbidden" | "method-override" | "browser-added" | "no-cache" | "other";

/** Number of names beyond the tables above whose kind is remembered. */
const MAX_REMEMBERED_NAMES = 2_048;

/**
 * The kind of every lowercase name seen so far, starting with the names the tables
 * above list, so that classifying a header usually costs one lookup.
 */
const KINDS_BY_NAME = new Map<string, HeaderKind>([
  ...[...FORBIDDEN_REQUEST_HEADER_NAMES].map(
    (name) => [name, "forbidden"] as const,
  ),
  ...[...METHOD_OVERRIDE_HEADER_NAMES].map(
    (name) => [name, "method-override"] as const,
  ),
  ...[...BROWSER_ADDED_HEADER_NAMES].map(
    (name) => [name, "browser-added"] as const,
  ),
  ...[...NO_CACHE_HEADER_NAMES].map((name) => [name, "no-cache"] as const),
]);
const TABLE_SIZE = KINDS_BY_NAME.size;

/** Fetch forbids every name that starts with `proxy-` or `sec-`. */
const FORBIDDEN_PREFIX = /^(?:sec|proxy)-/;

function headerKind(lowerName: string): HeaderKind {
  const known = KINDS_BY_NAME.get(lowerName);
  if (known !== undefined) return known;
  const kind = FORBIDDEN_PREFIX.test(lowerName) ? "forbidden" : "other";
  if (KINDS_BY_NAME.size < TABLE_SIZE + MAX_REMEMBERED_NAMES) {
    KINDS_BY_NAME.set(lowerName, kind);
  }
  return kind;
}

function namesForbiddenMethod(value: string): boolean {
  return splitHeaderList(value).some((method) =>
    FORBIDDEN_METHODS.has(method.toUpperCase()),
  );
}

/** Returns true when Fetch forbids scripts to set this request header. */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const kind = headerKind(name.toLowerCase());
  if (kind === "method-override") return namesForbiddenMethod(value);
  return kind === "forbidden";
}

/**
 * Returns true when the browser, not the page, most likely set this header: a forbidden
 * header, a header the network stack adds, or a `no-cache` cache directive.
 */
export function isBrowserAddedHeader(name: string, value: string): boolean {
  return isBrowserAddedLowercaseHeader(name.toLowerCase(), value);
}

/** Does what isBrowserAddedHeader does for a name that is already lowercase. */
export function isBrowserAddedLowercaseHeader(
  lowerName: string,
  value: string,
): boolean {
  switch (headerKind(lowerName)) {
    case "forbidden":
    case "browser-added":
      return true;
    case "method-override":
      return namesForbiddenMethod(value);
    case "no-cache":
      return value === "no-cache";
    case "other":
      return false;
  }
}
