import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { HeaderPair } from "./exchange-builder";
import {
  ALLOW_CREDENTIALS,
  ALLOW_ORIGIN,
  ORIGIN,
  VARY_ORIGIN,
  buildExchange,
} from "./exchange-builder";

interface OriginCase {
  readonly name: string;
  readonly responseHeaders: readonly HeaderPair[];
  readonly rule: string;
  readonly chromium: string;
  readonly firefox: string;
  readonly value: string | null;
}

const allowOrigin = (value: string): HeaderPair => [
  "Access-Control-Allow-Origin",
  value,
];

const failingCases: readonly OriginCase[] = [
  {
    name: "missing header",
    responseHeaders: [],
    rule: "allow-origin-missing",
    chromium: "MissingAllowOriginHeader",
    firefox: "CORSMissingAllowOrigin",
    value: null,
  },
  {
    name: "two header lines",
    responseHeaders: [ALLOW_ORIGIN, ALLOW_ORIGIN],
    rule: "allow-origin-multiple",
    chromium: "MultipleAllowOriginValues",
    firefox: "CORSMultipleAllowOriginNotAllowed",
    value: `${ORIGIN}, ${ORIGIN}`,
  },
  {
    name: "comma list in one line",
    responseHeaders: [allowOrigin(`${ORIGIN}, https://other.example`)],
    rule: "allow-origin-multiple",
    chromium: "MultipleAllowOriginValues",
    firefox: "CORSAllowOriginNotMatchingOrigin",
    value: `${ORIGIN}, https://other.example`,
  },
  {
    name: "space-separated list",
    responseHeaders: [allowOrigin(`${ORIGIN} https://other.example`)],
    rule: "allow-origin-multiple",
    chromium: "MultipleAllowOriginValues",
    firefox: "CORSAllowOriginNotMatchingOrigin",
    value: `${ORIGIN} https://other.example`,
  },
  {
    name: "host without scheme",
    responseHeaders: [allowOrigin("app.example")],
    rule: "allow-origin-invalid",
    chromium: "InvalidAllowOriginValue",
    firefox: "CORSAllowOriginNotMatchingOrigin",
    value: "app.example",
  },
  {
    name: "empty value",
    responseHeaders: [allowOrigin("")],
    rule: "allow-origin-invalid",
    chromium: "InvalidAllowOriginValue",
    firefox: "CORSAllowOriginNotMatchingOrigin",
    value: "",
  },
  {
    name: "other host",
    responseHeaders: [allowOrigin("https://other.example")],
    rule: "allow-origin-mismatch",
    chromium: "AllowOriginMismatch",
    firefox: "CORSAllowOriginNotMatchingOrigin",
    value: "https://other.example",
  },
  {
    name: "trailing slash",
    responseHeaders: [allowOrigin(`${ORIGIN}/`)],
    rule: "allow-origin-mismatch",
    chromium: "AllowOriginMismatch",
    firefox: "CORSAllowOriginNotMatchingOrigin",
    value: `${ORIGIN}/`,
  },
  {
    name: "letter case",
    responseHeaders: [allowOrigin("https://App.example")],
    rule: "allow-origin-mismatch",
    chromium: "AllowOriginMismatch",
    firefox: "CORSAllowOriginNotMatchingOrigin",
    value: "https://App.example",
  },
  {
    name: "explicit default port",
    responseHeaders: [allowOrigin(`${ORIGIN}:443`)],
    rule: "allow-origin-mismatch",
    chromium: "AllowOriginMismatch",
    firefox: "CORSAllowOriginNotMatchingOrigin",
    value: `${ORIGIN}:443`,
  },
  {
    name: "wrong scheme",
    responseHeaders: [allowOrigin("http://app.example")],
    rule: "allow-origin-mismatch",
    chromium: "AllowOriginMismatch",
    firefox: "CORSAllowOriginNotMatchingOrigin",
    value: "http://app.example",
  },
  {
    name: "null",
    responseHeaders: [allowOrigin("null")],
    rule: "allow-origin-mismatch",
    chromium: "AllowOriginMismatch",
    firefox: "CORSAllowOriginNotMatchingOrigin",
    value: "null",
  },
];

describe("Access-Control-Allow-Origin on the actual response", () => {
  it.each(failingCases)("rejects $name", (testCase) => {
    const analysis = analyzeExchange(
      buildExchange({ responseHeaders: testCase.responseHeaders }),
    );
    const finding = analysis.findings[0];
    expect(analysis.verdict).toBe("blocked");
    expect(finding?.rule).toBe(testCase.rule);
    expect(finding?.response).toBe("actual");
    expect(finding?.header).toBe("Access-Control-Allow-Origin");
    expect(finding?.value).toBe(testCase.value);
    expect(finding?.expected).toBe(ORIGIN);
    expect(analysis.browsers.chromium.error).toBe(testCase.chromium);
    expect(analysis.browsers.firefox.error).toBe(testCase.firefox);
    expect(analysis.browsers.chromium.verdict).toBe("blocked");
    expect(analysis.browsers.firefox.verdict).toBe("blocked");
  });

  it("rejects a missing port when the origin has one", () => {
    const analysis = analyzeExchange(
      buildExchange({
        origin: "http://localhost:3000",
        responseHeaders: [allowOrigin("http://localhost")],
      }),
    );
    expect(analysis.findings[0]?.rule).toBe("allow-origin-mismatch");
    expect(analysis.findings[0]?.expected).toBe("http://localhost:3000");
  });

  it("accepts the exact origin", () => {
    const analysis = analyzeExchange(
      buildExchange({ responseHeaders: [ALLOW_ORIGIN, VARY_ORIGIN] }),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings).toEqual([]);
    expect(analysis.browsers.chromium).toEqual({
      verdict: "allowed",
      error: null,
    });
    expect(analysis.browsers.firefox).toEqual({
      verdict: "allowed",
      error: null,
    });
  });

  it("accepts * without credentials", () => {
    const analysis = analyzeExchange(
      buildExchange({ responseHeaders: [allowOrigin("*")] }),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings).toEqual([]);
  });

  it("rejects a 500 without the header", () => {
    const analysis = analyzeExchange(
      buildExchange({ status: 500, responseHeaders: [] }),
    );
    expect(analysis.findings[0]?.rule).toBe("allow-origin-missing");
    expect(analysis.findings[0]?.explanation).toContain("500");
  });

  it("rejects a 401 without the header", () => {
    const analysis = analyzeExchange(
      buildExchange({ status: 401, responseHeaders: [] }),
    );
    expect(analysis.browsers.chromium.error).toBe("MissingAllowOriginHeader");
  });

  it("names the difference in the explanation", () => {
    const analysis = analyzeExchange(
      buildExchange({ responseHeaders: [allowOrigin(`${ORIGIN}/`)] }),
    );
    const explanation = analysis.findings[0]?.explanation ?? "";
    expect(explanation).toContain(`${ORIGIN}/`);
    expect(explanation).toContain(ORIGIN);
    expect(explanation).toContain("trailing slash");
  });
});

describe("Access-Control-Allow-Origin with credentials", () => {
  it("rejects * with credentials", () => {
    const analysis = analyzeExchange(
      buildExchange({ responseHeaders: [allowOrigin("*"), ALLOW_CREDENTIALS] }),
      { credentials: "include" },
    );
    const finding = analysis.findings[0];
    expect(finding?.rule).toBe("allow-origin-wildcard-with-credentials");
    expect(finding?.value).toBe("*");
    expect(finding?.expected).toBe(ORIGIN);
    expect(finding?.chromium).toBe("WildcardOriginNotAllowed");
    expect(finding?.firefox).toBe("CORSNotSupportingCredentials");
    expect(analysis.browsers.chromium.error).toBe("WildcardOriginNotAllowed");
    expect(analysis.browsers.firefox.error).toBe(
      "CORSNotSupportingCredentials",
    );
  });

  it("accepts the exact origin with credentials", () => {
    const analysis = analyzeExchange(
      buildExchange({
        responseHeaders: [ALLOW_ORIGIN, ALLOW_CREDENTIALS, VARY_ORIGIN],
      }),
      { credentials: "include" },
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings.map((finding) => finding.rule)).toEqual([
      "allow-origin-reflected-with-credentials",
    ]);
  });
});

describe("unknown request origin", () => {
  it("still rejects a missing header", () => {
    const missing = analyzeExchange(
      buildExchange({ origin: null, responseHeaders: [] }),
    );
    expect(missing.findings[0]?.rule).toBe("allow-origin-missing");
  });

  it("does not invent a mismatch", () => {
    const exchange = buildExchange({
      origin: null,
      responseHeaders: [allowOrigin("https://other.example")],
    });
    const analysis = analyzeExchange({
      ...exchange,
      actual: {
        ...exchange.actual,
        requestHeaders: exchange.actual.requestHeaders.filter(
          (header) => header.name !== "Origin",
        ),
      },
    });
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.assumptions.join(" ")).toContain("origin is unknown");
  });

  it("falls back to the Origin request header", () => {
    const analysis = analyzeExchange(
      buildExchange({
        origin: null,
        responseHeaders: [allowOrigin("https://other.example")],
      }),
    );
    expect(analysis.findings[0]?.rule).toBe("allow-origin-mismatch");
    expect(analysis.findings[0]?.expected).toBe(ORIGIN);
  });
});
