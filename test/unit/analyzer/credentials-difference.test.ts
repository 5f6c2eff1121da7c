import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { failsOnlyWithCredentials } from "../../../src/analyzer/credentials-difference";
import { isError } from "../../../src/analyzer/ordering";
import { readRequestFacts } from "../../../src/analyzer/request-facts";
import { buildResponseChain } from "../../../src/analyzer/response-chain";
import { preflightMethod, runChecks } from "../../../src/analyzer/run-checks";
import { sanitizeExchange } from "../../../src/analyzer/sanitize-exchange";
import type { Exchange } from "../../../src/model/exchange";
import { exchangeArbitrary } from "./exchange-arbitraries";
import {
  ALLOW_ANY_ORIGIN,
  ALLOW_CREDENTIALS,
  ALLOW_ORIGIN,
  buildExchange,
} from "./exchange-builder";

/** Returns both results, or null when the checks without credentials fail. */
function answers(exchange: Exchange): {
  shortcut: boolean;
  fullRun: boolean;
} | null {
  const safe = sanitizeExchange(exchange);
  const facts = readRequestFacts(safe);
  const chain = buildResponseChain(safe, facts.origin);
  if (runChecks(chain, facts, "omit").some(isError)) return null;
  return {
    shortcut: failsOnlyWithCredentials(
      chain,
      facts,
      preflightMethod(chain, facts),
    ),
    fullRun: runChecks(chain, facts, "include").some(isError),
  };
}

describe("checks that only credentials add", () => {
  it.each([
    ["* without Allow-Credentials", [ALLOW_ANY_ORIGIN], true],
    ["* with Allow-Credentials", [ALLOW_ANY_ORIGIN, ALLOW_CREDENTIALS], true],
    ["the origin without Allow-Credentials", [ALLOW_ORIGIN], true],
    [
      "the origin with Allow-Credentials",
      [ALLOW_ORIGIN, ALLOW_CREDENTIALS],
      false,
    ],
  ] as const)("judges %s", (_name, headers, expected) => {
    const result = answers(buildExchange({ responseHeaders: headers }));
    expect(result?.shortcut).toBe(expected);
    expect(result?.fullRun).toBe(expected);
  });

  it("finds a method allowed only by *", () => {
    const result = answers(
      buildExchange({
        method: "PUT",
        preflight: {
          responseHeaders: [
            ALLOW_ORIGIN,
            ALLOW_CREDENTIALS,
            ["Access-Control-Allow-Methods", "*"],
          ],
        },
        responseHeaders: [ALLOW_ORIGIN, ALLOW_CREDENTIALS],
      }),
    );
    expect(result).toEqual({ shortcut: true, fullRun: true });
  });

  it("agrees with a full run on random exchanges", () => {
    fc.assert(
      fc.property(exchangeArbitrary, (exchange) => {
        const result = answers(exchange);
        if (result !== null && result.shortcut !== result.fullRun) {
          throw new Error(
            `The shortcut says ${result.shortcut}, a full run ${result.fullRun}.`,
          );
        }
      }),
      { seed: 7, numRuns: 5_000 },
    );
  }, 60_000);
});
