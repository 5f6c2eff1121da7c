import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { CredentialsMode } from "../../../src/model/analysis";
import type { HeaderPair } from "./exchange-builder";
import {
  ALLOW_CREDENTIALS,
  ALLOW_ORIGIN,
  ORIGIN,
  VARY_ORIGIN,
  buildExchange,
} from "./exchange-builder";

const exposeHeaders = (value: string): HeaderPair => [
  "Access-Control-Expose-Headers",
  value,
];

function analyzeResponse(
  headers: readonly HeaderPair[],
  credentials: CredentialsMode = "omit",
) {
  const credentialHeaders =
    credentials === "include" ? [ALLOW_CREDENTIALS] : [];
  return analyzeExchange(
    buildExchange({
      responseHeaders: [
        ALLOW_ORIGIN,
        VARY_ORIGIN,
        ...credentialHeaders,
        ...headers,
      ],
    }),
    { credentials },
  );
}

function hiddenWarnings(analysis: ReturnType<typeof analyzeExchange>) {
  return analysis.findings.filter(
    (finding) => finding.rule === "response-header-not-exposed",
  );
}

describe("readable response headers", () => {
  it("lists the safelisted headers as readable", () => {
    const analysis = analyzeResponse([
      ["Content-Type", "application/json"],
      ["Cache-Control", "no-store"],
      ["Content-Length", "12"],
      ["X-Total-Count", "5"],
    ]);
    expect(analysis.readableResponseHeaders).toEqual({
      readable: ["Content-Type", "Cache-Control", "Content-Length"],
      hidden: ["Access-Control-Allow-Origin", "Vary", "X-Total-Count"],
    });
  });

  it("reads exposed names case-insensitively", () => {
    const analysis = analyzeResponse([
      ["X-Total-Count", "5"],
      ["ETag", '"1"'],
      exposeHeaders("x-total-count, etag"),
    ]);
    expect(analysis.readableResponseHeaders?.readable).toEqual([
      "X-Total-Count",
      "ETag",
    ]);
    expect(hiddenWarnings(analysis)).toEqual([]);
  });

  it("exposes everything for * without credentials", () => {
    const analysis = analyzeResponse([
      ["X-Total-Count", "5"],
      exposeHeaders("*"),
    ]);
    expect(analysis.readableResponseHeaders?.hidden).toEqual([]);
  });

  it("exposes nothing more for * with credentials", () => {
    const analysis = analyzeResponse(
      [["X-Total-Count", "5"], exposeHeaders("*")],
      "include",
    );
    const rules = analysis.findings.map((finding) => finding.rule);
    expect(analysis.readableResponseHeaders?.hidden).toContain("X-Total-Count");
    expect(rules).toContain("expose-headers-wildcard-with-credentials");
    expect(rules).toContain("response-header-not-exposed");
  });

  it("exposes nothing when an element is invalid", () => {
    const analysis = analyzeResponse([
      ["X-Total-Count", "5"],
      ["X-Page", "2"],
      exposeHeaders("X-Total-Count, X Page"),
    ]);
    const warning = hiddenWarnings(analysis)[0];
    expect(analysis.readableResponseHeaders?.hidden).toContain("X-Total-Count");
    expect(warning?.explanation).toContain('"X Page" is not a header name');
  });

  it("never exposes Set-Cookie", () => {
    const analysis = analyzeResponse([
      ["Set-Cookie", "a=1"],
      exposeHeaders("*, Set-Cookie"),
    ]);
    expect(analysis.readableResponseHeaders?.hidden).toEqual(["Set-Cookie"]);
    expect(hiddenWarnings(analysis)).toEqual([]);
  });

  it("hides every header of a blocked response", () => {
    const analysis = analyzeExchange(
      buildExchange({
        responseHeaders: [["Content-Type", "text/html"]],
        error: "net::ERR_FAILED",
      }),
    );
    expect(analysis.readableResponseHeaders).toEqual({
      readable: [],
      hidden: ["Content-Type"],
    });
  });

  it("reads a same-origin response whole", () => {
    const analysis = analyzeExchange(
      buildExchange({
        url: `${ORIGIN}/api`,
        responseHeaders: [
          ["X-Total-Count", "5"],
          ["Set-Cookie", "a=1"],
        ],
      }),
    );
    expect(analysis.readableResponseHeaders).toEqual({
      readable: ["X-Total-Count"],
      hidden: ["Set-Cookie"],
    });
  });
});

describe("not exposed warning", () => {
  it("names every hidden header in one finding", () => {
    const analysis = analyzeResponse([
      ["X-Total-Count", "5"],
      ["Link", "<https://api.example/items?page=2>; rel=next"],
      ["Date", "Mon, 01 Jan 2024 00:00:00 GMT"],
      ["Server", "nginx"],
    ]);
    const warnings = hiddenWarnings(analysis);
    const warning = warnings[0];
    expect(warnings).toHaveLength(1);
    expect(warning?.severity).toBe("warning");
    expect(warning?.header).toBe("Access-Control-Expose-Headers");
    expect(warning?.value).toBeNull();
    expect(warning?.expected).toBe("X-Total-Count, Link");
    expect(warning?.explanation).toContain("headers.get()");
    expect(warning?.explanation).not.toContain("Server");
  });

  it("extends an existing list", () => {
    const analysis = analyzeResponse([
      ["X-Total-Count", "5"],
      ["X-Page", "2"],
      exposeHeaders("X-Page"),
    ]);
    expect(hiddenWarnings(analysis)[0]?.expected).toBe("x-page, X-Total-Count");
  });

  it("skips headers pages rarely read", () => {
    const analysis = analyzeResponse([
      ["Date", "Mon, 01 Jan 2024 00:00:00 GMT"],
      ["Strict-Transport-Security", "max-age=1"],
      ["CF-Ray", "1"],
      ["Access-Control-Max-Age", "600"],
    ]);
    expect(hiddenWarnings(analysis)).toEqual([]);
  });

  it("stays quiet on a blocked response", () => {
    const analysis = analyzeExchange(
      buildExchange({
        responseHeaders: [["X-Total-Count", "5"]],
        error: "net::ERR_FAILED",
      }),
    );
    expect(hiddenWarnings(analysis)).toEqual([]);
  });
});
