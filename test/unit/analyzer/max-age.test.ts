import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import { preflightCacheSeconds } from "../../../src/analyzer/max-age";
import type { HeaderPair } from "./exchange-builder";
import { ALLOW_ORIGIN, buildExchange } from "./exchange-builder";

const ALLOW_PUT: HeaderPair = ["Access-Control-Allow-Methods", "PUT"];

function withMaxAge(value: string) {
  return analyzeExchange(
    buildExchange({
      method: "PUT",
      preflight: {
        responseHeaders: [
          ALLOW_ORIGIN,
          ALLOW_PUT,
          ["Access-Control-Max-Age", value],
        ],
      },
    }),
  );
}

describe("preflight cache lifetime", () => {
  it.each<[string | null, number, number]>([
    [null, 5, 5],
    ["", 5, 5],
    ["600", 600, 600],
    ["0", 0, 0],
    ["7200", 7200, 7200],
    ["7201", 7200, 7201],
    ["86400", 7200, 86400],
    ["100000", 7200, 86400],
    ["-1", 0, 0],
    ["+600", 600, 0],
    ["abc", 5, 0],
    ["600, 600", 5, 0],
    ["1.5", 5, 0],
    ["99999999999999999999", 5, 86400],
  ])(
    "reads %j as %i s in Chromium, %i s in Firefox",
    (value, chromium, firefox) => {
      expect(preflightCacheSeconds(value, "chromium")).toBe(chromium);
      expect(preflightCacheSeconds(value, "firefox")).toBe(firefox);
    },
  );
});

describe("Access-Control-Max-Age warnings", () => {
  it.each(["-1", "abc", "10m", "1.5"])("warns about %j", (value) => {
    const analysis = withMaxAge(value);
    const finding = analysis.findings[0];
    expect(analysis.verdict).toBe("allowed");
    expect(finding?.rule).toBe("max-age-invalid");
    expect(finding?.severity).toBe("warning");
    expect(finding?.response).toBe("preflight");
    expect(finding?.value).toBe(value);
    expect(finding?.fix).toContain("600");
  });

  it("explains each browser's reading", () => {
    const finding = withMaxAge("abc").findings[0];
    expect(finding?.explanation).toContain("Chromium caches it for 5 s");
    expect(finding?.explanation).toContain("Firefox does not cache it");
  });

  it("warns above Chromium's cap", () => {
    const finding = withMaxAge("86400").findings[0];
    expect(finding?.rule).toBe("max-age-above-cap");
    expect(finding?.expected).toBe("7200");
    expect(finding?.explanation).toContain("7200 s");
  });

  it("names both caps above Firefox's", () => {
    const finding = withMaxAge("100000").findings[0];
    expect(finding?.explanation).toContain("Firefox at 86400 s");
  });

  it.each(["0", "600", "7200"])("accepts %j", (value) => {
    expect(withMaxAge(value).findings).toEqual([]);
  });
});

describe("cached preflight timing", () => {
  function cachedAfter(gapMs: number, maxAge: string | null) {
    const exchange = buildExchange({
      method: "PUT",
      preflight: {
        responseHeaders: [
          ALLOW_ORIGIN,
          ALLOW_PUT,
          ...(maxAge === null
            ? []
            : [["Access-Control-Max-Age", maxAge] as const]),
        ],
      },
      preflightSource: "cached",
    });
    const preflight = exchange.preflight;
    if (preflight === null) throw new Error("The builder made no preflight.");
    return analyzeExchange({
      ...exchange,
      preflight: { ...preflight, startTime: 1_000, endTime: 1_100 },
      actual: { ...exchange.actual, startTime: 1_100 + gapMs },
    });
  }

  it("says both browsers still had it", () => {
    const text = cachedAfter(60_000, "600").assumptions.join(" ");
    expect(text).toContain("60 s after the earlier preflight ended");
    expect(text).toContain(
      "Chromium keeps it for 600 s, so it was still cached",
    );
    expect(text).toContain(
      "Firefox keeps it for 600 s, so it was still cached",
    );
  });

  it("says when Chromium's entry expired", () => {
    const text = cachedAfter(8_000_000, "86400").assumptions.join(" ");
    expect(text).toContain("Chromium keeps it for 7200 s");
    expect(text).toContain("expired 800 s before this request");
    expect(text).toContain(
      "Firefox keeps it for 86400 s, so it was still cached",
    );
  });

  it("uses the 5 s default", () => {
    const text = cachedAfter(7_000, null).assumptions.join(" ");
    expect(text).toContain("5 s by default");
    expect(text).toContain("expired 2 s before this request");
  });

  it("says when Firefox does not cache it", () => {
    const text = cachedAfter(1_000, "abc").assumptions.join(" ");
    expect(text).toContain("Firefox does not cache this preflight at all");
    expect(text).toContain("Chromium keeps it for 5 s, so it was still cached");
  });

  it("skips the timing without times", () => {
    const exchange = buildExchange({
      method: "PUT",
      preflight: { responseHeaders: [ALLOW_ORIGIN, ALLOW_PUT] },
      preflightSource: "cached",
    });
    const analysis = analyzeExchange({
      ...exchange,
      actual: { ...exchange.actual, startTime: 0 },
    });
    expect(analysis.assumptions.join(" ")).not.toContain("after the earlier");
  });
});
