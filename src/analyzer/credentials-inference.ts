import type { CredentialsAssumption, CredentialsMode } from "../model/analysis";
import type { Exchange } from "../model/exchange";
import { sentCookies } from "./request-facts";

/** Whether the exchange fails the CORS checks in each credentials mode. */
export interface BlockedByMode {
  readonly omit: boolean;
  readonly include: boolean;
}

/** The error Chromium's webRequest reports for a request that CORS blocked. */
const CHROMIUM_BLOCKED_ERROR = "net::ERR_FAILED";

/**
 * Decides which credentials mode to analyze the exchange in. webRequest does not
 * report the mode, so the evidence is a `Cookie` header or an outcome that only one
 * mode explains.
 */
export function inferCredentials(
  exchange: Exchange,
  blocked: BlockedByMode,
  forced: CredentialsMode | undefined,
): CredentialsAssumption {
  if (forced !== undefined) {
    return {
      mode: forced,
      basis: "assumed",
      reason: `The credentials mode ${forced} was chosen for this analysis.`,
    };
  }
  if (sentCookies(exchange)) {
    return {
      mode: "include",
      basis: "observed",
      reason:
        "The request carried a Cookie header, so it was sent with credentials.",
    };
  }

  const onlyIncludeFails = !blocked.omit && blocked.include;
  const { actual } = exchange;
  if (actual.error === CHROMIUM_BLOCKED_ERROR && onlyIncludeFails) {
    return {
      mode: "include",
      basis: "observed",
      reason: `The browser failed the request with ${CHROMIUM_BLOCKED_ERROR}, and only a request with credentials fails the CORS checks.`,
    };
  }
  // NOTE: Firefox's webRequest reports requests that CORS blocked as completed, so
  // for a Firefox capture this outcome does not prove that the request passed.
  const completed =
    !actual.inFlight && actual.error === null && actual.statusCode !== null;
  if (completed && onlyIncludeFails) {
    return {
      mode: "omit",
      basis: "observed",
      reason:
        "The request completed without an error, and only a request without credentials passes the CORS checks.",
    };
  }
  return {
    mode: "omit",
    basis: "assumed",
    reason:
      'No Cookie header was seen. The default credentials mode of fetch, "same-origin", sends no credentials to another origin.',
  };
}
