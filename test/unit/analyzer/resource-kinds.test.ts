import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { Exchange } from "../../../src/model/exchange";
import type { HeaderPair } from "./exchange-builder";
import {
  ALLOW_ANY_ORIGIN,
  ALLOW_ORIGIN,
  buildExchange,
} from "./exchange-builder";

/** Returns the exchange with another resource type and `Sec-Fetch-Mode`. */
function asResource(
  exchange: Exchange,
  type: string,
  fetchMode: string,
): Exchange {
  return {
    ...exchange,
    actual: {
      ...exchange.actual,
      type,
      requestHeaders: exchange.actual.requestHeaders.map((header) =>
        header.name === "Sec-Fetch-Mode"
          ? { name: header.name, value: fetchMode }
          : header,
      ),
    },
  };
}

function blockedResponse(type: string) {
  return asResource(
    buildExchange({ responseHeaders: [], error: "net::ERR_FAILED" }),
    type,
    "cors",
  );
}

describe("no-cors requests", () => {
  it("runs no CORS check and warns", () => {
    const exchange = asResource(
      buildExchange({ responseHeaders: [["X-Total-Count", "5"]] }),
      "xmlhttprequest",
      "no-cors",
    );
    const analysis = analyzeExchange(exchange);
    const finding = analysis.findings[0];
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings).toHaveLength(1);
    expect(finding?.rule).toBe("no-cors-opaque-response");
    expect(finding?.severity).toBe("warning");
    expect(finding?.explanation).toContain("opaque");
    expect(finding?.fix).toContain('mode: "no-cors"');
    expect(analysis.browsers.chromium).toEqual({
      verdict: "allowed",
      error: null,
    });
    expect(analysis.readableResponseHeaders).toEqual({
      readable: [],
      hidden: ["X-Total-Count"],
    });
    expect(analysis.assumptions.join(" ")).toContain("no CORS check");
  });

  it("explains an image loaded without crossorigin", () => {
    const exchange = asResource(buildExchange(), "image", "no-cors");
    const finding = analyzeExchange(exchange).findings[0];
    expect(finding?.explanation).toContain("crossorigin");
    expect(finding?.explanation).toContain("tainted");
  });
});

describe("element requests in CORS mode", () => {
  it("explains a blocked font", () => {
    const analysis = analyzeExchange(blockedResponse("font"));
    const finding = analysis.findings[0];
    expect(analysis.verdict).toBe("blocked");
    expect(finding?.explanation).toContain("fallback font");
    expect(finding?.explanation).toContain("Fonts from another origin");
  });

  it("treats a font as sent without credentials", () => {
    const exchange = asResource(
      buildExchange({ responseHeaders: [ALLOW_ANY_ORIGIN] }),
      "font",
      "cors",
    );
    const analysis = analyzeExchange(exchange);
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.credentials).toMatchObject({
      mode: "omit",
      basis: "observed",
    });
    expect(analysis.credentials.reason).toContain("fonts");
  });

  it("explains a blocked image with crossorigin", () => {
    const finding = analyzeExchange(blockedResponse("image")).findings[0];
    expect(finding?.explanation).toContain("does not show the image");
  });

  it("explains a blocked module script", () => {
    const finding = analyzeExchange(blockedResponse("script")).findings[0];
    expect(finding?.explanation).toContain("does not run the script");
  });

  it("suggests the crossorigin attribute for credentials", () => {
    const exchange = asResource(
      buildExchange({
        requestHeaders: [["Cookie", "session=1"]],
        responseHeaders: [ALLOW_ANY_ORIGIN],
        error: "net::ERR_FAILED",
      }),
      "script",
      "cors",
    );
    const finding = analyzeExchange(exchange).findings[0];
    expect(finding?.rule).toBe("allow-origin-wildcard-with-credentials");
    expect(finding?.fix).toContain('crossorigin="use-credentials"');
  });

  it("keeps the fetch wording for XHR", () => {
    const finding = analyzeExchange(
      buildExchange({ responseHeaders: [], error: "net::ERR_FAILED" }),
    ).findings[0];
    expect(finding?.explanation).toContain("fetch() rejects");
  });

  it("allows an image whose response allows the origin", () => {
    const exchange = asResource(
      buildExchange({ responseHeaders: [ALLOW_ORIGIN] }),
      "image",
      "cors",
    );
    expect(analyzeExchange(exchange).verdict).toBe("allowed");
  });
});

describe("requests that need no preflight", () => {
  it.each<[string, readonly HeaderPair[]]>([
    ["GET", []],
    ["HEAD", []],
    ["POST", [["Content-Type", "text/plain"]]],
    ["POST", [["Content-Type", "application/x-www-form-urlencoded"]]],
    ["GET", [["Range", "bytes=0-99"]]],
    ["get", [["Accept-Language", "de"]]],
  ])("passes %s %j on Access-Control-Allow-Origin alone", (method, headers) => {
    const analysis = analyzeExchange(
      buildExchange({
        method,
        requestHeaders: headers,
        responseHeaders: [ALLOW_ANY_ORIGIN],
      }),
    );
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.findings).toEqual([]);
  });
});
