import type { CredentialsMode } from "../model/analysis";
import type { CheckInput, CheckResult, CheckedResponse } from "./check-types";
import { checkAllowCredentials } from "./credentials-checks";
import { checkExposeWildcard } from "./exposed-headers";
import { checkMaxAge } from "./max-age";
import { isError } from "./ordering";
import { checkAllowOrigin } from "./origin-checks";
import { checkAllowHeaders, checkAllowMethods } from "./permission-checks";
import {
  checkPreflightRedirect,
  checkPreflightStatus,
} from "./preflight-checks";
import { checkAllowPrivateNetwork } from "./private-network-checks";
import {
  checkAuthorizationDropped,
  checkRedirectCredentials,
} from "./redirect-checks";
import type { RequestFacts } from "./request-facts";
import type { ResponseChain } from "./response-chain";
import {
  checkAllowOriginNull,
  checkCorsHeadersOnError,
  checkPreflightAuthentication,
  checkReflectedWithCredentials,
  checkVaryOrigin,
} from "./warnings";

/** Inputs shared by the checks of one exchange, for one credentials mode. */
interface CheckContext {
  readonly chain: ResponseChain;
  readonly facts: RequestFacts;
  readonly credentials: CredentialsMode;
}

/** Appends a result unless the check passed. */
function add(results: CheckResult[], result: CheckResult | null): void {
  if (result !== null) results.push(result);
}

function addAll(results: CheckResult[], added: readonly CheckResult[]): void {
  for (const result of added) results.push(result);
}

/** Runs the origin and credentials checks every CORS response must pass. */
function checkAccess(results: CheckResult[], input: CheckInput): void {
  add(results, checkAllowOrigin(input));
  add(results, checkAllowCredentials(input));
  add(results, checkAllowOriginNull(input.response));
}

/**
 * Returns the method the preflight requested permission for. A preflight sent after
 * a redirect names the method of the redirected request, which a 301, 302 or 303 may
 * have changed to GET.
 */
export function preflightMethod(
  chain: ResponseChain,
  facts: RequestFacts,
): string {
  const requested = facts.preflightRequestMethod;
  if (chain.preflightAfterStep !== null && requested !== null) return requested;
  return facts.permissions.method;
}

function checkPreflight(
  results: CheckResult[],
  context: CheckContext,
  preflight: CheckedResponse,
): void {
  const { chain, facts, credentials } = context;
  const target = chain.preflightRedirect;
  // Neither browser reads a redirected preflight any further.
  const redirect = checkPreflightRedirect(preflight, target);
  if (redirect !== null) {
    results.push(redirect);
    add(results, checkPreflightAuthentication(preflight, target));
    return;
  }
  const input = { response: preflight, credentials };
  checkAccess(results, input);
  add(results, checkPreflightStatus(preflight));
  add(results, checkPreflightAuthentication(preflight, null));
  add(
    results,
    checkAllowPrivateNetwork(preflight, facts.privateNetworkPreflight),
  );
  addAll(results, checkAllowMethods(input, preflightMethod(chain, facts)));
  addAll(results, checkAllowHeaders(input, facts.permissions.headers));
  add(results, checkMaxAge(preflight));
}

/** Returns the preflight and redirect responses that came before the final one. */
function earlierResponses(chain: ResponseChain): CheckedResponse[] {
  const earlier: CheckedResponse[] = [];
  if (chain.preflight !== null) earlier.push(chain.preflight);
  for (const step of chain.redirects) {
    if (step.corsChecked) earlier.push(step.response);
  }
  return earlier;
}

function checkFinal(
  results: CheckResult[],
  context: CheckContext,
  final: CheckedResponse,
): void {
  const { chain, credentials } = context;
  checkAccess(results, { response: final, credentials });
  add(results, checkVaryOrigin(final));
  add(results, checkReflectedWithCredentials(final));
  if (final.statusCode >= 400) {
    add(results, checkCorsHeadersOnError(final, earlierResponses(chain)));
  }
  add(results, checkExposeWildcard(final, credentials));
}

/**
 * Runs every check on the exchange's responses for one credentials mode and returns
 * the failures and warnings, unsorted. The browser stops at the first response that
 * fails, so no later response is checked: after a failed preflight the actual request
 * is never sent, and after a failed redirect the next URL is never requested.
 */
export function runChecks(
  chain: ResponseChain,
  facts: RequestFacts,
  credentials: CredentialsMode,
): CheckResult[] {
  const context: CheckContext = { chain, facts, credentials };
  const results: CheckResult[] = [];

  if (chain.preflight !== null && chain.preflightAfterStep === null) {
    checkPreflight(results, context, chain.preflight);
    if (results.some(isError)) return results;
  }

  for (const [index, step] of chain.redirects.entries()) {
    if (step.corsChecked) {
      checkAccess(results, { response: step.response, credentials });
      if (results.some(isError)) return results;
    }
    add(results, checkRedirectCredentials(step, facts.origin));
    if (results.some(isError)) return results;
    add(results, checkAuthorizationDropped(step, facts.sentAuthorization));
    if (chain.preflight !== null && chain.preflightAfterStep === index) {
      checkPreflight(results, context, chain.preflight);
      if (results.some(isError)) return results;
    }
  }

  if (chain.final !== null) checkFinal(results, context, chain.final);
  return results;
}
