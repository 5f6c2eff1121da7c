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

const GOOD_PREFLIGHT: readonly HeaderPair[] = [
  ALLOW_ORIGIN,
  ["Access-Control-Allow-Methods", "GET, POST, PUT, DELETE"],
  ["Access-Control-Allow-Headers", "Content-Type"],
  ["Access-Control-Max-Age", "600"],
  VARY_ORIGIN,
];

const JSON_BODY: HeaderPair = ["Content-Type", "application/json"];

describe("classic CORS failures", () => {
  it("passes a preflighted PUT", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        requestHeaders: [JSON_BODY],
        preflight: { responseHeaders: GOOD_PREFLIGHT },
      }),
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
    expect(analysis.assumptions).toEqual([]);
  });

  it("blocks CORS headers sent only on the OPTIONS answer", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        requestHeaders: [JSON_BODY],
        preflight: { responseHeaders: GOOD_PREFLIGHT },
        responseHeaders: [["Content-Type", "application/json"]],
        error: "net::ERR_FAILED",
      }),
    );
    const finding = analysis.findings[0];
    expect(analysis.verdict).toBe("blocked");
    expect(finding?.rule).toBe("allow-origin-missing");
    expect(finding?.response).toBe("actual");
    expect(finding?.chromium).toBe("MissingAllowOriginHeader");
    expect(finding?.firefox).toBe("CORSMissingAllowOrigin");
    expect(finding?.expected).toBe(ORIGIN);
    expect(finding?.fix).toContain(`Access-Control-Allow-Origin: ${ORIGIN}`);
  });

  it("blocks a 500 without CORS headers after a good preflight", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        requestHeaders: [JSON_BODY],
        preflight: { responseHeaders: GOOD_PREFLIGHT },
        status: 500,
        responseHeaders: [["Content-Type", "text/html"]],
        error: "net::ERR_FAILED",
      }),
    );
    expect(analysis.findings.map((finding) => finding.rule)).toEqual([
      "allow-origin-missing",
      "cors-headers-missing-on-error",
    ]);
    expect(analysis.browsers.chromium.error).toBe("MissingAllowOriginHeader");
    expect(analysis.findings[0]?.explanation).toContain("500");
    expect(analysis.findings[1]?.severity).toBe("warning");
    expect(analysis.findings[1]?.explanation).toContain("500");
  });

  it("blocks * with credentials", () => {
    const analysis = analyzeExchange(
      buildExchange({
        requestHeaders: [["Cookie", "session=1"]],
        responseHeaders: [
          ["Access-Control-Allow-Origin", "*"],
          ALLOW_CREDENTIALS,
        ],
        error: "net::ERR_FAILED",
      }),
    );
    const finding = analysis.findings[0];
    expect(analysis.credentials.mode).toBe("include");
    expect(finding?.rule).toBe("allow-origin-wildcard-with-credentials");
    expect(finding?.expected).toBe(ORIGIN);
    expect(finding?.fix).toContain(ORIGIN);
    expect(analysis.browsers.chromium.error).toBe("WildcardOriginNotAllowed");
    expect(analysis.browsers.firefox.error).toBe(
      "CORSNotSupportingCredentials",
    );
  });

  it("blocks Authorization missing from the allowed headers", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        requestHeaders: [JSON_BODY, ["Authorization", "Bearer abc"]],
        preflight: {
          requestHeaders: "authorization,content-type",
          responseHeaders: GOOD_PREFLIGHT,
        },
        status: null,
        responseHeaders: [],
        error: "net::ERR_FAILED",
      }),
    );
    const finding = analysis.findings[0];
    expect(analysis.findings).toHaveLength(1);
    expect(finding?.rule).toBe("header-not-allowed");
    expect(finding?.response).toBe("preflight");
    expect(finding?.value).toBe("Content-Type");
    expect(finding?.expected).toBe("Content-Type, authorization");
    expect(analysis.browsers.chromium.error).toBe(
      "HeaderDisallowedByPreflightResponse",
    );
    expect(analysis.browsers.firefox.error).toBe(
      "CORSMissingAllowHeaderFromPreflight",
    );
  });
});
