import { describe, expect, it } from "vitest";
import {
  analyzeAll,
  byScenario,
  DEMO_CHROMIUM_ERRORS,
  importHarFixture,
} from "./har-fixtures";

const har = importHarFixture("firefox-lab.har");
const entries = analyzeAll(har);

/** The reason Firefox logs for each demo scenario (null: allowed). */
const FIREFOX_ERRORS: Readonly<Record<string, string | null>> = {
  "headers-only-on-preflight": "CORSMissingAllowOrigin",
  "error-without-cors-headers": "CORSMissingAllowOrigin",
  "wildcard-with-credentials": "CORSNotSupportingCredentials",
  "authorization-not-allowed": "CORSMissingAllowHeaderFromPreflight",
  "passing-put": null,
};

describe("Firefox HAR import", () => {
  it("makes one record per entry", () => {
    expect(har.records).toHaveLength(11);
  });

  it("keeps only the cross-origin requests as exchanges", () => {
    expect(har.exchanges).toHaveLength(5);
  });

  it.each(DEMO_CHROMIUM_ERRORS)(
    "gives both browsers' errors for %s",
    (id, chromiumError) => {
      const { analysis } = byScenario(entries, id);

      expect(analysis.browsers.chromium.error).toBe(chromiumError);
      expect(analysis.browsers.firefox.error).toBe(FIREFOX_ERRORS[id]);
    },
  );

  it("pairs plain OPTIONS entries as preflights", () => {
    for (const id of [
      "headers-only-on-preflight",
      "error-without-cors-headers",
      "authorization-not-allowed",
      "passing-put",
    ]) {
      const { exchange } = byScenario(entries, id);
      expect(exchange.preflightSource).toBe("sent");
      expect(exchange.preflight?.method).toBe("OPTIONS");
    }
  });

  it("pairs a preflight that started in the same millisecond", () => {
    const { exchange } = byScenario(entries, "headers-only-on-preflight");

    expect(exchange.preflight?.startTime).toBe(exchange.actual.startTime);
    expect(exchange.preflightSource).toBe("sent");
  });

  it("reads times with a UTC offset", () => {
    const { exchange } = byScenario(entries, "passing-put");

    expect(new Date(exchange.actual.startTime).toISOString()).toBe(
      "2025-03-01T10:00:05.000Z",
    );
  });

  it("infers credentials from the Cookie header", () => {
    const { analysis } = byScenario(entries, "wildcard-with-credentials");

    expect(analysis.credentials.mode).toBe("include");
    expect(analysis.credentials.basis).toBe("observed");
  });

  it("takes the type from Sec-Fetch-Dest", () => {
    const { exchange } = byScenario(entries, "passing-put");

    expect(exchange.actual.type).toBe("xmlhttprequest");
  });

  it("keeps the request headers of a request never sent", () => {
    const { exchange } = byScenario(entries, "authorization-not-allowed");

    expect(exchange.actual.statusCode).toBeNull();
    expect(exchange.actual.requestHeadersSeen).toBe(true);
  });
});
