import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { HeaderPair } from "./exchange-builder";
import {
  ALLOW_ANY_ORIGIN,
  ALLOW_ORIGIN,
  API_URL,
  ORIGIN,
  VARY_ORIGIN,
  buildExchange,
  redirectHop,
} from "./exchange-builder";

const CDN_URL = "https://cdn.example/items";

function redirectedToCdn(
  hopHeaders: readonly HeaderPair[],
  finalHeaders: readonly HeaderPair[],
) {
  return buildExchange({
    redirects: [redirectHop(API_URL, CDN_URL, hopHeaders)],
    responseHeaders: finalHeaders,
  });
}

describe("redirects of the actual request", () => {
  it("rejects a redirect response without ACAO", () => {
    const analysis = analyzeExchange(redirectedToCdn([], [ALLOW_ANY_ORIGIN]));
    const errors = analysis.findings.filter(
      (finding) => finding.severity === "error",
    );
    const finding = analysis.findings[0];
    expect(errors).toHaveLength(1);
    expect(finding?.rule).toBe("allow-origin-missing");
    expect(finding?.response).toBe("redirect");
    expect(finding?.chromium).toBe("MissingAllowOriginHeader");
    expect(finding?.explanation).toContain(API_URL);
  });

  it("checks null after a cross-origin hop", () => {
    const analysis = analyzeExchange(
      redirectedToCdn([ALLOW_ORIGIN, VARY_ORIGIN], [ALLOW_ORIGIN, VARY_ORIGIN]),
    );
    const finding = analysis.findings[0];
    expect(finding?.rule).toBe("allow-origin-mismatch");
    expect(finding?.response).toBe("actual");
    expect(finding?.value).toBe(ORIGIN);
    expect(finding?.expected).toBe("null");
    expect(finding?.explanation).toContain("Origin: null");
  });

  it("accepts * after a cross-origin hop", () => {
    const analysis = analyzeExchange(
      redirectedToCdn([ALLOW_ORIGIN, VARY_ORIGIN], [ALLOW_ANY_ORIGIN]),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings).toEqual([]);
  });

  it("accepts null after a cross-origin hop with a warning", () => {
    const analysis = analyzeExchange(
      redirectedToCdn(
        [ALLOW_ORIGIN, VARY_ORIGIN],
        [["Access-Control-Allow-Origin", "null"], VARY_ORIGIN],
      ),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings.map((finding) => finding.rule)).toEqual([
      "allow-origin-null",
    ]);
  });

  it("keeps the origin across a same-origin hop", () => {
    const analysis = analyzeExchange(
      buildExchange({
        redirects: [
          redirectHop(API_URL, `${API_URL}/`, [ALLOW_ORIGIN, VARY_ORIGIN], 301),
        ],
        responseHeaders: [ALLOW_ORIGIN, VARY_ORIGIN],
      }),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings).toEqual([]);
  });

  it("skips the hop that left the page's own origin", () => {
    const sameOriginUrl = `${ORIGIN}/api/items`;
    const analysis = analyzeExchange(
      buildExchange({
        url: sameOriginUrl,
        redirects: [redirectHop(sameOriginUrl, API_URL, [])],
        responseHeaders: [ALLOW_ORIGIN, VARY_ORIGIN],
      }),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings).toEqual([]);
  });

  it("requires allow-credentials on each hop", () => {
    const analysis = analyzeExchange(
      redirectedToCdn([ALLOW_ORIGIN, VARY_ORIGIN], [ALLOW_ANY_ORIGIN]),
      { credentials: "include" },
    );
    expect(analysis.findings[0]?.rule).toBe("allow-credentials-invalid");
    expect(analysis.findings[0]?.response).toBe("redirect");
    expect(analysis.browsers.chromium.error).toBe("InvalidAllowCredentials");
  });
});
