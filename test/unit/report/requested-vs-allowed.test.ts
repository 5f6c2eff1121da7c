import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { HeaderList } from "../../../src/model/header";
import type { RequestRecord } from "../../../src/model/request-record";
import type { AnalyzedExchange } from "../../../src/report/analyzed-exchange";
import {
  requestedVsAllowed,
  type RequestedCheck,
  type RequestedVsAllowedRow,
} from "../../../src/report/requested-vs-allowed";
import { PAGE_ORIGIN, requestRecord } from "./analyzed-exchanges";

const ORIGIN_HEADER = { name: "Origin", value: PAGE_ORIGIN };
const ALLOW_PAGE_ORIGIN = {
  name: "Access-Control-Allow-Origin",
  value: PAGE_ORIGIN,
};

function preflightRecord(
  method: string,
  requestHeaders: string | null,
  responseHeaders: HeaderList,
): RequestRecord {
  const headers = [
    ORIGIN_HEADER,
    { name: "Access-Control-Request-Method", value: method },
  ];
  if (requestHeaders !== null) {
    headers.push({
      name: "Access-Control-Request-Headers",
      value: requestHeaders,
    });
  }
  return requestRecord({
    id: "10",
    method: "OPTIONS",
    requestHeaders: headers,
    statusCode: 204,
    responseHeaders,
  });
}

/** Returns an actual request that the browser stopped after its preflight failed. */
function unsentRecord(method: string): RequestRecord {
  return requestRecord({
    id: "11",
    method,
    requestHeadersSeen: false,
    requestHeaders: [],
    statusCode: null,
    error: "net::ERR_FAILED",
  });
}

function analyzed(
  actual: RequestRecord,
  preflight: RequestRecord | null,
): AnalyzedExchange {
  const exchange = {
    id: actual.id,
    tabId: 3,
    origin: PAGE_ORIGIN,
    actual,
    preflight,
    preflightSource: preflight === null ? "not-needed" : "sent",
  } as const;
  return { exchange, analysis: analyzeExchange(exchange) };
}

function rowFor(
  rows: readonly RequestedVsAllowedRow[],
  check: RequestedCheck,
  response: "preflight" | "actual",
): RequestedVsAllowedRow {
  const row = rows.find(
    (candidate) => candidate.check === check && candidate.response === response,
  );
  if (row === undefined) throw new Error(`No ${check} row on ${response}`);
  return row;
}

describe("requestedVsAllowed", () => {
  it("fails the header the preflight does not allow", () => {
    const entry = analyzed(
      unsentRecord("GET"),
      preflightRecord("GET", "authorization", [
        ALLOW_PAGE_ORIGIN,
        { name: "Access-Control-Allow-Headers", value: "Content-Type" },
      ]),
    );

    const rows = requestedVsAllowed(entry);
    const headers = rowFor(rows, "headers", "preflight");

    expect(headers.outcome).toBe("fail");
    expect(headers.requested).toBe("authorization");
    expect(headers.allowed).toBe("Content-Type");
    expect(headers.denied).toEqual(["authorization"]);
    expect(rowFor(rows, "origin", "preflight").outcome).toBe("pass");
    expect(rowFor(rows, "method", "preflight")).toMatchObject({
      requested: "GET",
      outcome: "pass",
    });
  });

  it("marks the unsent actual request not applicable", () => {
    const entry = analyzed(
      unsentRecord("GET"),
      preflightRecord("GET", "authorization", [ALLOW_PAGE_ORIGIN]),
    );

    const rows = requestedVsAllowed(entry);

    for (const check of ["origin", "credentials", "exposed-headers"] as const) {
      const row = rowFor(rows, check, "actual");
      expect(row.outcome).toBe("not-applicable");
      expect(row.allowed).toBeNull();
    }
    expect(rowFor(rows, "origin", "actual").reason).toBe(
      "The browser did not send the request, because the preflight failed.",
    );
  });

  it("lists the rows in a stable order", () => {
    const entry = analyzed(
      unsentRecord("PUT"),
      preflightRecord("PUT", null, [ALLOW_PAGE_ORIGIN]),
    );

    const rows = requestedVsAllowed(entry);

    expect(rows.map((row) => `${row.check}/${row.response}`)).toEqual([
      "origin/preflight",
      "origin/actual",
      "method/preflight",
      "headers/preflight",
      "credentials/preflight",
      "credentials/actual",
      "exposed-headers/actual",
    ]);
  });

  it("fails a method missing from the list", () => {
    const entry = analyzed(
      unsentRecord("PUT"),
      preflightRecord("PUT", null, [
        ALLOW_PAGE_ORIGIN,
        { name: "Access-Control-Allow-Methods", value: "GET, put" },
      ]),
    );

    const method = rowFor(requestedVsAllowed(entry), "method", "preflight");

    expect(method).toMatchObject({
      requested: "PUT",
      allowed: "GET, put",
      denied: ["PUT"],
      outcome: "fail",
    });
  });

  it("fails an unparseable method list without denying the method", () => {
    const entry = analyzed(
      unsentRecord("PUT"),
      preflightRecord("PUT", null, [
        ALLOW_PAGE_ORIGIN,
        { name: "Access-Control-Allow-Methods", value: "PUT;DELETE" },
      ]),
    );

    const method = rowFor(requestedVsAllowed(entry), "method", "preflight");

    expect(method.outcome).toBe("fail");
    expect(method.reason).toBe(
      "Access-Control-Allow-Methods has an invalid element.",
    );
  });

  it("fails a mismatched origin on the actual response", () => {
    const actual = requestRecord({
      requestHeaders: [ORIGIN_HEADER],
      responseHeaders: [
        {
          name: "Access-Control-Allow-Origin",
          value: "https://other.example.test",
        },
      ],
    });

    const rows = requestedVsAllowed(analyzed(actual, null));
    const origin = rowFor(rows, "origin", "actual");

    expect(origin).toMatchObject({
      requested: PAGE_ORIGIN,
      allowed: "https://other.example.test",
      denied: [PAGE_ORIGIN],
      outcome: "fail",
      reason: "Access-Control-Allow-Origin does not match the origin.",
    });
  });

  it("gives a simple request no preflight rows", () => {
    const actual = requestRecord({
      responseHeaders: [{ name: "Access-Control-Allow-Origin", value: "*" }],
    });

    const rows = requestedVsAllowed(analyzed(actual, null));

    expect(
      rows.some(
        (row) => row.check === "origin" && row.response === "preflight",
      ),
    ).toBe(false);
    expect(rowFor(rows, "method", "preflight").outcome).toBe("not-applicable");
    expect(rowFor(rows, "headers", "preflight").outcome).toBe("not-applicable");
    expect(rowFor(rows, "origin", "actual")).toMatchObject({
      allowed: "*",
      outcome: "pass",
    });
  });

  it("checks credentials when cookies were sent", () => {
    const actual = requestRecord({
      requestHeaders: [ORIGIN_HEADER, { name: "Cookie", value: "a=1" }],
      responseHeaders: [
        { name: "Access-Control-Allow-Origin", value: "*" },
        { name: "Access-Control-Allow-Credentials", value: "TRUE" },
      ],
    });

    const rows = requestedVsAllowed(analyzed(actual, null));

    expect(rowFor(rows, "origin", "actual")).toMatchObject({
      outcome: "fail",
      reason: "Wildcard origin on a request with credentials.",
    });
    expect(rowFor(rows, "credentials", "actual")).toMatchObject({
      requested: "include",
      allowed: "TRUE",
      outcome: "fail",
    });
  });

  it("skips credentials for a request without them", () => {
    const actual = requestRecord({
      responseHeaders: [ALLOW_PAGE_ORIGIN],
    });

    const row = rowFor(
      requestedVsAllowed(analyzed(actual, null)),
      "credentials",
      "actual",
    );

    expect(row.requested).toBe("omit");
    expect(row.outcome).toBe("not-applicable");
  });

  it("fails response headers scripts cannot read", () => {
    const actual = requestRecord({
      responseHeaders: [
        ALLOW_PAGE_ORIGIN,
        { name: "Content-Type", value: "application/json" },
        { name: "X-Total-Count", value: "12" },
      ],
    });

    const row = rowFor(
      requestedVsAllowed(analyzed(actual, null)),
      "exposed-headers",
      "actual",
    );

    expect(row).toMatchObject({
      requested: "X-Total-Count",
      allowed: null,
      denied: ["X-Total-Count"],
      outcome: "fail",
    });
  });

  it("passes exposed response headers", () => {
    const actual = requestRecord({
      responseHeaders: [
        ALLOW_PAGE_ORIGIN,
        { name: "Access-Control-Expose-Headers", value: "x-total-count" },
        { name: "X-Total-Count", value: "12" },
      ],
    });

    const row = rowFor(
      requestedVsAllowed(analyzed(actual, null)),
      "exposed-headers",
      "actual",
    );

    expect(row.outcome).toBe("pass");
    expect(row.allowed).toBe("x-total-count");
    expect(row.requested).toBe("X-Total-Count");
  });

  it("marks every row not applicable in no-cors mode", () => {
    const actual = requestRecord({
      requestHeaders: [
        ORIGIN_HEADER,
        { name: "Sec-Fetch-Mode", value: "no-cors" },
      ],
    });

    const rows = requestedVsAllowed(analyzed(actual, null));

    expect(rows.map((row) => row.outcome)).toEqual(
      rows.map(() => "not-applicable"),
    );
  });

  it("passes a same-origin final response as not applicable", () => {
    const actual = requestRecord({
      url: `${PAGE_ORIGIN}/local`,
      responseHeaders: [],
    });

    const row = rowFor(
      requestedVsAllowed(analyzed(actual, null)),
      "origin",
      "actual",
    );

    expect(row.outcome).toBe("not-applicable");
    expect(row.reason).toContain("own origin");
  });
});
