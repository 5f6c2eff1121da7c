import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { Analysis, ResponseRole } from "../../../src/model/analysis";
import casesJson from "../../fixtures/real-world/cases.json";
import type { RealWorldCase } from "./real-world-case";
import { parseRealWorldCases } from "./real-world-case";
import { toExchange } from "./real-world-exchange";

const cases = parseRealWorldCases(casesJson);

/** What the findings must show for one `expected_reason` of the fixture. */
interface ExpectedCause {
  /** Rules that must each appear among the findings; empty for "no failure". */
  readonly rules: readonly string[];
  /** Which response the first listed rule is about, when that matters. */
  readonly response?: ResponseRole;
  /** Text the first listed rule's explanation must contain. */
  readonly mentions?: string;
}

const CAUSES: Readonly<Record<string, ExpectedCause>> = {
  "missing-allow-origin": { rules: ["allow-origin-missing"] },
  "missing-allow-origin-on-error:404": {
    rules: ["allow-origin-missing"],
    mentions: "404",
  },
  "missing-allow-origin-on-error:413-from-reverse-proxy": {
    rules: ["allow-origin-missing"],
    mentions: "reverse proxy",
  },
  "wildcard-with-credentials": {
    rules: ["allow-origin-wildcard-with-credentials"],
  },
  "header-not-allowed:authorization": {
    rules: ["header-not-allowed"],
    mentions: "authorization",
  },
  "allowed:wildcard-allow-headers-still-covers-authorization (deprecated; spec says blocked)":
    { rules: ["allow-headers-wildcard-authorization"] },
  "preflight-missing-allow-origin (header-not-allowed:content-type)": {
    rules: ["allow-origin-missing", "header-not-allowed"],
    response: "preflight",
  },
  "method-not-allowed:lowercase-patch-not-normalized": {
    rules: ["method-not-allowed"],
    mentions: "uppercase only",
  },
  "multiple-allow-origin-values:list-in-single-header": {
    rules: ["allow-origin-multiple"],
    response: "preflight",
  },
  "origin-mismatch:stale-cached-origin (response not varied on Origin)": {
    rules: ["allow-origin-mismatch"],
    mentions: "Vary: Origin",
  },
  "origin-mismatch:scheme": {
    rules: ["allow-origin-mismatch"],
    mentions: "scheme differs",
  },
  "origin-mismatch:port": {
    rules: ["allow-origin-mismatch"],
    mentions: "port differs",
  },
  "preflight-redirect:308": {
    rules: ["preflight-redirect"],
    mentions: "308",
  },
  "preflight-non-2xx:404-options-not-routed": {
    rules: ["preflight-status"],
    mentions: "no route for the OPTIONS method",
  },
  "redirect-missing-allow-origin:301-trailing-slash": {
    rules: ["allow-origin-missing"],
    response: "redirect",
  },
  "pna:allow-private-network-not-true": {
    rules: ["allow-private-network-invalid"],
  },
  "allowed:safelisted-method-ignores-allow-methods": { rules: [] },
  "not-cors:network-failure-backend-down": {
    rules: ["request-failed"],
    mentions: "not CORS",
  },
};

/** Returns the first sentence of a case summary, cut to about 60 characters. */
function shortSummary(summary: string): string {
  const clause = summary.split(/; |\. /)[0] ?? summary;
  if (clause.length <= 60) return clause;
  const cut = clause.slice(0, 60);
  return `${cut.slice(0, cut.lastIndexOf(" "))}...`;
}

function errorRules(analysis: Analysis): string[] {
  return analysis.findings
    .filter((finding) => finding.severity === "error")
    .map((finding) => finding.rule);
}

/** Returns the verdict of the browser the case was reported in, if it names one. */
function reportedBrowserVerdict(
  testCase: RealWorldCase,
  analysis: Analysis,
): string | null {
  if (testCase.browser === "chrome") return analysis.browsers.chromium.verdict;
  if (testCase.browser === "firefox") return analysis.browsers.firefox.verdict;
  return null;
}

describe("real-world cases", () => {
  it("maps every expected reason to a cause", () => {
    for (const testCase of cases) {
      expect(CAUSES[testCase.expected_reason], testCase.id).toBeDefined();
    }
  });

  for (const testCase of cases) {
    it(`${testCase.id}: ${shortSummary(testCase.summary)}`, () => {
      const analysis = analyzeExchange(toExchange(testCase));
      const cause = CAUSES[testCase.expected_reason];
      const rules = analysis.findings.map((finding) => finding.rule);

      expect(analysis.verdict).toBe(testCase.expected_verdict);
      const browserVerdict = reportedBrowserVerdict(testCase, analysis);
      if (browserVerdict !== null) {
        expect(browserVerdict).toBe(testCase.expected_verdict);
      }
      if (cause === undefined) return;
      for (const rule of cause.rules) expect(rules).toContain(rule);
      if (cause.rules.length === 0) expect(errorRules(analysis)).toEqual([]);

      const main = analysis.findings.find(
        (finding) => finding.rule === cause.rules[0],
      );
      if (cause.response !== undefined) {
        expect(main?.response).toBe(cause.response);
      }
      if (cause.mentions !== undefined) {
        expect(main?.explanation).toContain(cause.mentions);
      }
    });
  }

  it("says which credentials mode each case assumed", () => {
    for (const testCase of cases) {
      const analysis = analyzeExchange(toExchange(testCase));
      const { credentials } = analysis;
      expect(credentials.reason.length, testCase.id).toBeGreaterThan(0);
      if (testCase.request.credentials === "include") {
        expect(credentials.mode, testCase.id).toBe("include");
        expect(credentials.basis, testCase.id).toBe("observed");
      }
      if (testCase.request.credentials === "same-origin") {
        expect(credentials.mode, testCase.id).toBe("omit");
      }
    }
  });

  it("names Local Network Access for loopback targets", () => {
    const loopbackCases = cases.filter((testCase) =>
      new URL(testCase.request.url).hostname.startsWith("127."),
    );
    expect(loopbackCases.length).toBeGreaterThan(0);
    for (const testCase of loopbackCases) {
      const analysis = analyzeExchange(toExchange(testCase));
      const assumptions = analysis.assumptions.join(" ");
      if (new URL(testCase.page_origin).hostname.startsWith("127.")) {
        expect(assumptions, testCase.id).not.toContain("Local Network Access");
      } else {
        expect(assumptions, testCase.id).toContain("Local Network Access");
        expect(assumptions, testCase.id).toContain("assumes it was");
      }
    }
  });

  it("keeps the Private Network Access block to Chromium", () => {
    const testCase = cases.find((item) => item.id === "c29");
    expect(testCase).toBeDefined();
    if (testCase === undefined) return;
    const analysis = analyzeExchange(toExchange(testCase));
    expect(analysis.browsers.chromium.error).toBe(
      "PreflightInvalidAllowPrivateNetwork",
    );
    expect(analysis.browsers.firefox.verdict).toBe("allowed");
  });

  it("explains the font case as a font", () => {
    const testCase = cases.find((item) => item.id === "c19");
    expect(testCase).toBeDefined();
    if (testCase === undefined) return;
    const analysis = analyzeExchange(toExchange(testCase));
    expect(analysis.credentials.basis).toBe("observed");
    expect(analysis.findings[0]?.explanation).toContain("fallback font");
  });
});
