import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import { loadRecordedEvents, replay } from "../pairing/recorded-events";

describe("preflight sent after a redirect", () => {
  it("decides a recorded 307 that passes both preflights", () => {
    const recording = loadRecordedEvents(
      "chromium-events",
      "redirect-preflighted-307",
    );
    const [exchange] = pairExchanges(replay(recording.events));
    if (exchange === undefined) throw new Error("no exchange");
    const analysis = analyzeExchange(exchange);
    expect(analysis.verdict).toBe("allowed");
    expect(analysis.browsers.chromium.error).toBeNull();
  });

  it("blocks when the later preflight has no Allow-Origin", () => {
    const recording = loadRecordedEvents(
      "chromium-events",
      "redirect-preflighted-307",
    );
    const [exchange] = pairExchanges(replay(recording.events));
    const later = exchange?.redirectPreflights?.[0];
    if (exchange === undefined || later === undefined)
      throw new Error("no exchange");
    const failing = {
      ...exchange,
      actual: {
        ...exchange.actual,
        statusCode: null,
        error: "net::ERR_FAILED",
      },
      redirectPreflights: [
        {
          ...later,
          responseHeaders: later.responseHeaders.filter(
            (header) =>
              !header.name.toLowerCase().startsWith("access-control-"),
          ),
        },
      ],
    };
    const analysis = analyzeExchange(failing);
    expect(analysis.verdict).toBe("blocked");
    expect(analysis.browsers.chromium.error).toBe(
      "PreflightMissingAllowOriginHeader",
    );
  });
});
