import type { CheckedResponse, CheckResult } from "./check-types";
import { splitHeaderList } from "./http-syntax";

const ALLOW_ORIGIN = "Access-Control-Allow-Origin";

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
 * Warns when the preflight carried `Access-Control-Allow-Origin` but the final 4xx or
 * 5xx response did not: the server adds CORS headers only on success, so its errors
 * reach the page as CORS failures with no readable status.
 */
export function checkCorsHeadersOnError(
  finalResponse: CheckedResponse,
  preflightResponse: CheckedResponse | null,
): CheckResult | null {
  if (preflightResponse === null) return null;
  if (finalResponse.statusCode < 400) return null;
  if (!preflightResponse.headers.has(ALLOW_ORIGIN)) return null;
  if (finalResponse.headers.has(ALLOW_ORIGIN)) return null;
  return {
    rule: "cors-headers-missing-on-error",
    response: finalResponse,
    value: null,
    expected: finalResponse.origin,
    subject: String(finalResponse.statusCode),
  };
}
