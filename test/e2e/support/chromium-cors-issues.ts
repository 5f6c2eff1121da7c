import type { BrowserContext, Page } from "playwright-core";

/** The CORS failure Chromium itself reported for a request. */
export interface ChromiumCorsIssue {
  readonly url: string;
  readonly corsError: string;
  readonly failedParameter: string;
  readonly isWarning: boolean;
}

/**
 * Collects the CORS issues Chromium raises for requests made by the page, through the
 * DevTools protocol's Audits domain (`Audits.issueAdded` with `corsIssueDetails`).
 */
export async function collectChromiumCorsIssues(
  context: BrowserContext,
  page: Page,
): Promise<ChromiumCorsIssue[]> {
  const issues: ChromiumCorsIssue[] = [];
  const session = await context.newCDPSession(page);
  session.on("Audits.issueAdded", ({ issue }) => {
    const details = issue.details.corsIssueDetails;
    if (details === undefined) return;
    issues.push({
      url: details.request.url,
      corsError: details.corsErrorStatus.corsError,
      failedParameter: details.corsErrorStatus.failedParameter,
      isWarning: details.isWarning,
    });
  });
  await session.send("Audits.enable");
  return issues;
}
