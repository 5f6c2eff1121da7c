import type { Exchange } from "../model/exchange";
import { captureBrowser } from "./capture-browser";
import type { HeaderList } from "../model/header";
import { HeaderIndex, lowercaseName } from "./header-index";
import type { ResourceKind } from "./resource-kind";
import { resourceKind } from "./resource-kind";
import type { Browser } from "./rule-types";
import {
  corsUnsafeRequestHeaderNames,
  normalizeMethod,
  parseRequestHeaderNames,
} from "./safelist";

/** The method and headers that the preflight response must allow. */
export interface RequestedPermissions {
  readonly method: string;
  /**
   * CORS-unsafe request header names, lowercased and sorted. Empty for an exchange
   * without a preflight, because only the preflight checks read them.
   */
  readonly headers: readonly string[];
}

/** Facts about the page's request from the captured headers, read once per exchange. */
export interface RequestFacts {
  /** The origin the request was made from, or null when unknown. */
  readonly origin: string | null;
  readonly permissions: RequestedPermissions;
  /** The lowercased `Sec-Fetch-Mode` of the actual request, or null when not seen. */
  readonly fetchMode: string | null;
  /** True when the actual request carried a `Cookie` header. */
  readonly sentCookies: boolean;
  /**
   * True when the actual request carried `Authorization`, or its preflight asked
   * permission for it.
   */
  readonly sentAuthorization: boolean;
  /** The preflight's `Access-Control-Request-Method`, or null when none was seen. */
  readonly preflightRequestMethod: string | null;
  /** True when the preflight carried `Access-Control-Request-Private-Network: true`. */
  readonly privateNetworkPreflight: boolean;
  /** The browser that captured the request, when its headers or error show it. */
  readonly browser: Browser | null;
  readonly resource: ResourceKind;
}

const NO_HEADERS: readonly string[] = [];

/** The request headers the facts come from, read in one pass. */
interface ActualRequestHeaders {
  readonly lowercaseNames: readonly string[];
  readonly origin: string | null;
  readonly fetchMode: string | null;
  readonly userAgent: string | null;
  readonly cookie: boolean;
  readonly authorization: boolean;
}

/**
 * Reads the actual request's headers in one pass. Where a header repeats, the first
 * line counts, which is enough for these single-valued headers.
 */
function readActualHeaders(headers: HeaderList): ActualRequestHeaders {
  const lowercaseNames: string[] = [];
  let origin: string | null = null;
  let fetchMode: string | null = null;
  let userAgent: string | null = null;
  let cookie = false;
  let authorization = false;
  for (const header of headers) {
    const lowerName = lowercaseName(header.name);
    lowercaseNames.push(lowerName);
    switch (lowerName) {
      case "origin":
        origin ??= header.value;
        break;
      case "sec-fetch-mode":
        fetchMode ??= header.value.toLowerCase();
        break;
      case "user-agent":
        userAgent ??= header.value;
        break;
      case "cookie":
        cookie = true;
        break;
      case "authorization":
        authorization = true;
        break;
    }
  }
  return {
    lowercaseNames,
    origin,
    fetchMode,
    userAgent,
    cookie,
    authorization,
  };
}

/**
 * Returns the method and CORS-unsafe headers that the preflight had to allow. The
 * headers come from the actual request when its headers were captured, else from the
 * preflight's `Access-Control-Request-Headers`.
 */
function requestedPermissions(
  exchange: Exchange,
  lowercaseNames: readonly string[],
  preflightMethod: string | null,
  preflightHeaderNames: readonly string[],
): RequestedPermissions {
  const { actual } = exchange;
  const method =
    actual.method !== "" ? actual.method : (preflightMethod ?? "GET");
  let headers: readonly string[] = NO_HEADERS;
  if (
    exchange.preflightSource !== "not-needed" &&
    exchange.preflight !== null
  ) {
    headers = actual.requestHeadersSeen
      ? corsUnsafeRequestHeaderNames(actual.requestHeaders, lowercaseNames)
      : [...preflightHeaderNames].sort();
  }
  return { method: normalizeMethod(method), headers };
}

/**
 * Reads the facts of the page's request from the exchange's request headers. The
 * origin is the exchange's, else the `Origin` header of the actual request or of its
 * preflight, else null.
 */
export function readRequestFacts(exchange: Exchange): RequestFacts {
  const { actual, preflight } = exchange;
  const actualHeaders = readActualHeaders(actual.requestHeaders);
  const preflightHeaders = new HeaderIndex(preflight?.requestHeaders ?? []);
  const preflightMethod = preflightHeaders.value(
    "Access-Control-Request-Method",
  );
  const preflightHeaderNames = parseRequestHeaderNames(
    preflightHeaders.value("Access-Control-Request-Headers"),
  );
  return {
    origin:
      exchange.origin ??
      actualHeaders.origin ??
      preflightHeaders.value("Origin"),
    permissions: requestedPermissions(
      exchange,
      actualHeaders.lowercaseNames,
      preflightMethod,
      preflightHeaderNames,
    ),
    preflightRequestMethod: preflightMethod,
    privateNetworkPreflight:
      preflightHeaders.value("Access-Control-Request-Private-Network") ===
      "true",
    fetchMode: actualHeaders.fetchMode,
    sentCookies: actual.requestHeadersSeen && actualHeaders.cookie,
    sentAuthorization:
      actualHeaders.authorization ||
      preflightHeaderNames.includes("authorization"),
    browser: captureBrowser(actual.error, actualHeaders.userAgent),
    resource: resourceKind(actual.type),
  };
}
