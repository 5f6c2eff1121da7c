import { describe, expect, it } from "vitest";
import { toHeaderList } from "../../../src/background/captured-headers";
import {
  MAX_HEADERS_PER_LIST,
  MAX_HEADER_VALUE_LENGTH,
  OMITTED_HEADERS_NAME,
  capHeaderText,
  splitTruncatedValue,
  utf8ByteLength,
} from "../../../src/messaging/header-value-limit";

describe("header value cap", () => {
  it("keeps a value of the maximum length whole", () => {
    const value = "a".repeat(MAX_HEADER_VALUE_LENGTH);
    expect(capHeaderText(value)).toBe(value);
    expect(splitTruncatedValue(value)).toBeNull();
  });

  it("cuts a 1 MB value and names its size", () => {
    const value = "x".repeat(1_048_576);
    const capped = capHeaderText(value);
    expect(capped).toBe(
      `${"x".repeat(MAX_HEADER_VALUE_LENGTH)}… [truncated, 1,048,576 bytes]`,
    );
    expect(splitTruncatedValue(capped)).toEqual({
      kept: "x".repeat(MAX_HEADER_VALUE_LENGTH),
      marker: "… [truncated, 1,048,576 bytes]",
    });
  });

  it("counts the size in UTF-8 bytes", () => {
    expect(utf8ByteLength("aé€😀")).toBe(1 + 2 + 3 + 4);
    expect(utf8ByteLength("\ud800")).toBe(3);
    const capped = capHeaderText("€".repeat(10_000));
    expect(capped.endsWith("… [truncated, 30,000 bytes]")).toBe(true);
  });

  it("does not change a value capped before", () => {
    const capped = capHeaderText("y".repeat(20_000));
    expect(capHeaderText(capped)).toBe(capped);
  });

  it("does not take a server's look-alike text for the marker", () => {
    const value = "z… [truncated, 5 bytes]";
    expect(splitTruncatedValue(value)).toBeNull();
  });

  it("caps names, text values and byte values of webRequest headers", () => {
    const bytes = Array.from({ length: 20_000 }, (_, i) => i % 256);
    const [name, text, binary] = toHeaderList([
      { name: "N".repeat(9_000), value: "v" },
      { name: "X-Text", value: "t".repeat(9_000) },
      { name: "X-Bytes", binaryValue: bytes },
    ]);
    expect(name?.name).toHaveLength(
      MAX_HEADER_VALUE_LENGTH + "… [truncated, 9,000 bytes]".length,
    );
    expect(text?.value.endsWith("… [truncated, 9,000 bytes]")).toBe(true);
    expect(binary?.value.slice(0, 3)).toBe("\u0000\u0001\u0002");
    expect(binary?.value.endsWith("… [truncated, 20,000 bytes]")).toBe(true);
  });

  it("keeps the first 1,000 of 5,000 headers and those CORS reads", () => {
    const headers = Array.from({ length: 5_000 }, (_, i) => ({
      name: `X-H${i}`,
      value: String(i),
    }));
    headers[4_000] = { name: "Access-Control-Allow-Origin", value: "*" };
    headers[4_500] = { name: "Vary", value: "Origin" };
    const list = toHeaderList(headers);
    expect(list).toHaveLength(MAX_HEADERS_PER_LIST + 3);
    expect(list[999]).toEqual({ name: "X-H999", value: "999" });
    expect(list[1_000]).toEqual({
      name: "Access-Control-Allow-Origin",
      value: "*",
    });
    expect(list[1_001]).toEqual({ name: "Vary", value: "Origin" });
    expect(list.at(-1)).toEqual({
      name: OMITTED_HEADERS_NAME,
      value: "3,998 more headers not recorded (5,000 in all)",
    });
  });

  it("does not change a header list capped before", () => {
    const headers = Array.from({ length: 1_500 }, (_, i) => ({
      name: `X-H${i}`,
      value: String(i),
    }));
    const capped = toHeaderList(headers);
    expect(toHeaderList(capped)).toEqual(capped);
  });

  it("keeps 1,000 headers whole", () => {
    const headers = Array.from({ length: 1_000 }, (_, i) => ({
      name: `X-H${i}`,
      value: String(i),
    }));
    expect(toHeaderList(headers)).toEqual(headers);
  });
});
