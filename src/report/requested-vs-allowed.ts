import type { CheckInput, CheckedResponse } from "../analyzer/check-types";
import { checkAllowCredentials } from "../analyzer/credentials-checks";
import { checkExposedHeaders } from "../analyzer/exposed-headers";
import { isError } from "../analyzer/ordering";
import { checkAllowOrigin } from "../analyzer/origin-checks";
import {
  checkAllowHeaders,
  checkAllowMethods,
} from "../analyzer/permission-checks";
import { readRequestFacts, type RequestFacts } from "../analyzer/request-facts";
import {
  buildResponseChain,
  type ResponseChain,
} from "../analyzer/response-chain";
import { ruleById } from "../analyzer/rules";
import { preflightMethod } from "../analyzer/run-checks";
import { isSafelistedMethod } from "../analyzer/safelist";
import { sanitizeExchange } from "../analyzer/sanitize-exchange";
import type { Analysis } from "../model/analysis";
import type { Exchange } from "../model/exchange";
import type { AnalyzedExchange } from "./analyzed-exchange";

/** The permission a row compares: one thing the request needs, which a header grants. */
export type RequestedCheck =
  "origin" | "method" | "headers" | "credentials" | "exposed-headers";

export type RequestedOutcome = "pass" | "fail" | "not-applicable";

/** One line of the "requested vs allowed" comparison. */
export interface RequestedVsAllowedRow {
  readonly check: RequestedCheck;
  /** The response whose header grants the permission. */
  readonly response: "preflight" | "actual";
  /** The request's need as text, or null when it is unknown or empty. */
  readonly requested: string | null;
  /** The response header that grants it. */
  readonly header: string;
  /** The header's value as received, or null when absent or when there is no response. */
  readonly allowed: string | null;
  /** The requested items the response does not allow: a method or header names. */
  readonly denied: readonly string[];
  readonly outcome: RequestedOutcome;
  /** One sentence that explains the outcome. */
  readonly reason: string;
}

const ALLOW_ORIGIN = "Access-Control-Allow-Origin";
const ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
const ALLOW_METHODS = "Access-Control-Allow-Methods";
const ALLOW_HEADERS = "Access-Control-Allow-Headers";
const EXPOSE_HEADERS = "Access-Control-Expose-Headers";

/** The facts every row is computed from, read once per exchange. */
interface RowContext {
  readonly exchange: Exchange;
  readonly analysis: Analysis;
  readonly facts: RequestFacts;
  readonly chain: ResponseChain;
}

/**
 * Compares what the request needed with what the responses allowed, one row per
 * permission: the origin and the credentials on the preflight and on the actual
 * response, the method and the request headers on the preflight, and the response
 * headers scripts may read on the actual response. Each row runs the analyzer's own
 * check on that one header, so a row fails exactly when the analyzer reports that
 * header, even where the browser stopped at an earlier failure. Redirect responses
 * get no rows: the findings cover them.
 */
export function requestedVsAllowed(
  entry: AnalyzedExchange,
): RequestedVsAllowedRow[] {
  const exchange = sanitizeExchange(withDecisivePreflight(entry.exchange));
  const facts = readRequestFacts(exchange);
  const context: RowContext = {
    exchange,
    analysis: entry.analysis,
    facts,
    chain: buildResponseChain(exchange, facts.origin),
  };
  const hasPreflight = exchange.preflightSource !== "not-needed";
  const rows: RequestedVsAllowedRow[] = [];
  if (hasPreflight) rows.push(originRow(context, "preflight"));
  rows.push(originRow(context, "actual"));
  rows.push(methodRow(context), headersRow(context));
  if (hasPreflight) rows.push(credentialsRow(context, "preflight"));
  rows.push(credentialsRow(context, "actual"), exposedHeadersRow(context));
  if (facts.fetchMode !== "no-cors") return rows;
  return rows.map((row) => ({
    ...row,
    outcome: "not-applicable",
    denied: [],
    reason:
      "The request was sent in no-cors mode, so the browser runs no CORS check and the page cannot read the response.",
  }));
}

/**
 * Returns the exchange with the preflight the analyzer judges it by: the last one
 * sent after a redirect, because the request had already passed the earlier ones.
 */
function withDecisivePreflight(exchange: Exchange): Exchange {
  const last = exchange.redirectPreflights?.at(-1);
  return last === undefined ? exchange : { ...exchange, preflight: last };
}

/**
 * Returns the response that a row of `role` reads, or the reason there is none to
 * read.
 */
function checkedResponse(
  context: RowContext,
  role: "preflight" | "actual",
): CheckedResponse | string {
  const { exchange, chain } = context;
  if (role === "preflight") {
    if (exchange.preflightSource === "not-needed") {
      return "No preflight was needed: the method and the request headers are CORS-safelisted.";
    }
    if (chain.preflightRedirect !== null) {
      return "The preflight response was a redirect, so the browser read none of its headers.";
    }
    return (
      chain.preflight ??
      (exchange.preflight === null
        ? "The cached preflight answer was not recorded."
        : "No preflight response arrived.")
    );
  }
  if (chain.final !== null) return chain.final;
  if (chain.finalIsSameOrigin) {
    return "The final response came from the page's own origin, so no CORS check applies.";
  }
  if (exchange.actual.statusCode !== null) {
    return "The response was a redirect that the browser did not follow.";
  }
  if (exchange.actual.inFlight) return "The response has not arrived yet.";
  return context.analysis.verdict === "blocked" && preflightFailed(context)
    ? "The browser did not send the request, because the preflight failed."
    : "No response arrived.";
}

function preflightFailed(context: RowContext): boolean {
  return context.analysis.findings.some(
    (finding) =>
      finding.response === "preflight" && finding.severity === "error",
  );
}

function headerValueOf(
  response: CheckedResponse | string,
  name: string,
): string | null {
  return typeof response === "string" ? null : response.headers.value(name);
}

function checkInput(
  context: RowContext,
  response: CheckedResponse,
): CheckInput {
  return { response, credentials: context.analysis.credentials.mode };
}

function originRow(
  context: RowContext,
  role: "preflight" | "actual",
): RequestedVsAllowedRow {
  const response = checkedResponse(context, role);
  const base = {
    check: "origin",
    response: role,
    header: ALLOW_ORIGIN,
    allowed: headerValueOf(response, ALLOW_ORIGIN),
    denied: [],
  } as const;
  if (typeof response === "string") {
    return {
      ...base,
      requested: context.facts.origin,
      outcome: "not-applicable",
      reason: response,
    };
  }
  const requested = response.origin;
  const failure = checkAllowOrigin(checkInput(context, response));
  if (failure !== null) {
    return {
      ...base,
      requested,
      denied: requested === null ? [] : [requested],
      outcome: "fail",
      reason: `${ruleById(failure.rule).title}.`,
    };
  }
  if (base.allowed === "*") {
    return {
      ...base,
      requested,
      outcome: "pass",
      reason: "* allows every origin on a request without credentials.",
    };
  }
  if (requested === null) {
    return {
      ...base,
      requested,
      outcome: "not-applicable",
      reason:
        "The page's origin is unknown, so the allowed origin cannot be compared with it.",
    };
  }
  return {
    ...base,
    requested,
    outcome: "pass",
    reason: "The allowed origin is the request's origin.",
  };
}

function credentialsRow(
  context: RowContext,
  role: "preflight" | "actual",
): RequestedVsAllowedRow {
  const { mode, basis } = context.analysis.credentials;
  const response = checkedResponse(context, role);
  const base = {
    check: "credentials",
    response: role,
    requested: mode,
    header: ALLOW_CREDENTIALS,
    allowed: headerValueOf(response, ALLOW_CREDENTIALS),
    denied: [],
  } as const;
  if (mode === "omit") {
    return {
      ...base,
      outcome: "not-applicable",
      reason: `The request does not include credentials (${basis}), so the browser ignores ${ALLOW_CREDENTIALS}.`,
    };
  }
  if (typeof response === "string") {
    return { ...base, outcome: "not-applicable", reason: response };
  }
  const failure = checkAllowCredentials(checkInput(context, response));
  if (failure !== null) {
    return {
      ...base,
      denied: ["include"],
      outcome: "fail",
      reason: `The request includes credentials (${basis}), but the value is not exactly true.`,
    };
  }
  return {
    ...base,
    outcome: "pass",
    reason: `The request includes credentials (${basis}), and the value is true.`,
  };
}

function methodRow(context: RowContext): RequestedVsAllowedRow {
  const response = checkedResponse(context, "preflight");
  const base = {
    check: "method",
    response: "preflight",
    header: ALLOW_METHODS,
    allowed: headerValueOf(response, ALLOW_METHODS),
  } as const;
  if (typeof response === "string") {
    return {
      ...base,
      requested: context.facts.permissions.method,
      denied: [],
      outcome: "not-applicable",
      reason: response,
    };
  }
  const method = preflightMethod(context.chain, context.facts);
  const results = checkAllowMethods(checkInput(context, response), method);
  const failure = results.find(isError);
  if (failure !== undefined) {
    return {
      ...base,
      requested: method,
      denied: results.some((result) => result.rule === "method-not-allowed")
        ? [method]
        : [],
      outcome: "fail",
      reason: `${ruleById(failure.rule).title}.`,
    };
  }
  return {
    ...base,
    requested: method,
    denied: [],
    outcome: "pass",
    reason: isSafelistedMethod(method)
      ? `${method} is CORS-safelisted, so it needs no permission.`
      : `The list allows ${method}.`,
  };
}

function headersRow(context: RowContext): RequestedVsAllowedRow {
  const requestedNames = context.facts.permissions.headers;
  const response = checkedResponse(context, "preflight");
  const base = {
    check: "headers",
    response: "preflight",
    requested: requestedNames.length === 0 ? null : requestedNames.join(", "),
    header: ALLOW_HEADERS,
    allowed: headerValueOf(response, ALLOW_HEADERS),
  } as const;
  if (typeof response === "string") {
    return { ...base, denied: [], outcome: "not-applicable", reason: response };
  }
  if (requestedNames.length === 0) {
    return {
      ...base,
      denied: [],
      outcome: "not-applicable",
      reason:
        "The request sends no CORS-unsafe header, so none needs permission.",
    };
  }
  const results = checkAllowHeaders(
    checkInput(context, response),
    requestedNames,
  );
  const failure = results.find(isError);
  if (failure !== undefined) {
    const denied = results
      .filter((result) => result.rule === "header-not-allowed")
      .map((result) => result.subject ?? "");
    return {
      ...base,
      denied,
      outcome: "fail",
      reason: `${ruleById(failure.rule).title}.`,
    };
  }
  return {
    ...base,
    denied: [],
    outcome: "pass",
    reason: "The list allows every requested header.",
  };
}

function exposedHeadersRow(context: RowContext): RequestedVsAllowedRow {
  const { analysis } = context;
  const response = checkedResponse(context, "actual");
  const base = {
    check: "exposed-headers",
    response: "actual",
    header: EXPOSE_HEADERS,
    allowed: headerValueOf(response, EXPOSE_HEADERS),
  } as const;
  const readable = analysis.readableResponseHeaders ?? null;
  if (typeof response === "string" || readable === null) {
    const reason =
      typeof response === "string" ? response : "No response arrived.";
    return {
      ...base,
      requested: null,
      denied: [],
      outcome: "not-applicable",
      reason,
    };
  }
  if (analysis.verdict === "blocked") {
    return {
      ...base,
      requested: null,
      denied: [],
      outcome: "not-applicable",
      reason:
        "The browser blocked the response, so scripts can read none of it.",
    };
  }
  const hidden = checkExposedHeaders(
    response,
    readable,
    analysis.credentials.mode,
  );
  if (hidden !== null) {
    const denied = (hidden.subject ?? "").split(", ").filter(Boolean);
    return {
      ...base,
      requested: denied.join(", "),
      denied,
      outcome: "fail",
      reason:
        "Scripts cannot read these headers, because the list does not expose them. The request itself is not blocked.",
    };
  }
  return {
    ...base,
    requested:
      readable.readable.length === 0 ? null : readable.readable.join(", "),
    denied: [],
    outcome: "pass",
    reason:
      readable.readable.length === 0
        ? "The response has no header that scripts could read."
        : "Scripts can read these headers.",
  };
}
