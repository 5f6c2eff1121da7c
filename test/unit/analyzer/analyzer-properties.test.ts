import fc from "fast-check";
import { describe, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { Analysis } from "../../../src/model/analysis";
import { exchangeArbitrary } from "./exchange-arbitraries";

/**
 * Number of random exchanges. The unit suite runs 20,000; set CORS_LENS_FUZZ_RUNS
 * to run more, for example 1000000 before a release.
 */
const RUNS = Number(process.env.CORS_LENS_FUZZ_RUNS ?? "20000");

/** A fixed seed makes every failure replayable. */
const SEED = 20_240_601;

/** Allows 5 ms per run, and never less than a minute. */
const TIMEOUT_MS = Math.max(60_000, RUNS * 5);

function hasError(analysis: Analysis): boolean {
  return analysis.findings.some((finding) => finding.severity === "error");
}

function hasCorsError(analysis: Analysis): boolean {
  return analysis.findings.some(
    (finding) =>
      finding.severity === "error" && finding.rule !== "request-failed",
  );
}

/**
 * Returns the first invariant the analysis breaks, or null. Plain checks instead of
 * expect() keep a run cheap, and fast-check reports the message with the input.
 */
function brokenInvariant(analysis: Analysis): string | null {
  if ((analysis.verdict === "blocked") !== hasError(analysis)) {
    return "The verdict is blocked but no error finding exists, or the reverse.";
  }
  const { chromium, firefox } = analysis.browsers;
  const chromiumNames = analysis.findings.map((finding) => finding.chromium);
  const firefoxNames = analysis.findings.map((finding) => finding.firefox);
  if (chromium.error !== null && !chromiumNames.includes(chromium.error)) {
    return `Chromium's error ${chromium.error} is not a finding's name.`;
  }
  if (firefox.error !== null && !firefoxNames.includes(firefox.error)) {
    return `Firefox's error ${firefox.error} is not a finding's name.`;
  }
  for (const browser of [chromium, firefox]) {
    if (browser.verdict === "blocked" && analysis.verdict !== "blocked") {
      return "A browser blocks a request the analysis allows.";
    }
    if (browser.error !== null && browser.verdict !== "blocked") {
      return "A browser names an error for a request it allows.";
    }
  }
  const preflightFailed = analysis.findings.some(
    (finding) =>
      finding.severity === "error" && finding.response === "preflight",
  );
  const onActual = analysis.findings.some(
    (finding) => finding.response === "actual",
  );
  if (preflightFailed && onActual) {
    return "A finding is about the actual response after a failed preflight.";
  }
  return null;
}

function assertInvariants(analysis: Analysis): void {
  const broken = brokenInvariant(analysis);
  if (broken !== null) throw new Error(broken);
}

describe("analyzer properties", () => {
  it(
    "holds its invariants on random exchanges",
    () => {
      fc.assert(
        fc.property(exchangeArbitrary, (exchange) => {
          const analysis = analyzeExchange(exchange);
          assertInvariants(analysis);
          const again = JSON.stringify(analyzeExchange(exchange));
          if (again !== JSON.stringify(analysis)) {
            throw new Error("The same exchange gave two different analyses.");
          }

          const omit = analyzeExchange(exchange, { credentials: "omit" });
          const include = analyzeExchange(exchange, { credentials: "include" });
          assertInvariants(omit);
          assertInvariants(include);
          // Every check that passes with credentials passes without them.
          if (hasCorsError(omit) && include.verdict !== "blocked") {
            throw new Error(
              "A request blocked without credentials passes with them.",
            );
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
