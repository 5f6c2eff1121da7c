import type { Finding } from "../model/analysis";
import type { CheckResult } from "./check-types";
import type { ExplanationContext } from "./explanation-context";
import { explainResult } from "./explanations";
import { ruleById } from "./rules";

/** Returns Chromium's `Network.CorsError` name for a result, or null for warnings. */
export function chromiumName(result: CheckResult): string | null {
  const rule = ruleById(result.rule);
  return result.response.role === "preflight"
    ? rule.chromiumPreflight
    : rule.chromium;
}

/** Returns the reason Firefox logs for a result, or null for warnings. */
export function firefoxName(result: CheckResult): string | null {
  return result.firefoxReason ?? ruleById(result.rule).firefox;
}

/** Turns a check result into a finding with its browser names and its text. */
export function toFinding(
  result: CheckResult,
  context: ExplanationContext,
): Finding {
  const rule = ruleById(result.rule);
  const text = explainResult(result, context);
  return {
    rule: rule.id,
    severity: rule.severity,
    response: result.response.role,
    header: rule.header,
    value: result.value,
    expected: result.expected,
    chromium: chromiumName(result),
    firefox: firefoxName(result),
    explanation: text.explanation,
    fix: text.fix,
  };
}
