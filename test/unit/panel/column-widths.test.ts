import { describe, expect, it } from "vitest";
import {
  clampColumnWidth,
  columnWidthsFrom,
  DEFAULT_COLUMN_WIDTHS,
  MAX_COLUMN_WIDTH_PX,
  MIN_COLUMN_WIDTH_PX,
  MIN_LAST_COLUMN_WIDTH_PX,
  resizeColumn,
  tableMinWidth,
} from "../../../src/panel/column-widths";

describe("clampColumnWidth", () => {
  it("keeps a width within the limits", () => {
    expect(clampColumnWidth(200)).toBe(200);
    expect(clampColumnWidth(MIN_COLUMN_WIDTH_PX)).toBe(MIN_COLUMN_WIDTH_PX);
    expect(clampColumnWidth(MAX_COLUMN_WIDTH_PX)).toBe(MAX_COLUMN_WIDTH_PX);
  });

  it("raises a narrow width to the minimum", () => {
    expect(clampColumnWidth(3)).toBe(MIN_COLUMN_WIDTH_PX);
    expect(clampColumnWidth(-50)).toBe(MIN_COLUMN_WIDTH_PX);
  });

  it("lowers a wide width to the maximum", () => {
    expect(clampColumnWidth(MAX_COLUMN_WIDTH_PX + 1)).toBe(MAX_COLUMN_WIDTH_PX);
  });

  it("rounds to whole pixels", () => {
    expect(clampColumnWidth(120.6)).toBe(121);
  });

  it("turns a non-number into the minimum", () => {
    expect(clampColumnWidth(Number.NaN)).toBe(MIN_COLUMN_WIDTH_PX);
    expect(clampColumnWidth(Number.POSITIVE_INFINITY)).toBe(
      MIN_COLUMN_WIDTH_PX,
    );
  });
});

describe("resizeColumn", () => {
  it("changes only the named column", () => {
    const widths = resizeColumn(DEFAULT_COLUMN_WIDTHS, "url", 500);

    expect(widths.url).toBe(500);
    expect({ ...widths, url: DEFAULT_COLUMN_WIDTHS.url }).toEqual(
      DEFAULT_COLUMN_WIDTHS,
    );
  });

  it("clamps the new width", () => {
    expect(resizeColumn(DEFAULT_COLUMN_WIDTHS, "method", 1).method).toBe(
      MIN_COLUMN_WIDTH_PX,
    );
  });

  it("returns the same object when nothing changes", () => {
    const widths = resizeColumn(
      DEFAULT_COLUMN_WIDTHS,
      "url",
      DEFAULT_COLUMN_WIDTHS.url,
    );

    expect(widths).toBe(DEFAULT_COLUMN_WIDTHS);
  });
});

describe("columnWidthsFrom", () => {
  it("reads saved widths", () => {
    expect(columnWidthsFrom({ ...DEFAULT_COLUMN_WIDTHS, url: 410 }).url).toBe(
      410,
    );
  });

  it("keeps the default of missing and malformed columns", () => {
    const widths = columnWidthsFrom({ url: "wide", method: null, verdict: 70 });

    expect(widths.url).toBe(DEFAULT_COLUMN_WIDTHS.url);
    expect(widths.method).toBe(DEFAULT_COLUMN_WIDTHS.method);
    expect(widths.verdict).toBe(70);
  });

  it("clamps saved widths", () => {
    expect(columnWidthsFrom({ url: 1 }).url).toBe(MIN_COLUMN_WIDTH_PX);
  });

  it("ignores unknown columns", () => {
    expect(columnWidthsFrom({ extra: 5 })).toEqual(DEFAULT_COLUMN_WIDTHS);
  });

  it("returns the defaults for a value that is not an object", () => {
    expect(columnWidthsFrom(null)).toEqual(DEFAULT_COLUMN_WIDTHS);
    expect(columnWidthsFrom("80")).toEqual(DEFAULT_COLUMN_WIDTHS);
  });
});

describe("tableMinWidth", () => {
  it("adds the last column's minimum to every width", () => {
    const sum = Object.values(DEFAULT_COLUMN_WIDTHS).reduce(
      (total, width) => total + width,
      0,
    );

    expect(tableMinWidth(DEFAULT_COLUMN_WIDTHS)).toBe(
      sum + MIN_LAST_COLUMN_WIDTH_PX,
    );
  });
});
