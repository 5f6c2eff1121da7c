import type { Finding } from "../model/analysis";

/**
 * Returns the text "Copy fix" puts on the clipboard: the header line that would pass
 * (`Access-Control-Allow-Origin: https://app.example`) when the finding names a header
 * and a value, else the fix in words.
 */
export function fixSnippet(finding: Finding): string {
  if (finding.header === null || finding.expected === null) return finding.fix;
  return `${finding.header}: ${finding.expected}`;
}
