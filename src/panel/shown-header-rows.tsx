import { useState } from "preact/hooks";

/**
 * Header rows rendered at first, and added by each "Show more" click. A server can send
 * thousands of headers, and rendering 5,000 rows at once blocked the panel for about
 * 2 seconds in the hostile-header test on a 2-core machine.
 */
export const HEADER_ROWS_STEP = 200;

/** Returns how many of `total` rows to render, and a function that shows more. */
export function useShownRowCount(total: number): [number, () => void] {
  const [shown, setShown] = useState(HEADER_ROWS_STEP);
  return [Math.min(shown, total), () => setShown(shown + HEADER_ROWS_STEP)];
}

/** Renders the button under a header table whose rows are not all rendered. */
export function MoreHeaderRows({
  shown,
  total,
  onShowMore,
}: {
  readonly shown: number;
  readonly total: number;
  readonly onShowMore: () => void;
}) {
  if (shown >= total) return null;
  const next = Math.min(HEADER_ROWS_STEP, total - shown);
  return (
    <p class="more-header-rows">
      {(total - shown).toLocaleString("en-US")} more headers not shown.{" "}
      <button
        type="button"
        data-testid="show-more-headers"
        onClick={onShowMore}
      >
        Show {next.toLocaleString("en-US")} more
      </button>
    </p>
  );
}
