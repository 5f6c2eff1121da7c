import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { HeaderPair } from "./exchange-builder";
import { ALLOW_ORIGIN, VARY_ORIGIN, buildExchange } from "./exchange-builder";

const allowCredentials = (value: string): HeaderPair => [
  "Access-Control-Allow-Credentials",
  value,
];

describe("Access-Control-Allow-Credentials", () => {
  it.each<[string, readonly HeaderPair[], string | null]>([
    ["missing", [], null],
    ["uppercase TRUE", [allowCredentials("TRUE")], "TRUE"],
    ["false", [allowCredentials("false")], "false"],
    [
      "two true lines",
      [allowCredentials("true"), allowCredentials("true")],
      "true, true",
    ],
  ])("rejects %s with credentials", (_name, extraHeaders, value) => {
    const analysis = analyzeExchange(
      buildExchange({
        responseHeaders: [ALLOW_ORIGIN, VARY_ORIGIN, ...extraHeaders],
      }),
      { credentials: "include" },
    );
    const finding = analysis.findings[0];
    expect(analysis.verdict).toBe("blocked");
    expect(finding?.rule).toBe("allow-credentials-invalid");
    expect(finding?.header).toBe("Access-Control-Allow-Credentials");
    expect(finding?.value).toBe(value);
    expect(finding?.expected).toBe("true");
    expect(analysis.browsers.chromium.error).toBe("InvalidAllowCredentials");
    expect(analysis.browsers.firefox.error).toBe("CORSMissingAllowCredentials");
  });

  it("ignores the header without credentials", () => {
    const analysis = analyzeExchange(
      buildExchange({ responseHeaders: [ALLOW_ORIGIN, VARY_ORIGIN] }),
      { credentials: "omit" },
    );
    expect(analysis.verdict).toBe("allowed");
  });

  it("lists both failures for * without allow-credentials", () => {
    const analysis = analyzeExchange(
      buildExchange({
        responseHeaders: [["Access-Control-Allow-Origin", "*"]],
        error: "net::ERR_FAILED",
      }),
      { credentials: "include" },
    );
    expect(analysis.findings.map((finding) => finding.rule)).toEqual([
      "allow-origin-wildcard-with-credentials",
      "allow-credentials-invalid",
    ]);
    expect(analysis.browsers.chromium.error).toBe("WildcardOriginNotAllowed");
    expect(analysis.browsers.firefox.error).toBe(
      "CORSNotSupportingCredentials",
    );
  });
});
