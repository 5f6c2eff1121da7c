import type { ExportScope } from "../report/export-scope";
import type { ReportFormat } from "../report/render-report";

interface ExportMenuProps {
  readonly scope: ExportScope;
  readonly format: ReportFormat;
  /** False when no request is selected, which disables the "Selected request" scope. */
  readonly hasSelection: boolean;
  readonly onScopeChange: (scope: ExportScope) => void;
  readonly onFormatChange: (format: ReportFormat) => void;
  readonly onExportHar: () => void;
}

const SCOPE_LABELS: Readonly<Record<ExportScope, string>> = {
  all: "All requests",
  failing: "Blocked requests",
  selected: "Selected request",
};

const FORMAT_LABELS: Readonly<Record<ReportFormat, string>> = {
  json: "JSON",
  md: "Markdown",
  html: "HTML",
};

/**
 * Renders the choices next to "Export report" (the requests the report covers and its
 * file format) and the HAR export of every recorded request.
 */
export function ExportMenu(props: ExportMenuProps) {
  return (
    <span class="export-menu">
      <select
        data-testid="export-scope"
        aria-label="Requests in the report"
        value={props.scope}
        onChange={(event) =>
          props.onScopeChange(event.currentTarget.value as ExportScope)
        }
      >
        {(Object.keys(SCOPE_LABELS) as ExportScope[]).map((scope) => (
          <option
            key={scope}
            value={scope}
            disabled={scope === "selected" && !props.hasSelection}
          >
            {SCOPE_LABELS[scope]}
          </option>
        ))}
      </select>
      <select
        data-testid="export-format"
        aria-label="Report format"
        value={props.format}
        onChange={(event) =>
          props.onFormatChange(event.currentTarget.value as ReportFormat)
        }
      >
        {(Object.keys(FORMAT_LABELS) as ReportFormat[]).map((format) => (
          <option key={format} value={format}>
            {FORMAT_LABELS[format]}
          </option>
        ))}
      </select>
      <button
        type="button"
        data-testid="export-har"
        title="Save every recorded request, preflights included, as a HAR file with the CORS analysis"
        onClick={props.onExportHar}
      >
        Export HAR
      </button>
    </span>
  );
}
