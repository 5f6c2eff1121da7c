import { describe, expect, it } from "vitest";
import { reportFileName } from "../../../src/panel/export-report";
import { tabIdFromQuery } from "../../../src/panel/tab-id-query";
import {
  OVERSCAN_ROWS,
  visibleRowRange,
} from "../../../src/panel/visible-rows";

describe("tabIdFromQuery", () => {
  it("reads a numeric tabId", () => {
    expect(tabIdFromQuery("?tabId=12")).toBe(12);
    expect(tabIdFromQuery("?x=1&tabId=0")).toBe(0);
  });

  it("rejects a missing or malformed tabId", () => {
    expect(tabIdFromQuery("")).toBeNull();
    expect(tabIdFromQuery("?tabId=")).toBeNull();
    expect(tabIdFromQuery("?tabId=-1")).toBeNull();
    expect(tabIdFromQuery("?tabId=1.5")).toBeNull();
    expect(tabIdFromQuery("?tabId=12abc")).toBeNull();
    expect(tabIdFromQuery("?tabId=99999999999999999999")).toBeNull();
  });
});

describe("reportFileName", () => {
  it("uses the time without colons or milliseconds", () => {
    const time = new Date(Date.UTC(2025, 2, 1, 10, 5, 9, 123));

    expect(reportFileName(time)).toBe(
      "cors-lens-report-2025-03-01T10-05-09Z.json",
    );
  });
});

describe("visibleRowRange", () => {
  const base = { rowCount: 1000, rowHeight: 20, viewportHeight: 200 };

  it("renders the first screen and the overscan at the top", () => {
    expect(visibleRowRange({ ...base, scrollTop: 0 })).toEqual({
      start: 0,
      end: 10 + OVERSCAN_ROWS,
    });
  });

  it("follows the scroll position", () => {
    expect(visibleRowRange({ ...base, scrollTop: 2000 })).toEqual({
      start: 100 - OVERSCAN_ROWS,
      end: 110 + OVERSCAN_ROWS,
    });
  });

  it("stops at the last row", () => {
    expect(visibleRowRange({ ...base, scrollTop: 19_900 })).toEqual({
      start: 995 - OVERSCAN_ROWS,
      end: 1000,
    });
  });

  it("renders nothing for an empty list", () => {
    expect(visibleRowRange({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({
      start: 0,
      end: 0,
    });
  });
});
