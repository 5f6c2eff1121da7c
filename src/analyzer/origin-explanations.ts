import type { CheckResult } from "./check-types";
import type { ExplanationContext, FindingText } from "./explanation-context";
import { splitHeaderList } from "./http-syntax";
import { describeOriginDifference } from "./origin-difference";
import { credentialsSwitch } from "./resource-kind";
import {
  authenticationHint,
  blockedOutcome,
  describeOrigin,
  describeResponse,
  errorSourceHint,
  responsePhrase,
} from "./response-phrases";

export function explainWildcardWithCredentials(
  result: CheckResult,
  context: ExplanationContext,
): FindingText {
  const { response } = result;
  const origin = describeOrigin(response.origin);
  return {
    explanation: `${describeResponse(response)} has Access-Control-Allow-Origin: *, but the request includes credentials (cookies or HTTP authentication). With credentials, browsers accept only the exact origin ${origin}, never *. ${blockedOutcome(response, context.resource)}`,
    fix: `Send Access-Control-Allow-Origin: ${origin}, copied from the request's Origin header after checking it against an allow list, together with Access-Control-Allow-Credentials: true and Vary: Origin. If the page needs no cookies, it can drop ${credentialsSwitch(context.resource)} and keep *.`,
  };
}

export function explainMissingOrigin(
  result: CheckResult,
  context: ExplanationContext,
): FindingText {
  const { response } = result;
  const origin = describeOrigin(response.origin);
  const isPreflight = response.role === "preflight";
  const errorHint =
    !isPreflight && response.statusCode >= 400
      ? ` Error responses need the header too. Without it, the page sees a CORS failure instead of the ${response.statusCode} status.${errorSourceHint(response.statusCode)}`
      : "";
  const fontHint =
    context.resource === "font"
      ? " Fonts from another origin always need this header, even without a crossorigin attribute."
      : "";
  const preflightHint = isPreflight
    ? authenticationHint(response.statusCode)
    : "";
  const fix = isPreflight
    ? `Answer OPTIONS requests to ${response.url} with Access-Control-Allow-Origin: ${origin}, before any authentication or routing can reject them.`
    : `Add Access-Control-Allow-Origin: ${origin} to every response from ${response.url}, including redirects and error responses. In most frameworks, register the CORS middleware before authentication and error handling.`;
  return {
    explanation: `${describeResponse(response)} has no Access-Control-Allow-Origin header, so the page at ${origin} may not read it. ${blockedOutcome(response, context.resource)}${errorHint}${fontHint}${preflightHint}`,
    fix,
  };
}

export function explainMultipleOrigins(
  result: CheckResult,
  context: ExplanationContext,
): FindingText {
  const { response } = result;
  const lines = response.headers.lines("Access-Control-Allow-Origin");
  const lineNote =
    lines.length > 1 ? ` (sent as ${lines.length} separate header lines)` : "";
  return {
    explanation: `${describeResponse(response)} has Access-Control-Allow-Origin: ${result.value ?? ""}${lineNote}. The header must contain exactly one origin or *, so the browser rejects a list. ${blockedOutcome(response, context.resource)}`,
    fix: `Send one Access-Control-Allow-Origin header with the single origin of the request, ${describeOrigin(response.origin)}. To allow several origins, compare the request's Origin header with an allow list and send back the match. If a proxy and the application both add the header, remove one of them.`,
  };
}

export function explainInvalidOrigin(
  result: CheckResult,
  context: ExplanationContext,
): FindingText {
  const { response } = result;
  const origin = describeOrigin(response.origin);
  return {
    explanation: `${describeResponse(response)} has Access-Control-Allow-Origin: "${result.value ?? ""}", which is not an origin. An origin is a scheme, a host and an optional port, such as ${origin}. ${blockedOutcome(response, context.resource)}`,
    fix: `Send Access-Control-Allow-Origin: ${origin}, with the scheme and without a path or trailing slash.`,
  };
}

/** True for an origin as browsers write it: no path, no default port, lowercase. */
function isSerializedOrigin(value: string): boolean {
  return URL.canParse(value) && new URL(value).origin === value;
}

/** True when the response varies by origin, so no cache mixes up two origins' responses. */
function variesByOrigin(result: CheckResult): boolean {
  const vary = result.response.headers.value("Vary");
  if (vary === null) return false;
  return splitHeaderList(vary).some((name) => {
    const lower = name.toLowerCase();
    return lower === "origin" || lower === "*";
  });
}

export function explainOriginMismatch(
  result: CheckResult,
  context: ExplanationContext,
): FindingText {
  const { response } = result;
  const allowed = result.value ?? "";
  const origin = describeOrigin(response.origin);
  const difference =
    response.origin === null
      ? null
      : describeOriginDifference(allowed, response.origin);
  const reason = difference === null ? "" : `, and ${difference}`;
  const cacheHint =
    isSerializedOrigin(allowed) && !variesByOrigin(result)
      ? ` The response has no Vary: Origin, so a cache may have stored an answer made for ${allowed} and served it to this page.`
      : "";
  const taintedFix =
    response.origin === "null"
      ? " After a redirect to another origin the browser sends Origin: null. Make the page request the final URL directly, or allow * on that server when no credentials are needed."
      : "";
  const varyFix = cacheHint === "" ? "" : " Send Vary: Origin as well.";
  return {
    explanation: `${describeResponse(response)} allows the origin ${allowed}, but the request came from ${origin}. Browsers compare the two byte for byte${reason}.${cacheHint} ${blockedOutcome(response, context.resource)}`,
    fix: `Send Access-Control-Allow-Origin: ${origin}, exactly as the browser sends it in the Origin header.${varyFix}${taintedFix}`,
  };
}

export function explainAllowCredentials(
  result: CheckResult,
  context: ExplanationContext,
): FindingText {
  const { response } = result;
  const problem =
    result.value === null
      ? "has no Access-Control-Allow-Credentials header"
      : `has Access-Control-Allow-Credentials: ${result.value}, and browsers accept only the exact lowercase value true`;
  const where =
    response.role === "preflight"
      ? "the OPTIONS response as well as to the actual response"
      : "this response";
  return {
    explanation: `The request includes credentials (cookies or HTTP authentication), but the ${responsePhrase(response)} ${problem}. ${blockedOutcome(response, context.resource)}`,
    fix: `Add Access-Control-Allow-Credentials: true to ${where}. If the page does not need cookies or HTTP authentication, remove ${credentialsSwitch(context.resource)} from the request instead.`,
  };
}
