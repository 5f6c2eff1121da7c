/** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gap. */
export const OVERSCAN_ROWS = 10;

export interface VisibleRowsInput {
  readonly rowCount: number;
  readonly rowHeight: number;
  readonly scrollTop: number;
  readonly viewportHeight: number;
}

/** Returns the rows to render, `start` inclusive and `end` exclusive. */
export function visibleRowRange(input: VisibleRowsInput): {
  start: number;
  end: number;
} {
  const { rowCount, rowHeight, scrollTop, viewportHeight } = input;
  const firstVisible = Math.floor(Math.max(scrollTop, 0) / rowHeight);
  const lastVisible = Math.ceil(
    (Math.max(scrollTop, 0) + viewportHeight) / rowHeight,
  );
  const start = Math.min(Math.max(firstVisible - OVERSCAN_ROWS, 0), rowCount);
  const end = Math.min(lastVisible + OVERSCAN_ROWS, rowCount);
  return { start, end: Math.max(start, end) };
}
