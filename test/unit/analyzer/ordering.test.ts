import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { HeaderPair } from "./exchange-builder";
import { ALLOW_ORIGIN, ORIGIN, buildExchange } from "./exchange-builder";

interface OrderCase {
  readonly name: string;
  readonly method: string;
  readonly requestHeaders: readonly HeaderPair[];
  readonly preflightStatus: number;
  readonly preflightHeaders: readonly HeaderPair[];
  readonly chromium: string;
  readonly firefox: string;
}

const cases: readonly OrderCase[] = [
  {
    name: "401 preflight without ACAO",
    method: "PUT",
    requestHeaders: [],
    preflightStatus: 401,
    preflightHeaders: [["Access-Control-Allow-Methods", "PUT"]],
    chromium: "PreflightMissingAllowOriginHeader",
    firefox: "CORSPreflightDidNotSucceed",
  },
  {
    name: "500 preflight with another origin",
    method: "PUT",
    requestHeaders: [],
    preflightStatus: 500,
    preflightHeaders: [
      ["Access-Control-Allow-Origin", "https://other.example"],
      ["Access-Control-Allow-Methods", "PUT"],
    ],
    chromium: "PreflightAllowOriginMismatch",
    firefox: "CORSPreflightDidNotSucceed",
  },
  {
    name: "invalid ACAH and a missing method",
    method: "PUT",
    requestHeaders: [["X-A", "1"]],
    preflightStatus: 204,
    preflightHeaders: [
      ALLOW_ORIGIN,
      ["Access-Control-Allow-Methods", "GET"],
      ["Access-Control-Allow-Headers", "X-A; X-B"],
    ],
    chromium: "InvalidAllowHeadersPreflightResponse",
    firefox: "CORSMethodNotFound",
  },
  {
    name: "403 preflight with ACAO",
    method: "PUT",
    requestHeaders: [],
    preflightStatus: 403,
    preflightHeaders: [ALLOW_ORIGIN, ["Access-Control-Allow-Methods", "PUT"]],
    chromium: "PreflightInvalidStatus",
    firefox: "CORSPreflightDidNotSucceed",
  },
  {
    name: "comma list in one ACAO line",
    method: "PUT",
    requestHeaders: [],
    preflightStatus: 204,
    preflightHeaders: [
      ["Access-Control-Allow-Origin", `${ORIGIN},https://other.example`],
      ["Access-Control-Allow-Methods", "PUT"],
    ],
    chromium: "PreflightMultipleAllowOriginValues",
    firefox: "CORSAllowOriginNotMatchingOrigin",
  },
];

describe("first error per browser", () => {
  it.each(cases)("reports $name", (testCase) => {
    const analysis = analyzeExchange(
      buildExchange({
        method: testCase.method,
        requestHeaders: testCase.requestHeaders,
        preflight: {
          status: testCase.preflightStatus,
          responseHeaders: testCase.preflightHeaders,
        },
      }),
    );
    expect(analysis.browsers.chromium.error).toBe(testCase.chromium);
    expect(analysis.browsers.firefox.error).toBe(testCase.firefox);
    expect(analysis.browsers.chromium.verdict).toBe("blocked");
    expect(analysis.browsers.firefox.verdict).toBe("blocked");
  });
});

describe("finding order", () => {
  it("lists preflight failures in Chromium order", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        requestHeaders: [["X-C", "1"]],
        preflight: {
          status: 403,
          responseHeaders: [
            ["Access-Control-Allow-Methods", "GET;PUT"],
            ["Access-Control-Allow-Headers", "X-A; X-B"],
          ],
        },
      }),
    );
    const errors = analysis.findings.filter(
      (finding) => finding.severity === "error",
    );
    expect(errors.map((finding) => finding.rule)).toEqual([
      "allow-origin-missing",
      "preflight-status",
      "allow-methods-invalid",
      "allow-headers-invalid",
      "method-not-allowed",
      "header-not-allowed",
    ]);
    expect(analysis.browsers.chromium.error).toBe(
      "PreflightMissingAllowOriginHeader",
    );
    expect(analysis.browsers.firefox.error).toBe("CORSPreflightDidNotSucceed");
  });

  it("puts warnings after errors", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "GET",
        requestHeaders: [["Authorization", "Bearer t"]],
        preflight: {
          responseHeaders: [
            ALLOW_ORIGIN,
            ["Access-Control-Allow-Headers", "*"],
          ],
        },
        status: 500,
        responseHeaders: [],
        error: "net::ERR_FAILED",
      }),
    );
    expect(analysis.findings.map((finding) => finding.rule)).toEqual([
      "allow-origin-missing",
      "allow-headers-wildcard-authorization",
      "cors-headers-missing-on-error",
    ]);
    expect(analysis.findings.map((finding) => finding.severity)).toEqual([
      "error",
      "warning",
      "warning",
    ]);
  });
});
