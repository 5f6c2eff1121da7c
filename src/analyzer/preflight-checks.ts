import type { CheckedResponse, CheckResult } from "./check-types";

function isRedirectStatus(statusCode: number): boolean {
  return statusCode >= 300 && statusCode <= 399;
}

/**
 * Returns where a preflight response redirects to, or null when it does not redirect.
 * A 3xx status without `Location` is no redirect to either browser, so it fails the
 * status check instead.
 */
export function preflightRedirectTarget(
  response: CheckedResponse,
  hopTarget: string | null,
): string | null {
  if (!isRedirectStatus(response.statusCode)) return null;
  return hopTarget ?? response.headers.value("Location");
}

/**
 * Fails a preflight response that redirects, because preflights never follow
 * redirects (Fetch "CORS-preflight fetch" uses redirect mode "error"). Both browsers report it
 * before any other check of that response.
 */
export function checkPreflightRedirect(
  response: CheckedResponse,
  target: string | null,
): CheckResult | null {
  if (target === null) return null;
  return {
    rule: "preflight-redirect",
    response,
    value: target,
    expected: null,
    subject: String(response.statusCode),
  };
}

/** Fails a preflight response whose status is outside 200-299 (Fetch "ok status"). */
export function checkPreflightStatus(
  response: CheckedResponse,
): CheckResult | null {
  const { statusCode } = response;
  if (statusCode >= 200 && statusCode <= 299) return null;
  return {
    rule: "preflight-status",
    response,
    value: String(statusCode),
    expected: "204",
    subject: null,
  };
}
