import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import {
  ALLOW_ANY_ORIGIN,
  ALLOW_ORIGIN,
  VARY_ORIGIN,
  buildExchange,
} from "./exchange-builder";

describe("credentials mode inference", () => {
  it("observes include from a Cookie header", () => {
    const analysis = analyzeExchange(
      buildExchange({
        requestHeaders: [["Cookie", "session=1"]],
        responseHeaders: [ALLOW_ANY_ORIGIN],
      }),
    );
    expect(analysis.credentials.mode).toBe("include");
    expect(analysis.credentials.basis).toBe("observed");
    expect(analysis.credentials.reason).toContain("Cookie");
    expect(analysis.verdict).toBe("blocked");
    expect(analysis.otherCredentialsMode).toBeNull();
  });

  it("infers include from net::ERR_FAILED", () => {
    const analysis = analyzeExchange(
      buildExchange({
        requestHeadersSeen: false,
        responseHeaders: [ALLOW_ORIGIN, VARY_ORIGIN],
        error: "net::ERR_FAILED",
      }),
    );
    expect(analysis.credentials.mode).toBe("include");
    expect(analysis.credentials.basis).toBe("observed");
    expect(analysis.credentials.reason).toContain("net::ERR_FAILED");
    expect(analysis.browsers.chromium.error).toBe("InvalidAllowCredentials");
    expect(analysis.otherCredentialsMode).toBeNull();
  });

  it("infers omit from a completed request", () => {
    const analysis = analyzeExchange(
      buildExchange({ responseHeaders: [ALLOW_ANY_ORIGIN] }),
    );
    expect(analysis.credentials.mode).toBe("omit");
    expect(analysis.credentials.basis).toBe("observed");
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.otherCredentialsMode).toBeNull();
  });

  it("assumes omit without evidence", () => {
    const analysis = analyzeExchange(
      buildExchange({ responseHeaders: [ALLOW_ANY_ORIGIN], inFlight: true }),
    );
    expect(analysis.credentials.mode).toBe("omit");
    expect(analysis.credentials.basis).toBe("assumed");
    expect(analysis.credentials.reason).toContain("same-origin");
    expect(analysis.verdict).toBe("allowed");
    const other = analysis.otherCredentialsMode;
    expect(other?.mode).toBe("include");
    expect(other?.verdict).toBe("blocked");
    expect(other?.findings.map((finding) => finding.rule)).toEqual([
      "allow-origin-wildcard-with-credentials",
      "allow-credentials-invalid",
    ]);
  });

  it("assumes omit when both modes fail alike", () => {
    const analysis = analyzeExchange(
      buildExchange({ responseHeaders: [], error: "net::ERR_FAILED" }),
    );
    expect(analysis.credentials.mode).toBe("omit");
    expect(analysis.credentials.basis).toBe("assumed");
    expect(analysis.verdict).toBe("blocked");
    expect(analysis.otherCredentialsMode).toBeNull();
  });

  it("assumes omit when both modes pass", () => {
    const analysis = analyzeExchange(
      buildExchange({
        responseHeaders: [
          ALLOW_ORIGIN,
          VARY_ORIGIN,
          ["Access-Control-Allow-Credentials", "true"],
        ],
      }),
    );
    expect(analysis.credentials).toMatchObject({
      mode: "omit",
      basis: "assumed",
    });
    expect(analysis.otherCredentialsMode).toBeNull();
  });

  it("uses the forced mode over a Cookie header", () => {
    const analysis = analyzeExchange(
      buildExchange({
        requestHeaders: [["Cookie", "session=1"]],
        responseHeaders: [ALLOW_ANY_ORIGIN],
      }),
      { credentials: "omit" },
    );
    expect(analysis.credentials.mode).toBe("omit");
    expect(analysis.credentials.basis).toBe("assumed");
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.otherCredentialsMode?.verdict).toBe("blocked");
  });

  it("uses the forced include mode", () => {
    const analysis = analyzeExchange(
      buildExchange({ responseHeaders: [ALLOW_ANY_ORIGIN] }),
      { credentials: "include" },
    );
    expect(analysis.credentials.mode).toBe("include");
    expect(analysis.verdict).toBe("blocked");
    expect(analysis.otherCredentialsMode?.mode).toBe("omit");
    expect(analysis.otherCredentialsMode?.verdict).toBe("allowed");
    expect(analysis.otherCredentialsMode?.findings).toEqual([]);
  });
});
