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
  it("keeps allowed for a network error", () => {
    const analysis = analyzeExchange(
      buildExchange({
        responseHeaders: [ALLOW_ORIGIN, VARY_ORIGIN],
        error: "net::ERR_CONNECTION_RESET",
      }),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings).toEqual([]);
    expect(analysis.assumptions.join(" ")).toContain("probably not CORS");
  });

  it("keeps allowed for unexplained net::ERR_FAILED", () => {
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
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.browsers.chromium.error).toBeNull();
    expect(analysis.assumptions.join(" ")).toContain("net::ERR_FAILED");
  });

  it("reports nothing for a request without a response", () => {
    const analysis = analyzeExchange(
      buildExchange({
        status: null,
        responseHeaders: [],
        error: "net::ERR_NAME_NOT_RESOLVED",
      }),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings).toEqual([]);
    expect(analysis.assumptions.join(" ")).toContain(
      "net::ERR_NAME_NOT_RESOLVED",
    );
  });

  it("says when the response has not arrived", () => {
    const analysis = analyzeExchange(
      buildExchange({ status: null, responseHeaders: [], inFlight: true }),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.assumptions.join(" ")).toContain("not arrived");
  });
});
