import { RULES } from "../analyzer/rules";
import type { Finding } from "../model/analysis";

const TITLES: ReadonlyMap<string, string> = new Map(
  RULES.map((rule) => [rule.id, rule.title]),
);

/** Returns the short title of the finding's rule, or the rule id when it has none. */
export function findingTitle(finding: Finding): string {
  return TITLES.get(finding.rule) ?? finding.rule;
}

/** Returns the finding that best sums up an analysis: the first error, else the first warning. */
export function mainFinding(findings: readonly Finding[]): Finding | null {
  return (
    findings.find((finding) => finding.severity === "error") ??
    findings.find((finding) => finding.severity === "warning") ??
    null
  );
}
