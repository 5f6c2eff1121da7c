import {
  buildJsonReport,
  type AnalyzedExchange,
} from "../report/build-json-report";

/** The browser reads the blob after `click()` returns, so the URL must outlive it. */
const REVOKE_DELAY_MS = 60_000;

/** Returns the time as `2025-03-01T10-05-00Z`: no `:`, which Windows file names forbid. */
function fileTimeStamp(time: Date): string {
  return time
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");
}

/** Returns `cors-lens-report-2025-03-01T10-05-00Z.json` for that time and extension. */
export function reportFileName(time: Date, extension = "json"): string {
  return `cors-lens-report-${fileTimeStamp(time)}.${extension}`;
}

/** Returns `cors-lens-capture-2025-03-01T10-05-00Z.har` for that time. */
export function harFileName(time: Date): string {
  return `cors-lens-capture-${fileTimeStamp(time)}.har`;
}

/** Saves text as a file through a blob URL and an `<a download>` link. */
export function downloadText(
  text: string,
  fileName: string,
  mimeType: string,
): void {
  const blob = new Blob([text], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
}

/** Saves the JSON report of `entries`, secrets redacted. */
export function downloadJsonReport(
  entries: readonly AnalyzedExchange[],
  toolVersion: string,
  time: Date = new Date(),
): void {
  const report = buildJsonReport(entries, {
    generatedAt: time.toISOString(),
    toolVersion,
  });
  downloadText(
    `${JSON.stringify(report, null, 2)}\n`,
    reportFileName(time),
    "application/json",
  );
}
