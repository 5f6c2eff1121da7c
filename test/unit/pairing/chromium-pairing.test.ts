import { describe, expect, it } from "vitest";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import { loadRecordedEvents, replay } from "./recorded-events";

function pairRecorded(name: string) {
  const recording = loadRecordedEvents("chromium-events", name);
  const records = replay(recording.events);
  return { recording, records, exchanges: pairExchanges(records) };
}

describe("pairing of events recorded in Chromium", () => {
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

  it("pairs a preflight whose actual request was never sent", () => {
    const { exchanges } = pairRecorded("authorization-not-allowed");
    expect(exchanges).toHaveLength(1);
    const [exchange] = exchanges;
    expect(exchange?.actual.requestHeadersSeen).toBe(false);
    expect(exchange?.actual.error).toBe("net::ERR_FAILED");
    expect(exchange?.preflightSource).toBe("sent");
    expect(exchange?.preflight?.statusCode).toBe(204);
  });

  it("keeps a simple request without a preflight", () => {
    const { exchanges } = pairRecorded("wildcard-with-credentials");
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.preflightSource).toBe("not-needed");
    expect(exchanges[0]?.preflight).toBeNull();
    expect(exchanges[0]?.actual.error).toBe("net::ERR_FAILED");
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

  it("pairs preflights in the order Chromium sent them", () => {
    const { exchanges } = pairRecorded("concurrent-preflights");
    const puts = exchanges.filter((exchange) =>
      exchange.actual.url.endsWith("/passing-put"),
    );
    expect(puts).toHaveLength(2);
    const [first, second] = puts;
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

describe("records of events recorded in Chromium", () => {
  it("keeps redirect hops when Chromium restarts the request", () => {
    const { exchanges, recording } = pairRecorded(
      "redirect-allowed-on-every-hop",
    );
    expect(exchanges).toHaveLength(1);
    const [exchange] = exchanges;
    expect(exchange?.actual.url).toBe(
      `${recording.apiOrigin}/api/redirect-allowed-on-every-hop`,
    );
    expect(exchange?.actual.redirects).toHaveLength(1);
    expect(exchange?.actual.redirects[0]?.statusCode).toBeGreaterThanOrEqual(
      300,
    );
    expect(exchange?.actual.statusCode).toBe(200);
  });

  it("keeps the requested method across a 303 redirect", () => {
    const { exchanges } = pairRecorded("redirect-post-303-to-get");
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.actual.method).toBe("POST");
    expect(exchanges[0]?.actual.redirects[0]?.statusCode).toBe(303);
    expect(exchanges[0]?.actual.redirects[0]?.redirectUrl).toMatch(/\/next$/);
  });

  it("marks a request served by a cached preflight", () => {
    const { exchanges } = pairRecorded("preflight-cache-max-age-600");
    expect(exchanges).toHaveLength(2);
    const [first, second] = exchanges;
    expect(first?.preflightSource).toBe("sent");
    expect(second?.preflightSource).toBe("cached");
    expect(second?.preflight?.id).toBe(first?.preflight?.id);
  });

  it("leaves out Chromium's cache-only font lookup", () => {
    const { exchanges, records } = pairRecorded("font-without-allow-origin");
    expect(records).toHaveLength(2);
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]?.actual.type).toBe("font");
    expect(exchanges[0]?.actual.error).toBe("net::ERR_FAILED");
  });
});

describe("redirects recorded in Chromium", () => {
  it("attaches the new preflight sent after a 307", () => {
    const { exchanges } = pairRecorded("redirect-preflighted-307");
    expect(exchanges).toHaveLength(1);
    const [exchange] = exchanges;
    expect(exchange?.preflight?.url).toBe(exchange?.actual.url);
    expect(exchange?.redirectPreflights).toHaveLength(1);
    expect(exchange?.redirectPreflights?.[0]?.url).toBe(
      exchange?.actual.redirects[0]?.redirectUrl,
    );
  });

  it("keeps the page origin after a cross-origin hop", () => {
    const { exchanges, recording } = pairRecorded(
      "redirect-cross-origin-wildcard",
    );
    expect(exchanges).toHaveLength(1);
    const [exchange] = exchanges;
    expect(exchange?.origin).toBe(recording.pageOrigin);
    expect(exchange?.actual.redirects).toHaveLength(1);
    expect(exchange?.actual.redirects[0]?.redirectUrl).toMatch(
      /^http:\/\/localhost:/,
    );
    expect(exchange?.actual.statusCode).toBe(200);
  });
});
