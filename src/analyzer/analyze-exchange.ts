import type {
  Analysis,
  BrowserVerdict,
  CredentialsMode,
  Finding,
} from "../model/analysis";
import type { Exchange } from "../model/exchange";
import { describeAssumptions } from "./assumptions";
import type { CheckResult } from "./check-types";
import { inferCredentials } from "./credentials-inference";
import { chromiumName, firefoxName, toFinding } from "./finding";
import { firstError, isError, sortResults } from "./ordering";
import { requestOrigin, requestedPermissions } from "./request-facts";
import type { ResponseChain } from "./response-chain";
import { buildResponseChain } from "./response-chain";
import type { RequestedPermissions } from "./run-checks";
import { runChecks } from "./run-checks";
import { sanitizeExchange } from "./sanitize-exchange";

/** The outcome of the checks in one credentials mode. */
interface ModeOutcome {
  readonly blocked: boolean;
  readonly results: readonly CheckResult[];
  readonly chromium: BrowserVerdict;
  readonly firefox: BrowserVerdict;
}

function browserVerdict(error: string | null): BrowserVerdict {
  return { verdict: error === null ? "allowed" : "blocked", error };
}

function toFindings(
  results: readonly CheckResult[],
  credentials: CredentialsMode,
): Finding[] {
  return results.map((result) => toFinding(result, credentials));
}

function evaluateMode(
  chain: ResponseChain,
  requested: RequestedPermissions,
  credentials: CredentialsMode,
): ModeOutcome {
  const results = sortResults(runChecks(chain, requested, credentials));
  const chromiumFailure = firstError(results, "chromium");
  const firefoxFailure = firstError(results, "firefox");
  return {
    blocked: results.some(isError),
    results,
    chromium: browserVerdict(
      chromiumFailure === null ? null : chromiumName(chromiumFailure),
    ),
    firefox: browserVerdict(
      firefoxFailure === null ? null : firefoxName(firefoxFailure),
    ),
  };
}

/**
 * Analyzes one exchange: runs every CORS check the browser applies to its responses,
 * lists each failure and warning with its fix, and names the error Chromium and
 * Firefox report. `options.credentials` forces a credentials mode. Without it, the mode is
 * inferred from the captured requests. Malformed input never makes it throw.
 */
export function analyzeExchange(
  exchange: Exchange,
  options?: { credentials?: CredentialsMode },
): Analysis {
  const safeExchange = sanitizeExchange(exchange);
  const origin = requestOrigin(safeExchange);
  const chain = buildResponseChain(safeExchange, origin);
  const requested = requestedPermissions(safeExchange);
  const outcomes = {
    omit: evaluateMode(chain, requested, "omit"),
    include: evaluateMode(chain, requested, "include"),
  };

  const credentials = inferCredentials(
    safeExchange,
    { omit: outcomes.omit.blocked, include: outcomes.include.blocked },
    options?.credentials,
  );
  const chosen = outcomes[credentials.mode];
  const otherMode: CredentialsMode =
    credentials.mode === "omit" ? "include" : "omit";
  const other = outcomes[otherMode];
  const otherDiffers =
    credentials.basis === "assumed" && other.blocked !== chosen.blocked;

  return {
    verdict: chosen.blocked ? "blocked" : "allowed",
    findings: toFindings(chosen.results, credentials.mode),
    browsers: { chromium: chosen.chromium, firefox: chosen.firefox },
    credentials,
    otherCredentialsMode: otherDiffers
      ? {
          mode: otherMode,
          verdict: other.blocked ? "blocked" : "allowed",
          findings: toFindings(other.results, otherMode),
        }
      : null,
    assumptions: describeAssumptions({
      exchange: safeExchange,
      origin,
      chain,
      results: chosen.results,
    }),
  };
}
