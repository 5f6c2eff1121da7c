import {
  buildJsonReport,
  type AnalyzedExchange,
} from "../report/build-json-report";

/** The browser reads the blob after `click()` returns, so the URL must outlive it. */
const REVOKE_DELAY_MS = 60_000;

/** Returns `cors-lens-report-2025-03-01T10-05-00Z.json` for that time: no `:` for Windows. */
export function reportFileName(time: Date): string {
  const stamp = time
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");
  return `cors-lens-report-${stamp}.json`;
}

/** Saves the JSON report of `entries` through a blob URL and an `<a download>` link. */
export function downloadJsonReport(
  entries: readonly AnalyzedExchange[],
  toolVersion: string,
  time: Date = new Date(),
): void {
  const report = buildJsonReport(entries, {
    generatedAt: time.toISOString(),
    toolVersion,
  });
  const blob = new Blob([`${JSON.stringify(report, null, 2)}\n`], {
    type: "application/json",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = reportFileName(time);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
}
