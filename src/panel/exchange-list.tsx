import { useEffect, useRef, useState } from "preact/hooks";
import type { AnalyzedExchange } from "../report/build-json-report";
import { exchangeRowText } from "./exchange-row";
import { visibleRowRange } from "./visible-rows";

/** Height in pixels of a row and of the header row, as panel.css sets it. */
export const ROW_HEIGHT_PX = 22;

/** Row count rendered before the list has measured its height. */
const ROWS_BEFORE_MEASURE = 60;

interface ExchangeListProps {
  readonly entries: readonly AnalyzedExchange[];
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
}

/**
 * Renders the list of exchanges, one row each. Only the rows in view are rendered, so
 * that tens of thousands of exchanges stay fast.
 */
export function ExchangeList({
  entries,
  selectedId,
  onSelect,
}: ExchangeListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);
  const focusAfterRender = useRef<string | null>(null);

  useEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    setViewportHeight(element.clientHeight);
    const observer = new ResizeObserver(() =>
      setViewportHeight(element.clientHeight),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const id = focusAfterRender.current;
    const element = scroller.current;
    if (id === null || element === null) return;
    focusAfterRender.current = null;
    const row = element.querySelector<HTMLElement>(
      `tr[data-id="${CSS.escape(id)}"]`,
    );
    row?.focus({ preventScroll: true });
  });

  const range = visibleRowRange({
    rowCount: entries.length,
    rowHeight: ROW_HEIGHT_PX,
    scrollTop,
    viewportHeight:
      viewportHeight > 0 ? viewportHeight : ROWS_BEFORE_MEASURE * ROW_HEIGHT_PX,
  });

  function moveSelection(from: number, step: number): void {
    const index = Math.min(Math.max(from + step, 0), entries.length - 1);
    const entry = entries[index];
    const element = scroller.current;
    if (entry === undefined || element === null) return;
    scrollRowIntoView(element, index);
    focusAfterRender.current = entry.exchange.id;
    onSelect(entry.exchange.id);
  }

  function onKeyDown(event: KeyboardEvent, index: number, id: string): void {
    switch (event.key) {
      case "Enter":
      case " ":
        onSelect(id);
        break;
      case "ArrowDown":
        moveSelection(index, 1);
        break;
      case "ArrowUp":
        moveSelection(index, -1);
        break;
      case "Home":
        moveSelection(0, 0);
        break;
      case "End":
        moveSelection(entries.length - 1, 0);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  const selectedIndex = entries.findIndex(
    (entry) => entry.exchange.id === selectedId,
  );
  const tabStopIndex = selectedIndex === -1 ? range.start : selectedIndex;

  return (
    <div
      class="exchange-list"
      ref={scroller}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <table
        class="exchange-table"
        role="grid"
        aria-label="Cross-origin requests"
        aria-rowcount={entries.length + 1}
      >
        <colgroup>
          <col class="column-verdict" />
          <col class="column-method" />
          <col class="column-url" />
          <col class="column-preflight" />
          <col class="column-status" />
          <col class="column-finding" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Verdict</th>
            <th scope="col">Method</th>
            <th scope="col">URL</th>
            <th scope="col">Preflight</th>
            <th scope="col">Status</th>
            <th scope="col">Main finding</th>
          </tr>
        </thead>
        <tbody>
          {range.start > 0 ? (
            <tr class="spacer-row" aria-hidden="true">
              <td
                colSpan={6}
                style={{ height: `${range.start * ROW_HEIGHT_PX}px` }}
              />
            </tr>
          ) : null}
          {entries.slice(range.start, range.end).map((entry, offset) => {
            const index = range.start + offset;
            const id = entry.exchange.id;
            return (
              <ExchangeRow
                key={id}
                entry={entry}
                rowIndex={index}
                selected={id === selectedId}
                tabStop={index === tabStopIndex}
                onSelect={() => onSelect(id)}
                onKeyDown={(event) => onKeyDown(event, index, id)}
              />
            );
          })}
          {range.end < entries.length ? (
            <tr class="spacer-row" aria-hidden="true">
              <td
                colSpan={6}
                style={{
                  height: `${(entries.length - range.end) * ROW_HEIGHT_PX}px`,
                }}
              />
            </tr>
          ) : null}
        </tbody>
      </table>
      {entries.length === 0 ? (
        <p class="list-empty">
          No cross-origin requests recorded yet. Reload the page or use it to
          record some.
        </p>
      ) : null}
    </div>
  );
}

interface ExchangeRowProps {
  readonly entry: AnalyzedExchange;
  /** 0-based position in the whole list. */
  readonly rowIndex: number;
  readonly selected: boolean;
  readonly tabStop: boolean;
  readonly onSelect: () => void;
  readonly onKeyDown: (event: KeyboardEvent) => void;
}

function ExchangeRow(props: ExchangeRowProps) {
  const text = exchangeRowText(props.entry);
  const classes = ["exchange-row", `exchange-row--${text.verdict}`];
  // Stripes follow the position in the whole list, not in the rendered window.
  if (props.rowIndex % 2 === 1) classes.push("exchange-row--striped");
  if (props.selected) classes.push("exchange-row--selected");
  return (
    <tr
      class={classes.join(" ")}
      data-testid="exchange-row"
      data-id={props.entry.exchange.id}
      data-verdict={text.verdict}
      data-method={text.method}
      data-url={text.url}
      tabIndex={props.tabStop ? 0 : -1}
      aria-selected={props.selected}
      aria-rowindex={props.rowIndex + 2}
      onClick={props.onSelect}
      onKeyDown={props.onKeyDown}
    >
      <td class="cell-verdict">
        <span
          class={`verdict-mark verdict-mark--${text.verdict}`}
          aria-hidden="true"
        />
        {text.verdict}
        {text.hasWarnings ? (
          <span class="warning-mark" title="Has warnings">
            {" "}
            ⚠
          </span>
        ) : null}
      </td>
      <td class="cell-method">{text.method}</td>
      <td class="cell-url" title={text.url}>
        {text.url}
      </td>
      <td class="cell-preflight">{text.preflightStatus}</td>
      <td class="cell-status">{text.actualStatus}</td>
      <td class="cell-finding" title={text.mainFinding}>
        {text.mainFinding}
      </td>
    </tr>
  );
}

/** Scrolls so that row `index` is fully visible below the sticky header row. */
function scrollRowIntoView(element: HTMLElement, index: number): void {
  const top = index * ROW_HEIGHT_PX;
  const bottom = top + ROW_HEIGHT_PX;
  const visibleTop = element.scrollTop;
  const visibleBottom =
    element.scrollTop + element.clientHeight - ROW_HEIGHT_PX;
  if (top < visibleTop) element.scrollTop = top;
  else if (bottom > visibleBottom) {
    element.scrollTop = bottom - element.clientHeight + ROW_HEIGHT_PX;
  }
}
