import type { CheckResult } from "./check-types";
import type { ExplanationContext, FindingText } from "./explanation-context";
import { describeResponse } from "./response-phrases";

export function explainVaryOrigin(result: CheckResult): FindingText {
  return {
    explanation: `${describeResponse(result.response)} allows the single origin ${result.subject ?? ""} but has no Vary: Origin. If the server picks this value from the request's Origin header, a shared cache can serve this response to a page of another origin, and the browser then blocks that page's request.`,
    fix: `Send Vary: ${result.expected ?? "Origin"} with every response whose Access-Control-Allow-Origin depends on the request.`,
  };
}

export function explainNullOrigin(result: CheckResult): FindingText {
  return {
    explanation: `${describeResponse(result.response)} has Access-Control-Allow-Origin: null, and the request's origin was null, so the browser allowed it. Sandboxed iframes, file: pages, data: URLs and redirected requests all send Origin: null, so any site can create a request that passes.`,
    fix: "Do not allow the null origin. Serve the page from a real origin and allow that origin instead.",
  };
}

export function explainCorsHeadersOnError(result: CheckResult): FindingText {
  const status = result.response.statusCode;
  return {
    explanation: `An earlier response of this request carried Access-Control-Allow-Origin, but the ${status} response does not. The server seems to add CORS headers only to successful responses, so the page sees a CORS error instead of the ${status} status and its body.`,
    fix: "Add the CORS headers to error responses too. In most frameworks, register the CORS middleware before authentication and error handling.",
  };
}

export function explainReflectedWithCredentials(
  result: CheckResult,
): FindingText {
  return {
    explanation: `${describeResponse(result.response)} allows the origin ${result.value ?? ""} together with Access-Control-Allow-Credentials: true. One exchange cannot show whether the server checks the Origin header against an allow list. If it copies any origin into this header, every website can read this user's data with their cookies.`,
    fix: "Make the server compare the Origin header with a fixed list of trusted origins before echoing it. To test it, send the request with Origin: https://attacker.example and check that the response does not allow that origin.",
  };
}

export function explainHeaderNotExposed(
  result: CheckResult,
  context: ExplanationContext,
  invalid: readonly string[],
): FindingText {
  const names = result.subject ?? "";
  const listed =
    result.value === null
      ? "the response has no Access-Control-Expose-Headers"
      : `Access-Control-Expose-Headers is ${result.value}`;
  let reason = "";
  if (invalid.length > 0) {
    const quoted = invalid.map((element) => `"${element}"`).join(", ");
    reason = ` ${quoted} is not a header name, so the browsers expose none of the listed headers.`;
  } else if (context.credentials === "include" && result.value?.includes("*")) {
    reason = " With credentials, * exposes nothing.";
  }
  return {
    explanation: `The response carries ${names}, but ${listed}, so a script cannot read them: headers.get() and getResponseHeader() return null, with no error in the Console.${reason} Without exposure, scripts can read only Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified and Pragma.`,
    fix: `If the page reads these headers, send Access-Control-Expose-Headers: ${result.expected ?? names}.`,
  };
}

export function explainBlockedRequestReachedServer(
  result: CheckResult,
  context: ExplanationContext,
): FindingText {
  const method = result.subject ?? "";
  const reason = context.simpleRequest
    ? `A ${method} request with only safelisted headers goes out without a preflight, so nothing asked the server for permission first.`
    : "The preflight passed, so the browser sent the request.";
  return {
    explanation: `The browser blocked the response, but the server had already answered the ${method} request with status ${result.value ?? ""}. ${reason} The server ran it, side effects included (a record written, a message sent); CORS only kept the page from reading the answer.`,
    fix: "Fix the CORS headers so that the page sees the result, and make sure a retry cannot repeat the side effect. Do not rely on CORS to protect endpoints that change state: check the Origin header or a CSRF token on the server.",
  };
}

export function explainAuthorizationDropped(result: CheckResult): FindingText {
  const { response } = result;
  const target = result.value ?? "another URL";
  const targetOrigin = result.subject ?? "the new origin";
  return {
    explanation: `The request carried an Authorization header, and the ${response.statusCode} redirect from ${response.url} moves it to ${target}, on another origin. Browsers remove Authorization on such a redirect, so the server at ${targetOrigin} received the request without it and may answer 401.`,
    fix: `Make the page call ${target} directly, or have the server answer at ${response.url} without redirecting.`,
  };
}

export function explainRedirectCredentials(
  result: CheckResult,
  context: ExplanationContext,
): FindingText {
  const { response } = result;
  const noun = context.resource === "fetch" ? "request" : "resource load";
  return {
    explanation: `The redirect response from ${response.url} (status ${response.statusCode}) points to ${result.value ?? "a URL"}, which contains a user name or password. Browsers do not follow such a redirect in a cross-origin ${noun}, so it fails. Chromium records RedirectContainsCredentials but raises no DevTools issue for it, and Firefox logs no reason.`,
    fix: "Redirect to a URL without user:password@, and send credentials in an Authorization header or a cookie instead.",
  };
}

export function explainNoCors(context: ExplanationContext): FindingText {
  if (context.resource === "fetch") {
    return {
      explanation:
        'The request was sent with Sec-Fetch-Mode: no-cors, as fetch(url, { mode: "no-cors" }) sends it. The browser runs no CORS check and gives the page an opaque response: status 0, no headers and no body. The request goes through, but the page cannot read the answer.',
      fix: 'Remove mode: "no-cors" and make the server send Access-Control-Allow-Origin. no-cors never makes a response readable.',
    };
  }
  return {
    explanation:
      "The element loaded the resource without CORS (Sec-Fetch-Mode: no-cors, an element without a crossorigin attribute). The page can show or run it, but a script cannot read its content, and a canvas that draws such an image becomes tainted.",
    fix: 'If a script must read the resource, add crossorigin="anonymous" to the element and Access-Control-Allow-Origin to the response.',
  };
}

export function explainVerdictDisagrees(result: CheckResult): FindingText {
  return {
    explanation: `The capture shows the request completing with status ${result.value ?? ""} and no error, but the analysis predicts that the browser blocks it. Chromium ends a request that CORS blocked with net::ERR_FAILED, so an assumption of the analysis is probably wrong: the credentials mode, the preflight paired with the request, or headers the capture did not show. A capture from Firefox also shows blocked requests as completed.`,
    fix: "Look for a CORS message in the Console. If there is none, the browser allowed the request: report the exchange with its headers so the analyzer can be corrected.",
  };
}
