import { describe, expect, it } from "vitest";
import {
  analyzeAll,
  byScenario,
  DEMO_CHROMIUM_ERRORS,
  importHarFixture,
} from "./har-fixtures";

const har = importHarFixture("chrome-lab.har");
const entries = analyzeAll(har);

describe("Chromium HAR import", () => {
  it("makes one record per request, redirects folded", () => {
    // 13 entries: page, script, 5 requests, 4 preflights, 2 redirect hops.
    expect(har.records).toHaveLength(12);
  });

  it("leaves same-origin requests out of the exchanges", () => {
    expect(
      har.exchanges.map((exchange) => new URL(exchange.actual.url).pathname),
    ).toEqual([
      "/api/headers-only-on-preflight",
      "/api/error-without-cors-headers",
      "/api/wildcard-with-credentials",
      "/api/authorization-not-allowed",
      "/api/passing-put",
      "/api/moved",
    ]);
  });

  it.each(DEMO_CHROMIUM_ERRORS)(
    "gives Chromium's error for %s",
    (id, chromiumError) => {
      const { analysis } = byScenario(entries, id);

      expect(analysis.browsers.chromium.error).toBe(chromiumError);
      expect(analysis.verdict).toBe(
        chromiumError === null ? "allowed" : "blocked",
      );
    },
  );

  it("pairs each preflight entry with its request", () => {
    for (const id of [
      "headers-only-on-preflight",
      "error-without-cors-headers",
      "authorization-not-allowed",
      "passing-put",
    ]) {
      const { exchange } = byScenario(entries, id);
      expect(exchange.preflightSource).toBe("sent");
      expect(exchange.preflight?.method).toBe("OPTIONS");
      expect(exchange.preflight?.url).toBe(exchange.actual.url);
    }
  });

  it("needs no preflight for the simple GET", () => {
    const { exchange } = byScenario(entries, "wildcard-with-credentials");

    expect(exchange.preflightSource).toBe("not-needed");
    expect(exchange.preflight).toBeNull();
  });

  it("gives tab -1 and frame 0 to imported records", () => {
    for (const record of har.records) {
      expect(record.tabId).toBe(-1);
      expect(record.frameId).toBe(0);
    }
  });

  it("takes the initiator from the Origin header", () => {
    const { exchange } = byScenario(entries, "passing-put");

    expect(exchange.actual.initiator).toBe("http://127.0.0.1:4100");
    expect(exchange.origin).toBe("http://127.0.0.1:4100");
  });

  it("reads status and error of a request CORS blocked", () => {
    const { exchange } = byScenario(entries, "error-without-cors-headers");

    expect(exchange.actual.statusCode).toBe(500);
    expect(exchange.actual.error).toBe("net::ERR_FAILED");
  });

  it("reads status 0 as no response", () => {
    const { exchange } = byScenario(entries, "authorization-not-allowed");

    expect(exchange.actual.statusCode).toBeNull();
    expect(exchange.actual.error).toBe("net::ERR_FAILED");
  });

  it("treats provisional headers of an unsent request as not seen", () => {
    const { exchange } = byScenario(entries, "authorization-not-allowed");

    expect(exchange.actual.requestHeadersSeen).toBe(false);
    expect(exchange.actual.requestHeaders).toEqual([]);
    expect(exchange.origin).toBe("http://127.0.0.1:4100");
  });

  it("drops HTTP/2 pseudo-headers", () => {
    for (const record of har.records) {
      for (const header of record.requestHeaders) {
        expect(header.name.startsWith(":")).toBe(false);
      }
    }
  });

  it("folds a redirect into its request", () => {
    const { exchange, analysis } = byScenario(entries, "moved");

    expect(exchange.actual.redirects).toEqual([
      expect.objectContaining({
        url: "http://127.0.0.1:4101/api/moved?session=8f14e45fceea167a5a36dedd4bea2543",
        statusCode: 302,
        redirectUrl: "http://127.0.0.1:4101/api/moved-here",
      }),
    ]);
    expect(exchange.actual.statusCode).toBe(200);
    expect(analysis.verdict).toBe("allowed");
  });

  it("gives preflights the type of their request", () => {
    const { exchange } = byScenario(entries, "passing-put");

    expect(exchange.actual.type).toBe("xmlhttprequest");
    expect(exchange.preflight?.type).toBe("xmlhttprequest");
  });
});
