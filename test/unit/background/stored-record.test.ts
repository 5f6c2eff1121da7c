import { describe, expect, it } from "vitest";
import {
  decodeRecord,
  encodeRecord,
} from "../../../src/background/stored-record";
import { loadRecordedEvents, replay } from "../pairing/recorded-events";

const redirect = replay(
  loadRecordedEvents("chromium-events", "redirect-allowed-on-every-hop").events,
);
const passing = replay(
  loadRecordedEvents("chromium-events", "passing-put").events,
);

describe("stored record", () => {
  it.each([...passing, ...redirect])("round-trips record $id", (record) => {
    expect(decodeRecord(encodeRecord(record))).toEqual(record);
  });

  it("keeps repeated headers, their order and empty values", () => {
    const [record] = passing;
    if (record === undefined) throw new Error("No record.");
    const headers = [
      { name: "Access-Control-Allow-Origin", value: "*" },
      { name: "Access-Control-Allow-Origin", value: "" },
      { name: "X-Quote", value: '"\\\u202E' },
    ];
    const decoded = decodeRecord(
      encodeRecord({ ...record, responseHeaders: headers }),
    );
    expect(decoded?.responseHeaders).toEqual(headers);
  });

  it("rejects values that are not stored records", () => {
    expect(decodeRecord(undefined)).toBeNull();
    expect(decodeRecord("{")).toBeNull();
    expect(decodeRecord('{"id":"1"}')).toBeNull();
    expect(decodeRecord("[2]")).toBeNull();
  });

  it("stores a typical record in about 1 KB", () => {
    const sizes = passing.map((record) => encodeRecord(record).length);
    for (const size of sizes) expect(size).toBeLessThan(1_300);
  });
});
