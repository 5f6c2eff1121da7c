import { describe, expect, it } from "vitest";
import { exchangeRowText } from "../../../src/panel/exchange-row";
import {
  allowedRedirectedExchange,
  analysis,
  blockedPreflightExchange,
  finding,
  requestRecord,
} from "../report/analyzed-exchanges";

describe("exchangeRowText", () => {
  it("describes a blocked preflighted request", () => {
    const text = exchangeRowText(blockedPreflightExchange());

    expect(text).toEqual({
      verdict: "blocked",
      hasWarnings: true,
      method: "PUT",
      url: "https://api.example.test/items/7",
      preflightStatus: "204",
      actualStatus: "net::ERR_FAILED",
      mainFinding: "Access-Control-Allow-Origin is missing",
    });
  });

  it("shows none when no preflight was needed", () => {
    const text = exchangeRowText(allowedRedirectedExchange());

    expect(text.preflightStatus).toBe("none");
    expect(text.actualStatus).toBe("200");
    expect(text.hasWarnings).toBe(false);
    expect(text.mainFinding).toBe("");
  });

  it("shows cached for a preflight from the cache", () => {
    const entry = blockedPreflightExchange();
    const text = exchangeRowText({
      ...entry,
      exchange: { ...entry.exchange, preflightSource: "cached" },
    });

    expect(text.preflightStatus).toBe("cached");
  });

  it("shows both status and error when both exist", () => {
    const entry = allowedRedirectedExchange();
    const actual = requestRecord({ statusCode: 200, error: "net::ERR_FAILED" });
    const text = exchangeRowText({
      ...entry,
      exchange: { ...entry.exchange, actual },
    });

    expect(text.actualStatus).toBe("200, net::ERR_FAILED");
  });

  it("shows pending for a request in flight", () => {
    const entry = allowedRedirectedExchange();
    const actual = requestRecord({ statusCode: null, inFlight: true });
    const text = exchangeRowText({
      ...entry,
      exchange: { ...entry.exchange, actual },
    });

    expect(text.actualStatus).toBe("pending");
  });

  it("takes the first warning when there is no error", () => {
    const entry = allowedRedirectedExchange();
    const warning = finding({
      rule: "vary-origin-missing",
      severity: "warning",
    });
    const text = exchangeRowText({
      ...entry,
      analysis: analysis({ findings: [warning] }),
    });

    expect(text.mainFinding).toBe("Echoed origin without Vary: Origin");
    expect(text.hasWarnings).toBe(true);
    expect(text.verdict).toBe("allowed");
  });

  it("prefers an error listed after a warning", () => {
    const entry = allowedRedirectedExchange();
    const text = exchangeRowText({
      ...entry,
      analysis: analysis({
        findings: [
          finding({ rule: "vary-origin-missing", severity: "warning" }),
          finding({ rule: "allow-origin-mismatch" }),
        ],
      }),
    });

    expect(text.mainFinding).toBe(
      "Access-Control-Allow-Origin does not match the origin",
    );
  });

  it("falls back to the rule id of an unknown rule", () => {
    const entry = allowedRedirectedExchange();
    const text = exchangeRowText({
      ...entry,
      analysis: analysis({ findings: [finding({ rule: "made-up-rule" })] }),
    });

    expect(text.mainFinding).toBe("made-up-rule");
  });
});
