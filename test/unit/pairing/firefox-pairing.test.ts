import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { RequestRecord } from "../../../src/model/request-record";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import { loadRecordedEvents, replay } from "./recorded-events";

/** Firefox's webRequest error for a request that a failed preflight stopped. */
const FIREFOX_CORS_ERROR = "NS_ERROR_DOM_BAD_URI";

const SCENARIOS = [
  "headers-only-on-preflight",
  "error-without-cors-headers",
  "wildcard-with-credentials",
  "authorization-not-allowed",
  "passing-put",
];

function pairRecorded(name: string, folder = "firefox-events") {
  const recording = loadRecordedEvents(folder, name);
  const records = replay(recording.events);
  return { recording, records, exchanges: pairExchanges(records) };
}

function byMethod(records: readonly RequestRecord[], method: string) {
  const matches = records.filter((record) => record.method === method);
  expect(matches).toHaveLength(1);
  const [record] = matches;
  if (record === undefined) throw new Error(`No ${method} record`);
  return record;
}

describe("pairing of events recorded in Firefox", () => {
  it("records the actual request's headers before its preflight starts", () => {
    const { recording } = pairRecorded("passing-put");
    const order = recording.events.map(
      ({ event, details }) => `${details.method} ${event}`,
    );
    expect(order.indexOf("PUT onSendHeaders")).toBeLessThan(
      order.indexOf("OPTIONS onBeforeRequest"),
    );
  });

  it.each([
    ["headers-only-on-preflight", "PUT"],
    ["error-without-cors-headers", "POST"],
    ["passing-put", "PUT"],
  ])("attaches the preflight of %s to its %s", (name, method) => {
    const { exchanges, recording } = pairRecorded(name);
    expect(exchanges).toHaveLength(1);
    const [exchange] = exchanges;
    expect(exchange?.actual.method).toBe(method);
    expect(exchange?.preflightSource).toBe("sent");
    expect(exchange?.preflight?.method).toBe("OPTIONS");
    expect(exchange?.preflight?.url).toBe(exchange?.actual.url);
    expect(exchange?.origin).toBe(recording.pageOrigin);
  });

  it("reports a request that CORS blocks as completed", () => {
    const { exchanges } = pairRecorded("headers-only-on-preflight");
    expect(exchanges[0]?.actual.error).toBeNull();
    expect(exchanges[0]?.actual.statusCode).toBe(200);
    expect(exchanges[0]?.actual.inFlight).toBe(false);
  });

  it("pairs a failed preflight with the request it stopped", () => {
    const { exchanges } = pairRecorded("authorization-not-allowed");
    expect(exchanges).toHaveLength(1);
    const [exchange] = exchanges;
    expect(exchange?.actual.requestHeadersSeen).toBe(true);
    expect(exchange?.actual.error).toBe(FIREFOX_CORS_ERROR);
    expect(exchange?.preflightSource).toBe("sent");
    expect(exchange?.preflight?.statusCode).toBe(204);
    expect(exchange?.preflight?.error).toBe(FIREFOX_CORS_ERROR);
  });

  it("keeps a simple request without a preflight", () => {
    const { exchanges } = pairRecorded("wildcard-with-credentials");
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.preflightSource).toBe("not-needed");
    expect(exchanges[0]?.preflight).toBeNull();
    expect(exchanges[0]?.actual.error).toBeNull();
  });

  it("gives each of three concurrent requests its own preflight", () => {
    const { exchanges, records } = pairRecorded("concurrent-preflights");
    expect(records).toHaveLength(6);
    expect(exchanges).toHaveLength(3);
    const preflightIds = exchanges.map((exchange) => exchange.preflight?.id);
    expect(new Set(preflightIds).size).toBe(3);
    for (const exchange of exchanges) {
      expect(exchange.preflight?.url).toBe(exchange.actual.url);
      expect(exchange.preflight?.startTime).toBeGreaterThan(
        exchange.actual.startTime,
      );
    }
  });

  it("pairs preflights in the order Firefox sent them", () => {
    const { exchanges } = pairRecorded("concurrent-preflights");
    const puts = exchanges.filter((exchange) =>
      exchange.actual.url.endsWith("/passing-put"),
    );
    expect(puts).toHaveLength(2);
    const [first, second] = puts;
    expect(Number(first?.actual.id)).toBeLessThan(Number(second?.actual.id));
    expect(Number(first?.preflight?.id)).toBeLessThan(
      Number(second?.preflight?.id),
    );
  });

  it("gives the same exchanges whatever order the records come in", () => {
    const { records, exchanges } = pairRecorded("concurrent-preflights");
    const reversed = pairExchanges([...records].reverse());
    expect(reversed).toEqual(exchanges);
  });
});

describe("pairing with Firefox's whole-millisecond times", () => {
  it("pairs a preflight that started in its request's millisecond", () => {
    const { records } = pairRecorded("passing-put");
    const actual = byMethod(records, "PUT");
    const preflight = {
      ...byMethod(records, "OPTIONS"),
      startTime: actual.startTime,
    };
    for (const input of [
      [actual, preflight],
      [preflight, actual],
    ]) {
      const [exchange] = pairExchanges(input);
      expect(exchange?.preflight?.id).toBe(preflight.id);
    }
  });

  it("orders requests of one millisecond by id value", () => {
    const { records } = pairRecorded("passing-put");
    const put = byMethod(records, "PUT");
    const options = byMethod(records, "OPTIONS");
    const start = put.startTime;
    const exchanges = pairExchanges([
      { ...put, id: "10", startTime: start },
      { ...put, id: "9", startTime: start },
      { ...options, id: "12", startTime: start + 2 },
      { ...options, id: "11", startTime: start + 1 },
    ]);
    expect(exchanges.map((exchange) => exchange.actual.id)).toEqual([
      "9",
      "10",
    ]);
    expect(exchanges.map((exchange) => exchange.preflight?.id)).toEqual([
      "11",
      "12",
    ]);
  });
});

describe("events of the same scenario in Firefox and in Chromium", () => {
  it.each(SCENARIOS)("give the same exchange for %s", (name) => {
    const [firefox] = pairRecorded(name).exchanges;
    const [chromium] = pairRecorded(name, "chromium-events").exchanges;
    expect(firefox?.actual.method).toBe(chromium?.actual.method);
    expect(new URL(firefox?.actual.url ?? "").pathname).toBe(
      new URL(chromium?.actual.url ?? "").pathname,
    );
    expect(firefox?.preflightSource).toBe(chromium?.preflightSource);
    expect(firefox?.preflight?.method).toBe(chromium?.preflight?.method);
  });

  it.each(SCENARIOS)("give the same verdict for %s", (name) => {
    const [firefox] = pairRecorded(name).exchanges;
    const [chromium] = pairRecorded(name, "chromium-events").exchanges;
    if (firefox === undefined || chromium === undefined) {
      throw new Error(`No exchange recorded for ${name}`);
    }
    const fromFirefox = analyzeExchange(firefox);
    const fromChromium = analyzeExchange(chromium);
    expect(fromFirefox.verdict).toBe(fromChromium.verdict);
    expect(fromFirefox.browsers).toEqual(fromChromium.browsers);
    expect(fromFirefox.credentials.mode).toBe(fromChromium.credentials.mode);
    expect(fromFirefox.findings.map((finding) => finding.rule)).toEqual(
      fromChromium.findings.map((finding) => finding.rule),
    );
  });
});
