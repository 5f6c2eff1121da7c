import type { CredentialsAssumption, CredentialsMode } from "../model/analysis";
import type { Exchange } from "../model/exchange";
import type { RequestFacts } from "./request-facts";

/** Tells whether the exchange fails the CORS checks in a credentials mode. */
export type BlockedInMode = (mode: CredentialsMode) => boolean;

/**
 * The errors webRequest reports for a request that CORS blocked: Chromium's for the
 * actual request, Firefox's after a failed preflight.
 */
const CORS_BLOCKED_ERRORS = new Set([
  "net::ERR_FAILED",
  "NS_ERROR_DOM_BAD_URI",
]);

/**
 * Decides which credentials mode to analyze the exchange in. webRequest does not
 * report the mode, so the evidence is a `Cookie` header, the resource type, or an
 * outcome that only one mode explains. `blockedIn` is called only when the outcome
 * matters, because each call runs the checks.
 */
export function inferCredentials(
  exchange: Exchange,
  facts: RequestFacts,
  blockedIn: BlockedInMode,
  forced: CredentialsMode | undefined,
): CredentialsAssumption {
  if (forced !== undefined) {
    return {
      mode: forced,
      basis: "assumed",
      reason: `The credentials mode ${forced} was chosen for this analysis.`,
    };
  }
  if (facts.sentCookies) {
    return {
      mode: "include",
      basis: "observed",
      reason:
        "The request carried a Cookie header, so it was sent with credentials.",
    };
  }
  if (facts.resource === "font") {
    return {
      mode: "omit",
      basis: "observed",
      reason:
        'Browsers load fonts with the credentials mode "same-origin", which sends no cookies to another origin.',
    };
  }

  // Every check that passes with credentials also passes without them, so a request
  // blocked without credentials is also blocked with them.
  const onlyIncludeFails = !blockedIn("omit") && blockedIn("include");
  const { actual } = exchange;
  if (
    actual.error !== null &&
    CORS_BLOCKED_ERRORS.has(actual.error) &&
    onlyIncludeFails
  ) {
    return {
      mode: "include",
      basis: "observed",
      reason: `The browser failed the request with ${actual.error}, and only a request with credentials fails the CORS checks.`,
    };
  }
  // Firefox's webRequest reports requests that CORS blocked as completed, so for a
  // Firefox capture this outcome does not prove that the request passed.
  const completed =
    !actual.inFlight &&
    actual.error === null &&
    actual.statusCode !== null &&
    facts.browser !== "firefox";
  if (completed && onlyIncludeFails) {
    return {
      mode: "omit",
      basis: "observed",
      reason:
        "The request completed without an error, and only a request without credentials passes the CORS checks.",
    };
  }
  const usualMode =
    facts.resource === "fetch"
      ? 'The default credentials mode of fetch, "same-origin",'
      : 'The usual crossorigin="anonymous"';
  return {
    mode: "omit",
    basis: "assumed",
    reason: `No Cookie header was seen. ${usualMode} sends no credentials to another origin.`,
  };
}
