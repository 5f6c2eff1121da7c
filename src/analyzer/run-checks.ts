import type { CredentialsMode } from "../model/analysis";
import type { CheckInput, CheckResult, CheckedResponse } from "./check-types";
import { checkAllowCredentials } from "./credentials-checks";
import { isError } from "./ordering";
import { checkAllowOrigin } from "./origin-checks";
import { checkAllowHeaders, checkAllowMethods } from "./permission-checks";
import {
  checkPreflightRedirect,
  checkPreflightStatus,
} from "./preflight-checks";
import type { ResponseChain } from "./response-chain";
import {
  checkAllowOriginNull,
  checkCorsHeadersOnError,
  checkVaryOrigin,
} from "./warnings";

/** The method and headers that the preflight response must allow. */
export interface RequestedPermissions {
  readonly method: string;
  /** CORS-unsafe request header names, lowercased and sorted. */
  readonly headers: readonly string[];
}

function present(...results: readonly (CheckResult | null)[]): CheckResult[] {
  return results.filter((result): result is CheckResult => result !== null);
}

/** Runs the origin and credentials checks every CORS response must pass. */
function checkAccess(input: CheckInput): CheckResult[] {
  return present(
    checkAllowOrigin(input),
    checkAllowCredentials(input),
    checkAllowOriginNull(input.response),
  );
}

function checkPreflight(
  chain: ResponseChain,
  preflight: CheckedResponse,
  requested: RequestedPermissions,
  credentials: CredentialsMode,
): CheckResult[] {
  // Neither browser reads a redirected preflight any further.
  const redirect = checkPreflightRedirect(preflight, chain.preflightRedirect);
  if (redirect !== null) return [redirect];
  const input = { response: preflight, credentials };
  return [
    ...checkAccess(input),
    ...present(checkPreflightStatus(preflight)),
    ...checkAllowMethods(input, requested.method),
    ...checkAllowHeaders(input, requested.headers),
  ];
}

/**
 * Runs every check on the exchange's responses for one credentials mode and returns
 * the failures and warnings, unsorted. The browser stops at the first response that
 * fails, so no later response is checked: after a failed preflight the actual request
 * is never sent.
 */
export function runChecks(
  chain: ResponseChain,
  requested: RequestedPermissions,
  credentials: CredentialsMode,
): CheckResult[] {
  const results: CheckResult[] = [];
  if (chain.preflight !== null) {
    results.push(
      ...checkPreflight(chain, chain.preflight, requested, credentials),
    );
    if (results.some(isError)) return results;
  }

  for (const redirect of chain.redirects) {
    results.push(...checkAccess({ response: redirect, credentials }));
    if (results.some(isError)) return results;
  }

  const final = chain.final;
  if (final !== null) {
    results.push(
      ...checkAccess({ response: final, credentials }),
      ...present(
        checkVaryOrigin(final),
        checkCorsHeadersOnError(final, chain.preflight),
      ),
    );
  }
  return results;
}
