import type { RefObject } from "preact";
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from "preact/hooks";
import type { AnalyzedExchange } from "../report/build-json-report";
import { tableMinWidth } from "./column-widths";
import { COLUMNS, isResizable, type ColumnId } from "./exchange-columns";
import { ExchangeRowView } from "./exchange-row-view";
import { nextSort, type ExchangeSort } from "./exchange-sort";
import { ListHeader } from "./list-header";
import { useColumnWidths } from "./use-column-widths";
import { visibleRowRange } from "./visible-rows";
import "./list.css";

/** Height in pixels of a row and of the header row, as list.css sets it. */
export const ROW_HEIGHT_PX = 22;

/** Row count rendered before the list has measured its height. */
const ROWS_BEFORE_MEASURE = 60;

/** Actions the panel can take on the list from outside. */
export interface ExchangeListHandle {
  /** Scrolls the row of exchange `id` into view and focuses it, if it is shown. */
  readonly focusRow: (id: string) => void;
}

interface ExchangeListProps {
  /** The entries to show, filtered and sorted. */
  readonly entries: readonly AnalyzedExchange[];
  /** How many entries there are before filtering. */
  readonly totalCount: number;
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  /** Opens the detail of an exchange: a click, or Enter on its row. */
  readonly onOpen: (id: string) => void;
  readonly sort: ExchangeSort | null;
  readonly onSortChange: (sort: ExchangeSort | null) => void;
  readonly handle?: RefObject<ExchangeListHandle | null>;
}

/**
 * Renders the exchanges as a grid, one row each, with sortable and resizable columns.
 * Only the rows in view are rendered, so that tens of thousands of exchanges stay fast.
 * The arrow keys, Home, End, Page Up and Page Down move the focus and the selection.
 */
export function ExchangeList(props: ExchangeListProps) {
  const { entries, selectedId } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);
  const focusAfterRender = useRef<string | null>(null);
  const columnWidths = useColumnWidths();

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

  // A layout effect, so that a key pressed right after this render finds the focus moved.
  useLayoutEffect(() => {
    const id = focusAfterRender.current;
    if (id === null) return;
    const row = renderedRow(scroller.current, id);
    if (row === null) return;
    focusAfterRender.current = null;
    row.focus({ preventScroll: true });
  });

  const measuredHeight =
    viewportHeight > 0 ? viewportHeight : ROWS_BEFORE_MEASURE * ROW_HEIGHT_PX;
  const range = visibleRowRange({
    rowCount: entries.length,
    rowHeight: ROW_HEIGHT_PX,
    scrollTop,
    viewportHeight: measuredHeight,
  });

  /** Scrolls row `index` into view, focuses it once rendered, and selects it. */
  function moveTo(index: number): void {
    const clamped = Math.min(Math.max(index, 0), entries.length - 1);
    const entry = entries[clamped];
    const element = scroller.current;
    if (entry === undefined || element === null) return;
    focusRow(entry.exchange.id, clamped);
    props.onSelect(entry.exchange.id);
  }

  function onRowKeyDown(event: KeyboardEvent, id: string): void {
    const index = entries.findIndex((entry) => entry.exchange.id === id);
    const page = Math.max(Math.floor(measuredHeight / ROW_HEIGHT_PX) - 2, 1);
    switch (event.key) {
      case "Enter":
        props.onOpen(id);
        break;
      case " ":
        props.onSelect(id);
        break;
      case "ArrowDown":
        moveTo(index + 1);
        break;
      case "ArrowUp":
        moveTo(index - 1);
        break;
      case "PageDown":
        moveTo(index + page);
        break;
      case "PageUp":
        moveTo(index - page);
        break;
      case "Home":
        moveTo(0);
        break;
      case "End":
        moveTo(entries.length - 1);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  /**
   * Scrolls the row at `index` into view and focuses it: now when it is rendered,
   * else right after the render that the new scroll position causes.
   */
  function focusRow(id: string, index: number): void {
    const element = scroller.current;
    if (index === -1 || element === null) return;
    scrollRowIntoView(element, index);
    // The scroll position is read back so the row is rendered on the next render,
    // without waiting for the scroll event.
    setScrollTop(element.scrollTop);
    const row = renderedRow(element, id);
    if (row === null) focusAfterRender.current = id;
    else row.focus({ preventScroll: true });
  }
  useImperativeHandle(props.handle ?? null, () => ({
    focusRow: (id: string) =>
      focusRow(
        id,
        entries.findIndex((entry) => entry.exchange.id === id),
      ),
  }));

  // Rows are memoized, so their handlers must keep their identity across renders.
  // These stable wrappers call the latest closures.
  const latest = useRef({ onRowKeyDown, onOpen: props.onOpen });
  latest.current = { onRowKeyDown, onOpen: props.onOpen };
  const rowKeyDown = useCallback(
    (event: KeyboardEvent, id: string) =>
      latest.current.onRowKeyDown(event, id),
    [],
  );
  const rowClick = useCallback((id: string) => latest.current.onOpen(id), []);

  const onSortClick = (column: ColumnId) =>
    props.onSortChange(nextSort(props.sort, column));

  const selectedIndex =
    selectedId === null
      ? -1
      : entries.findIndex((entry) => entry.exchange.id === selectedId);
  // The selected row takes the Tab stop while it is rendered, else the first row does.
  const tabStopIndex =
    selectedIndex >= range.start && selectedIndex < range.end
      ? selectedIndex
      : range.start;
  const widths = columnWidths.widths;

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
        aria-colcount={COLUMNS.length}
        style={{ width: `max(100%, ${tableMinWidth(widths)}px)` }}
      >
        <colgroup>
          {COLUMNS.map((column) => (
            <col
              key={column.id}
              style={
                isResizable(column.id)
                  ? { width: `${widths[column.id]}px` }
                  : undefined
              }
            />
          ))}
        </colgroup>
        <thead>
          <ListHeader
            sort={props.sort}
            onSortClick={onSortClick}
            widths={widths}
            onResize={columnWidths.resize}
          />
        </thead>
        <tbody>
          {range.start > 0 ? (
            <SpacerRow height={range.start * ROW_HEIGHT_PX} />
          ) : null}
          {entries.slice(range.start, range.end).map((entry, offset) => {
            const index = range.start + offset;
            return (
              <ExchangeRowView
                key={entry.exchange.id}
                entry={entry}
                rowIndex={index}
                selected={entry.exchange.id === selectedId}
                tabStop={index === tabStopIndex}
                onClick={rowClick}
                onKeyDown={rowKeyDown}
              />
            );
          })}
          {range.end < entries.length ? (
            <SpacerRow height={(entries.length - range.end) * ROW_HEIGHT_PX} />
          ) : null}
        </tbody>
      </table>
      {entries.length === 0 ? (
        <p class="list-empty">
          {props.totalCount === 0
            ? "No cross-origin requests recorded yet. Reload the page or use it to record some."
            : "No requests match the filter."}
        </p>
      ) : null}
    </div>
  );
}

/** Stands in for the rows above or below the rendered window. */
function SpacerRow({ height }: { readonly height: number }) {
  return (
    <tr class="spacer-row" aria-hidden="true">
      <td colSpan={COLUMNS.length} style={{ height: `${height}px` }} />
    </tr>
  );
}

function renderedRow(
  scroller: HTMLElement | null,
  id: string,
): HTMLElement | null {
  return (
    scroller?.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"]`) ??
    null
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
