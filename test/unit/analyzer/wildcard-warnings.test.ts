import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { CredentialsMode } from "../../../src/model/analysis";
import type { HeaderPair } from "./exchange-builder";
import {
  ALLOW_CREDENTIALS,
  ALLOW_ORIGIN,
  VARY_ORIGIN,
  buildExchange,
} from "./exchange-builder";

function preflighted(
  method: string,
  requestHeaders: readonly HeaderPair[],
  preflightHeaders: readonly HeaderPair[],
  credentials: CredentialsMode,
) {
  return analyzeExchange(
    buildExchange({
      method,
      requestHeaders,
      preflight: {
        responseHeaders: [ALLOW_ORIGIN, ALLOW_CREDENTIALS, ...preflightHeaders],
      },
      responseHeaders: [ALLOW_ORIGIN, VARY_ORIGIN, ALLOW_CREDENTIALS],
    }),
    { credentials },
  );
}

function rules(analysis: ReturnType<typeof analyzeExchange>): string[] {
  return analysis.findings.map((finding) => finding.rule);
}

describe("* taken literally with credentials", () => {
  it("warns about * in Allow-Methods", () => {
    const analysis = preflighted(
      "PUT",
      [],
      [["Access-Control-Allow-Methods", "*, PUT"]],
      "include",
    );
    const finding = analysis.findings.find(
      (item) => item.rule === "allow-methods-wildcard-with-credentials",
    );
    expect(analysis.verdict).toBe("allowed");
    expect(finding?.severity).toBe("warning");
    expect(finding?.expected).toBe("PUT");
    expect(finding?.explanation).toContain("literal");
  });

  it("leaves the method failure to explain it", () => {
    const analysis = preflighted(
      "PUT",
      [],
      [["Access-Control-Allow-Methods", "*"]],
      "include",
    );
    expect(rules(analysis)).toContain("method-not-allowed");
    expect(rules(analysis)).not.toContain(
      "allow-methods-wildcard-with-credentials",
    );
  });

  it("warns about * in Allow-Headers", () => {
    const analysis = preflighted(
      "GET",
      [["X-Trace", "1"]],
      [["Access-Control-Allow-Headers", "*, X-Trace"]],
      "include",
    );
    expect(rules(analysis)).toContain(
      "allow-headers-wildcard-with-credentials",
    );
    expect(analysis.verdict).toBe("allowed");
  });

  it("warns about * in Expose-Headers", () => {
    const analysis = analyzeExchange(
      buildExchange({
        responseHeaders: [
          ALLOW_ORIGIN,
          VARY_ORIGIN,
          ALLOW_CREDENTIALS,
          ["Access-Control-Expose-Headers", "*"],
        ],
      }),
      { credentials: "include" },
    );
    const finding = analysis.findings.find(
      (item) => item.rule === "expose-headers-wildcard-with-credentials",
    );
    expect(finding?.response).toBe("actual");
    expect(finding?.expected).toBeNull();
    expect(finding?.fix).toContain("the response headers the page needs");
  });

  it("stays quiet without credentials", () => {
    const analysis = preflighted(
      "PUT",
      [["X-Trace", "1"]],
      [
        ["Access-Control-Allow-Methods", "*"],
        ["Access-Control-Allow-Headers", "*"],
      ],
      "omit",
    );
    expect(analysis.verdict).toBe("allowed");
    expect(rules(analysis).filter((rule) => rule.includes("wildcard"))).toEqual(
      [],
    );
  });
});
