import type { CheckedResponse } from "./check-types";
import { parseAllowList } from "./allow-list";
import type { RequestFacts } from "./request-facts";
import type { ResponseChain } from "./response-chain";
import { isSafelistedMethod } from "./safelist";

/** Returns true when `*` is what lets the method through. */
function methodNeedsWildcard(
  preflight: CheckedResponse,
  method: string,
): boolean {
  if (isSafelistedMethod(method)) return false;
  const list = parseAllowList(
    preflight.headers,
    "Access-Control-Allow-Methods",
  );
  return !list.elements.includes(method);
}

/** Returns true when `*` is what lets one of the request headers through. */
function headersNeedWildcard(
  preflight: CheckedResponse,
  requested: readonly string[],
): boolean {
  if (requested.length === 0) return false;
  const list = parseAllowList(
    preflight.headers,
    "Access-Control-Allow-Headers",
  );
  const listed = list.elements.map((element) => element.toLowerCase());
  return requested.some((name) => !listed.includes(name));
}

/** Returns true when the response fails the checks that only credentials add. */
function failsWithCredentials(response: CheckedResponse): boolean {
  const { headers } = response;
  if (headers.value("Access-Control-Allow-Origin") === "*") return true;
  return headers.value("Access-Control-Allow-Credentials") !== "true";
}

/**
 * Returns true when an exchange that passes every check without credentials fails
 * with them. Only three checks depend on the credentials mode: `*` in
 * `Access-Control-Allow-Origin`, `Access-Control-Allow-Credentials`, and `*` in the
 * allow lists of the preflight. So this reads those on the responses runChecks reads,
 * without running every check a second time. The result is only meaningful when the
 * checks without credentials passed.
 */
export function failsOnlyWithCredentials(
  chain: ResponseChain,
  facts: RequestFacts,
  preflightMethod: string,
): boolean {
  const preflight = chain.preflight;
  if (preflight !== null && chain.preflightRedirect === null) {
    if (failsWithCredentials(preflight)) return true;
    if (methodNeedsWildcard(preflight, preflightMethod)) return true;
    if (headersNeedWildcard(preflight, facts.permissions.headers)) return true;
  }
  for (const step of chain.redirects) {
    if (step.corsChecked && failsWithCredentials(step.response)) return true;
  }
  return chain.final !== null && failsWithCredentials(chain.final);
}
