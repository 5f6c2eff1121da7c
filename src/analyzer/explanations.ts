import type { CheckResult } from "./check-types";
import type { ExplanationContext, FindingText } from "./explanation-context";
import { invalidExposedNames } from "./exposed-headers";
import { explainRequestFailed } from "./failure-explanations";
import {
  explainAllowCredentials,
  explainInvalidOrigin,
  explainMissingOrigin,
  explainMultipleOrigins,
  explainOriginMismatch,
  explainWildcardWithCredentials,
} from "./origin-explanations";
import {
  explainHeaderNotAllowed,
  explainInvalidList,
  explainLiteralWildcard,
  explainMaxAgeAboveCap,
  explainMaxAgeInvalid,
  explainMethodNotAllowed,
  explainPreflightAuthentication,
  explainPreflightRedirect,
  explainPreflightStatus,
  explainPrivateNetwork,
  explainWildcardAuthorization,
} from "./preflight-explanations";
import {
  explainAuthorizationDropped,
  explainBlockedRequestReachedServer,
  explainCorsHeadersOnError,
  explainHeaderNotExposed,
  explainNoCors,
  explainNullOrigin,
  explainRedirectCredentials,
  explainReflectedWithCredentials,
  explainVaryOrigin,
  explainVerdictDisagrees,
} from "./warning-explanations";

export type { ExplanationContext, FindingText } from "./explanation-context";

/** Writes the explanation and the server-side fix for a check result. */
export function explainResult(
  result: CheckResult,
  context: ExplanationContext,
): FindingText {
  switch (result.rule) {
    case "allow-origin-wildcard-with-credentials":
      return explainWildcardWithCredentials(result, context);
    case "allow-origin-missing":
      return explainMissingOrigin(result, context);
    case "allow-origin-multiple":
      return explainMultipleOrigins(result, context);
    case "allow-origin-invalid":
      return explainInvalidOrigin(result, context);
    case "allow-origin-mismatch":
      return explainOriginMismatch(result, context);
    case "allow-credentials-invalid":
      return explainAllowCredentials(result, context);
    case "preflight-status":
      return explainPreflightStatus(result);
    case "preflight-redirect":
      return explainPreflightRedirect(result);
    case "allow-private-network-missing":
    case "allow-private-network-invalid":
      return explainPrivateNetwork(result);
    case "allow-methods-invalid":
      return explainInvalidList(result, "Access-Control-Allow-Methods");
    case "allow-headers-invalid":
      return explainInvalidList(result, "Access-Control-Allow-Headers");
    case "method-not-allowed":
      return explainMethodNotAllowed(result, context);
    case "header-not-allowed":
      return explainHeaderNotAllowed(result, context);
    case "redirect-contains-credentials":
      return explainRedirectCredentials(result, context);
    case "request-failed":
      return explainRequestFailed(result, context);
    case "allow-headers-wildcard-authorization":
      return explainWildcardAuthorization(result);
    case "vary-origin-missing":
      return explainVaryOrigin(result);
    case "allow-origin-null":
      return explainNullOrigin(result);
    case "allow-origin-reflected-with-credentials":
      return explainReflectedWithCredentials(result);
    case "allow-methods-wildcard-with-credentials":
      return explainLiteralWildcard(
        result,
        "Access-Control-Allow-Methods",
        "methods",
      );
    case "allow-headers-wildcard-with-credentials":
      return explainLiteralWildcard(
        result,
        "Access-Control-Allow-Headers",
        "request headers",
      );
    case "expose-headers-wildcard-with-credentials":
      return explainLiteralWildcard(
        result,
        "Access-Control-Expose-Headers",
        "response headers",
      );
    case "max-age-above-cap":
      return explainMaxAgeAboveCap(result);
    case "max-age-invalid":
      return explainMaxAgeInvalid(result);
    case "cors-headers-missing-on-error":
      return explainCorsHeadersOnError(result);
    case "preflight-requires-authentication":
      return explainPreflightAuthentication(result);
    case "blocked-request-reached-server":
      return explainBlockedRequestReachedServer(result, context);
    case "response-header-not-exposed":
      return explainHeaderNotExposed(
        result,
        context,
        invalidExposedNames(result.response),
      );
    case "authorization-dropped-on-redirect":
      return explainAuthorizationDropped(result);
    case "no-cors-opaque-response":
      return explainNoCors(context);
    case "verdict-disagrees-with-browser":
      return explainVerdictDisagrees(result);
  }
}
