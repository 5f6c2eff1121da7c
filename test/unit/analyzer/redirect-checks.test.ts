import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { Analysis } from "../../../src/model/analysis";
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

function rules(analysis: Analysis): string[] {
  return analysis.findings.map((finding) => finding.rule);
}

describe("credentials in a redirect URL", () => {
  it("blocks a Location with user and password", () => {
    const target = "https://user:secret@cdn.example/items";
    const analysis = analyzeExchange(
      buildExchange({
        redirects: [redirectHop(API_URL, target, [ALLOW_ANY_ORIGIN])],
        responseHeaders: [ALLOW_ANY_ORIGIN],
        error: "net::ERR_FAILED",
      }),
    );
    const finding = analysis.findings[0];
    expect(analysis.verdict).toBe("blocked");
    expect(finding?.rule).toBe("redirect-contains-credentials");
    expect(finding?.response).toBe("redirect");
    expect(finding?.value).toBe(target);
    expect(finding?.chromium).toBe("RedirectContainsCredentials");
    expect(finding?.firefox).toBeNull();
    expect(analysis.browsers.chromium).toEqual({
      verdict: "blocked",
      error: "RedirectContainsCredentials",
    });
    expect(analysis.browsers.firefox).toEqual({
      verdict: "blocked",
      error: null,
    });
  });

  it("reports the CORS check of the hop first", () => {
    const target = "https://user@cdn.example/items";
    const analysis = analyzeExchange(
      buildExchange({
        redirects: [redirectHop(API_URL, target, [])],
        error: "net::ERR_FAILED",
      }),
    );
    expect(rules(analysis)).toEqual(["allow-origin-missing"]);
  });

  it("allows credentials in a same-origin redirect", () => {
    const start = `${ORIGIN}/old`;
    const target = "https://user:secret@app.example/new";
    const analysis = analyzeExchange(
      buildExchange({
        url: start,
        redirects: [redirectHop(start, target, [])],
      }),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(rules(analysis)).not.toContain("redirect-contains-credentials");
  });

  it("blocks credentials when leaving the origin", () => {
    const start = `${ORIGIN}/old`;
    const target = "https://user:secret@api.example/items";
    const analysis = analyzeExchange(
      buildExchange({
        url: start,
        redirects: [redirectHop(start, target, [])],
        error: "net::ERR_FAILED",
      }),
    );
    expect(rules(analysis)).toEqual(["redirect-contains-credentials"]);
  });

  it("checks a redirect the browser stopped at", () => {
    const target = "https://user:secret@cdn.example/items";
    const analysis = analyzeExchange(
      buildExchange({
        status: 302,
        responseHeaders: [ALLOW_ANY_ORIGIN, ["Location", target]],
        error: "net::ERR_FAILED",
      }),
    );
    expect(analysis.findings[0]?.rule).toBe("redirect-contains-credentials");
    expect(analysis.findings[0]?.response).toBe("redirect");
    expect(analysis.readableResponseHeaders).toBeNull();
  });

  it("resolves a relative Location of a stopped redirect", () => {
    const analysis = analyzeExchange(
      buildExchange({
        status: 301,
        responseHeaders: [["Location", "/items/"]],
        error: "net::ERR_FAILED",
      }),
    );
    const finding = analysis.findings[0];
    expect(finding?.rule).toBe("allow-origin-missing");
    expect(finding?.response).toBe("redirect");
    expect(finding?.explanation).toContain(API_URL);
  });
});

describe("Authorization on a redirect", () => {
  it("warns when a cross-origin hop drops it", () => {
    const analysis = analyzeExchange(
      buildExchange({
        requestHeaders: [["Authorization", "Bearer t"]],
        preflight: {
          requestHeaders: "authorization",
          responseHeaders: [
            ALLOW_ORIGIN,
            ["Access-Control-Allow-Headers", "Authorization"],
          ],
        },
        redirects: [redirectHop(API_URL, CDN_URL, [ALLOW_ANY_ORIGIN])],
        responseHeaders: [ALLOW_ANY_ORIGIN],
      }),
    );
    const finding = analysis.findings.find(
      (item) => item.rule === "authorization-dropped-on-redirect",
    );
    expect(analysis.verdict).toBe("allowed");
    expect(finding?.severity).toBe("warning");
    expect(finding?.response).toBe("redirect");
    expect(finding?.explanation).toContain("https://cdn.example");
  });

  it("stays quiet on a same-origin hop", () => {
    const analysis = analyzeExchange(
      buildExchange({
        requestHeaders: [["Authorization", "Bearer t"]],
        preflight: {
          requestHeaders: "authorization",
          responseHeaders: [
            ALLOW_ORIGIN,
            ["Access-Control-Allow-Headers", "authorization"],
          ],
        },
        redirects: [
          redirectHop(API_URL, `${API_URL}/`, [ALLOW_ORIGIN, VARY_ORIGIN]),
        ],
      }),
    );
    expect(rules(analysis)).not.toContain("authorization-dropped-on-redirect");
  });

  it("stays quiet without Authorization", () => {
    const analysis = analyzeExchange(
      buildExchange({
        redirects: [redirectHop(API_URL, CDN_URL, [ALLOW_ANY_ORIGIN])],
        responseHeaders: [ALLOW_ANY_ORIGIN],
      }),
    );
    expect(analysis.findings).toEqual([]);
  });
});

describe("preflight sent after a redirect", () => {
  const redirected = (preflightOrigin: string) =>
    buildExchange({
      method: "PUT",
      redirects: [
        redirectHop(API_URL, CDN_URL, [ALLOW_ORIGIN, VARY_ORIGIN], 307),
      ],
      preflight: {
        url: CDN_URL,
        responseHeaders: [
          ["Access-Control-Allow-Origin", preflightOrigin],
          ["Access-Control-Allow-Methods", "PUT"],
        ],
      },
      responseHeaders: [ALLOW_ANY_ORIGIN],
      error: "net::ERR_FAILED",
    });

  it("checks it against the tainted origin", () => {
    const analysis = analyzeExchange(redirected(ORIGIN));
    const finding = analysis.findings[0];
    expect(finding?.rule).toBe("allow-origin-mismatch");
    expect(finding?.response).toBe("preflight");
    expect(finding?.expected).toBe("null");
    expect(analysis.browsers.chromium.error).toBe(
      "PreflightAllowOriginMismatch",
    );
  });

  it("passes when it allows any origin", () => {
    const analysis = analyzeExchange({
      ...redirected("*"),
      actual: { ...redirected("*").actual, error: null },
    });
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.assumptions.join(" ")).toContain("target of a redirect");
  });

  it("reads the redirected method from the preflight", () => {
    const exchange = buildExchange({
      method: "PUT",
      requestHeaders: [["X-Trace", "1"]],
      redirects: [redirectHop(API_URL, CDN_URL, [ALLOW_ANY_ORIGIN], 303)],
      preflight: {
        url: CDN_URL,
        requestMethod: "GET",
        requestHeaders: "x-trace",
        responseHeaders: [
          ALLOW_ANY_ORIGIN,
          ["Access-Control-Allow-Methods", "POST"],
          ["Access-Control-Allow-Headers", "X-Trace"],
        ],
      },
      responseHeaders: [ALLOW_ANY_ORIGIN],
    });
    const analysis = analyzeExchange(exchange);
    expect(analysis.verdict).toBe("allowed");
  });
});

describe("redirect with an unknown origin", () => {
  it("invents no null origin", () => {
    const exchange = buildExchange({
      origin: null,
      redirects: [redirectHop(API_URL, CDN_URL, [ALLOW_ANY_ORIGIN])],
      responseHeaders: [["Access-Control-Allow-Origin", "https://app.example"]],
    });
    const withoutOriginHeader = {
      ...exchange,
      actual: {
        ...exchange.actual,
        requestHeaders: exchange.actual.requestHeaders.filter(
          (header) => header.name !== "Origin",
        ),
      },
    };
    const analysis = analyzeExchange(withoutOriginHeader);
    expect(analysis.verdict).toBe("allowed");
    expect(rules(analysis)).not.toContain("allow-origin-mismatch");
  });
});
