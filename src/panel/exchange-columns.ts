/** The columns of the exchange list, in the order they are shown. */
export const COLUMN_IDS = [
  "verdict",
  "method",
  "url",
  "initiator",
  "preflight",
  "preflightStatus",
  "actualStatus",
  "finding",
] as const;

export type ColumnId = (typeof COLUMN_IDS)[number];

/**
 * The last column takes the width the others leave, so it has no width of its own and
 * no resize handle.
 */
export type ResizableColumnId = Exclude<ColumnId, "finding">;

export interface ColumnDefinition {
  readonly id: ColumnId;
  /** Header text. */
  readonly label: string;
  /** Tooltip of the header, saying what the column shows. */
  readonly description: string;
}

export const COLUMNS: readonly ColumnDefinition[] = [
  {
    id: "verdict",
    label: "Verdict",
    description: "Whether the browser allowed or blocked the response",
  },
  { id: "method", label: "Method", description: "HTTP method" },
  { id: "url", label: "URL", description: "URL of the request" },
  {
    id: "initiator",
    label: "Initiator",
    description: "Origin of the page that made the request",
  },
  {
    id: "preflight",
    label: "Preflight",
    description:
      "Whether a preflight was sent, a cached preflight answer was used, or none was needed",
  },
  {
    id: "preflightStatus",
    label: "Preflight status",
    description: "Status of the preflight response, or the network error",
  },
  {
    id: "actualStatus",
    label: "Status",
    description: "Status of the actual response, or the network error",
  },
  {
    id: "finding",
    label: "Main finding",
    description: "The first failing check, else the first warning",
  },
];

export function isResizable(column: ColumnId): column is ResizableColumnId {
  return column !== "finding";
}
