import type { CheckResult } from "./check-types";
import type { ExplanationContext, FindingText } from "./explanation-context";
import { describeLocalNetworkRequest } from "./local-network";

/** Causes of common network errors, by error name or prefix. */
const CAUSES: readonly (readonly [RegExp, string])[] = [
  [
    /^net::ERR_(CONNECTION_REFUSED|CONNECTION_RESET|CONNECTION_CLOSED|CONNECTION_TIMED_OUT|TIMED_OUT|EMPTY_RESPONSE|ADDRESS_UNREACHABLE|NAME_NOT_RESOLVED|INTERNET_DISCONNECTED)$/,
    "the server could not be reached, or it closed the connection",
  ],
  [/^net::ERR_(CERT|SSL)_/, "a TLS certificate or handshake problem"],
  [
    /^net::ERR_BLOCKED_BY_CLIENT$/,
    "another extension, such as an ad or content blocker, blocked the request",
  ],
  [
    /^net::ERR_BLOCKED_BY_(LOCAL|PRIVATE)_NETWORK_ACCESS_CHECKS$/,
    "Local Network Access: the browser kept a public page from reaching a private or loopback address",
  ],
  [
    /^net::ERR_ABORTED$/,
    "the page or the browser cancelled the request (a navigation or AbortController)",
  ],
  [
    /^(net::ERR_FAILED|NS_ERROR_DOM_BAD_URI)$/,
    "the browser uses this error for CORS failures too, so a credentials mode the capture cannot show, Local Network Access, or another extension are the likely causes",
  ],
  [
    /^NS_ERROR_(CONNECTION_REFUSED|NET_RESET|NET_INTERRUPT|NET_TIMEOUT|UNKNOWN_HOST|OFFLINE)$/,
    "the server could not be reached, or it closed the connection",
  ],
];

function likelyCause(error: string | null): string {
  if (error !== null) {
    for (const [pattern, cause] of CAUSES) {
      if (pattern.test(error)) return cause;
    }
  }
  return "a network error, another extension, or Local Network Access";
}

export function explainRequestFailed(
  result: CheckResult,
  context: ExplanationContext,
): FindingText {
  const { response } = result;
  const error = result.value;
  const requestKind =
    response.role === "preflight" ? "the preflight" : "the request";
  const target = `${requestKind} to ${response.url}`;
  let reported: string;
  if (error === null) {
    reported = `The browser named no error, but ${target} ended without a response, so no CORS check could run`;
  } else if (response.statusCode === 0) {
    reported = `The browser reported ${error} for ${target} before any response arrived, so no CORS check could run`;
  } else {
    reported = `The browser reported ${error} for ${target}, but every CORS check passes`;
  }
  const localNetwork =
    context.localNetwork === null
      ? ""
      : ` Also, ${describeLocalNetworkRequest(context.localNetwork)}: Chromium asks the user for Local Network Access permission first and fails the request when it is denied (LocalNetworkAccessPermissionDenied).`;
  return {
    explanation: `${reported}. The failure is probably not CORS. Likely cause: ${likelyCause(error)}.${localNetwork} The page gets the same TypeError as for a CORS failure, and Firefox logs "CORS request did not succeed" for it.`,
    fix: "Look at the network error, not the CORS headers: check that the server is up and reachable from this browser, that no proxy or extension blocks the request, and that its certificate is valid.",
  };
}
