import type { CheckedResponse, CheckResult } from "./check-types";
import { splitHeaderList } from "./http-syntax";

const ALLOW_ORIGIN = "Access-Control-Allow-Origin";
const ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";

/**
 * Warns when the response allows one specific origin but lacks `Vary: Origin`. A
 * shared cache can then serve this response to a page of another origin, which the
 * browser blocks.
 */
export function checkVaryOrigin(response: CheckedResponse): CheckResult | null {
  const allowOrigin = response.headers.value(ALLOW_ORIGIN);
  if (allowOrigin === null || allowOrigin === "*") return null;
  if (allowOrigin !== response.origin) return null;
  const vary = response.headers.value("Vary");
  const varyNames = vary === null ? [] : splitHeaderList(vary);
  const variesByOrigin = varyNames.some((name) => {
    const lower = name.toLowerCase();
    return lower === "origin" || lower === "*";
  });
  if (variesByOrigin) return null;
  return {
    rule: "vary-origin-missing",
    response,
    value: vary,
    expected: vary === null ? "Origin" : `${vary}, Origin`,
    subject: allowOrigin,
  };
}

/**
 * Warns when `Access-Control-Allow-Origin: null` lets the request through: sandboxed
 * iframes, `file:` pages and tainted redirects all send `Origin: null`, so any site
 * can produce a request that passes.
 */
export function checkAllowOriginNull(
  response: CheckedResponse,
): CheckResult | null {
  if (response.origin !== "null") return null;
  if (response.headers.value(ALLOW_ORIGIN) !== "null") return null;
  return {
    rule: "allow-origin-null",
    response,
    value: "null",
    expected: null,
    subject: null,
  };
}

/**
 * Warns when an earlier response of the exchange (the preflight or a redirect)
 * carried `Access-Control-Allow-Origin` but the final 4xx or 5xx response did not.
 * The server then adds CORS headers only on success, so its errors reach the page as
 * CORS failures with no readable status.
 */
export function checkCorsHeadersOnError(
  finalResponse: CheckedResponse,
  earlierResponses: readonly CheckedResponse[],
): CheckResult | null {
  if (finalResponse.statusCode < 400) return null;
  if (finalResponse.headers.has(ALLOW_ORIGIN)) return null;
  const withHeader = earlierResponses.some((response) =>
    response.headers.has(ALLOW_ORIGIN),
  );
  if (!withHeader) return null;
  return {
    rule: "cors-headers-missing-on-error",
    response: finalResponse,
    value: null,
    expected: finalResponse.origin,
    subject: String(finalResponse.statusCode),
  };
}

/**
 * Warns when the response echoes the request's origin and allows credentials. One
 * exchange cannot show whether the server checks the origin against an allow list.
 * If it echoes every origin, any site can read the user's data with their cookies.
 */
export function checkReflectedWithCredentials(
  response: CheckedResponse,
): CheckResult | null {
  const origin = response.origin;
  if (origin === null || origin === "null") return null;
  if (response.headers.value(ALLOW_ORIGIN) !== origin) return null;
  if (response.headers.value(ALLOW_CREDENTIALS) !== "true") return null;
  return {
    rule: "allow-origin-reflected-with-credentials",
    response,
    value: origin,
    expected: null,
    subject: null,
  };
}

/** Words in a host name or path that mark a sign-in page. */
const LOGIN_PATH = /(log-?in|sign-?in|auth|sso|oauth|account|session)/i;

function isLoginUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { hostname, pathname } = new URL(url);
  return LOGIN_PATH.test(hostname) || LOGIN_PATH.test(pathname);
}

/**
 * Warns when the preflight response is a 401 or 403, or a redirect to what looks
 * like a sign-in page. The server then demands authentication on OPTIONS, but
 * preflights never carry cookies or `Authorization` (Fetch "CORS-preflight fetch"
 * sends them without credentials and without the page's headers).
 */
export function checkPreflightAuthentication(
  preflight: CheckedResponse,
  redirectTarget: string | null,
): CheckResult | null {
  const status = preflight.statusCode;
  const rejected = status === 401 || status === 403;
  const toLogin = redirectTarget !== null && isLoginUrl(redirectTarget);
  if (!rejected && !toLogin) return null;
  return {
    rule: "preflight-requires-authentication",
    response: preflight,
    value: String(status),
    expected: "204",
    subject: toLogin ? redirectTarget : null,
  };
}
