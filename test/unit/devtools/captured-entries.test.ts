import { describe, expect, it } from "vitest";
import { CapturedEntries } from "../../../src/devtools/captured-entries";
import { HarFormatError } from "../../../src/har/read-har-entry";
import {
  MAX_HEADERS_PER_LIST,
  MAX_HEADER_VALUE_LENGTH,
  OMITTED_HEADERS_NAME,
} from "../../../src/messaging/header-value-limit";
import { headerValue } from "../../../src/model/header";
import {
  API_ORIGIN,
  corsRequestHeaders,
  finishedEntry,
  passingPut,
  wildcardWithCredentials,
} from "./finished-entries";

function addAll(
  captured: CapturedEntries,
  entries: readonly unknown[],
): number {
  let keptFrom = 0;
  for (const entry of entries) keptFrom = captured.add(entry).keptFrom;
  return keptFrom;
}

function keptUrls(captured: CapturedEntries): string[] {
  return captured
    .all()
    .map((entry) => `${entry.method} ${new URL(entry.url).pathname}`);
}

describe("CapturedEntries", () => {
  it("numbers entries in the order they finish", () => {
    const captured = new CapturedEntries(10);

    addAll(captured, passingPut("/api/items/1", 0));

    expect(captured.all().map((entry) => entry.index)).toEqual([0, 1]);
    expect(captured.all().map((entry) => entry.resourceType)).toEqual([
      "preflight",
      "fetch",
    ]);
  });

  it("drops the oldest requests with their preflights", () => {
    const captured = new CapturedEntries(2);

    const keptFrom = addAll(captured, [
      ...passingPut("/api/items/1", 0),
      ...wildcardWithCredentials(1_000),
      ...passingPut("/api/items/3", 2_000),
      ...passingPut("/api/items/4", 3_000),
    ]);

    expect(keptUrls(captured)).toEqual([
      "OPTIONS /api/items/3",
      "PUT /api/items/3",
      "OPTIONS /api/items/4",
      "PUT /api/items/4",
    ]);
    expect(captured.dropped()).toBe(2);
    expect(keptFrom).toBe(3);
    expect(captured.keptFrom()).toBe(3);
  });

  it("keeps a preflight whose request has not finished", () => {
    const captured = new CapturedEntries(1);
    const [preflight, put] = passingPut("/api/items/2", 1_000);

    addAll(captured, [...passingPut("/api/items/1", 0), preflight]);

    expect(keptUrls(captured)).toEqual([
      "OPTIONS /api/items/1",
      "PUT /api/items/1",
      "OPTIONS /api/items/2",
    ]);
    expect(captured.dropped()).toBe(0);

    const { keptFrom } = captured.add(put);

    expect(keptUrls(captured)).toEqual([
      "OPTIONS /api/items/2",
      "PUT /api/items/2",
    ]);
    expect(keptFrom).toBe(2);
    expect(captured.dropped()).toBe(1);
  });

  it("drops more when the cap is lowered", () => {
    const captured = new CapturedEntries(10);
    addAll(captured, [
      ...passingPut("/api/items/1", 0),
      ...passingPut("/api/items/2", 1_000),
      ...passingPut("/api/items/3", 2_000),
    ]);

    const keptFrom = captured.setMaxExchanges(1);

    expect(keptFrom).toBe(4);
    expect(keptUrls(captured)).toEqual([
      "OPTIONS /api/items/3",
      "PUT /api/items/3",
    ]);
    expect(captured.dropped()).toBe(2);
  });

  it("keeps numbering after a clear", () => {
    const captured = new CapturedEntries(1);
    addAll(captured, [
      ...passingPut("/api/items/1", 0),
      ...passingPut("/api/items/2", 1_000),
    ]);
    expect(captured.dropped()).toBe(1);

    captured.clear();

    expect(captured.all()).toEqual([]);
    expect(captured.dropped()).toBe(0);
    expect(captured.keptFrom()).toBe(4);
    const { entry } = captured.add(wildcardWithCredentials(2_000)[0]);
    expect(entry.index).toBe(4);
  });

  it("cuts header names and values over 8,192 characters", () => {
    const captured = new CapturedEntries(10);
    const longValue = "a".repeat(10_000);
    const longName = `X-${"n".repeat(9_000)}`;

    const { entry } = captured.add(
      finishedEntry({
        url: `${API_ORIGIN}/api/long-headers`,
        startMs: 0,
        requestHeaders: corsRequestHeaders([[longName, "1"]]),
        status: 200,
        responseHeaders: [
          ["Access-Control-Allow-Origin", "*"],
          ["Link", longValue],
        ],
      }),
    );

    expect(headerValue(entry.responseHeaders, "link")).toBe(
      `${"a".repeat(MAX_HEADER_VALUE_LENGTH)}… [truncated, 10,000 bytes]`,
    );
    expect(
      headerValue(entry.responseHeaders, "access-control-allow-origin"),
    ).toBe("*");
    const cutName = entry.requestHeaders.find((header) =>
      header.name.startsWith("X-n"),
    );
    expect(cutName?.name).toBe(
      `${longName.slice(0, MAX_HEADER_VALUE_LENGTH)}… [truncated, 9,002 bytes]`,
    );
  });

  it("keeps a value of exactly 8,192 characters whole", () => {
    const captured = new CapturedEntries(10);
    const value = "b".repeat(MAX_HEADER_VALUE_LENGTH);

    const { entry } = captured.add(
      finishedEntry({
        url: `${API_ORIGIN}/api/long-headers`,
        startMs: 0,
        requestHeaders: corsRequestHeaders(),
        status: 200,
        responseHeaders: [["Link", value]],
      }),
    );

    expect(headerValue(entry.responseHeaders, "link")).toBe(value);
  });

  it("caps the number of headers but keeps the CORS ones", () => {
    const captured = new CapturedEntries(10);
    const filler = Array.from(
      { length: 2_000 },
      (_, position) => [`X-Filler-${position}`, "1"] as const,
    );

    const { entry } = captured.add(
      finishedEntry({
        url: `${API_ORIGIN}/api/many-headers`,
        startMs: 0,
        requestHeaders: corsRequestHeaders(),
        status: 200,
        responseHeaders: [...filler, ["Access-Control-Allow-Origin", "*"]],
      }),
    );

    expect(entry.responseHeaders).toHaveLength(MAX_HEADERS_PER_LIST + 2);
    expect(
      headerValue(entry.responseHeaders, "access-control-allow-origin"),
    ).toBe("*");
    expect(entry.responseHeaders.at(-1)).toEqual({
      name: OMITTED_HEADERS_NAME,
      value: "1,000 more headers not recorded (2,001 in all)",
    });
  });

  it("rejects an entry without a response and keeps the others", () => {
    const captured = new CapturedEntries(10);
    const [preflight, put] = passingPut("/api/items/1", 0);
    captured.add(preflight);

    const broken = {
      ...finishedEntry({
        url: `${API_ORIGIN}/x`,
        startMs: 0,
        requestHeaders: [],
        status: 200,
      }),
    };
    delete broken["response"];

    expect(() => captured.add(broken)).toThrow(HarFormatError);
    expect(() => captured.add(broken)).toThrow(/response/);
    captured.add(put);
    expect(keptUrls(captured)).toEqual([
      "OPTIONS /api/items/1",
      "PUT /api/items/1",
    ]);
  });
});
