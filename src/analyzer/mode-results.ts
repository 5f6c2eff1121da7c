import type { CredentialsMode } from "../model/analysis";
import type { CheckResult } from "./check-types";
import { isError, sortResults } from "./ordering";
import type { RequestFacts } from "./request-facts";
import type { ResponseChain } from "./response-chain";
import { failsOnlyWithCredentials } from "./credentials-difference";
import { preflightMethod, runChecks } from "./run-checks";

/**
 * The sorted results of the CORS checks in each credentials mode, computed on first
 * use, so that a mode whose outcome does not matter is never checked.
 */
export class ModeResults {
  private omit: readonly CheckResult[] | null = null;
  private include: readonly CheckResult[] | null = null;

  constructor(
    private readonly chain: ResponseChain,
    private readonly facts: RequestFacts,
  ) {}

  results(mode: CredentialsMode): readonly CheckResult[] {
    const cached = mode === "omit" ? this.omit : this.include;
    if (cached !== null) return cached;
    const results = sortResults(runChecks(this.chain, this.facts, mode));
    if (mode === "omit") this.omit = results;
    else this.include = results;
    return results;
  }

  /**
   * Returns true when a CORS check fails in `mode`. Every check that passes with
   * credentials also passes without them. So once the checks without credentials
   * ran, the result with credentials needs no full run. It is true when they failed,
   * and otherwise depends only on the checks that credentials add.
   */
  blocked(mode: CredentialsMode): boolean {
    if (mode === "include" && this.include === null && this.omit !== null) {
      if (this.omit.some(isError)) return true;
      const method = preflightMethod(this.chain, this.facts);
      return failsOnlyWithCredentials(this.chain, this.facts, method);
    }
    return this.results(mode).some(isError);
  }
}
