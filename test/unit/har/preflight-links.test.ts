import { describe, expect, it } from "vitest";
import { importHarText } from "../../../src/har/import-har";
import { chromeEntry, harText } from "./chrome-entry-builder";

const PAGE = "https://app.example.test";
const URL_A = "https://api.example.test/items";
const ORIGIN: [string, string] = ["Origin", PAGE];
const CORS: [string, string] = ["Sec-Fetch-Mode", "cors"];

function preflight(start: number, requestId: string, acrh: string) {
  return chromeEntry({
    method: "OPTIONS",
    url: URL_A,
    start,
    resourceType: "preflight",
    initiator: { type: "preflight", url: URL_A, requestId },
    requestHeaders: [
      ORIGIN,
      ["Access-Control-Request-Method", "PUT"],
      ["Access-Control-Request-Headers", acrh],
    ],
    status: 204,
    responseHeaders: [["Access-Control-Allow-Origin", PAGE]],
  });
}

function put(start: number, headers: [string, string][], requestId?: string) {
  return chromeEntry({
    method: "PUT",
    url: URL_A,
    start,
    requestHeaders: [ORIGIN, CORS, ...headers],
    responseHeaders: [["Access-Control-Allow-Origin", PAGE]],
    ...(requestId === undefined ? {} : { requestId }),
  });
}

describe("Chromium preflight links", () => {
  it("pairs a preflight whose header names differ from the listed headers", () => {
    // DevTools lists X-Trace on the request but the preflight asked for x-other:
    // name matching alone would not pair them.
    const har = importHarText(
      harText([put(0, [["X-Trace", "1"]]), preflight(1, "77.1", "x-other")]),
    );

    expect(har.exchanges).toHaveLength(1);
    expect(har.exchanges[0]?.preflightSource).toBe("sent");
    expect(har.exchanges[0]?.preflight?.method).toBe("OPTIONS");
  });

  it("gives concurrent requests one preflight each, oldest first", () => {
    const har = importHarText(
      harText([
        put(0, [["X-Trace", "1"]]),
        put(1, [["X-Trace", "2"]]),
        preflight(2, "77.1", "x-trace"),
        preflight(3, "77.2", "x-trace"),
      ]),
    );

    expect(
      har.exchanges.map((exchange) => [
        exchange.id,
        exchange.preflight?.id,
        exchange.preflightSource,
      ]),
    ).toEqual([
      ["0", "2", "sent"],
      ["1", "3", "sent"],
    ]);
  });

  it("follows CORS Lens's _requestId exactly", () => {
    // The preflight names the second request although both would match.
    const har = importHarText(
      harText([
        put(0, [["X-Trace", "1"]], "r1"),
        put(1, [["X-Trace", "2"]], "r2"),
        preflight(2, "r2", "x-trace"),
      ]),
    );
    const byId = new Map(
      har.exchanges.map((exchange) => [exchange.id, exchange]),
    );

    expect(byId.get("r2")?.preflightSource).toBe("sent");
    expect(byId.get("r2")?.preflight?.id).toBe("2");
    expect(byId.get("r1")?.preflightSource).toBe("cached");
    expect(byId.get("r1")?.preflight).toBeNull();
  });

  it("ignores a preflight that started before every request", () => {
    const har = importHarText(
      harText([preflight(0, "77.1", "x-trace"), put(5, [["X-Trace", "1"]])]),
    );

    expect(har.exchanges).toHaveLength(1);
    expect(har.exchanges[0]?.preflightSource).toBe("cached");
  });
});

describe("redirect folding", () => {
  it("folds a 303 that turns a POST into a GET", () => {
    const har = importHarText(
      harText([
        chromeEntry({
          method: "POST",
          url: "https://api.example.test/form",
          start: 0,
          requestHeaders: [ORIGIN, CORS],
          status: 303,
          responseHeaders: [
            ["Location", "/done"],
            ["Access-Control-Allow-Origin", "*"],
          ],
          redirectURL: "/done",
        }),
        chromeEntry({
          method: "GET",
          url: "https://api.example.test/done",
          start: 2,
          requestHeaders: [ORIGIN, CORS],
          responseHeaders: [["Access-Control-Allow-Origin", "*"]],
        }),
      ]),
    );

    expect(har.records).toHaveLength(1);
    expect(har.records[0]?.method).toBe("POST");
    expect(har.records[0]?.redirects[0]?.redirectUrl).toBe(
      "https://api.example.test/done",
    );
  });

  it("keeps a redirect whose next hop is missing as the final response", () => {
    const har = importHarText(
      harText([
        chromeEntry({
          url: "https://api.example.test/old",
          start: 0,
          requestHeaders: [ORIGIN, CORS],
          status: 302,
          responseHeaders: [["Location", "https://elsewhere.test/"]],
          redirectURL: "https://elsewhere.test/",
          error: "net::ERR_FAILED",
        }),
      ]),
    );

    expect(har.records[0]?.statusCode).toBe(302);
    expect(har.records[0]?.redirects).toEqual([]);
    expect(har.records[0]?.error).toBe("net::ERR_FAILED");
  });

  it("stops after 20 redirects, as Fetch does", () => {
    const hops = Array.from({ length: 25 }, (_, index) =>
      chromeEntry({
        url: `https://api.example.test/hop/${index}`,
        start: index,
        requestHeaders: [ORIGIN, CORS],
        status: 302,
        redirectURL: `/hop/${index + 1}`,
      }),
    );
    const har = importHarText(harText(hops));

    expect(har.records[0]?.redirects).toHaveLength(20);
    expect(har.records).toHaveLength(2);
  });
});
