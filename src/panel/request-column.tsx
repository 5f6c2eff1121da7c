import type { ComponentChildren } from "preact";
import type { Finding, ResponseRole } from "../model/analysis";
import type { RequestRecord } from "../model/request-record";
import { statusText } from "./exchange-row";
import { HeaderTable } from "./header-table";
import {
  findingsAbout,
  findingsByRedirectHop,
  headerRows,
} from "./header-rows";

interface RequestColumnProps {
  readonly title: string;
  /** A sentence shown under the title, such as where a cached preflight came from. */
  readonly note: string | null;
  readonly record: RequestRecord | null;
  readonly response: Extract<ResponseRole, "preflight" | "actual">;
  readonly findings: readonly Finding[];
  /** Controls shown next to the title, such as "Copy as curl". */
  readonly actions?: ComponentChildren;
}

/** Renders one side of the detail view: a request, its redirects and its final response. */
export function RequestColumn(props: RequestColumnProps) {
  const { record, response, findings } = props;
  return (
    <section
      class={`request-column request-column--${response}`}
      data-testid="request-column"
      data-response={response}
      aria-label={props.title}
    >
      <div class="request-column-heading">
        <h3>{props.title}</h3>
        {props.actions}
      </div>
      {props.note === null ? null : <p class="column-note">{props.note}</p>}
      {record === null ? null : (
        <RequestRecordView
          record={record}
          response={response}
          findings={findings}
        />
      )}
    </section>
  );
}

function RequestRecordView({
  record,
  response,
  findings,
}: {
  readonly record: RequestRecord;
  readonly response: "preflight" | "actual";
  readonly findings: readonly Finding[];
}) {
  const own = findingsAbout(findings, response);
  const statusAtFault = own.some((finding) => finding.header === null);
  const hopFindings = findingsByRedirectHop(record.redirects, findings);
  return (
    <>
      <p class="request-line">
        <span class="request-method">{record.method}</span>{" "}
        <span class="request-url">{record.url}</span>
      </p>
      <h4>Request headers</h4>
      <HeaderTable
        rows={headerRows(record.requestHeaders)}
        response={null}
        emptyText={
          record.requestHeadersSeen
            ? "No request headers."
            : "The browser did not show the request headers to the extension."
        }
      />
      {record.redirects.map((hop, index) => (
        <div class="redirect-hop" key={index}>
          <h4>
            Redirect {index + 1}:{" "}
            <span class="status-code">{hop.statusCode}</span> to{" "}
            <span class="request-url">{hop.redirectUrl}</span>
          </h4>
          <HeaderTable
            rows={headerRows(hop.responseHeaders, hopFindings[index])}
            response="redirect"
            emptyText="No response headers."
          />
        </div>
      ))}
      <p
        class={statusAtFault ? "status-line status-line--fault" : "status-line"}
      >
        Status <span class="status-code">{statusText(record)}</span>
      </p>
      <h4>Response headers</h4>
      <HeaderTable
        rows={headerRows(record.responseHeaders, own)}
        response={response}
        emptyText={
          record.statusCode === null ? "No response." : "No response headers."
        }
      />
    </>
  );
}
