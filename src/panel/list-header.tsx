import type { JSX } from "preact";
import { useRef } from "preact/hooks";
import {
  COLUMNS,
  isResizable,
  type ColumnDefinition,
  type ResizableColumnId,
} from "./exchange-columns";
import {
  MAX_COLUMN_WIDTH_PX,
  MIN_COLUMN_WIDTH_PX,
  type ColumnWidths,
} from "./column-widths";
import type { ExchangeSort } from "./exchange-sort";

/** Pixels an arrow key moves a focused resize handle. */
const KEYBOARD_RESIZE_STEP_PX = 10;

interface ListHeaderProps {
  readonly sort: ExchangeSort | null;
  readonly onSortClick: (column: ColumnDefinition["id"]) => void;
  readonly widths: ColumnWidths;
  readonly onResize: (column: ResizableColumnId, width: number) => void;
}

/**
 * Renders the header row: a sort button per column and, on the right edge of each
 * column but the last, a handle that resizes it by dragging or with the arrow keys.
 */
export function ListHeader(props: ListHeaderProps) {
  return (
    <tr aria-rowindex={1}>
      {COLUMNS.map((column) => {
        const sorted =
          props.sort !== null && props.sort.column === column.id
            ? props.sort.direction
            : undefined;
        return (
          <th
            key={column.id}
            scope="col"
            class="column-header"
            data-testid="column-header"
            data-column={column.id}
            aria-sort={sorted}
          >
            <button
              type="button"
              class="column-sort"
              title={`${column.description}. Click to sort.`}
              onClick={() => props.onSortClick(column.id)}
            >
              <span class="column-label">{column.label}</span>
              {sorted === undefined ? null : (
                <span class="sort-arrow" aria-hidden="true">
                  {sorted === "ascending" ? "▲" : "▼"}
                </span>
              )}
            </button>
            {isResizable(column.id) ? (
              <ResizeHandle
                column={column.id}
                label={column.label}
                width={props.widths[column.id]}
                onResize={props.onResize}
              />
            ) : null}
          </th>
        );
      })}
    </tr>
  );
}

interface ResizeHandleProps {
  readonly column: ResizableColumnId;
  readonly label: string;
  readonly width: number;
  readonly onResize: (column: ResizableColumnId, width: number) => void;
}

/** Start of a drag: the pointer, its x, and the column's width then. */
interface DragStart {
  readonly pointerId: number;
  readonly clientX: number;
  readonly width: number;
}

/** Renders a focusable splitter (the ARIA window splitter pattern) on a column's right edge. */
function ResizeHandle({ column, label, width, onResize }: ResizeHandleProps) {
  const drag = useRef<DragStart | null>(null);
  const endDrag = (event: JSX.TargetedPointerEvent<HTMLSpanElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    drag.current = null;
    event.currentTarget.releasePointerCapture(event.pointerId);
  };
  return (
    <span
      class="column-resizer"
      data-testid="column-resizer"
      data-column={column}
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize the ${label} column`}
      aria-valuenow={width}
      aria-valuemin={MIN_COLUMN_WIDTH_PX}
      aria-valuemax={MAX_COLUMN_WIDTH_PX}
      tabIndex={0}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        // Keeps the drag from selecting text or starting a native drag.
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = {
          pointerId: event.pointerId,
          clientX: event.clientX,
          width,
        };
      }}
      onPointerMove={(event) => {
        const start = drag.current;
        if (start === null || start.pointerId !== event.pointerId) return;
        onResize(column, start.width + event.clientX - start.clientX);
      }}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onKeyDown={(event) => {
        if (event.key === "ArrowLeft") {
          onResize(column, width - KEYBOARD_RESIZE_STEP_PX);
        } else if (event.key === "ArrowRight") {
          onResize(column, width + KEYBOARD_RESIZE_STEP_PX);
        } else {
          return;
        }
        event.preventDefault();
      }}
    />
  );
}
