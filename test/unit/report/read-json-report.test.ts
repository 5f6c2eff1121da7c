import { describe, expect, it } from "vitest";
import { buildJsonReport } from "../../../src/report/build-json-report";
import {
  checkReportSkeleton,
  exchangeFromReport,
  ReportFormatError,
} from "../../../src/report/read-json-report";
import {
  allowedRedirectedExchange,
  blockedPreflightExchange,
} from "./analyzed-exchanges";

const report = buildJsonReport(
  [blockedPreflightExchange(), allowedRedirectedExchange()],
  {
    generatedAt: "2025-03-01T10:05:00.000Z",
    toolVersion: "0.1.0",
    redact: false,
  },
);
/** The report as a reader gets it from a file. */
const parsed = JSON.parse(JSON.stringify(report)) as {
  exchanges: Record<string, unknown>[];
};

describe("exchangeFromReport", () => {
  it("rebuilds the exchange with its preflight", () => {
    const original = blockedPreflightExchange().exchange;
    const exchange = exchangeFromReport(parsed.exchanges[0], 0);

    expect(exchange.id).toBe("42");
    expect(exchange.tabId).toBe(-1);
    expect(exchange.origin).toBe(original.origin);
    expect(exchange.preflightSource).toBe("sent");
    expect(exchange.preflight?.requestHeaders).toEqual(
      original.preflight?.requestHeaders,
    );
    expect(exchange.preflight?.startTime).toBe(original.preflight?.startTime);
    expect(exchange.actual.error).toBe("net::ERR_FAILED");
    expect(exchange.actual.requestHeadersSeen).toBe(false);
  });

  it("rebuilds redirect hops", () => {
    const exchange = exchangeFromReport(parsed.exchanges[1], 1);

    expect(exchange.actual.redirects).toEqual(
      allowedRedirectedExchange().exchange.actual.redirects,
    );
    expect(exchange.preflight).toBeNull();
  });

  it.each([
    [
      { ...parsed.exchanges[0], id: 4 },
      "exchange 0: id is missing or not a string",
    ],
    [
      { ...parsed.exchanges[0], preflightSource: "maybe" },
      'exchange 0: preflightSource is not "sent", "cached" or "not-needed"',
    ],
    [
      { ...parsed.exchanges[0], actual: null },
      "exchange 0: actual is missing or not an object",
    ],
    [
      {
        ...parsed.exchanges[0],
        actual: {
          ...(parsed.exchanges[0]?.["actual"] as object),
          requestHeaders: [1],
        },
      },
      "exchange 0: actual.requestHeaders[0] is not a {name, value} pair of strings",
    ],
  ])("rejects a malformed exchange: %#", (value, message) => {
    expect(() => exchangeFromReport(value, 0)).toThrow(
      new ReportFormatError(message),
    );
  });
});

describe("checkReportSkeleton", () => {
  it("accepts a version 1 report", () => {
    expect(() =>
      checkReportSkeleton({ ...report, exchanges: [] }),
    ).not.toThrow();
  });

  it.each([
    [
      { ...report, version: 2 },
      "report format version 2 is not supported (expected 1)",
    ],
    [{ ...report, tool: { name: "other" } }, "so it is not a CORS Lens report"],
    [{ ...report, exchanges: {} }, '"exchanges" is missing or not a list'],
  ])("rejects %#", (skeleton, message) => {
    expect(() => checkReportSkeleton(skeleton)).toThrow(message);
  });
});
