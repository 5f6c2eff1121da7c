import type {
  Analysis,
  BrowserVerdict,
  CredentialsMode,
  ReadableResponseHeaders,
  Verdict,
} from "../model/analysis";
import type { Exchange } from "../model/exchange";
import { describeAssumptions } from "./assumptions";
import type { CheckResult } from "./check-types";
import { inferCredentials } from "./credentials-inference";
import type { ExplanationContext } from "./explanation-context";
import {
  checkExposedHeaders,
  readableResponseHeaders,
} from "./exposed-headers";
import { chromiumName, firefoxName, toFinding } from "./finding";
import { HeaderIndex } from "./header-index";
import { localNetworkRequest } from "./local-network";
import { ModeResults } from "./mode-results";
import { analyzeOpaqueExchange } from "./opaque-analysis";
import { firstError, isError } from "./ordering";
import type { OutcomeInput } from "./outcome-checks";
import { checkOutcome } from "./outcome-checks";
import { readRequestFacts } from "./request-facts";
import { buildResponseChain } from "./response-chain";
import type { Browser } from "./rules";
import { sanitizeExchange } from "./sanitize-exchange";

const ALLOWED: BrowserVerdict = { verdict: "allowed", error: null };

function browserVerdict(
  results: readonly CheckResult[],
  browser: Browser,
): BrowserVerdict {
  const first = firstError(results, browser);
  if (first === null) return ALLOWED;
  const error =
    browser === "chromium" ? chromiumName(first) : firefoxName(first);
  return { verdict: "blocked", error };
}

function verdictOf(results: readonly CheckResult[]): Verdict {
  return results.some(isError) ? "blocked" : "allowed";
}

function describeReadableHeaders(
  input: OutcomeInput,
  credentials: CredentialsMode,
  verdict: Verdict,
): ReadableResponseHeaders | null {
  const { chain, exchange } = input;
  const blocked = verdict === "blocked";
  if (chain.final !== null) {
    const access = blocked ? "none" : "cors";
    return readableResponseHeaders(chain.final.headers, access, credentials);
  }
  if (!chain.finalIsSameOrigin) return null;
  const headers = new HeaderIndex(exchange.actual.responseHeaders);
  return readableResponseHeaders(
    headers,
    blocked ? "none" : "all",
    credentials,
  );
}

/** The results of one credentials mode with everything that depends on them. */
interface ModeAnalysis {
  readonly results: readonly CheckResult[];
  readonly verdict: Verdict;
  readonly readable: ReadableResponseHeaders | null;
}

/**
 * Completes the CORS results of one mode with the outcome checks, and, when the
 * page can read the response, the warning about the headers it cannot read. That
 * warning is about the final response, the last one, so it goes last.
 */
function analyzeMode(
  input: OutcomeInput,
  corsResults: readonly CheckResult[],
  mode: CredentialsMode,
): ModeAnalysis {
  const results = checkOutcome(input, corsResults);
  const verdict = verdictOf(results);
  const readable = describeReadableHeaders(input, mode, verdict);
  const final = input.chain.final;
  if (verdict === "blocked" || final === null || readable === null) {
    return { results, verdict, readable };
  }
  const hidden = checkExposedHeaders(final, readable, mode);
  if (hidden === null) return { results, verdict, readable };
  return { results: [...results, hidden], verdict, readable };
}

/**
 * Analyzes one exchange: runs every CORS check the browser applies to its responses,
 * lists each failure and warning with its fix, and names the error Chromium and
 * Firefox report. `options.credentials` forces a credentials mode. Without it, the mode is
 * inferred from the captured requests. A request sent in no-cors mode gets no CORS
 * check, only a warning that its response is opaque. Malformed input never makes it
 * throw.
 */
/**
 * Returns the exchange with the preflight that decided it. When the browser sent a new
 * preflight after a redirect, the request had already passed the first one (it was sent
 * and redirected), so the last preflight is the one whose answer decides.
 */
function withDecisivePreflight(exchange: Exchange): Exchange {
  // Malformed input (not an object) is left to sanitizeExchange.
  if (typeof exchange !== "object" || exchange === null) return exchange;
  const redirectPreflights = Array.isArray(exchange.redirectPreflights)
    ? exchange.redirectPreflights
    : [];
  const last = redirectPreflights.at(-1);
  return last === undefined ? exchange : { ...exchange, preflight: last };
}

export function analyzeExchange(
  exchange: Exchange,
  options?: { credentials?: CredentialsMode },
): Analysis {
  const safeExchange = sanitizeExchange(withDecisivePreflight(exchange));
  const facts = readRequestFacts(safeExchange);
  if (facts.fetchMode === "no-cors") {
    return analyzeOpaqueExchange(safeExchange, facts, options?.credentials);
  }

  const chain = buildResponseChain(safeExchange, facts.origin);
  const modes = new ModeResults(chain, facts);
  const credentials = inferCredentials(
    safeExchange,
    facts,
    (mode) => modes.blocked(mode),
    options?.credentials,
  );
  const input: OutcomeInput = { exchange: safeExchange, chain, facts };
  const localNetwork = localNetworkRequest(
    facts.origin,
    safeExchange.actual.url,
  );
  const simpleRequest = safeExchange.preflightSource === "not-needed";

  const mode = credentials.mode;
  const { results, verdict, readable } = analyzeMode(
    input,
    modes.results(mode),
    mode,
  );
  const context: ExplanationContext = {
    credentials: mode,
    resource: facts.resource,
    localNetwork,
    simpleRequest,
  };

  let otherCredentialsMode: Analysis["otherCredentialsMode"] = null;
  // The other mode is analyzed only when the mode was assumed and the other mode's
  // verdict can differ: its CORS outcome differs, and it is not blocked while this
  // mode is blocked too (by a failure with another cause).
  const otherMode: CredentialsMode = mode === "omit" ? "include" : "omit";
  const otherBlocked =
    credentials.basis === "assumed" && modes.blocked(otherMode);
  if (
    credentials.basis === "assumed" &&
    otherBlocked !== modes.blocked(mode) &&
    !(otherBlocked && verdict === "blocked")
  ) {
    const other = analyzeMode(input, modes.results(otherMode), otherMode);
    const otherResults = other.results;
    const otherVerdict = other.verdict;
    if (otherVerdict !== verdict) {
      const otherContext: ExplanationContext = {
        ...context,
        credentials: otherMode,
      };
      otherCredentialsMode = {
        mode: otherMode,
        verdict: otherVerdict,
        findings: otherResults.map((result) => toFinding(result, otherContext)),
      };
    }
  }

  return {
    verdict,
    findings: results.map((result) => toFinding(result, context)),
    browsers: {
      chromium: browserVerdict(results, "chromium"),
      firefox: browserVerdict(results, "firefox"),
    },
    credentials,
    otherCredentialsMode,
    assumptions: describeAssumptions({
      exchange: safeExchange,
      origin: facts.origin,
      chain,
      results,
      localNetwork,
    }),
    readableResponseHeaders: readable,
  };
}
