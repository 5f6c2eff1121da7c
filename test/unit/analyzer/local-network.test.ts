import { describe, expect, it } from "vitest";
import { addressSpaceOfUrl } from "../../../src/analyzer/local-network";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import { localNetworkRequest } from "../../../src/analyzer/local-network";
import type { HeaderPair } from "./exchange-builder";
import { ALLOW_ORIGIN, buildExchange } from "./exchange-builder";

const LOOPBACK_URL = "http://127.0.0.1:5700/api";

function privateNetworkPreflight(responseHeaders: readonly HeaderPair[]) {
  const exchange = buildExchange({
    url: LOOPBACK_URL,
    preflight: {
      url: LOOPBACK_URL,
      responseHeaders: [ALLOW_ORIGIN, ...responseHeaders],
    },
    status: null,
    responseHeaders: [],
    error: "net::ERR_FAILED",
  });
  const preflight = exchange.preflight;
  if (preflight === null) throw new Error("The builder made no preflight.");
  return {
    ...exchange,
    preflight: {
      ...preflight,
      requestHeaders: [
        ...preflight.requestHeaders,
        { name: "Access-Control-Request-Private-Network", value: "true" },
      ],
    },
  };
}

describe("Private Network Access preflight", () => {
  it("blocks a missing Allow-Private-Network in Chromium only", () => {
    const analysis = analyzeExchange(privateNetworkPreflight([]));
    const finding = analysis.findings[0];
    expect(analysis.verdict).toBe("blocked");
    expect(finding?.rule).toBe("allow-private-network-missing");
    expect(finding?.chromium).toBe("PreflightMissingAllowPrivateNetwork");
    expect(finding?.firefox).toBeNull();
    expect(analysis.browsers.chromium.verdict).toBe("blocked");
    expect(analysis.browsers.firefox).toEqual({
      verdict: "allowed",
      error: null,
    });
  });

  it("blocks a value other than true", () => {
    const analysis = analyzeExchange(
      privateNetworkPreflight([
        ["Access-Control-Allow-Private-Network", "TRUE"],
      ]),
    );
    expect(analysis.findings[0]?.rule).toBe("allow-private-network-invalid");
    expect(analysis.findings[0]?.value).toBe("TRUE");
    expect(analysis.browsers.chromium.error).toBe(
      "PreflightInvalidAllowPrivateNetwork",
    );
  });

  it("accepts true", () => {
    const analysis = analyzeExchange(
      privateNetworkPreflight([
        ["Access-Control-Allow-Private-Network", "true"],
      ]),
    );
    const rules = analysis.findings.map((finding) => finding.rule);
    expect(rules).not.toContain("allow-private-network-missing");
    expect(rules).not.toContain("allow-private-network-invalid");
  });

  it("reports the origin check before it", () => {
    const exchange = privateNetworkPreflight([]);
    const preflight = exchange.preflight;
    const analysis = analyzeExchange({
      ...exchange,
      preflight: { ...preflight, responseHeaders: [] },
    });
    expect(analysis.browsers.chromium.error).toBe(
      "PreflightMissingAllowOriginHeader",
    );
  });

  it("ignores the header without the request header", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        preflight: {
          responseHeaders: [
            ALLOW_ORIGIN,
            ["Access-Control-Allow-Methods", "PUT"],
          ],
        },
      }),
    );
    expect(analysis.verdict).toBe("allowed");
  });
});

describe("address spaces", () => {
  it.each([
    ["http://127.0.0.1:8080/", "loopback"],
    ["http://localhost:3000/", "loopback"],
    ["http://api.localhost/", "loopback"],
    ["http://[::1]:8080/", "loopback"],
    ["http://10.1.2.3/", "local"],
    ["http://172.16.0.1/", "local"],
    ["http://172.32.0.1/", "public"],
    ["http://192.168.1.1/", "local"],
    ["http://169.254.169.254/", "local"],
    ["http://printer.local/", "local"],
    ["http://[fd00::1]/", "local"],
    ["http://8.8.8.8/", "public"],
    ["https://api.example/", null],
    ["not a url", null],
  ])("classifies %s as %s", (url, space) => {
    expect(addressSpaceOfUrl(url)).toBe(space);
  });

  it.each([
    ["https://app.example", "http://127.0.0.1/", true],
    ["https://app.example", "http://192.168.1.1/", true],
    ["http://192.168.1.5", "http://127.0.0.1/", true],
    ["http://192.168.1.5", "http://192.168.1.1/", false],
    ["http://localhost:3000", "http://127.0.0.1:4000/", false],
    ["https://app.example", "https://api.example/", false],
  ])("from %s to %s is a local request: %s", (origin, url, expected) => {
    expect(localNetworkRequest(origin, url) !== null).toBe(expected);
  });
});

describe("Local Network Access assumption", () => {
  it("says the permission was assumed", () => {
    const analysis = analyzeExchange(
      buildExchange({ url: "http://192.168.1.20/status" }),
    );
    const text = analysis.assumptions.join(" ");
    expect(text).toContain("Local Network Access");
    expect(text).toContain("a local address");
    expect(text).toContain("LocalNetworkAccessPermissionDenied");
  });

  it("names it as a cause of a failed request", () => {
    const analysis = analyzeExchange(
      buildExchange({
        url: LOOPBACK_URL,
        status: null,
        responseHeaders: [],
        error: "net::ERR_FAILED",
      }),
    );
    const finding = analysis.findings[0];
    expect(finding?.rule).toBe("request-failed");
    expect(finding?.explanation).toContain("Local Network Access");
    expect(finding?.explanation).toContain("loopback");
  });

  it("says nothing for a public target", () => {
    const analysis = analyzeExchange(buildExchange());
    expect(analysis.assumptions.join(" ")).not.toContain(
      "Local Network Access",
    );
  });
});
