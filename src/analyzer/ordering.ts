import type { CheckResult } from "./check-types";
import type { Browser, RuleId } from "./rules";
import { ruleById } from "./rules";

/**
 * The order in which Chromium checks one response. A redirected preflight fails
 * before anything else is read. The origin and credentials checks come next
 * (CheckAccess in cors.cc), then the preflight status, the Private Network Access
 * header, and the allow lists (preflight_controller.cc and preflight_result.cc). On
 * a redirect, the Location check follows the CORS check (cors_url_loader.cc).
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
  "allow-private-network-missing",
  "allow-private-network-invalid",
  "allow-methods-invalid",
  "allow-headers-invalid",
  "method-not-allowed",
  "header-not-allowed",
  "redirect-contains-credentials",
  "request-failed",
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
  "redirect-contains-credentials",
  "request-failed",
];

function rankTable(order: readonly RuleId[]): ReadonlyMap<string, number> {
  return new Map(order.map((rule, index) => [rule, index]));
}

const RANKS: Readonly<Record<Browser, ReadonlyMap<string, number>>> = {
  chromium: rankTable(CHROMIUM_ORDER),
  firefox: rankTable(FIREFOX_ORDER),
};

function compareFor(browser: Browser) {
  const ranks = RANKS[browser];
  const rank = (rule: RuleId) => ranks.get(rule) ?? ranks.size;
  return (left: CheckResult, right: CheckResult): number =>
    left.response.position - right.response.position ||
    rank(left.rule) - rank(right.rule);
}

const compareForChromium = compareFor("chromium");
const compareForFirefox = compareFor("firefox");

export function isError(result: CheckResult): boolean {
  return ruleById(result.rule).severity === "error";
}

/** Returns the failing checks in Chromium's order, followed by the warnings. */
export function sortResults(
  results: readonly CheckResult[],
): readonly CheckResult[] {
  if (results.length <= 1) return results;
  const errors = results.filter(isError).sort(compareForChromium);
  const warnings = results
    .filter((result) => !isError(result))
    .sort(compareForChromium);
  return [...errors, ...warnings];
}

/**
 * Returns the failing check that `browser` reports first, or null when no check that
 * blocks in that browser fails.
 */
export function firstError(
  results: readonly CheckResult[],
  browser: Browser,
): CheckResult | null {
  const compare =
    browser === "chromium" ? compareForChromium : compareForFirefox;
  let first: CheckResult | null = null;
  for (const result of results) {
    if (!ruleById(result.rule).blockedIn.includes(browser)) continue;
    if (first === null || compare(result, first) < 0) first = result;
  }
  return first;
}
