import type { ResizableColumnId } from "./exchange-columns";

/** Widths in pixels of the columns that have one. */
export type ColumnWidths = Readonly<Record<ResizableColumnId, number>>;

/** Narrowest a column can be dragged to: room for a few characters and the handle. */
export const MIN_COLUMN_WIDTH_PX = 40;
export const MAX_COLUMN_WIDTH_PX = 1600;
/** Narrowest width of the last column, which takes what the others leave. */
export const MIN_LAST_COLUMN_WIDTH_PX = 160;

export const DEFAULT_COLUMN_WIDTHS: ColumnWidths = {
  verdict: 92,
  method: 64,
  url: 320,
  initiator: 160,
  preflight: 80,
  preflightStatus: 100,
  actualStatus: 110,
};

/**
 * Returns `width` rounded to whole pixels and kept between MIN_COLUMN_WIDTH_PX and
 * MAX_COLUMN_WIDTH_PX. A width that is not a finite number becomes the minimum.
 */
export function clampColumnWidth(width: number): number {
  if (!Number.isFinite(width)) return MIN_COLUMN_WIDTH_PX;
  const rounded = Math.round(width);
  return Math.min(Math.max(rounded, MIN_COLUMN_WIDTH_PX), MAX_COLUMN_WIDTH_PX);
}

/** Returns the widths with `column` set to `width`, clamped. */
export function resizeColumn(
  widths: ColumnWidths,
  column: ResizableColumnId,
  width: number,
): ColumnWidths {
  const clamped = clampColumnWidth(width);
  if (widths[column] === clamped) return widths;
  return { ...widths, [column]: clamped };
}

/**
 * Reads widths saved earlier. Columns missing or malformed in `saved` keep their
 * default, and every width is clamped, so any stored value gives a usable layout.
 */
export function columnWidthsFrom(saved: unknown): ColumnWidths {
  if (typeof saved !== "object" || saved === null) {
    return DEFAULT_COLUMN_WIDTHS;
  }
  const record = saved as Readonly<Record<string, unknown>>;
  const widths: Record<ResizableColumnId, number> = {
    ...DEFAULT_COLUMN_WIDTHS,
  };
  for (const column of Object.keys(widths) as ResizableColumnId[]) {
    const value = record[column];
    if (typeof value === "number" && Number.isFinite(value)) {
      widths[column] = clampColumnWidth(value);
    }
  }
  return widths;
}

/** Returns the width of the table: every column's width plus the last column's minimum. */
export function tableMinWidth(widths: ColumnWidths): number {
  let total = MIN_LAST_COLUMN_WIDTH_PX;
  for (const width of Object.values(widths)) total += width;
  return total;
}
