import type { CredentialsMode } from "../model/analysis";
import type { CheckedResponse, CheckResult } from "./check-types";
import { describeOriginDifference } from "./origin-difference";
import { normalizeMethod } from "./safelist";

/** The plain-words text of a finding. */
export interface FindingText {
  readonly explanation: string;
  readonly fix: string;
}

/** Names the response in a phrase that starts a sentence ("The preflight response ..."). */
function describeResponse(response: CheckedResponse): string {
  return `The ${responsePhrase(response)}`;
}

function responsePhrase(response: CheckedResponse): string {
  const status = `status ${response.statusCode}`;
  switch (response.role) {
    case "preflight":
      return `preflight response (OPTIONS ${response.url}, ${status})`;
    case "redirect":
      return `redirect response from ${response.url} (${status})`;
    case "actual":
      return `response from ${response.url} (${status})`;
  }
}

function describeOrigin(origin: string | null): string {
  return origin ?? "the page's origin";
}

/** Appends a sentence about what a failed preflight prevents. */
function blockedOutcome(response: CheckedResponse): string {
  return response.role === "preflight"
    ? "The browser therefore never sends the actual request."
    : "The browser therefore hides the response from the page.";
}

function authenticationHint(statusCode: number): string {
  return statusCode === 401 || statusCode === 403
    ? " Preflights never carry cookies or an Authorization header, so a server that requires authentication on every request rejects them."
    : "";
}

function explainWildcardWithCredentials(result: CheckResult): FindingText {
  const origin = describeOrigin(result.response.origin);
  return {
    explanation: `${describeResponse(result.response)} has Access-Control-Allow-Origin: *, but the request includes credentials (cookies or HTTP authentication). With credentials, browsers accept only the exact origin ${origin}, never *. ${blockedOutcome(result.response)}`,
    fix: `Send Access-Control-Allow-Origin: ${origin}, copied from the request's Origin header after checking it against an allow list, together with Access-Control-Allow-Credentials: true and Vary: Origin. If the page needs no cookies, it can drop credentials: "include" and keep *.`,
  };
}

function explainMissingOrigin(result: CheckResult): FindingText {
  const { response } = result;
  const origin = describeOrigin(response.origin);
  const errorHint =
    response.role !== "preflight" && response.statusCode >= 400
      ? ` Error responses need the header too. Without it, the page sees a CORS failure instead of the ${response.statusCode} status.`
      : "";
  const preflightHint =
    response.role === "preflight"
      ? authenticationHint(response.statusCode)
      : "";
  const fix =
    response.role === "preflight"
      ? `Answer OPTIONS requests to ${response.url} with Access-Control-Allow-Origin: ${origin}, before any authentication or routing can reject them.`
      : `Add Access-Control-Allow-Origin: ${origin} to every response from ${response.url}, including redirects and error responses. In most frameworks, register the CORS middleware before authentication and error handling.`;
  return {
    explanation: `${describeResponse(response)} has no Access-Control-Allow-Origin header, so the page at ${origin} may not read it. ${blockedOutcome(response)}${errorHint}${preflightHint}`,
    fix,
  };
}

function explainMultipleOrigins(result: CheckResult): FindingText {
  const { response } = result;
  const lines = response.headers.lines("Access-Control-Allow-Origin");
  const lineNote =
    lines.length > 1 ? ` (sent as ${lines.length} separate header lines)` : "";
  return {
    explanation: `${describeResponse(response)} has Access-Control-Allow-Origin: ${result.value ?? ""}${lineNote}. The header must contain exactly one origin or *, so the browser rejects a list. ${blockedOutcome(response)}`,
    fix: `Send one Access-Control-Allow-Origin header with the single origin of the request, ${describeOrigin(response.origin)}. To allow several origins, compare the request's Origin header with an allow list and send back the match. If a proxy and the application both add the header, remove one of them.`,
  };
}

function explainInvalidOrigin(result: CheckResult): FindingText {
  const origin = describeOrigin(result.response.origin);
  return {
    explanation: `${describeResponse(result.response)} has Access-Control-Allow-Origin: "${result.value ?? ""}", which is not an origin. An origin is a scheme, a host and an optional port, such as ${origin}. ${blockedOutcome(result.response)}`,
    fix: `Send Access-Control-Allow-Origin: ${origin}, with the scheme and without a path or trailing slash.`,
  };
}

function explainOriginMismatch(result: CheckResult): FindingText {
  const { response } = result;
  const allowed = result.value ?? "";
  const origin = describeOrigin(response.origin);
  const difference =
    response.origin === null
      ? null
      : describeOriginDifference(allowed, response.origin);
  const reason = difference === null ? "" : `, and ${difference}`;
  const taintedFix =
    response.origin === "null"
      ? " After a redirect to another origin the browser sends Origin: null. Make the page request the final URL directly, or allow * on that server when no credentials are needed."
      : "";
  return {
    explanation: `${describeResponse(response)} allows the origin ${allowed}, but the request came from ${origin}. Browsers compare the two byte for byte${reason}. ${blockedOutcome(response)}`,
    fix: `Send Access-Control-Allow-Origin: ${origin}, exactly as the browser sends it in the Origin header.${taintedFix}`,
  };
}

function explainAllowCredentials(result: CheckResult): FindingText {
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
    explanation: `The request includes credentials (cookies or HTTP authentication), but the ${responsePhrase(response)} ${problem}. ${blockedOutcome(response)}`,
    fix: `Add Access-Control-Allow-Credentials: true to ${where}. If the page does not need cookies or HTTP authentication, remove credentials: "include" (or withCredentials) from the request instead.`,
  };
}

function explainPreflightStatus(result: CheckResult): FindingText {
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

function explainPreflightRedirect(result: CheckResult): FindingText {
  const { response } = result;
  const target = result.value ?? "another URL";
  return {
    explanation: `The preflight (OPTIONS ${response.url}) was answered with a ${response.statusCode} redirect to ${target}. Browsers never follow redirects on a preflight, so the actual request is never sent.`,
    fix: `Make the page call ${target} directly (for example the HTTPS URL, or the one with the trailing slash), or answer OPTIONS at ${response.url} with 204 and the CORS headers instead of redirecting.`,
  };
}

function explainInvalidList(result: CheckResult, header: string): FindingText {
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

function explainMethodNotAllowed(
  result: CheckResult,
  credentials: CredentialsMode,
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
  if (credentials === "include" && listed?.includes("*")) {
    explanation += " With credentials, * is taken as a literal method name.";
  }
  return { explanation, fix };
}

function explainHeaderNotAllowed(
  result: CheckResult,
  credentials: CredentialsMode,
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
  if (credentials === "include" && listed?.includes("*")) {
    explanation += " With credentials, * is taken as a literal header name.";
  }
  return {
    explanation,
    fix: `Send Access-Control-Allow-Headers: ${result.expected ?? name}.`,
  };
}

function explainWildcardAuthorization(result: CheckResult): FindingText {
  return {
    explanation: `The preflight response allows Authorization only through Access-Control-Allow-Headers: ${result.value ?? "*"}. The Fetch standard excludes Authorization from the * wildcard. Chromium 156 and Firefox 153 still accept it, but browsers that follow the standard block the request.`,
    fix: `Name Authorization explicitly: Access-Control-Allow-Headers: ${result.expected ?? "Authorization"}.`,
  };
}

function explainVaryOrigin(result: CheckResult): FindingText {
  return {
    explanation: `${describeResponse(result.response)} allows the single origin ${result.subject ?? ""} but has no Vary: Origin. If the server picks this value from the request's Origin header, a shared cache can serve this response to a page of another origin, and the browser then blocks that page's request.`,
    fix: `Send Vary: ${result.expected ?? "Origin"} with every response whose Access-Control-Allow-Origin depends on the request.`,
  };
}

function explainNullOrigin(result: CheckResult): FindingText {
  return {
    explanation: `${describeResponse(result.response)} has Access-Control-Allow-Origin: null, and the request's origin was null, so the browser allowed it. Sandboxed iframes, file: pages, data: URLs and redirected requests all send Origin: null, so any site can create a request that passes.`,
    fix: "Do not allow the null origin. Serve the page from a real origin and allow that origin instead.",
  };
}

function explainCorsHeadersOnError(result: CheckResult): FindingText {
  const status = result.response.statusCode;
  return {
    explanation: `The preflight response carried Access-Control-Allow-Origin, but the ${status} response does not. The server seems to add CORS headers only to successful responses, so the page sees a CORS error instead of the ${status} status and its body.`,
    fix: "Add the CORS headers to error responses too. In most frameworks, register the CORS middleware before authentication and error handling.",
  };
}

/** Writes the explanation and the server-side fix for a check result. */
export function explainResult(
  result: CheckResult,
  credentials: CredentialsMode,
): FindingText {
  switch (result.rule) {
    case "allow-origin-wildcard-with-credentials":
      return explainWildcardWithCredentials(result);
    case "allow-origin-missing":
      return explainMissingOrigin(result);
    case "allow-origin-multiple":
      return explainMultipleOrigins(result);
    case "allow-origin-invalid":
      return explainInvalidOrigin(result);
    case "allow-origin-mismatch":
      return explainOriginMismatch(result);
    case "allow-credentials-invalid":
      return explainAllowCredentials(result);
    case "preflight-status":
      return explainPreflightStatus(result);
    case "preflight-redirect":
      return explainPreflightRedirect(result);
    case "allow-methods-invalid":
      return explainInvalidList(result, "Access-Control-Allow-Methods");
    case "allow-headers-invalid":
      return explainInvalidList(result, "Access-Control-Allow-Headers");
    case "method-not-allowed":
      return explainMethodNotAllowed(result, credentials);
    case "header-not-allowed":
      return explainHeaderNotAllowed(result, credentials);
    case "allow-headers-wildcard-authorization":
      return explainWildcardAuthorization(result);
    case "vary-origin-missing":
      return explainVaryOrigin(result);
    case "allow-origin-null":
      return explainNullOrigin(result);
    case "cors-headers-missing-on-error":
      return explainCorsHeadersOnError(result);
  }
}
