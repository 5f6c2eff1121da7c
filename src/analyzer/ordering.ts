import type { CheckResult } from "./check-types";
import type { RuleId } from "./rules";
import { ruleById } from "./rules";

/**
 * The order in which Chromium checks one response. A redirected preflight fails
 * before anything else is read. The origin and credentials checks come next
 * (CheckAccess in cors.cc), then the preflight status, then the allow lists
 * (preflight_controller.cc and preflight_result.cc).
 */
const CHROMIUM_ORDER: readonly RuleId[] = [
  "preflight-redirect",
  "allow-origin-wildcard-with-credentials",
  "allow-origin-missing",
  "allow-origin-multiple",
  "allow-origin-invalid",
  "allow-origin-mismatch",
  "allow-credentials-invalid",
  "preflight-status",
  "allow-methods-invalid",
  "allow-headers-invalid",
  "method-not-allowed",
  "header-not-allowed",
];

/**
 * The order in which Firefox checks one response (nsCORSListenerProxy.cpp). On a
 * preflight the status comes first, as observed in Firefox 153. The methods are parsed
 * and matched before the headers are parsed.
 */
const FIREFOX_ORDER: readonly RuleId[] = [
  "preflight-redirect",
  "preflight-status",
  "allow-origin-multiple",
  "allow-origin-missing",
  "allow-origin-wildcard-with-credentials",
  "allow-origin-invalid",
  "allow-origin-mismatch",
  "allow-credentials-invalid",
  "allow-methods-invalid",
  "method-not-allowed",
  "allow-headers-invalid",
  "header-not-allowed",
];

export type Browser = "chromium" | "firefox";

function rank(order: readonly RuleId[], rule: RuleId): number {
  const index = order.indexOf(rule);
  return index < 0 ? order.length : index;
}

function compareFor(browser: Browser) {
  const order = browser === "chromium" ? CHROMIUM_ORDER : FIREFOX_ORDER;
  return (left: CheckResult, right: CheckResult): number =>
    left.response.position - right.response.position ||
    rank(order, left.rule) - rank(order, right.rule);
}

export function isError(result: CheckResult): boolean {
  return ruleById(result.rule).severity === "error";
}

/** Returns the failing checks in Chromium's order, followed by the warnings. */
export function sortResults(results: readonly CheckResult[]): CheckResult[] {
  const compare = compareFor("chromium");
  const errors = results.filter(isError).sort(compare);
  const warnings = results.filter((result) => !isError(result)).sort(compare);
  return [...errors, ...warnings];
}

/** Returns the failing check that `browser` reports, or null when none fails. */
export function firstError(
  results: readonly CheckResult[],
  browser: Browser,
): CheckResult | null {
  const errors = results.filter(isError).sort(compareFor(browser));
  return errors[0] ?? null;
}
