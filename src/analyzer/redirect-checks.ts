import type { CheckResult } from "./check-types";
import type { RedirectStep } from "./response-chain";
import { originOfUrl } from "./url-origin";

function hasUserInfo(url: string): boolean {
  // A user name or password always comes with an "@", so most URLs need no parsing.
  if (!url.includes("@") || !URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.username !== "" || parsed.password !== "";
}

/**
 * Fails a redirect whose `Location` carries a user name or password. Chromium
 * (CheckRedirectLocation in services/network/cors/cors_url_loader.cc) fails it when
 * the request already left the page's origin, when the origin was tainted, or when the
 * target has another origin than the page; Fetch "HTTP-redirect fetch"
 * requires the same.
 * The browser runs it after the CORS check of the same redirect response.
 */
export function checkRedirectCredentials(
  step: RedirectStep,
  origin: string | null,
): CheckResult | null {
  if (!hasUserInfo(step.location)) return null;
  const leavesOrigin = origin === null || originOfUrl(step.location) !== origin;
  if (!step.corsChecked && !step.taintedBefore && !leavesOrigin) return null;
  return {
    rule: "redirect-contains-credentials",
    response: step.response,
    value: step.location,
    expected: null,
    subject: null,
  };
}

/**
 * Warns that a redirect to another origin removed `Authorization` from the request
 * (Fetch "HTTP-redirect fetch" removes the CORS non-wildcard request-headers), so the
 * server at the new origin receives the request without it.
 */
export function checkAuthorizationDropped(
  step: RedirectStep,
  sentAuthorization: boolean,
): CheckResult | null {
  if (!sentAuthorization || !step.followed || !step.changesOrigin) return null;
  return {
    rule: "authorization-dropped-on-redirect",
    response: step.response,
    value: step.location,
    expected: null,
    subject: originOfUrl(step.location),
  };
}
