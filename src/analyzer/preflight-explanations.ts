import type { CheckResult } from "./check-types";
import type { ExplanationContext, FindingText } from "./explanation-context";
import {
  CHROMIUM_MAX_AGE_CAP_SECONDS,
  FIREFOX_MAX_AGE_CAP_SECONDS,
  preflightCacheSeconds,
} from "./max-age";
import { normalizeMethod } from "./safelist";
import { authenticationHint } from "./response-phrases";

export function explainPreflightStatus(result: CheckResult): FindingText {
  const { response } = result;
  const status = response.statusCode;
  let hint = authenticationHint(status);
  if (status === 404 || status === 405) {
    hint = " The server probably has no route for the OPTIONS method.";
  } else if (status >= 500) {
    hint = " The server failed while it handled the OPTIONS request.";
  }
  return {
    explanation: `The preflight (OPTIONS ${response.url}) was answered with status ${status}. Browsers need a 2xx status before they send the actual request.${hint}`,
    fix: `Answer OPTIONS requests to ${response.url} with 204 No Content and the CORS headers, without requiring authentication.`,
  };
}

export function explainPreflightRedirect(result: CheckResult): FindingText {
  const { response } = result;
  const target = result.value ?? "another URL";
  return {
    explanation: `The preflight (OPTIONS ${response.url}) was answered with a ${response.statusCode} redirect to ${target}. Browsers never follow redirects on a preflight, so the actual request is never sent.`,
    fix: `Make the page call ${target} directly (for example the HTTPS URL, or the one with the trailing slash), or answer OPTIONS at ${response.url} with 204 and the CORS headers instead of redirecting.`,
  };
}

export function explainPrivateNetwork(result: CheckResult): FindingText {
  const { response } = result;
  const problem =
    result.value === null
      ? "has no Access-Control-Allow-Private-Network header"
      : `has Access-Control-Allow-Private-Network: ${result.value}`;
  return {
    explanation: `The preflight (OPTIONS ${response.url}) asked for permission to reach a private or loopback address (Access-Control-Request-Private-Network: true), but its response ${problem}. Chromium requires the exact value true, so it never sends the actual request. Firefox sends no such preflight and does not apply this check.`,
    fix: `Answer the preflight with Access-Control-Allow-Private-Network: true next to the other CORS headers. Recent Chromium versions no longer send this preflight and ask the user for Local Network Access permission instead.`,
  };
}

export function explainInvalidList(
  result: CheckResult,
  header: string,
): FindingText {
  const invalid = (result.subject ?? "").split(", ");
  const quoted = invalid.map((element) => `"${element}"`).join(", ");
  const subject =
    invalid.length === 1
      ? `The element ${quoted} is not a valid name`
      : `The elements ${quoted} are not valid names`;
  return {
    explanation: `The preflight response has ${header}: ${result.value ?? ""}. ${subject}, so the browser rejects the whole header and never sends the actual request. Elements must be separated by commas.`,
    fix: `Send ${header}: ${result.expected ?? ""}.`,
  };
}

export function explainMethodNotAllowed(
  result: CheckResult,
  context: ExplanationContext,
): FindingText {
  const method = result.subject ?? "";
  const listed = result.value;
  let explanation =
    listed === null
      ? `The request uses the method ${method}, which needs the server's permission, but the preflight response has no Access-Control-Allow-Methods header.`
      : `The request uses the method ${method}, but the preflight response allows only ${listed}.`;
  const upper = method.toUpperCase();
  let fix = `Send Access-Control-Allow-Methods: ${result.expected ?? method}.`;
  const otherCase = (listed ?? "")
    .split(",")
    .map((element) => element.trim())
    .find((element) => element !== method && element.toUpperCase() === upper);
  if (otherCase !== undefined) {
    explanation += ` The comparison is case-sensitive, so ${otherCase} does not allow ${method}.`;
  }
  if (method !== upper && normalizeMethod(method) === method) {
    explanation += ` Browsers uppercase only DELETE, GET, HEAD, OPTIONS, POST and PUT, so the page sends ${method} as written.`;
    fix += ` Or write the method as ${upper} in the page.`;
  }
  if (context.credentials === "include" && listed?.includes("*")) {
    explanation += " With credentials, * is taken as a literal method name.";
  }
  return { explanation, fix };
}

export function explainHeaderNotAllowed(
  result: CheckResult,
  context: ExplanationContext,
): FindingText {
  const name = result.subject ?? "";
  const listed = result.value;
  let explanation =
    listed === null
      ? `The request sends the header ${name}, which needs the server's permission, but the preflight response has no Access-Control-Allow-Headers header.`
      : `The request sends the header ${name}, but the preflight response allows only ${listed}.`;
  if (name === "content-type") {
    explanation +=
      " A Content-Type other than application/x-www-form-urlencoded, multipart/form-data or text/plain needs permission.";
  }
  if (context.credentials === "include" && listed?.includes("*")) {
    explanation += " With credentials, * is taken as a literal header name.";
  }
  return {
    explanation,
    fix: `Send Access-Control-Allow-Headers: ${result.expected ?? name}.`,
  };
}

export function explainWildcardAuthorization(result: CheckResult): FindingText {
  return {
    explanation: `The preflight response allows Authorization only through Access-Control-Allow-Headers: ${result.value ?? "*"}. The Fetch standard excludes Authorization from the * wildcard. Chromium 156 and Firefox 153 still accept it, but browsers that follow the standard block the request.`,
    fix: `Name Authorization explicitly: Access-Control-Allow-Headers: ${result.expected ?? "Authorization"}.`,
  };
}

/** Explains `*` taken literally in a list of methods, request headers or exposed headers. */
export function explainLiteralWildcard(
  result: CheckResult,
  header: string,
  listed: string,
): FindingText {
  const fixList =
    result.expected === null || result.expected === ""
      ? `the ${listed} the page needs`
      : result.expected;
  return {
    explanation: `The ${result.response.role === "preflight" ? "preflight response" : "response"} has ${header}: ${result.value ?? "*"}, but the request includes credentials. With credentials, browsers take * as a literal name, so it allows no ${listed} beyond those listed next to it.`,
    fix: `List the ${listed} explicitly: ${header}: ${fixList}.`,
  };
}

function describeCacheSeconds(seconds: number): string {
  return seconds === 0 ? "does not cache it" : `caches it for ${seconds} s`;
}

export function explainMaxAgeInvalid(result: CheckResult): FindingText {
  const value = result.value ?? "";
  const chromium = preflightCacheSeconds(value, "chromium");
  const firefox = preflightCacheSeconds(value, "firefox");
  return {
    explanation: `The preflight response has Access-Control-Max-Age: ${value}, which is negative or not a whole number of seconds. Chromium ${describeCacheSeconds(chromium)} and Firefox ${describeCacheSeconds(firefox)}, so the browsers send preflights more often than the server intends, and differently from each other.`,
    fix: `Send Access-Control-Max-Age as digits only, such as ${result.expected ?? "600"}, or 0 to turn preflight caching off.`,
  };
}

export function explainMaxAgeAboveCap(result: CheckResult): FindingText {
  const seconds = Number(result.value ?? "0");
  const firefoxNote =
    seconds > FIREFOX_MAX_AGE_CAP_SECONDS
      ? ` and Firefox at ${FIREFOX_MAX_AGE_CAP_SECONDS} s (24 hours)`
      : `, while Firefox keeps up to ${FIREFOX_MAX_AGE_CAP_SECONDS} s (24 hours)`;
  return {
    explanation: `The preflight response has Access-Control-Max-Age: ${result.value ?? ""}, but Chromium caches a preflight for at most ${CHROMIUM_MAX_AGE_CAP_SECONDS} s (2 hours)${firefoxNote}. The longer value has no effect in Chromium.`,
    fix: `Send Access-Control-Max-Age: ${CHROMIUM_MAX_AGE_CAP_SECONDS} or less, so that both browsers cache the preflight for the same time.`,
  };
}

export function explainPreflightAuthentication(
  result: CheckResult,
): FindingText {
  const { response } = result;
  const loginUrl = result.subject;
  const answer =
    loginUrl === null
      ? `was answered with status ${response.statusCode}`
      : `was redirected to ${loginUrl}, which looks like a sign-in page`;
  return {
    explanation: `The preflight (OPTIONS ${response.url}) ${answer}: the server treats it as an unauthenticated request. Preflights never carry cookies or an Authorization header, even when the actual request will, so a server that requires authentication on every request always rejects them.`,
    fix: "Let OPTIONS requests through without authentication: answer them with 204 and the CORS headers before the authentication middleware runs.",
  };
}
