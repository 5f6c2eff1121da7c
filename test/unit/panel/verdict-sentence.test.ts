import { describe, expect, it } from "vitest";
import { verdictSentence } from "../../../src/panel/verdict-sentence";
import {
  allowedRedirectedExchange,
  analysis,
  blockedPreflightExchange,
  finding,
  requestRecord,
} from "../report/analyzed-exchanges";

describe("verdictSentence", () => {
  it("names the first error of a blocked exchange", () => {
    const entry = blockedPreflightExchange();
    const done = {
      ...entry,
      exchange: {
        ...entry.exchange,
        actual: requestRecord({ error: "net::ERR_FAILED", statusCode: null }),
      },
    };

    expect(verdictSentence(done)).toBe(
      "Blocked in Chromium and Firefox: Access-Control-Allow-Origin is missing.",
    );
  });

  it("says when every check passed", () => {
    expect(verdictSentence(allowedRedirectedExchange())).toBe(
      "Allowed in Chromium and Firefox: the responses pass every CORS check.",
    );
  });

  it("counts warnings of an allowed exchange", () => {
    const entry = allowedRedirectedExchange();
    const warning = finding({
      rule: "vary-origin-missing",
      severity: "warning",
    });
    const sentence = verdictSentence({
      ...entry,
      analysis: analysis({ findings: [warning, warning] }),
    });

    expect(sentence).toBe(
      "Allowed in Chromium and Firefox, with 2 warnings: Echoed origin without Vary: Origin.",
    );
  });

  it("names each browser when they disagree", () => {
    const entry = allowedRedirectedExchange();
    const sentence = verdictSentence({
      ...entry,
      analysis: analysis({
        verdict: "blocked",
        browsers: {
          chromium: { verdict: "blocked", error: "PreflightInvalidStatus" },
          firefox: { verdict: "allowed", error: null },
        },
      }),
    });

    expect(sentence).toBe(
      "Blocked in Chromium, allowed in Firefox: PreflightInvalidStatus.",
    );
  });

  it("says the verdict is not final while in flight", () => {
    const entry = allowedRedirectedExchange();
    const sentence = verdictSentence({
      ...entry,
      exchange: {
        ...entry.exchange,
        actual: requestRecord({ inFlight: true, statusCode: null }),
      },
    });

    expect(sentence).toBe(
      "Waiting for the response, so the verdict is not final yet.",
    );
  });
});
