import { renderHtmlReport } from "./html-report";
import type { JsonReport } from "./json-report";
import { renderMarkdownReport } from "./markdown-report";

/** The file formats a findings report can be written in. */
export const REPORT_FORMATS = ["json", "md", "html"] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The file name extension and MIME type of a saved report, by format. */
export const REPORT_FILE_TYPES: Readonly<
  Record<
    ReportFormat,
    { readonly extension: string; readonly mimeType: string }
  >
> = {
  json: { extension: "json", mimeType: "application/json" },
  md: { extension: "md", mimeType: "text/markdown" },
  html: { extension: "html", mimeType: "text/html" },
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** Renders the report in the format, ending with a newline. */
export function renderReport(report: JsonReport, format: ReportFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(report, null, 2)}\n`;
    case "md":
      return renderMarkdownReport(report);
    case "html":
      return renderHtmlReport(report);
  }
}
