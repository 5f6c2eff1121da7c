import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonReport } from "../../src/report/json-report";
import {
  collectFirefoxCorsErrors,
  firefoxVerdict,
  type FirefoxCorsError,
} from "./support/firefox-cors-errors";
import {
  openFirefoxLabSession,
  type FirefoxLabSession,
} from "./support/firefox-lab-session";
import {
  attributeOf,
  countOf,
  exportReportFromFirefox,
  rowSelector,
  waitForValue,
} from "./support/firefox-panel";

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

/** Firefox's webRequest error for both requests of a failed preflight (Firefox 153). */
const FAILED_PREFLIGHT_ERROR = "NS_ERROR_DOM_BAD_URI";

let session: FirefoxLabSession;
let firefoxErrors: FirefoxCorsError[];
let report: JsonReport;

function ownVerdict(id: string) {
  return firefoxVerdict(firefoxErrors, session.scenarioUrl(id));
}

beforeAll(async () => {
  session = await openFirefoxLabSession();
  firefoxErrors = collectFirefoxCorsErrors(session.labPage);
  for (const id of ALL_SCENARIOS) {
    const outcome = await session.runScenario(id);
    expect(outcome.id).toBe(id);
  }
  // The panel shows a record once the background stored it: wait for every exchange.
  for (const id of ALL_SCENARIOS) {
    await waitForValue(
      () =>
        attributeOf(
          session.panel,
          rowSelector(session.scenarioUrl(id)),
          "data-verdict",
        ),
      ownVerdict(id).verdict,
    );
  }
  report = await exportReportFromFirefox(session.panel, session.downloadFolder);
});

afterAll(async () => {
  await session?.close();
});

describe("Firefox itself", () => {
  it.each(CLASSIC_FAILURES.map((s) => s.id))("blocks %s", (id) => {
    expect(ownVerdict(id).verdict).toBe("blocked");
  });

  it("allows the passing request", () => {
    expect(ownVerdict(PASSING_SCENARIO)).toEqual({
      verdict: "allowed",
      error: null,
    });
  });
});

describe("detached panel in Firefox", () => {
  it("lists one exchange per request, preflights folded in", async () => {
    await waitForValue(
      () => countOf(session.panel, '[data-testid="exchange-row"]'),
      ALL_SCENARIOS.length,
    );
  });

  it.each(CLASSIC_FAILURES)(
    "explains $id with $rule and highlights $header",
    async ({ id, rule, header, response }) => {
      const { panel } = session;
      await panel.bringToFront();
      await panel.click(rowSelector(session.scenarioUrl(id)));
      const detail = '[data-testid="exchange-detail"]';
      const finding = `${detail} [data-testid="finding"][data-rule="${rule}"]`;
      await panel.waitForSelector(finding);
      expect(await attributeOf(panel, finding, "data-severity")).toBe("error");
      const atFault = `${detail} [data-testid="header-at-fault"][data-header="${header}"][data-response="${response}"]`;
      await panel.waitForSelector(atFault);
      const expectedValue = await panel.evaluate(
        (selector: string) =>
          document
            .querySelector(selector)
            ?.querySelector('[data-testid="expected-value"]')
            ?.textContent?.trim() ?? "",
        atFault,
      );
      expect(expectedValue).not.toBe("");
    },
  );

  it("shows the passing request as allowed with no error finding", async () => {
    const { panel } = session;
    const row = rowSelector(session.scenarioUrl(PASSING_SCENARIO));
    expect(await attributeOf(panel, row, "data-verdict")).toBe("allowed");
    await panel.bringToFront();
    await panel.click(row);
    const detail = '[data-testid="exchange-detail"][data-verdict="allowed"]';
    await panel.waitForSelector(detail);
    expect(
      await countOf(
        panel,
        `${detail} [data-testid="finding"][data-severity="error"]`,
      ),
    ).toBe(0);
    expect(
      await countOf(panel, `${detail} [data-testid="header-at-fault"]`),
    ).toBe(0);
  });
});

describe("report exported in Firefox", () => {
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
    "gives Firefox's own verdict and error for %s",
    (id) => {
      const exchange = exchangeFor(id);
      const own = ownVerdict(id);
      expect(exchange.verdict).toBe(own.verdict);
      expect(exchange.browsers.firefox.verdict).toBe(own.verdict);
      expect(exchange.browsers.firefox.error).toBe(own.error);
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
    },
  );

  it("pairs the passing request with its preflight", () => {
    const exchange = exchangeFor(PASSING_SCENARIO);
    expect(exchange.preflightSource).toBe("sent");
    expect(exchange.preflight?.method).toBe("OPTIONS");
    expect(exchange.preflight?.status).toBe(204);
    expect(exchange.actual.status).toBe(200);
  });

  it("keeps the completed response of a request that CORS blocked", () => {
    const exchange = exchangeFor("headers-only-on-preflight");
    expect(exchange.actual.status).toBe(200);
    expect(exchange.actual.error).toBeNull();
    expect(exchange.verdict).toBe("blocked");
  });

  it("keeps the error of both requests of a failed preflight", () => {
    const exchange = exchangeFor("authorization-not-allowed");
    expect(exchange.preflight?.error).toBe(FAILED_PREFLIGHT_ERROR);
    expect(exchange.preflight?.status).toBe(204);
    expect(exchange.actual.error).toBe(FAILED_PREFLIGHT_ERROR);
    expect(exchange.actual.status).toBeNull();
  });

  it("gives every exchange the lab page's origin", () => {
    for (const exchange of report.exchanges) {
      expect(exchange.origin).toBe(session.lab.pageOrigin);
    }
  });
});
