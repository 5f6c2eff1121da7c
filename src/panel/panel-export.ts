import { buildHarLog } from "../har/export-har";
import type { RequestRecord } from "../model/request-record";
import type { AnalyzedExchange } from "../report/analyzed-exchange";
import { buildJsonReport } from "../report/build-json-report";
import {
  REPORT_FILE_TYPES,
  renderReport,
  type ReportFormat,
} from "../report/render-report";
import { downloadText, harFileName, reportFileName } from "./export-report";

/** A save request from the toolbar: a report or a HAR file. */
export type ExportRequest =
  | {
      readonly kind: "report";
      readonly format: ReportFormat;
      readonly entries: readonly AnalyzedExchange[];
      readonly redact: boolean;
    }
  | {
      readonly kind: "har";
      readonly records: readonly RequestRecord[];
      readonly entries: readonly AnalyzedExchange[];
      readonly redact: boolean;
    };

/** Builds the requested report or HAR file and saves it. */
export function saveExport(
  request: ExportRequest,
  toolVersion: string,
  time: Date = new Date(),
): void {
  if (request.kind === "har") {
    const har = buildHarLog(request.records, request.entries, {
      toolVersion,
      redact: request.redact,
    });
    downloadText(
      `${JSON.stringify(har, null, 2)}\n`,
      harFileName(time),
      "application/json",
    );
    return;
  }
  const report = buildJsonReport(request.entries, {
    generatedAt: time.toISOString(),
    toolVersion,
    redact: request.redact,
  });
  const fileType = REPORT_FILE_TYPES[request.format];
  downloadText(
    renderReport(report, request.format),
    reportFileName(time, fileType.extension),
    fileType.mimeType,
  );
}
