import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonReport } from "../../src/report/json-report";
import {
  collectChromiumCorsIssues,
  type ChromiumCorsIssue,
} from "./support/chromium-cors-issues";
import { openLabSession, type LabSession } from "./support/lab-session";

/** The four classic failures, with the finding the panel must lead with. */
const CLASSIC_FAILURES = [
  {
    id: "headers-only-on-preflight",
    rule: "allow-origin-missing",
    header: "access-control-allow-origin",
    response: "actual",
    preflight: true,
  },
  {
    id: "error-without-cors-headers",
    rule: "allow-origin-missing",
    header: "access-control-allow-origin",
    response: "actual",
    preflight: true,
  },
  {
    id: "wildcard-with-credentials",
    rule: "allow-origin-wildcard-with-credentials",
    header: "access-control-allow-origin",
    response: "actual",
    preflight: false,
  },
  {
    id: "authorization-not-allowed",
    rule: "header-not-allowed",
    header: "access-control-allow-headers",
    response: "preflight",
    preflight: true,
  },
] as const;

const PASSING_SCENARIO = "passing-put";
const ALL_SCENARIOS = [...CLASSIC_FAILURES.map((s) => s.id), PASSING_SCENARIO];

let session: LabSession;

/** Polls until `read` returns `expected`; `expect.poll` only works inside tests. */
async function waitFor<T>(read: () => Promise<T>, expected: T): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last = await read();
  while (last !== expected) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${String(expected)}; last value ${String(last)}.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
}
let chromiumIssues: ChromiumCorsIssue[];
let report: JsonReport;

function row(panel: Page, url: string) {
  return panel.locator(`[data-testid="exchange-row"][data-url="${url}"]`);
}

/** Chromium's own verdict for the scenario, from the Audits domain. */
function chromiumVerdict(id: string): {
  verdict: string;
  error: string | null;
} {
  const url = session.scenarioUrl(id);
  const issue = chromiumIssues.find((i) => i.url === url && !i.isWarning);
  return issue === undefined
    ? { verdict: "allowed", error: null }
    : { verdict: "blocked", error: issue.corsError };
}

beforeAll(async () => {
  session = await openLabSession();
  chromiumIssues = await collectChromiumCorsIssues(
    session.browser.context,
    session.labPage,
  );
  for (const id of ALL_SCENARIOS) {
    const outcome = await session.runScenario(id);
    expect(outcome.id).toBe(id);
  }
  // The panel shows a record once the background stored it: wait for every exchange.
  for (const id of ALL_SCENARIOS) {
    await waitFor(
      () =>
        row(session.panel, session.scenarioUrl(id)).getAttribute(
          "data-verdict",
        ),
      chromiumVerdict(id).verdict,
    );
  }
  const downloadStarted = session.panel.waitForEvent("download");
  await session.panel.getByTestId("export-report").click();
  const download = await downloadStarted;
  const path = await download.path();
  report = JSON.parse(await readFile(path, "utf8")) as JsonReport;
});

afterAll(async () => {
  await session?.close();
});

describe("Chromium itself", () => {
  it.each(CLASSIC_FAILURES.map((s) => s.id))("blocks %s", (id) => {
    expect(chromiumVerdict(id).verdict).toBe("blocked");
  });

  it("allows the passing request", () => {
    expect(chromiumVerdict(PASSING_SCENARIO)).toEqual({
      verdict: "allowed",
      error: null,
    });
  });
});

describe("detached panel", () => {
  it("lists one exchange per request, preflights folded in", async () => {
    const rows = session.panel.getByTestId("exchange-row");
    await expect.poll(() => rows.count()).toBe(ALL_SCENARIOS.length);
  });

  it.each(CLASSIC_FAILURES)(
    "explains $id with $rule and highlights $header",
    async ({ id, rule, header, response }) => {
      const url = session.scenarioUrl(id);
      await row(session.panel, url).click();
      const detail = session.panel.getByTestId("exchange-detail");
      const finding = detail.locator(
        `[data-testid="finding"][data-rule="${rule}"]`,
      );
      await finding.first().waitFor();
      expect(await finding.first().getAttribute("data-severity")).toBe("error");
      const atFault = detail.locator(
        `[data-testid="header-at-fault"][data-header="${header}"][data-response="${response}"]`,
      );
      await atFault.first().waitFor();
      const expectedValue = atFault.first().getByTestId("expected-value");
      expect(await expectedValue.count()).toBeGreaterThan(0);
      expect((await expectedValue.first().textContent())?.trim()).not.toBe("");
    },
  );

  it("shows the passing request as allowed with no error finding", async () => {
    const url = session.scenarioUrl(PASSING_SCENARIO);
    expect(await row(session.panel, url).getAttribute("data-verdict")).toBe(
      "allowed",
    );
    await row(session.panel, url).click();
    const detail = session.panel.getByTestId("exchange-detail");
    await detail.waitFor();
    expect(
      await detail
        .locator('[data-testid="finding"][data-severity="error"]')
        .count(),
    ).toBe(0);
    expect(await detail.getByTestId("header-at-fault").count()).toBe(0);
  });
});

describe("exported report", () => {
  function exchangeFor(id: string) {
    const url = session.scenarioUrl(id);
    const matches = report.exchanges.filter((exchange) => exchange.url === url);
    expect(matches).toHaveLength(1);
    const [exchange] = matches;
    if (exchange === undefined) throw new Error(`No exchange for ${url}`);
    return exchange;
  }

  it("has a version and one exchange per request", () => {
    expect(report.version).toBe(1);
    expect(report.exchanges).toHaveLength(ALL_SCENARIOS.length);
  });

  it.each(ALL_SCENARIOS)(
    "gives Chromium's own verdict and error for %s",
    (id) => {
      const exchange = exchangeFor(id);
      const chromium = chromiumVerdict(id);
      expect(exchange.verdict).toBe(chromium.verdict);
      expect(exchange.browsers.chromium.verdict).toBe(chromium.verdict);
      expect(exchange.browsers.chromium.error).toBe(chromium.error);
    },
  );

  it.each(CLASSIC_FAILURES)(
    "pairs $id with its preflight",
    ({ id, preflight, rule }) => {
      const exchange = exchangeFor(id);
      expect(exchange.preflight !== null).toBe(preflight);
      expect(exchange.preflightSource).toBe(preflight ? "sent" : "not-needed");
      const ruleIds = exchange.findings.map((finding) => finding.rule);
      expect(ruleIds).toContain(rule);
      for (const finding of exchange.findings) {
        expect(finding).toHaveProperty("severity");
        expect(finding).toHaveProperty("chromium");
        expect(finding).toHaveProperty("firefox");
      }
    },
  );

  it("pairs the passing request with its preflight", () => {
    const exchange = exchangeFor(PASSING_SCENARIO);
    expect(exchange.preflightSource).toBe("sent");
    expect(exchange.preflight?.method).toBe("OPTIONS");
    expect(exchange.browsers.firefox).toEqual({
      verdict: "allowed",
      error: null,
    });
  });
});
