import type { ScenarioRunResult } from "../../../src/lab/lab-page-types";
import type { ChromiumCorsIssue } from "./chromium-cors-issues";
import {
  scenarioIdOfUrl,
  type ObservedVerdict,
} from "./differential-scenarios";

/** Returns the CORS issues Chromium raised as errors for a scenario's URLs, in order. */
export function blockingIssuesOf(
  issues: readonly ChromiumCorsIssue[],
  id: string,
): ChromiumCorsIssue[] {
  return issues.filter(
    (issue) => !issue.isWarning && scenarioIdOfUrl(issue.url) === id,
  );
}

/**
 * Returns Chromium's verdict on each request of a scenario run. A request is
 * blocked when the page saw it fail or Chromium raised a CORS issue for it,
 * and its error is the issue's `corsError`. Issues carry no request order, so
 * the issues of a scenario are matched to its failed requests in order. A
 * request that failed with no issue left has no known reason.
 */
export function chromiumVerdicts(
  result: ScenarioRunResult,
  issues: readonly ChromiumCorsIssue[],
): ObservedVerdict[] {
  const unmatched = [...issues];
  const verdicts: ObservedVerdict[] = result.requests.map((request) => {
    if (request.error === null) return { verdict: "allowed", error: null };
    const issue = unmatched.shift();
    return { verdict: "blocked", error: issue?.corsError };
  });
  // A single request that loaded although Chromium raised an error issue for
  // it still counts as blocked.
  const [only] = verdicts;
  const [issue] = unmatched;
  if (verdicts.length === 1 && only?.verdict === "allowed" && issue) {
    return [{ verdict: "blocked", error: issue.corsError }];
  }
  return verdicts;
}
