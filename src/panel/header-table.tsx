import { useMemo } from "preact/hooks";
import type { ResponseRole } from "../model/analysis";
import type { HeaderRow } from "./header-rows";
import { HeaderValue } from "./header-value";
import { MoreHeaderRows, useShownRowCount } from "./shown-header-rows";

interface HeaderTableProps {
  readonly rows: readonly HeaderRow[];
  /** Response the rows belong to, or null for request headers. */
  readonly response: ResponseRole | null;
  readonly emptyText: string;
}

/** Renders header names and values as text nodes, so no value is parsed as HTML. */
export function HeaderTable({ rows, response, emptyText }: HeaderTableProps) {
  const [shown, showMore] = useShownRowCount(rows.length);
  // The same row elements are kept across "Show more" clicks, so that Preact skips
  // the rows already shown and renders only the added ones.
  const rowElements = useMemo(() => {
    // CORS headers and headers at fault come first; a line sets them apart.
    const firstOther = rows.findIndex((row) => !row.cors && row.fault === null);
    return rows.map((row, index) => (
      <HeaderTableRow
        key={index}
        row={row}
        response={response}
        startsOtherGroup={index === firstOther && index > 0}
      />
    ));
  }, [rows, response]);
  if (rows.length === 0) return <p class="header-table-empty">{emptyText}</p>;
  return (
    <>
      <table class="header-table">
        <tbody>{rowElements.slice(0, shown)}</tbody>
      </table>
      <MoreHeaderRows shown={shown} total={rows.length} onShowMore={showMore} />
    </>
  );
}

function HeaderTableRow({
  row,
  response,
  startsOtherGroup,
}: {
  readonly row: HeaderRow;
  readonly response: ResponseRole | null;
  readonly startsOtherGroup: boolean;
}) {
  const classes = ["header-row"];
  if (row.cors) classes.push("header-row--cors");
  if (startsOtherGroup) classes.push("header-row--other-group");
  if (row.fault !== null) {
    classes.push(`header-row--fault header-row--${row.fault.severity}`);
  }
  const atFault = row.fault !== null && row.primary && response !== null;
  return (
    <tr
      class={classes.join(" ")}
      data-testid={atFault ? "header-at-fault" : undefined}
      data-header={row.name.toLowerCase()}
      data-response={atFault ? response : undefined}
      data-severity={row.fault?.severity}
    >
      <th scope="row">{row.name}</th>
      <td>
        {row.value === null ? (
          <span class="header-missing">missing</span>
        ) : (
          <HeaderValue value={row.value} />
        )}
        {row.primary && row.fault !== null && row.fault.expected !== null ? (
          <span class="header-expected">
            would pass:{" "}
            <code data-testid="expected-value">
              <HeaderValue value={row.fault.expected} />
            </code>
          </span>
        ) : null}
      </td>
    </tr>
  );
}
