import type {
  RequestedCheck,
  RequestedOutcome,
  RequestedVsAllowedRow,
} from "../report/requested-vs-allowed";
import { HeaderValue } from "./header-value";

const CHECK_LABELS: Readonly<Record<RequestedCheck, string>> = {
  origin: "Origin",
  method: "Method",
  headers: "Request headers",
  credentials: "Credentials",
  "exposed-headers": "Readable response headers",
};

const OUTCOME_TEXT: Readonly<Record<RequestedOutcome, string>> = {
  pass: "pass",
  fail: "fail",
  "not-applicable": "not applicable",
};

const OUTCOME_MARKS: Readonly<Record<RequestedOutcome, string>> = {
  pass: "✓",
  fail: "✗",
  "not-applicable": "–",
};

/**
 * Renders what the request needed next to what each response allowed, one row per
 * permission, with the outcome as a word and a color. Values are text nodes.
 */
export function RequestedVsAllowedTable({
  rows,
}: {
  readonly rows: readonly RequestedVsAllowedRow[];
}) {
  return (
    <table class="rva-table" data-testid="requested-vs-allowed">
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Request needs</th>
          <th scope="col">Response allows</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <RequestedVsAllowedRowView
            key={`${row.check}/${row.response}`}
            row={row}
          />
        ))}
      </tbody>
    </table>
  );
}

function RequestedVsAllowedRowView({
  row,
}: {
  readonly row: RequestedVsAllowedRow;
}) {
  return (
    <tr
      class={`rva-row rva-row--${row.outcome}`}
      data-testid="rva-row"
      data-check={row.check}
      data-response={row.response}
      data-outcome={row.outcome}
    >
      <th scope="row">
        {CHECK_LABELS[row.check]}
        <span class="rva-response">{row.response} response</span>
      </th>
      <td>
        {row.requested === null ? (
          <span class="rva-empty">none</span>
        ) : (
          <code>
            <HeaderValue value={row.requested} />
          </code>
        )}
      </td>
      <td>
        <span class="rva-header">{row.header}</span> <AllowedValue row={row} />
      </td>
      <td>
        <span class={`rva-outcome rva-outcome--${row.outcome}`}>
          <span aria-hidden="true">{OUTCOME_MARKS[row.outcome]} </span>
          {OUTCOME_TEXT[row.outcome]}
        </span>{" "}
        <span class="rva-reason">{row.reason}</span>
      </td>
    </tr>
  );
}

function AllowedValue({ row }: { readonly row: RequestedVsAllowedRow }) {
  if (row.allowed !== null) {
    return (
      <code>
        <HeaderValue value={row.allowed} />
      </code>
    );
  }
  // A not-applicable row may have no response at all: its reason gives the cause.
  if (row.outcome === "not-applicable") {
    return <span class="rva-empty">not read</span>;
  }
  if (row.outcome === "pass") return <span class="rva-empty">absent</span>;
  return <span class="header-missing">missing</span>;
}
