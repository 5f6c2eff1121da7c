import type { Exchange } from "../model/exchange";
import { hasHeader, headerValue } from "../model/header";
import type { RequestedPermissions } from "./run-checks";
import {
  corsUnsafeRequestHeaderNames,
  normalizeMethod,
  requestHeadersFromPreflight,
} from "./safelist";

/**
 * Returns the origin the request was made from: the exchange's origin, else the
 * `Origin` header of the actual request or its preflight, else null.
 */
export function requestOrigin(exchange: Exchange): string | null {
  if (exchange.origin !== null) return exchange.origin;
  const fromActual = headerValue(exchange.actual.requestHeaders, "Origin");
  if (fromActual !== null) return fromActual;
  const preflight = exchange.preflight;
  return preflight === null
    ? null
    : headerValue(preflight.requestHeaders, "Origin");
}

/**
 * Returns the method and CORS-unsafe headers that the preflight had to allow. The
 * headers come from the actual request when its headers were captured, else from the
 * preflight's `Access-Control-Request-Headers`.
 */
export function requestedPermissions(exchange: Exchange): RequestedPermissions {
  const { actual, preflight } = exchange;
  const requestMethod =
    preflight === null
      ? null
      : headerValue(preflight.requestHeaders, "Access-Control-Request-Method");
  const method =
    actual.method !== "" ? actual.method : (requestMethod ?? "GET");

  let headers: string[] = [];
  if (actual.requestHeadersSeen) {
    headers = corsUnsafeRequestHeaderNames(actual.requestHeaders);
  } else if (preflight !== null) {
    headers = requestHeadersFromPreflight(preflight).sort();
  }
  return { method: normalizeMethod(method), headers };
}

/** Returns true when the actual request carried a `Cookie` header. */
export function sentCookies(exchange: Exchange): boolean {
  const { actual } = exchange;
  return (
    actual.requestHeadersSeen && hasHeader(actual.requestHeaders, "Cookie")
  );
}
