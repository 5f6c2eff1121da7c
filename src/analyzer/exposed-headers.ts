import type {
  CredentialsMode,
  ReadableResponseHeaders,
} from "../model/analysis";
import type { CheckedResponse, CheckResult } from "./check-types";
import type { HeaderIndex } from "./header-index";
import { lowercaseName } from "./header-index";
import { isHttpToken, splitHeaderList } from "./http-syntax";

const EXPOSE_HEADERS = "Access-Control-Expose-Headers";

/** Fetch "CORS-safelisted response-header name": readable without exposure. */
const SAFELISTED_RESPONSE_HEADER_NAMES = new Set([
  "cache-control",
  "content-language",
  "content-length",
  "content-type",
  "expires",
  "last-modified",
  "pragma",
]);

/** Fetch "forbidden response-header name": never readable, even when exposed. */
const FORBIDDEN_RESPONSE_HEADER_NAMES = new Set(["set-cookie", "set-cookie2"]);

/**
 * Headers that pages rarely read: transport and proxy headers, CORS headers, and
 * policies the browser applies itself. The not-exposed warning leaves them out so
 * that it names only headers a script plausibly wants; they still count as hidden.
 */
const RARELY_READ_HEADER_NAMES = new Set([
  "accept-ranges",
  "age",
  "alt-svc",
  "connection",
  "content-encoding",
  "content-security-policy",
  "content-security-policy-report-only",
  "cross-origin-embedder-policy",
  "cross-origin-opener-policy",
  "cross-origin-resource-policy",
  "date",
  "keep-alive",
  "nel",
  "origin-agent-cluster",
  "permissions-policy",
  "referrer-policy",
  "report-to",
  "reporting-endpoints",
  "server",
  "server-timing",
  "strict-transport-security",
  "timing-allow-origin",
  "transfer-encoding",
  "vary",
  "via",
  "x-content-type-options",
  "x-frame-options",
  "x-powered-by",
  "x-xss-protection",
]);

/** Prefixes of CORS headers and of headers that CDNs and caches add. */
const RARELY_READ_PREFIXES = ["access-control-", "cf-", "x-cache", "x-served-"];

function isRarelyRead(lowerName: string): boolean {
  if (RARELY_READ_HEADER_NAMES.has(lowerName)) return true;
  return RARELY_READ_PREFIXES.some((prefix) => lowerName.startsWith(prefix));
}

/** The header names that `Access-Control-Expose-Headers` makes readable. */
interface ExposedNames {
  /** Lowercased names listed, `*` included. */
  readonly names: ReadonlySet<string>;
  /** True when `*` exposes every header: only without credentials. */
  readonly all: boolean;
  /** Elements that are not header names; one of them makes the list expose nothing. */
  readonly invalid: readonly string[];
}

/**
 * Parses `Access-Control-Expose-Headers`. Both browsers skip empty elements and
 * expose nothing at all when one element is not a token (HTTPHeaderNameListParser in
 * Blink's cors.cc; InternalHeaders::CORSHeaders in Firefox).
 */
const NOTHING_EXPOSED: ExposedNames = {
  names: new Set(),
  all: false,
  invalid: [],
};

function parseExposedNames(
  value: string | null,
  credentials: CredentialsMode,
): ExposedNames {
  if (value === null) return NOTHING_EXPOSED;
  const names = new Set<string>();
  const invalid: string[] = [];
  for (const element of splitHeaderList(value)) {
    if (element.length === 0) continue;
    if (isHttpToken(element)) names.add(element.toLowerCase());
    else invalid.push(element);
  }
  if (invalid.length > 0) return { names: new Set(), all: false, invalid };
  return { names, all: credentials === "omit" && names.has("*"), invalid };
}

/** How much of a response the page may read. */
export type ResponseAccess = "cors" | "all" | "none";

function isReadable(
  lowerName: string,
  access: ResponseAccess,
  exposed: ExposedNames,
): boolean {
  if (access === "none" || FORBIDDEN_RESPONSE_HEADER_NAMES.has(lowerName)) {
    return false;
  }
  if (access === "all" || exposed.all) return true;
  return (
    SAFELISTED_RESPONSE_HEADER_NAMES.has(lowerName) ||
    exposed.names.has(lowerName)
  );
}

/**
 * Splits the response's header names into those a script can read and those it
 * cannot. `cors` applies the CORS filter (Fetch "CORS filtered response"), `all` is
 * a same-origin response, and `none` is a blocked or opaque one.
 */
export function readableResponseHeaders(
  headers: HeaderIndex,
  access: ResponseAccess,
  credentials: CredentialsMode,
): ReadableResponseHeaders {
  const exposed = parseExposedNames(headers.value(EXPOSE_HEADERS), credentials);
  const readable: string[] = [];
  const hidden: string[] = [];
  for (const name of headers.names()) {
    if (isReadable(lowercaseName(name), access, exposed)) readable.push(name);
    else hidden.push(name);
  }
  return { readable, hidden };
}

/**
 * Warns when the response carries headers a script plausibly reads but cannot,
 * because `Access-Control-Expose-Headers` does not list them: `headers.get()` then
 * returns null with no console error. One result names them all. `readable` is the
 * split of the same response's headers by readableResponseHeaders.
 */
export function checkExposedHeaders(
  response: CheckedResponse,
  readable: ReadableResponseHeaders,
  credentials: CredentialsMode,
): CheckResult | null {
  const missing = readable.hidden.filter((name) => {
    const lowerName = lowercaseName(name);
    return (
      !FORBIDDEN_RESPONSE_HEADER_NAMES.has(lowerName) &&
      !isRarelyRead(lowerName)
    );
  });
  if (missing.length === 0) return null;
  const value = response.headers.value(EXPOSE_HEADERS);
  const exposed = parseExposedNames(value, credentials);
  const listed = [...exposed.names].filter((name) => name !== "*");
  return {
    rule: "response-header-not-exposed",
    response,
    value,
    expected: [...listed, ...missing].join(", "),
    subject: missing.join(", "),
  };
}

function listOrNull(names: readonly string[]): string | null {
  return names.length === 0 ? null : names.join(", ");
}

/** Returns the elements of `Access-Control-Expose-Headers` that are not names. */
export function invalidExposedNames(response: CheckedResponse): string[] {
  const value = response.headers.value(EXPOSE_HEADERS);
  return [...parseExposedNames(value, "omit").invalid];
}

/**
 * Warns when credentials make `*` in `Access-Control-Expose-Headers` a literal name,
 * so it exposes nothing beyond the names listed next to it.
 */
export function checkExposeWildcard(
  response: CheckedResponse,
  credentials: CredentialsMode,
): CheckResult | null {
  if (credentials !== "include") return null;
  const value = response.headers.value(EXPOSE_HEADERS);
  const exposed = parseExposedNames(value, credentials);
  if (!exposed.names.has("*")) return null;
  return {
    rule: "expose-headers-wildcard-with-credentials",
    response,
    value,
    expected: listOrNull([...exposed.names].filter((name) => name !== "*")),
    subject: null,
  };
}
