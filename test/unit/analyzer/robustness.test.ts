import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { Exchange } from "../../../src/model/exchange";
import { buildExchange } from "./exchange-builder";

/** Passes deliberately malformed data where the type promises an exchange. */
function asExchange(value: unknown): Exchange {
  return value as Exchange;
}

const ODD_VALUES: readonly unknown[] = [
  undefined,
  null,
  "",
  " ",
  ",",
  "*",
  "null",
  "::::",
  "http://[",
  "https://app.example:99999",
  "\u0000\u007f",
  "é".repeat(300),
  42,
  Number.NaN,
  {},
  [],
  [{ name: 1, value: 2 }],
  [{ name: "Access-Control-Allow-Origin" }],
];

/** A small deterministic generator, so a failure can be replayed. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe("malformed input", () => {
  it.each<[string, unknown]>([
    ["undefined", undefined],
    ["null", null],
    ["a number", 0],
    ["a string", "exchange"],
    ["an array", []],
    ["an empty object", {}],
  ])("does not throw on %s", (_name, value) => {
    const analysis = analyzeExchange(asExchange(value));
    expect(analysis.verdict).toBe("allowed");
  });

  it("does not throw on odd fields anywhere", () => {
    const random = createRandom(7);
    const pick = () =>
      ODD_VALUES[Math.floor(random() * ODD_VALUES.length)] ?? null;
    const base = buildExchange({
      method: "PUT",
      preflight: { responseHeaders: [] },
    });
    for (let round = 0; round < 500; round += 1) {
      const headerName = [
        "Access-Control-Allow-Origin",
        "Access-Control-Allow-Methods",
        "Access-Control-Allow-Headers",
        "Access-Control-Allow-Credentials",
        "Vary",
        "Location",
      ][round % 6];
      const oddHeaders = [{ name: headerName, value: pick() }];
      const exchange = {
        ...base,
        origin: pick(),
        preflightSource: ["sent", "cached", "not-needed", pick()][round % 4],
        actual: {
          ...base.actual,
          url: pick(),
          method: pick(),
          statusCode: [200, 302, 500, pick()][round % 4],
          requestHeaders: round % 3 === 0 ? pick() : oddHeaders,
          responseHeaders: round % 5 === 0 ? pick() : oddHeaders,
          redirects: [
            { url: pick(), redirectUrl: pick(), statusCode: pick() },
            pick(),
          ],
          error: pick(),
        },
        preflight:
          round % 7 === 0
            ? pick()
            : {
                ...base.preflight,
                statusCode: [204, 301, 401, pick()][round % 4],
                responseHeaders: oddHeaders,
                redirects: round % 2 === 0 ? pick() : [],
              },
      };
      expect(() => analyzeExchange(asExchange(exchange))).not.toThrow();
    }
  });

  it("does not throw on a wildly long header list", () => {
    const exchange = buildExchange({
      requestHeaders: Array.from({ length: 2_000 }, (_, index) => [
        `X-${index}`,
        "v",
      ]),
      responseHeaders: Array.from({ length: 2_000 }, () => [
        "Access-Control-Allow-Origin",
        "*",
      ]),
    });
    const analysis = analyzeExchange(exchange);
    expect(analysis.findings[0]?.rule).toBe("allow-origin-multiple");
  });
});
