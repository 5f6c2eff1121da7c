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

const allowMethods = (value: string): HeaderPair => [
  "Access-Control-Allow-Methods",
  value,
];
const allowHeaders = (value: string): HeaderPair => [
  "Access-Control-Allow-Headers",
  value,
];

function analyzePreflighted(
  method: string,
  requestHeaders: readonly HeaderPair[],
  preflightHeaders: readonly HeaderPair[],
  credentials: CredentialsMode = "omit",
) {
  const credentialHeaders =
    credentials === "include" ? [ALLOW_CREDENTIALS] : [];
  return analyzeExchange(
    buildExchange({
      method,
      requestHeaders,
      preflight: {
        responseHeaders: [
          ALLOW_ORIGIN,
          ...credentialHeaders,
          ...preflightHeaders,
        ],
      },
      responseHeaders: [ALLOW_ORIGIN, VARY_ORIGIN, ...credentialHeaders],
    }),
    { credentials },
  );
}

describe("method permission", () => {
  it("rejects PUT when only GET and POST are allowed", () => {
    const analysis = analyzePreflighted("PUT", [], [allowMethods("GET, POST")]);
    const finding = analysis.findings[0];
    expect(finding?.rule).toBe("method-not-allowed");
    expect(finding?.header).toBe("Access-Control-Allow-Methods");
    expect(finding?.value).toBe("GET, POST");
    expect(finding?.expected).toBe("GET, POST, PUT");
    expect(finding?.explanation).toContain("PUT");
    expect(analysis.browsers.chromium.error).toBe(
      "MethodDisallowedByPreflightResponse",
    );
    expect(analysis.browsers.firefox.error).toBe("CORSMethodNotFound");
  });

  it("rejects DELETE without Access-Control-Allow-Methods", () => {
    const analysis = analyzePreflighted("DELETE", [], []);
    expect(analysis.findings[0]?.value).toBeNull();
    expect(analysis.findings[0]?.expected).toBe("DELETE");
  });

  it("rejects patch when only PATCH is allowed", () => {
    const analysis = analyzePreflighted("patch", [], [allowMethods("PATCH")]);
    const finding = analysis.findings[0];
    expect(finding?.rule).toBe("method-not-allowed");
    expect(finding?.explanation).toContain("case-sensitive");
    expect(finding?.fix).toContain("PATCH");
  });

  it("rejects put in lowercase when only put is listed", () => {
    const analysis = analyzePreflighted("put", [], [allowMethods("put")]);
    expect(analysis.findings[0]?.rule).toBe("method-not-allowed");
    expect(analysis.findings[0]?.expected).toBe("put, PUT");
    expect(analysis.findings[0]?.explanation).toContain(
      "case-sensitive, so put does not allow PUT",
    );
  });

  it.each(["delete", "Put", "options"])(
    "accepts %s because fetch uppercases it",
    (method) => {
      const analysis = analyzePreflighted(
        method,
        [],
        [allowMethods("DELETE, PUT, OPTIONS")],
      );
      expect(analysis.verdict).toBe("allowed");
    },
  );

  it("accepts PUT listed among others", () => {
    const analysis = analyzePreflighted("PUT", [], [allowMethods("GET,PUT")]);
    expect(analysis.verdict).toBe("allowed");
  });

  it("accepts a safelisted method without the header", () => {
    const analysis = analyzePreflighted(
      "POST",
      [["Content-Type", "application/json"]],
      [allowHeaders("Content-Type")],
    );
    expect(analysis.verdict).toBe("allowed");
  });

  it("accepts * without credentials", () => {
    const analysis = analyzePreflighted("DELETE", [], [allowMethods("*")]);
    expect(analysis.verdict).toBe("allowed");
  });

  it("rejects * with credentials", () => {
    const analysis = analyzePreflighted(
      "DELETE",
      [],
      [allowMethods("*")],
      "include",
    );
    expect(analysis.findings[0]?.rule).toBe("method-not-allowed");
    expect(analysis.findings[0]?.expected).toBe("DELETE");
    expect(analysis.findings[0]?.explanation).toContain("literal");
  });

  it("reads the method from the preflight", () => {
    const exchange = buildExchange({
      method: "PUT",
      preflight: {
        requestMethod: "DELETE",
        responseHeaders: [ALLOW_ORIGIN, allowMethods("PUT")],
      },
    });
    const analysis = analyzeExchange({
      ...exchange,
      actual: { ...exchange.actual, method: "" },
    });
    expect(analysis.findings[0]?.rule).toBe("method-not-allowed");
    expect(analysis.findings[0]?.expected).toBe("PUT, DELETE");
  });
});

describe("allow-list syntax", () => {
  it("rejects a semicolon in Access-Control-Allow-Methods", () => {
    const analysis = analyzePreflighted("PUT", [], [allowMethods("GET;PUT")]);
    const finding = analysis.findings[0];
    expect(finding?.rule).toBe("allow-methods-invalid");
    expect(finding?.value).toBe("GET;PUT");
    expect(finding?.expected).toBe("GET, PUT");
    expect(analysis.browsers.chromium.error).toBe(
      "InvalidAllowMethodsPreflightResponse",
    );
    expect(analysis.browsers.firefox.error).toBe("CORSInvalidAllowMethod");
  });

  it("rejects a semicolon in Access-Control-Allow-Headers", () => {
    const analysis = analyzePreflighted(
      "PUT",
      [["X-A", "1"]],
      [allowMethods("PUT"), allowHeaders("X-A; X-B")],
    );
    const finding = analysis.findings[0];
    expect(finding?.rule).toBe("allow-headers-invalid");
    expect(finding?.expected).toBe("X-A, X-B");
    expect(finding?.explanation).toContain('"X-A; X-B"');
    expect(analysis.browsers.chromium.error).toBe(
      "InvalidAllowHeadersPreflightResponse",
    );
    expect(analysis.browsers.firefox.error).toBe("CORSInvalidAllowHeader");
  });

  it("skips empty elements", () => {
    const analysis = analyzePreflighted(
      "PUT",
      [],
      [allowMethods("GET, , PUT,")],
    );
    expect(analysis.verdict).toBe("allowed");
  });
});

describe("header permission", () => {
  it("rejects Authorization missing from the list", () => {
    const analysis = analyzePreflighted(
      "GET",
      [["Authorization", "Bearer t"]],
      [allowHeaders("Content-Type")],
    );
    const finding = analysis.findings[0];
    expect(finding?.rule).toBe("header-not-allowed");
    expect(finding?.value).toBe("Content-Type");
    expect(finding?.expected).toBe("Content-Type, authorization");
    expect(finding?.explanation).toContain("authorization");
    expect(analysis.browsers.chromium.error).toBe(
      "HeaderDisallowedByPreflightResponse",
    );
    expect(analysis.browsers.firefox.error).toBe(
      "CORSMissingAllowHeaderFromPreflight",
    );
  });

  it("compares names case-insensitively", () => {
    const analysis = analyzePreflighted(
      "POST",
      [["X-Request-ID", "1"]],
      [allowHeaders("x-request-id")],
    );
    expect(analysis.verdict).toBe("allowed");
  });

  it("lists one finding per missing header", () => {
    const analysis = analyzePreflighted(
      "POST",
      [
        ["X-B", "1"],
        ["X-A", "2"],
      ],
      [],
    );
    const errors = analysis.findings.filter(
      (finding) => finding.severity === "error",
    );
    expect(errors.map((finding) => finding.rule)).toEqual([
      "header-not-allowed",
      "header-not-allowed",
    ]);
    expect(analysis.findings[0]?.explanation).toContain("x-a");
    expect(analysis.findings[1]?.explanation).toContain("x-b");
    expect(analysis.findings[0]?.expected).toBe("x-a, x-b");
  });

  it("accepts * without credentials", () => {
    const analysis = analyzePreflighted(
      "POST",
      [["X-Request-Id", "1"]],
      [allowHeaders("*")],
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings).toEqual([]);
  });

  it("rejects * with credentials", () => {
    const analysis = analyzePreflighted(
      "POST",
      [["X-Request-Id", "1"]],
      [allowHeaders("*")],
      "include",
    );
    expect(analysis.findings[0]?.rule).toBe("header-not-allowed");
    expect(analysis.findings[0]?.expected).toBe("x-request-id");
  });

  it("warns when * covers Authorization", () => {
    const analysis = analyzePreflighted(
      "GET",
      [["Authorization", "Bearer t"]],
      [allowHeaders("*")],
    );
    expect(analysis.verdict).toBe("allowed");
    const finding = analysis.findings[0];
    expect(finding?.rule).toBe("allow-headers-wildcard-authorization");
    expect(finding?.severity).toBe("warning");
    expect(finding?.chromium).toBeNull();
    expect(finding?.firefox).toBeNull();
    expect(finding?.expected).toBe("*, Authorization");
  });

  it("does not warn when Authorization is listed next to *", () => {
    const analysis = analyzePreflighted(
      "GET",
      [["Authorization", "Bearer t"]],
      [allowHeaders("*, Authorization")],
    );
    expect(analysis.findings).toEqual([]);
  });

  it("reads hidden headers from the preflight", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        requestHeadersSeen: false,
        preflight: {
          requestHeaders: "content-type,x-trace",
          responseHeaders: [
            ALLOW_ORIGIN,
            allowMethods("PUT"),
            allowHeaders("Content-Type"),
          ],
        },
      }),
    );
    expect(analysis.findings[0]?.rule).toBe("header-not-allowed");
    expect(analysis.findings[0]?.explanation).toContain("x-trace");
    expect(analysis.assumptions.join(" ")).toContain(
      "Access-Control-Request-Headers",
    );
  });
});
