/**
 * Bounds on what the panel renders for one hostile exchange. Rendering time grows with
 * the DOM, so these bounds are what keep the panel responsive. The `hostile-render`
 * benchmark measures the time itself.
 */

/**
 * Header rows a table renders at first and adds per "Show more" click, as the panel's
 * `HEADER_ROWS_STEP` sets. The tests keep their own copy, so raising the step fails them.
 */
export const MAX_ROWS_PER_STEP = 200;

/**
 * Elements in one exchange's detail. The detail of 5,000 headers had 1,911 elements in
 * Firefox 153 with 200 rows per table, and would have an estimated 9,000 with all 1,000
 * recorded rows of both responses.
 */
export const MAX_DETAIL_ELEMENTS = 5_000;

/**
 * Characters of text in one exchange's detail. The detail of 5,000 headers had 58,809
 * in Firefox 153, mostly in findings that list the header names. A 200 KB value shown
 * uncut in both responses would alone be 400,000.
 */
export const MAX_DETAIL_TEXT_LENGTH = 100_000;
