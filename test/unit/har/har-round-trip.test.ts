import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import { buildHarLog } from "../../../src/har/export-har";
import { importHarText } from "../../../src/har/import-har";
import type { Exchange } from "../../../src/model/exchange";
import type { RequestRecord } from "../../../src/model/request-record";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import type { AnalyzedExchange } from "../../../src/report/analyzed-exchange";
import { requestRecord } from "../report/analyzed-exchanges";
import { expectValidHar12 } from "./har-validity";
import { analyzeAll, importHarFixture } from "./har-fixtures";

const PAGE = "https://app.example.test";
const API = "https://api.example.test";
const at = (milliseconds: number) =>
  Date.UTC(2025, 2, 1, 10, 0, 0) + milliseconds;
const origin = { name: "Origin", value: PAGE };
const cors = { name: "Sec-Fetch-Mode", value: "cors" };

/** A capture as the background stores it: webRequest ids, tab 3, one frame 5. */
const CAPTURE: RequestRecord[] = [
  requestRecord({
    id: "101",
    url: `${API}/items/1`,
    method: "PUT",
    requestHeadersSeen: false,
    requestHeaders: [],
    statusCode: null,
    error: "net::ERR_FAILED",
    startTime: at(0),
    endTime: at(30),
  }),
  requestRecord({
    id: "102",
    url: `${API}/items/1`,
    method: "OPTIONS",
    requestHeaders: [
      origin,
      { name: "Access-Control-Request-Method", value: "PUT" },
      { name: "Access-Control-Request-Headers", value: "content-type" },
    ],
    statusCode: 204,
    responseHeaders: [{ name: "Allow", value: "GET, PUT" }],
    startTime: at(2),
    endTime: at(20),
  }),
  requestRecord({
    id: "103",
    url: `${API}/old?page=2`,
    requestHeaders: [origin, cors],
    responseHeaders: [{ name: "Access-Control-Allow-Origin", value: "*" }],
    redirects: [
      {
        url: `${API}/old?page=2`,
        statusCode: 307,
        responseHeaders: [
          { name: "Location", value: "/new?page=2" },
          { name: "Access-Control-Allow-Origin", value: "*" },
        ],
        redirectUrl: `${API}/new?page=2`,
      },
    ],
    startTime: at(100),
    endTime: at(140),
  }),
  requestRecord({
    id: "104",
    url: `${API}/items/2`,
    method: "DELETE",
    requestHeaders: [origin, cors],
    responseHeaders: [{ name: "Access-Control-Allow-Origin", value: PAGE }],
    startTime: at(200),
    endTime: at(230),
  }),
  requestRecord({
    id: "105",
    url: `${API}/items/2`,
    method: "OPTIONS",
    requestHeaders: [
      origin,
      { name: "Access-Control-Request-Method", value: "DELETE" },
    ],
    statusCode: 204,
    responseHeaders: [
      { name: "Access-Control-Allow-Origin", value: PAGE },
      { name: "Access-Control-Allow-Methods", value: "DELETE" },
      { name: "Access-Control-Max-Age", value: "600" },
    ],
    startTime: at(201),
    endTime: at(210),
  }),
  requestRecord({
    id: "106",
    url: `${API}/items/2`,
    method: "DELETE",
    frameId: 5,
    requestHeaders: [origin, cors],
    responseHeaders: [{ name: "Access-Control-Allow-Origin", value: PAGE }],
    startTime: at(300),
    endTime: at(320),
  }),
  requestRecord({
    id: "107",
    url: `${PAGE}/app.js`,
    type: "script",
    requestHeaders: [{ name: "Sec-Fetch-Mode", value: "no-cors" }],
    startTime: at(400),
    endTime: at(410),
  }),
  requestRecord({
    id: "109",
    url: `${API}/v1/items`,
    method: "PUT",
    requestHeaders: [origin, cors],
    responseHeaders: [{ name: "Access-Control-Allow-Origin", value: PAGE }],
    redirects: [
      {
        url: `${API}/v1/items`,
        statusCode: 307,
        responseHeaders: [
          { name: "Location", value: `${API}/v2/items` },
          { name: "Access-Control-Allow-Origin", value: PAGE },
        ],
        redirectUrl: `${API}/v2/items`,
      },
    ],
    startTime: at(600),
    endTime: at(650),
  }),
  requestRecord({
    id: "110",
    url: `${API}/v1/items`,
    method: "OPTIONS",
    requestHeaders: [
      origin,
      { name: "Access-Control-Request-Method", value: "PUT" },
    ],
    statusCode: 204,
    responseHeaders: [
      { name: "Access-Control-Allow-Origin", value: PAGE },
      { name: "Access-Control-Allow-Methods", value: "PUT" },
    ],
    startTime: at(601),
    endTime: at(610),
  }),
  requestRecord({
    id: "111",
    url: `${API}/v2/items`,
    method: "OPTIONS",
    requestHeaders: [
      origin,
      { name: "Access-Control-Request-Method", value: "PUT" },
    ],
    statusCode: 204,
    responseHeaders: [
      { name: "Access-Control-Allow-Origin", value: PAGE },
      { name: "Access-Control-Allow-Methods", value: "PUT" },
    ],
    startTime: at(620),
    endTime: at(630),
  }),
  requestRecord({
    id: "108",
    url: `${API}/orphan`,
    method: "OPTIONS",
    requestHeaders: [
      origin,
      { name: "Access-Control-Request-Method", value: "PATCH" },
    ],
    statusCode: 404,
    startTime: at(500),
    endTime: at(505),
  }),
];

function analyze(exchanges: readonly Exchange[]): AnalyzedExchange[] {
  return exchanges.map((exchange) => ({
    exchange,
    analysis: analyzeExchange(exchange),
  }));
}

/** Returns the record with the fields a HAR keeps. Imported records always get tab -1. */
function comparable(record: RequestRecord | null) {
  return record === null ? null : { ...record, tabId: "any" };
}

function summary({ exchange, analysis }: AnalyzedExchange) {
  return {
    id: exchange.id,
    origin: exchange.origin,
    preflightSource: exchange.preflightSource,
    actual: comparable(exchange.actual),
    preflight: comparable(exchange.preflight),
    redirectPreflights: (exchange.redirectPreflights ?? []).map(comparable),
    verdict: analysis.verdict,
    browsers: analysis.browsers,
    rules: analysis.findings.map((finding) => finding.rule),
  };
}

function roundTrip(
  records: readonly RequestRecord[],
  entries: readonly AnalyzedExchange[],
  redact: boolean,
): AnalyzedExchange[] {
  const har = buildHarLog(records, entries, { toolVersion: "9.9.9", redact });
  return analyze(importHarText(JSON.stringify(har)).exchanges);
}

describe("HAR export and import", () => {
  const live = analyze(pairExchanges(CAPTURE));

  it("covers a blocked preflight, redirects and the preflight cache", () => {
    expect(live.map(({ exchange }) => exchange.preflightSource)).toEqual([
      "sent",
      "not-needed",
      "sent",
      "cached",
      "sent",
    ]);
    expect(
      live[4]?.exchange.redirectPreflights?.map((record) => record.id),
    ).toEqual(["111"]);
  });

  it("gives back the same exchanges and verdicts", () => {
    const imported = roundTrip(CAPTURE, live, false);

    expect(imported.map(summary)).toEqual(live.map(summary));
  });

  it("gives back the same verdicts when redacted", () => {
    const imported = roundTrip(CAPTURE, live, true);

    expect(imported.map((entry) => entry.analysis.verdict)).toEqual(
      live.map((entry) => entry.analysis.verdict),
    );
    expect(imported.map((entry) => entry.analysis.browsers)).toEqual(
      live.map((entry) => entry.analysis.browsers),
    );
  });

  it("round-trips an imported Chromium HAR", () => {
    const har = importHarFixture("chrome-lab.har");
    const entries = analyzeAll(har);
    const again = roundTrip(har.records, entries, false);

    expect(again.map(summary)).toEqual(entries.map(summary));
  });

  it("writes every required HAR 1.2 field", () => {
    expectValidHar12(buildHarLog(CAPTURE, live, { toolVersion: "9.9.9" }));
  });

  it("writes every request, preflights and redirect hops included", () => {
    const har = buildHarLog(CAPTURE, live, { toolVersion: "9.9.9" });

    // Eleven records, two of them with one redirect hop.
    expect(har.log.entries).toHaveLength(13);
    expect(har.log.creator).toEqual({ name: "CORS Lens", version: "9.9.9" });
  });

  it("marks preflights the way Chromium does", () => {
    const har = buildHarLog(CAPTURE, live, { toolVersion: "9.9.9" });
    const preflight = har.log.entries.find(
      (entry) => entry._requestId === "102",
    );

    expect(preflight?._resourceType).toBe("preflight");
    expect(preflight?._initiator).toEqual({
      type: "preflight",
      url: `${API}/items/1`,
      requestId: "101",
    });
  });

  it("leaves an OPTIONS request without a paired request unmarked", () => {
    const har = buildHarLog(CAPTURE, live, { toolVersion: "9.9.9" });
    const orphan = har.log.entries.find((entry) => entry._requestId === "108");

    expect(orphan?._resourceType).toBe("xhr");
    expect(orphan?._initiator).toEqual({ type: "other" });
  });

  it("adds the analysis to each actual request's last entry", () => {
    const har = buildHarLog(CAPTURE, live, { toolVersion: "9.9.9" });
    const withAnalysis = har.log.entries.filter(
      (entry) => entry._cors !== undefined,
    );

    expect(withAnalysis.map((entry) => entry._requestId)).toEqual([
      "101",
      "103",
      "104",
      "106",
      "109",
    ]);
    const blocked = withAnalysis[0]?._cors;
    expect(blocked?.verdict).toBe("blocked");
    expect(blocked?.browsers.chromium.error).toBe(
      "PreflightMissingAllowOriginHeader",
    );
    expect(blocked?.findings.map((finding) => finding.rule)).toContain(
      "allow-origin-missing",
    );
  });

  it("writes status 0 for a request without a response", () => {
    const har = buildHarLog(CAPTURE, live, { toolVersion: "9.9.9" });
    const unsent = har.log.entries.find((entry) => entry._requestId === "101");

    expect(unsent?.response.status).toBe(0);
    expect(unsent?.response._error).toBe("net::ERR_FAILED");
  });

  it("says in the log whether secrets were redacted", () => {
    const redacted = buildHarLog(CAPTURE, live, { toolVersion: "9.9.9" });
    const kept = buildHarLog(CAPTURE, live, {
      toolVersion: "9.9.9",
      redact: false,
    });

    expect(redacted.log.comment).toMatch(/^Secrets were redacted/);
    expect(kept.log.comment).toBe("Secrets were not redacted.");
  });
});
