import { describe, expect, it } from "vitest";
import { shouldColor } from "../../../src/cli/analysis-output";
import {
  COLOR_STYLE,
  PLAIN_STYLE,
  renderTextReport,
} from "../../../src/cli/text-report";
import { buildJsonReport } from "../../../src/report/build-json-report";
import {
  allowedRedirectedExchange,
  blockedPreflightExchange,
} from "../report/analyzed-exchanges";

const report = buildJsonReport(
  [blockedPreflightExchange(), allowedRedirectedExchange()],
  { generatedAt: "2025-03-01T10:05:00.000Z", toolVersion: "0.1.0" },
);

describe("renderTextReport", () => {
  it("leads each request with Chromium's verdict by default", () => {
    const text = renderTextReport(report, {
      browser: "chromium",
      style: PLAIN_STYLE,
    });

    expect(text.split("\n")).toEqual(
      expect.arrayContaining([
        "CORS Lens: 2 requests: 1 blocked, 1 allowed, 1 with warnings.",
        "BLOCKED PUT https://api.example.test/items/7 (status net::ERR_FAILED)",
        "  Chromium: blocked, PreflightMissingAllowOriginHeader; Firefox: blocked, CORSMissingAllowOrigin",
        "ALLOWED GET https://api.example.test/old (status 200)",
        "  Chromium: allowed; Firefox: allowed",
      ]),
    );
  });

  it("leads with Firefox when asked", () => {
    const text = renderTextReport(report, {
      browser: "firefox",
      style: PLAIN_STYLE,
    });

    expect(text).toContain(
      "  Firefox: blocked, CORSMissingAllowOrigin; Chromium: blocked, PreflightMissingAllowOriginHeader",
    );
  });

  it("lists each finding with its fix", () => {
    const text = renderTextReport(report, {
      browser: "chromium",
      style: PLAIN_STYLE,
    });

    expect(text).toContain(
      "  error   Access-Control-Allow-Origin is missing (allow-origin-missing, Access-Control-Allow-Origin on the preflight response)",
    );
    expect(text).toContain(
      "          Fix: Send Access-Control-Allow-Origin with the page's origin.",
    );
  });

  it("has no escape codes without color", () => {
    const plain = renderTextReport(report, {
      browser: "chromium",
      style: PLAIN_STYLE,
    });
    const colored = renderTextReport(report, {
      browser: "chromium",
      style: COLOR_STYLE,
    });

    expect(plain).not.toContain("\u001b[");
    expect(colored).toContain("\u001b[31mBLOCKED\u001b[0m");
  });
});

describe("shouldColor", () => {
  it.each([
    [true, {}, true],
    [true, { NO_COLOR: "1" }, false],
    [true, { NO_COLOR: "" }, true],
    [false, {}, false],
  ])("terminal %s with %j gives %s", (terminal, environment, expected) => {
    expect(shouldColor(terminal, environment)).toBe(expected);
  });
});
