import type { Exchange } from "../model/exchange";
import type { RequestRecord } from "../model/request-record";
import type { CheckedResponse, CheckResult } from "./check-types";
import { HeaderIndex } from "./header-index";
import { firstError, sortResults } from "./ordering";
import type { RequestFacts } from "./request-facts";
import type { ResponseChain } from "./response-chain";

/** Inputs of the outcome checks besides the results of the CORS checks. */
export interface OutcomeInput {
  readonly exchange: Exchange;
  readonly chain: ResponseChain;
  readonly facts: RequestFacts;
}

const NO_HEADERS = new HeaderIndex([]);

/** Methods that a server should not change state for (RFC 9110 "safe methods"). */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Stands for a response the CORS checks did not read, so that a result can point at
 * it. `statusCode` is 0 when no response arrived.
 */
function uncheckedResponse(
  role: CheckedResponse["role"],
  url: string,
  statusCode: number,
  origin: string | null,
): CheckedResponse {
  const position = role === "preflight" ? 0 : 2;
  return { role, position, url, statusCode, headers: NO_HEADERS, origin };
}

/** True when the record ended with a network error or without any response. */
function failedWithoutCause(record: RequestRecord): boolean {
  if (record.error !== null) return true;
  return (
    !record.inFlight && record.statusCode === null && record.endTime !== null
  );
}

/**
 * Fails a request that no CORS check explains but that did not succeed: the browser
 * reported a network error, or the request ended without a response. Its cause is
 * something else (the server down, a proxy, another extension, Local Network Access),
 * and the page gets the same TypeError as for a CORS failure.
 */
function checkRequestFailed({
  exchange,
  chain,
  facts,
}: OutcomeInput): CheckResult | null {
  const { preflight, actual } = exchange;
  const sentPreflight =
    exchange.preflightSource === "sent" && preflight !== null;
  // A response to the actual request shows that the preflight did not stop it, so a
  // failed preflight counts only when the actual request got no response.
  if (sentPreflight && chain.preflight === null && actual.statusCode === null) {
    if (!failedWithoutCause(preflight)) return null;
    return {
      rule: "request-failed",
      response: uncheckedResponse("preflight", preflight.url, 0, facts.origin),
      value: preflight.error,
      expected: null,
      subject: null,
    };
  }
  if (!failedWithoutCause(actual)) return null;
  const lastStep = chain.redirects[chain.redirects.length - 1];
  const response =
    chain.final ??
    lastStep?.response ??
    uncheckedResponse(
      "actual",
      actual.url,
      actual.statusCode ?? 0,
      facts.origin,
    );
  return {
    rule: "request-failed",
    response,
    value: actual.error,
    expected: null,
    subject: null,
  };
}

/**
 * Warns when the browser blocked the response to a request with an unsafe method
 * that the server accepted (a status below 400). The server ran the request, side
 * effects included, and only the page was kept from reading the response.
 */
function checkBlockedRequestReachedServer(
  { facts }: OutcomeInput,
  failure: CheckResult,
): CheckResult | null {
  const { response } = failure;
  if (response.role === "preflight") return null;
  if (response.statusCode === 0 || response.statusCode >= 400) return null;
  const method = facts.permissions.method;
  if (SAFE_METHODS.has(method)) return null;
  return {
    rule: "blocked-request-reached-server",
    response,
    value: String(response.statusCode),
    expected: null,
    subject: method,
  };
}

/**
 * Warns when the analysis blocks a request that the capture shows completing without
 * an error. Chromium's webRequest ends a request that CORS blocked with
 * net::ERR_FAILED, so the two disagree. Firefox's webRequest reports blocked requests
 * as completed, so a capture that its User-Agent shows is from Firefox is skipped.
 */
function checkVerdictDisagrees(
  { exchange, facts }: OutcomeInput,
  failure: CheckResult,
): CheckResult | null {
  const { actual } = exchange;
  if (actual.inFlight || actual.error !== null) return null;
  if (actual.statusCode === null || facts.browser === "firefox") return null;
  return {
    rule: "verdict-disagrees-with-browser",
    response: failure.response,
    value: String(actual.statusCode),
    expected: null,
    subject: null,
  };
}

/**
 * Adds the results that depend on the outcome of the CORS checks in one credentials
 * mode: a failure with another cause, or the warnings about a blocked request.
 */
export function checkOutcome(
  input: OutcomeInput,
  results: readonly CheckResult[],
): readonly CheckResult[] {
  const failure = firstError(results, "chromium");
  if (failure === null) {
    const failed = checkRequestFailed(input);
    return failed === null ? results : sortResults([...results, failed]);
  }
  const added: CheckResult[] = [];
  const reached = checkBlockedRequestReachedServer(input, failure);
  if (reached !== null) added.push(reached);
  const disagrees = checkVerdictDisagrees(input, failure);
  if (disagrees !== null) added.push(disagrees);
  return added.length === 0 ? results : sortResults([...results, ...added]);
}
