import { describe, expect, it } from "vitest";
import { buildJsonReport } from "../../../src/report/build-json-report";
import {
  allowedRedirectedExchange,
  blockedPreflightExchange,
  finding,
  PAGE_ORIGIN,
} from "./analyzed-exchanges";

const OPTIONS = {
  generatedAt: "2025-03-01T10:05:00.000Z",
  toolVersion: "9.8.7",
};

describe("buildJsonReport", () => {
  it("writes version, time and tool", () => {
    const report = buildJsonReport([], OPTIONS);

    expect(report.version).toBe(1);
    expect(report.generatedAt).toBe("2025-03-01T10:05:00.000Z");
    expect(report.tool).toEqual({ name: "cors-lens", version: "9.8.7" });
    expect(report.exchanges).toEqual([]);
  });

  it("counts blocked, allowed and warned exchanges", () => {
    const report = buildJsonReport(
      [blockedPreflightExchange(), allowedRedirectedExchange()],
      OPTIONS,
    );

    expect(report.summary).toEqual({
      exchanges: 2,
      blocked: 1,
      allowed: 1,
      warnings: 1,
    });
  });

  it("keeps the order of the entries", () => {
    const report = buildJsonReport(
      [allowedRedirectedExchange(), blockedPreflightExchange()],
      OPTIONS,
    );

    expect(report.exchanges.map((exchange) => exchange.id)).toEqual([
      "50",
      "42",
    ]);
  });

  it("describes a blocked preflighted exchange", () => {
    const [exchange] = buildJsonReport(
      [blockedPreflightExchange()],
      OPTIONS,
    ).exchanges;

    expect(exchange?.url).toBe("https://api.example.test/items/7");
    expect(exchange?.method).toBe("PUT");
    expect(exchange?.origin).toBe(PAGE_ORIGIN);
    expect(exchange?.verdict).toBe("blocked");
    expect(exchange?.preflightSource).toBe("sent");
    expect(exchange?.browsers).toEqual({
      chromium: {
        verdict: "blocked",
        error: "PreflightMissingAllowOriginHeader",
      },
      firefox: { verdict: "blocked", error: "CORSMissingAllowOrigin" },
    });
    expect(exchange?.credentials).toEqual({
      mode: "omit",
      basis: "assumed",
      reason: "No Cookie header was sent.",
    });
    expect(exchange?.otherCredentialsMode?.mode).toBe("include");
    expect(exchange?.otherCredentialsMode?.findings).toHaveLength(1);
    expect(exchange?.assumptions).toEqual([
      "The page did not use mode: 'no-cors'.",
    ]);
  });

  it("copies every field of each finding", () => {
    const [exchange] = buildJsonReport(
      [blockedPreflightExchange()],
      OPTIONS,
    ).exchanges;

    expect(exchange?.findings).toHaveLength(2);
    expect(exchange?.findings[0]).toEqual({
      rule: "allow-origin-missing",
      severity: "error",
      response: "preflight",
      header: "Access-Control-Allow-Origin",
      value: null,
      expected: PAGE_ORIGIN,
      chromium: "PreflightMissingAllowOriginHeader",
      firefox: "CORSMissingAllowOrigin",
      explanation: "The response has no Access-Control-Allow-Origin header.",
      fix: "Send Access-Control-Allow-Origin with the page's origin.",
    });
    expect(exchange?.findings[1]?.severity).toBe("warning");
  });

  it("leaves out finding fields outside the format", () => {
    const entry = blockedPreflightExchange();
    const withExtra = { ...finding(), internalScore: 3 };
    const report = buildJsonReport(
      [{ ...entry, analysis: { ...entry.analysis, findings: [withExtra] } }],
      OPTIONS,
    );

    expect(report.exchanges[0]?.findings[0]).not.toHaveProperty(
      "internalScore",
    );
  });

  it("describes preflight and actual requests", () => {
    const [exchange] = buildJsonReport(
      [blockedPreflightExchange()],
      OPTIONS,
    ).exchanges;

    expect(exchange?.preflight).toEqual({
      url: "https://api.example.test/items/7",
      method: "OPTIONS",
      type: "xmlhttprequest",
      requestHeadersSeen: true,
      requestHeaders: [
        { name: "Origin", value: PAGE_ORIGIN },
        { name: "Access-Control-Request-Method", value: "PUT" },
      ],
      status: 204,
      responseHeaders: [{ name: "Allow", value: "GET, PUT" }],
      redirects: [],
      error: null,
      inFlight: false,
      startedAt: "2025-03-01T10:00:00.100Z",
      endedAt: "2025-03-01T10:00:00.140Z",
    });
    expect(exchange?.actual.status).toBeNull();
    expect(exchange?.actual.error).toBe("net::ERR_FAILED");
    expect(exchange?.actual.requestHeadersSeen).toBe(false);
    expect(exchange?.actual.inFlight).toBe(true);
    expect(exchange?.actual.endedAt).toBeNull();
  });

  it("keeps redirects and a missing preflight", () => {
    const [exchange] = buildJsonReport(
      [allowedRedirectedExchange()],
      OPTIONS,
    ).exchanges;

    expect(exchange?.preflightSource).toBe("not-needed");
    expect(exchange?.preflight).toBeNull();
    expect(exchange?.actual.redirects).toEqual([
      {
        url: "https://api.example.test/old",
        statusCode: 302,
        responseHeaders: [
          { name: "Location", value: "/new" },
          { name: "Access-Control-Allow-Origin", value: "*" },
        ],
        redirectUrl: "https://api.example.test/new",
      },
    ]);
  });

  it("keeps repeated header lines in order", () => {
    const entry = allowedRedirectedExchange();
    const repeated = [
      { name: "Access-Control-Allow-Origin", value: PAGE_ORIGIN },
      { name: "Access-Control-Allow-Origin", value: "*" },
    ];
    const report = buildJsonReport(
      [
        {
          ...entry,
          exchange: {
            ...entry.exchange,
            actual: { ...entry.exchange.actual, responseHeaders: repeated },
          },
        },
      ],
      OPTIONS,
    );

    expect(report.exchanges[0]?.actual.responseHeaders).toEqual(repeated);
  });

  it("writes null for a start time that is not a number", () => {
    const entry = allowedRedirectedExchange();
    const report = buildJsonReport(
      [
        {
          ...entry,
          exchange: {
            ...entry.exchange,
            actual: { ...entry.exchange.actual, startTime: Number.NaN },
          },
        },
      ],
      OPTIONS,
    );

    expect(report.exchanges[0]?.actual.startedAt).toBeNull();
  });

  it("survives a JSON round trip unchanged", () => {
    const report = buildJsonReport(
      [blockedPreflightExchange(), allowedRedirectedExchange()],
      OPTIONS,
    );

    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe("buildJsonReport redaction", () => {
  const withCookie = () => {
    const entry = blockedPreflightExchange();
    return {
      ...entry,
      exchange: {
        ...entry.exchange,
        preflight: entry.exchange.preflight && {
          ...entry.exchange.preflight,
          requestHeaders: [{ name: "Cookie", value: "sid=abc123" }],
        },
      },
    };
  };

  it("redacts and says so by default", () => {
    const report = buildJsonReport([withCookie()], OPTIONS);

    expect(report.redacted).toBe(true);
    expect(report.exchanges[0]?.preflight?.requestHeaders).toEqual([
      { name: "Cookie", value: "sid=[redacted]" },
    ]);
  });

  it("keeps values when redaction is off", () => {
    const report = buildJsonReport([withCookie()], {
      ...OPTIONS,
      redact: false,
    });

    expect(report.redacted).toBe(false);
    expect(report.exchanges[0]?.preflight?.requestHeaders).toEqual([
      { name: "Cookie", value: "sid=abc123" },
    ]);
  });
});
