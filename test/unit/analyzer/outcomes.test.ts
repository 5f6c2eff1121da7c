import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { HeaderPair } from "./exchange-builder";
import { ALLOW_ORIGIN, VARY_ORIGIN, buildExchange } from "./exchange-builder";

const CACHED_PREFLIGHT: readonly HeaderPair[] = [
  ALLOW_ORIGIN,
  ["Access-Control-Allow-Methods", "PUT"],
  ["Access-Control-Max-Age", "600"],
];

describe("cached preflight", () => {
  it("judges the method against the earlier preflight", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        preflight: { responseHeaders: CACHED_PREFLIGHT },
        preflightSource: "cached",
      }),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.assumptions.join(" ")).toContain("cached answer");
  });

  it("rejects a method the earlier preflight did not allow", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "DELETE",
        preflight: { requestMethod: "PUT", responseHeaders: CACHED_PREFLIGHT },
        preflightSource: "cached",
      }),
    );
    expect(analysis.findings[0]?.rule).toBe("method-not-allowed");
    expect(analysis.findings[0]?.expected).toBe("PUT, DELETE");
  });

  it("says so when no earlier preflight is attached", () => {
    const analysis = analyzeExchange({
      ...buildExchange({ method: "PUT" }),
      preflightSource: "cached",
    });
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.assumptions.join(" ")).toContain("no earlier preflight");
  });
});

describe("failures that are not CORS", () => {
  it("blocks a network error as not CORS", () => {
    const analysis = analyzeExchange(
      buildExchange({
        responseHeaders: [ALLOW_ORIGIN, VARY_ORIGIN],
        error: "net::ERR_CONNECTION_RESET",
      }),
    );
    const finding = analysis.findings[0];
    expect(analysis.verdict).toBe("blocked");
    expect(analysis.findings.map((item) => item.rule)).toEqual([
      "request-failed",
    ]);
    expect(finding?.value).toBe("net::ERR_CONNECTION_RESET");
    expect(finding?.explanation).toContain("not CORS");
    expect(finding?.explanation).toContain("closed the connection");
    expect(analysis.browsers.chromium).toEqual({
      verdict: "blocked",
      error: null,
    });
    expect(analysis.browsers.firefox.error).toBe("CORSDidNotSucceed");
    expect(analysis.assumptions.join(" ")).toContain("probably not CORS");
    expect(analysis.assumptions.join(" ")).toContain(
      "net::ERR_CONNECTION_RESET",
    );
  });

  it("names no CORS error for unexplained net::ERR_FAILED", () => {
    const analysis = analyzeExchange(
      buildExchange({
        responseHeaders: [
          ALLOW_ORIGIN,
          VARY_ORIGIN,
          ["Access-Control-Allow-Credentials", "true"],
        ],
        error: "net::ERR_FAILED",
      }),
    );
    expect(analysis.findings[0]?.rule).toBe("request-failed");
    expect(analysis.findings[0]?.explanation).toContain("CORS failures too");
    expect(analysis.browsers.chromium.error).toBeNull();
    expect(analysis.assumptions.join(" ")).toContain("net::ERR_FAILED");
  });

  it("blocks a request without a response", () => {
    const analysis = analyzeExchange(
      buildExchange({
        status: null,
        responseHeaders: [],
        error: "net::ERR_NAME_NOT_RESOLVED",
      }),
    );
    const finding = analysis.findings[0];
    expect(analysis.verdict).toBe("blocked");
    expect(finding?.rule).toBe("request-failed");
    expect(finding?.response).toBe("actual");
    expect(finding?.explanation).toContain("no CORS check could run");
    expect(analysis.readableResponseHeaders).toBeNull();
    expect(analysis.assumptions.join(" ")).toContain(
      "net::ERR_NAME_NOT_RESOLVED",
    );
  });

  it("blocks a request that ended without a response", () => {
    const analysis = analyzeExchange(
      buildExchange({ status: null, responseHeaders: [] }),
    );
    expect(analysis.verdict).toBe("blocked");
    expect(analysis.findings[0]?.rule).toBe("request-failed");
    expect(analysis.findings[0]?.value).toBeNull();
    expect(analysis.assumptions.join(" ")).toContain("without a response");
  });

  it("names the blocking extension", () => {
    const analysis = analyzeExchange(
      buildExchange({ status: null, error: "net::ERR_BLOCKED_BY_CLIENT" }),
    );
    expect(analysis.findings[0]?.explanation).toContain("another extension");
  });

  it("says when the response has not arrived", () => {
    const analysis = analyzeExchange(
      buildExchange({ status: null, responseHeaders: [], inFlight: true }),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings).toEqual([]);
    expect(analysis.assumptions.join(" ")).toContain("not arrived");
  });
});

describe("verdict that disagrees with the capture", () => {
  it("warns when Chromium completed a blocked request", () => {
    const analysis = analyzeExchange(buildExchange({ responseHeaders: [] }));
    const finding = analysis.findings.find(
      (item) => item.rule === "verdict-disagrees-with-browser",
    );
    expect(analysis.verdict).toBe("blocked");
    expect(finding?.severity).toBe("warning");
    expect(finding?.value).toBe("200");
    expect(finding?.explanation).toContain("net::ERR_FAILED");
  });

  it("points at the preflight that failed", () => {
    const analysis = analyzeExchange(
      buildExchange({ method: "PUT", preflight: { responseHeaders: [] } }),
    );
    const finding = analysis.findings.find(
      (item) => item.rule === "verdict-disagrees-with-browser",
    );
    expect(finding?.response).toBe("preflight");
  });

  it("stays quiet when the browser reported the failure", () => {
    const analysis = analyzeExchange(
      buildExchange({ responseHeaders: [], error: "net::ERR_FAILED" }),
    );
    expect(analysis.findings.map((item) => item.rule)).toEqual([
      "allow-origin-missing",
    ]);
  });

  it("stays quiet for a Firefox capture", () => {
    const exchange = buildExchange({
      requestHeaders: [
        [
          "User-Agent",
          "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0",
        ],
      ],
      responseHeaders: [],
    });
    const withoutChromeAgent = {
      ...exchange,
      actual: {
        ...exchange.actual,
        requestHeaders: exchange.actual.requestHeaders.filter(
          (header) => !header.value.includes("Chrome/"),
        ),
      },
    };
    const analysis = analyzeExchange(withoutChromeAgent);
    expect(analysis.findings.map((item) => item.rule)).toEqual([
      "allow-origin-missing",
    ]);
  });
});

describe("preflight without a response", () => {
  it("yields to a captured actual response", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        preflight: { status: null, error: "net::ERR_FAILED" },
        responseHeaders: [ALLOW_ORIGIN, VARY_ORIGIN],
      }),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings).toEqual([]);
    expect(analysis.assumptions.join(" ")).toContain(
      "The preflight got no response",
    );
  });
});
