import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { Analysis } from "../../../src/model/analysis";
import type { HeaderPair } from "./exchange-builder";
import {
  ALLOW_CREDENTIALS,
  ALLOW_ORIGIN,
  API_URL,
  VARY_ORIGIN,
  buildExchange,
} from "./exchange-builder";

const ALLOW_PUT: HeaderPair = ["Access-Control-Allow-Methods", "PUT"];

function errorRules(analysis: Analysis): string[] {
  return analysis.findings
    .filter((finding) => finding.severity === "error")
    .map((finding) => finding.rule);
}

function putWithPreflight(
  status: number,
  responseHeaders: readonly HeaderPair[],
  extra: { location?: string } = {},
) {
  const headers =
    extra.location === undefined
      ? responseHeaders
      : [...responseHeaders, ["Location", extra.location] as const];
  return buildExchange({
    method: "PUT",
    preflight: { status, responseHeaders: headers },
    responseHeaders: [ALLOW_ORIGIN, VARY_ORIGIN],
  });
}

describe("preflight status", () => {
  it.each([401, 403, 404, 405, 500, 199])("rejects status %i", (status) => {
    const analysis = analyzeExchange(
      putWithPreflight(status, [ALLOW_ORIGIN, ALLOW_PUT]),
    );
    const finding = analysis.findings[0];
    expect(finding?.rule).toBe("preflight-status");
    expect(finding?.response).toBe("preflight");
    expect(finding?.value).toBe(String(status));
    expect(finding?.expected).toBe("204");
    expect(analysis.browsers.chromium.error).toBe("PreflightInvalidStatus");
    expect(analysis.browsers.firefox.error).toBe("CORSPreflightDidNotSucceed");
  });

  it.each([200, 204, 299])("accepts status %i", (status) => {
    const analysis = analyzeExchange(
      putWithPreflight(status, [ALLOW_ORIGIN, ALLOW_PUT]),
    );
    expect(analysis.verdict).toBe("allowed");
  });

  it("names each browser's 401 failure", () => {
    const analysis = analyzeExchange(putWithPreflight(401, [ALLOW_PUT]));
    expect(errorRules(analysis)).toEqual([
      "allow-origin-missing",
      "preflight-status",
    ]);
    expect(analysis.findings.map((finding) => finding.rule)).toContain(
      "preflight-requires-authentication",
    );
    expect(analysis.findings[0]?.chromium).toBe(
      "PreflightMissingAllowOriginHeader",
    );
    expect(analysis.browsers.chromium.error).toBe(
      "PreflightMissingAllowOriginHeader",
    );
    expect(analysis.browsers.firefox.error).toBe("CORSPreflightDidNotSucceed");
  });

  it("explains 401 on a preflight", () => {
    const analysis = analyzeExchange(
      putWithPreflight(401, [ALLOW_ORIGIN, ALLOW_PUT]),
    );
    expect(analysis.findings[0]?.explanation).toContain("401");
    expect(analysis.findings[0]?.explanation).toContain("never carry cookies");
  });
});

describe("preflight redirect", () => {
  it("rejects a 3xx preflight with a Location", () => {
    const target = "https://api.example/items/";
    const analysis = analyzeExchange(
      putWithPreflight(301, [ALLOW_ORIGIN, ALLOW_PUT], { location: target }),
    );
    const finding = analysis.findings[0];
    expect(errorRules(analysis)).toEqual(["preflight-redirect"]);
    expect(finding?.rule).toBe("preflight-redirect");
    expect(finding?.value).toBe(target);
    expect(finding?.explanation).toContain(target);
    expect(analysis.browsers.chromium.error).toBe(
      "PreflightDisallowedRedirect",
    );
    expect(analysis.browsers.firefox.error).toBe(
      "CORSExternalRedirectNotAllowed",
    );
  });

  it("rejects a preflight record with a redirect hop", () => {
    const target = "https://login.example/";
    const exchange = buildExchange({
      method: "PUT",
      preflight: {
        status: 200,
        responseHeaders: [ALLOW_ORIGIN, ALLOW_PUT],
        redirects: [
          {
            url: API_URL,
            statusCode: 302,
            responseHeaders: [{ name: "Location", value: target }],
            redirectUrl: target,
          },
        ],
      },
    });
    const analysis = analyzeExchange(exchange);
    expect(errorRules(analysis)).toEqual(["preflight-redirect"]);
    expect(analysis.findings[0]?.value).toBe(target);
    expect(analysis.findings.map((finding) => finding.rule)).toContain(
      "preflight-requires-authentication",
    );
  });

  it("treats a 3xx without Location as a bad status", () => {
    const analysis = analyzeExchange(
      putWithPreflight(304, [ALLOW_ORIGIN, ALLOW_PUT]),
    );
    expect(analysis.findings[0]?.rule).toBe("preflight-status");
  });
});

describe("origin checks on the preflight", () => {
  it("uses the Preflight names of Chromium", () => {
    const analysis = analyzeExchange(
      putWithPreflight(204, [
        ["Access-Control-Allow-Origin", "https://other.example"],
        ALLOW_PUT,
      ]),
    );
    expect(analysis.findings[0]?.response).toBe("preflight");
    expect(analysis.browsers.chromium.error).toBe(
      "PreflightAllowOriginMismatch",
    );
    expect(analysis.browsers.firefox.error).toBe(
      "CORSAllowOriginNotMatchingOrigin",
    );
  });

  it("requires allow-credentials on the preflight", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        preflight: { responseHeaders: [ALLOW_ORIGIN, ALLOW_PUT] },
        responseHeaders: [ALLOW_ORIGIN, ALLOW_CREDENTIALS, VARY_ORIGIN],
      }),
      { credentials: "include" },
    );
    expect(errorRules(analysis)).toEqual(["allow-credentials-invalid"]);
    expect(analysis.browsers.chromium.error).toBe(
      "PreflightInvalidAllowCredentials",
    );
  });

  it("skips the actual response after failure", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        preflight: { responseHeaders: [ALLOW_PUT] },
        status: null,
        responseHeaders: [],
        error: "net::ERR_FAILED",
      }),
    );
    expect(analysis.findings.map((finding) => finding.response)).toEqual([
      "preflight",
    ]);
    expect(analysis.assumptions.join(" ")).toContain("never sent");
  });

  it("ignores an actual response after failure", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        preflight: { responseHeaders: [ALLOW_PUT] },
        responseHeaders: [],
      }),
    );
    expect(
      analysis.findings.filter((finding) => finding.response === "actual"),
    ).toEqual([]);
  });

  it("fails a preflight that got no response", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        preflight: { status: null, error: "net::ERR_CONNECTION_REFUSED" },
        status: null,
        responseHeaders: [],
        error: "net::ERR_CONNECTION_REFUSED",
      }),
    );
    const finding = analysis.findings[0];
    expect(analysis.verdict).toBe("blocked");
    expect(errorRules(analysis)).toEqual(["request-failed"]);
    expect(finding?.response).toBe("preflight");
    expect(finding?.value).toBe("net::ERR_CONNECTION_REFUSED");
    expect(finding?.explanation).toContain("not CORS");
    expect(analysis.browsers.chromium).toEqual({
      verdict: "blocked",
      error: null,
    });
    expect(analysis.browsers.firefox.error).toBe("CORSDidNotSucceed");
    expect(analysis.assumptions.join(" ")).toContain(
      "net::ERR_CONNECTION_REFUSED",
    );
  });

  it("ignores a preflight not needed", () => {
    const analysis = analyzeExchange({
      ...buildExchange({ preflight: { status: 500 } }),
      preflightSource: "not-needed",
    });
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings).toEqual([]);
  });
});
