import { describe, expect, it } from "vitest";
import {
  cachedRowText,
  exchangeRowText,
} from "../../../src/panel/exchange-row";
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
      initiator: "https://app.example.test",
      preflight: "sent",
      preflightStatus: "204",
      actualStatus: "net::ERR_FAILED",
      mainFinding: "Access-Control-Allow-Origin is missing",
    });
  });

  it("shows not needed for a simple request", () => {
    const text = exchangeRowText(allowedRedirectedExchange());

    expect(text.preflight).toBe("not needed");
    expect(text.preflightStatus).toBe("");
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

    expect(text.preflight).toBe("cached");
    expect(text.preflightStatus).toBe("");
  });

  it("falls back to the exchange origin without an initiator", () => {
    const entry = allowedRedirectedExchange();
    const actual = requestRecord({ initiator: null });
    const text = exchangeRowText({
      ...entry,
      exchange: { ...entry.exchange, origin: "https://other.test", actual },
    });

    expect(text.initiator).toBe("https://other.test");
  });

  it("leaves the initiator empty when no origin is known", () => {
    const entry = allowedRedirectedExchange();
    const actual = requestRecord({ initiator: null });
    const text = exchangeRowText({
      ...entry,
      exchange: { ...entry.exchange, origin: null, actual },
    });

    expect(text.initiator).toBe("");
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

describe("cachedRowText", () => {
  it("returns the same text for the same entry", () => {
    const entry = blockedPreflightExchange();

    expect(cachedRowText(entry)).toBe(cachedRowText(entry));
    expect(cachedRowText(entry)).toEqual(exchangeRowText(entry));
  });

  it("computes a new text for a new entry", () => {
    const entry = blockedPreflightExchange();
    const changed = { ...entry, analysis: analysis() };

    expect(cachedRowText(changed).verdict).toBe("allowed");
    expect(cachedRowText(entry).verdict).toBe("blocked");
  });
});
