import { useCallback, useEffect, useState } from "preact/hooks";
import {
  columnWidthsFrom,
  DEFAULT_COLUMN_WIDTHS,
  resizeColumn,
  type ColumnWidths,
} from "./column-widths";
import type { ResizableColumnId } from "./exchange-columns";

/** sessionStorage key of the column widths, kept while the DevTools window stays open. */
const STORAGE_KEY = "cors-lens:column-widths";

function loadWidths(): ColumnWidths {
  try {
    const text = sessionStorage.getItem(STORAGE_KEY);
    return text === null
      ? DEFAULT_COLUMN_WIDTHS
      : columnWidthsFrom(JSON.parse(text));
  } catch (error) {
    // Storage can be disabled for the page, and the text may not be JSON.
    console.warn("CORS Lens: the saved column widths are unreadable", error);
    return DEFAULT_COLUMN_WIDTHS;
  }
}

function saveWidths(widths: ColumnWidths): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(widths));
  } catch (error) {
    console.warn("CORS Lens: saving the column widths failed", error);
  }
}

export interface ColumnWidthsState {
  readonly widths: ColumnWidths;
  /** Sets a column's width, clamped, and keeps it for the rest of the session. */
  readonly resize: (column: ResizableColumnId, width: number) => void;
}

/** Holds the column widths, starting from those saved earlier in this session. */
export function useColumnWidths(): ColumnWidthsState {
  const [widths, setWidths] = useState(loadWidths);
  useEffect(() => saveWidths(widths), [widths]);
  const resize = useCallback(
    (column: ResizableColumnId, width: number) =>
      setWidths((current) => resizeColumn(current, column, width)),
    [],
  );
  return { widths, resize };
}
