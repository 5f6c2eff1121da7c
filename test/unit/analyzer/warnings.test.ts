import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import {
  ALLOW_ANY_ORIGIN,
  ALLOW_ORIGIN,
  API_URL,
  VARY_ORIGIN,
  buildExchange,
  redirectHop,
} from "./exchange-builder";

describe("Vary: Origin warning", () => {
  it("warns when a specific origin comes without Vary", () => {
    const analysis = analyzeExchange(
      buildExchange({ responseHeaders: [ALLOW_ORIGIN] }),
    );
    const finding = analysis.findings[0];
    expect(analysis.verdict).toBe("allowed");
    expect(finding?.rule).toBe("vary-origin-missing");
    expect(finding?.severity).toBe("warning");
    expect(finding?.header).toBe("Vary");
    expect(finding?.value).toBeNull();
    expect(finding?.expected).toBe("Origin");
    expect(finding?.chromium).toBeNull();
    expect(finding?.firefox).toBeNull();
  });

  it("suggests adding Origin to an existing Vary", () => {
    const analysis = analyzeExchange(
      buildExchange({
        responseHeaders: [ALLOW_ORIGIN, ["Vary", "Accept-Encoding"]],
      }),
    );
    expect(analysis.findings[0]?.expected).toBe("Accept-Encoding, Origin");
  });

  it.each(["Origin", "accept-encoding, origin", "*"])(
    "accepts Vary: %s",
    (vary) => {
      const analysis = analyzeExchange(
        buildExchange({ responseHeaders: [ALLOW_ORIGIN, ["Vary", vary]] }),
      );
      expect(analysis.findings).toEqual([]);
    },
  );

  it("does not warn for *", () => {
    const analysis = analyzeExchange(
      buildExchange({ responseHeaders: [ALLOW_ANY_ORIGIN] }),
    );
    expect(analysis.findings).toEqual([]);
  });
});

describe("null origin warning", () => {
  it("warns when null is allowed for a null origin", () => {
    const analysis = analyzeExchange(
      buildExchange({
        origin: "null",
        responseHeaders: [
          ["Access-Control-Allow-Origin", "null"],
          ["Vary", "Origin"],
        ],
      }),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings.map((finding) => finding.rule)).toEqual([
      "allow-origin-null",
    ]);
    expect(analysis.findings[0]?.severity).toBe("warning");
  });
});

describe("CORS headers missing on error", () => {
  it("needs ACAO on the preflight", () => {
    const analysis = analyzeExchange(
      buildExchange({
        status: 404,
        responseHeaders: [],
        error: "net::ERR_FAILED",
      }),
    );
    expect(analysis.findings.map((finding) => finding.rule)).toEqual([
      "allow-origin-missing",
    ]);
  });

  it("does not warn for a 2xx without ACAO", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        preflight: {
          responseHeaders: [
            ALLOW_ORIGIN,
            ["Access-Control-Allow-Methods", "PUT"],
          ],
        },
        status: 200,
        responseHeaders: [],
        error: "net::ERR_FAILED",
      }),
    );
    expect(analysis.findings.map((finding) => finding.rule)).toEqual([
      "allow-origin-missing",
      "blocked-request-reached-server",
    ]);
  });

  it("warns when only a redirect carried ACAO", () => {
    const analysis = analyzeExchange(
      buildExchange({
        redirects: [
          redirectHop(API_URL, `${API_URL}/`, [ALLOW_ORIGIN, VARY_ORIGIN], 301),
        ],
        status: 502,
        responseHeaders: [],
        error: "net::ERR_FAILED",
      }),
    );
    expect(analysis.findings.map((finding) => finding.rule)).toEqual([
      "allow-origin-missing",
      "cors-headers-missing-on-error",
    ]);
    expect(analysis.findings[0]?.explanation).toContain("load balancer");
  });
});
