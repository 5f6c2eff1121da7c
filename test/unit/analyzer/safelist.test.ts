import { describe, expect, it } from "vitest";
import {
  corsUnsafeRequestHeaderNames,
  isSafelistedMethod,
  needsPreflight,
  normalizeMethod,
  requestHeadersFromPreflight,
} from "../../../src/analyzer/safelist";
import type { HeaderPair } from "./exchange-builder";
import {
  BROWSER_REQUEST_HEADERS,
  buildExchange,
  headers,
} from "./exchange-builder";

function unsafeNames(pairs: readonly HeaderPair[]): string[] {
  return corsUnsafeRequestHeaderNames(headers(pairs));
}

describe("normalizeMethod", () => {
  it.each([
    ["get", "GET"],
    ["Delete", "DELETE"],
    ["put", "PUT"],
    ["options", "OPTIONS"],
    ["head", "HEAD"],
    ["post", "POST"],
    ["patch", "patch"],
    ["Patch", "Patch"],
    ["PATCH", "PATCH"],
    ["propfind", "propfind"],
    ["", ""],
  ])("normalizes %j to %j", (method, expected) => {
    expect(normalizeMethod(method)).toBe(expected);
  });
});

describe("isSafelistedMethod", () => {
  it.each(["GET", "HEAD", "POST"])("accepts %s", (method) => {
    expect(isSafelistedMethod(method)).toBe(true);
  });

  it.each(["get", "post", "PUT", "PATCH", "DELETE", "OPTIONS", ""])(
    "rejects %j",
    (method) => {
      expect(isSafelistedMethod(method)).toBe(false);
    },
  );
});

describe("corsUnsafeRequestHeaderNames", () => {
  it.each<[string, HeaderPair]>([
    ["text/plain with charset", ["Content-Type", "text/plain;charset=utf-8"]],
    [
      "form content type",
      ["Content-Type", "application/x-www-form-urlencoded"],
    ],
    [
      "multipart content type",
      ["Content-Type", "multipart/form-data; boundary=x"],
    ],
    ["uppercase content type", ["Content-Type", "TEXT/PLAIN"]],
    ["open range", ["Range", "bytes=0-"]],
    ["closed range", ["Range", "bytes=0-499"]],
    ["accept", ["Accept", "application/json, text/plain, */*"]],
    ["content-language", ["Content-Language", "de-DE"]],
    ["accept-language list", ["Accept-Language", "fr-CH, fr;q=0.9, *;q=0.5"]],
    ["128-byte accept", ["Accept", "a".repeat(128)]],
  ])("treats %s as safelisted", (_name, header) => {
    expect(unsafeNames([header])).toEqual([]);
  });

  it.each<[string, HeaderPair]>([
    ["application/json", ["Content-Type", "application/json"]],
    ["content type with unsafe byte", ["Content-Type", 'text/plain; a="b"']],
    ["content type without subtype", ["Content-Type", "text"]],
    ["underscore language", ["Content-Language", "en_US"]],
    ["129-byte accept", ["Accept", "a".repeat(129)]],
    ["129-byte multibyte accept", ["Accept", `${"a".repeat(127)}é`]],
    ["accept with a colon", ["Accept", "text/html:x"]],
    ["suffix range", ["Range", "bytes=-500"]],
    ["two ranges", ["Range", "bytes=0-1,5-6"]],
    ["range with spaces", ["Range", "bytes= 0-1"]],
    ["backward range", ["Range", "bytes=5-1"]],
    ["custom header", ["X-Request-Id", "42"]],
    ["authorization", ["Authorization", "Bearer token"]],
    ["cache-control other than no-cache", ["Cache-Control", "max-age=0"]],
    ["pragma other than no-cache", ["Pragma", "no-store"]],
  ])("treats %s as unsafe", (_name, header) => {
    expect(unsafeNames([header])).toEqual([header[0].toLowerCase()]);
  });

  it("ignores the headers the browser adds itself", () => {
    expect(unsafeNames(BROWSER_REQUEST_HEADERS)).toEqual([]);
  });

  it.each<HeaderPair>([
    ["Cookie", "session=1"],
    ["Host", "api.example"],
    ["Connection", "keep-alive"],
    ["Content-Length", "12"],
    ["Proxy-Authorization", "Basic x"],
    ["Sec-Fetch-Dest", "empty"],
    ["sec-ch-ua-platform", '"Linux"'],
    ["DNT", "1"],
    ["TE", "trailers"],
    ["Via", "1.1 proxy"],
    ["Keep-Alive", "timeout=5"],
    ["Access-Control-Request-Method", "PUT"],
    ["User-Agent", "Mozilla/5.0"],
    ["Priority", "u=4"],
    ["Device-Memory", "8"],
    ["DPR", "2"],
    ["Viewport-Width", "1280"],
    ["Width", "640"],
    ["RTT", "50"],
    ["Downlink", "10"],
    ["ECT", "4g"],
    ["Save-Data", "on"],
    ["Intervention", "<https://example.test/>"],
    ["Cache-Control", "no-cache"],
    ["Pragma", "no-cache"],
    ["X-HTTP-Method-Override", "TRACE"],
  ])("ignores browser-set header %s", (name, value) => {
    expect(unsafeNames([[name, value]])).toEqual([]);
  });

  it("counts a method override that names an allowed method", () => {
    expect(unsafeNames([["X-HTTP-Method-Override", "PATCH"]])).toEqual([
      "x-http-method-override",
    ]);
  });

  it("counts an accept-language that fails the safelist", () => {
    expect(unsafeNames([["Accept-Language", "en_US"]])).toEqual([
      "accept-language",
    ]);
  });

  it("lowercases, deduplicates and sorts the names", () => {
    const names = unsafeNames([
      ["X-Zeta", "1"],
      ["Content-Type", "application/json"],
      ["x-zeta", "2"],
      ["Authorization", "Bearer t"],
    ]);
    expect(names).toEqual(["authorization", "content-type", "x-zeta"]);
  });

  it("marks all unsafe above 1024 bytes", () => {
    const names = unsafeNames([
      ["Accept", "a".repeat(128)],
      ["Content-Language", "b".repeat(128)],
      ...Array.from({ length: 7 }, (): HeaderPair => [
        "Accept",
        "c".repeat(128),
      ]),
    ]);
    expect(names).toEqual(["accept", "content-language"]);
  });

  it("keeps 1024 bytes in total safe", () => {
    const pairs = Array.from({ length: 8 }, (): HeaderPair => [
      "Accept",
      "a".repeat(128),
    ]);
    expect(unsafeNames(pairs)).toEqual([]);
  });
});

describe("needsPreflight", () => {
  it("skips a GET with only browser headers", () => {
    expect(needsPreflight("GET", headers(BROWSER_REQUEST_HEADERS))).toBe(false);
  });

  it("skips a POST with a text/plain body", () => {
    const pairs: HeaderPair[] = [["Content-Type", "text/plain;charset=UTF-8"]];
    expect(needsPreflight("POST", headers(pairs))).toBe(false);
  });

  it("requires one for PUT", () => {
    expect(needsPreflight("PUT", [])).toBe(true);
  });

  it("requires one for lowercase patch", () => {
    expect(needsPreflight("patch", [])).toBe(true);
  });

  it("requires one for a JSON POST", () => {
    const pairs: HeaderPair[] = [["Content-Type", "application/json"]];
    expect(needsPreflight("POST", headers(pairs))).toBe(true);
  });

  it("treats lowercase get as GET", () => {
    expect(needsPreflight("get", [])).toBe(false);
  });
});

describe("requestHeadersFromPreflight", () => {
  function requestedNames(requestHeaders?: string): string[] {
    const preflight = buildExchange({
      method: "PUT",
      preflight: requestHeaders === undefined ? {} : { requestHeaders },
    }).preflight;
    if (preflight === null) throw new Error("The builder made no preflight.");
    return requestHeadersFromPreflight(preflight);
  }

  it("splits, trims and lowercases the requested names", () => {
    expect(requestedNames("content-type, X-Request-Id ,authorization")).toEqual(
      ["content-type", "x-request-id", "authorization"],
    );
  });

  it("returns nothing without Access-Control-Request-Headers", () => {
    expect(requestedNames()).toEqual([]);
  });

  it("drops empty elements and repeats", () => {
    expect(requestedNames("x-a,,x-a, ")).toEqual(["x-a"]);
  });
});
