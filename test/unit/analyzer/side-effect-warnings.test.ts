import { describe, expect, it } from "vitest";
import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import type { HeaderPair } from "./exchange-builder";
import {
  ALLOW_CREDENTIALS,
  ALLOW_ORIGIN,
  API_URL,
  VARY_ORIGIN,
  buildExchange,
} from "./exchange-builder";

const TEXT_BODY: HeaderPair = ["Content-Type", "text/plain;charset=UTF-8"];

function rules(analysis: ReturnType<typeof analyzeExchange>): string[] {
  return analysis.findings.map((finding) => finding.rule);
}

describe("blocked request that reached the server", () => {
  it("warns for a simple POST", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "POST",
        requestHeaders: [TEXT_BODY],
        responseHeaders: [],
        error: "net::ERR_FAILED",
      }),
    );
    const finding = analysis.findings.find(
      (item) => item.rule === "blocked-request-reached-server",
    );
    expect(analysis.verdict).toBe("blocked");
    expect(finding?.severity).toBe("warning");
    expect(finding?.response).toBe("actual");
    expect(finding?.explanation).toContain("without a preflight");
    expect(finding?.explanation).toContain("side effects");
  });

  it("warns after a passing preflight", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "DELETE",
        preflight: {
          responseHeaders: [
            ALLOW_ORIGIN,
            ["Access-Control-Allow-Methods", "DELETE"],
          ],
        },
        responseHeaders: [],
        error: "net::ERR_FAILED",
      }),
    );
    const finding = analysis.findings.find(
      (item) => item.rule === "blocked-request-reached-server",
    );
    expect(finding?.explanation).toContain("The preflight passed");
  });

  it.each([
    ["GET", 200],
    ["POST", 500],
    ["POST", 413],
  ])("stays quiet for %s answered %i", (method, status) => {
    const analysis = analyzeExchange(
      buildExchange({
        method,
        requestHeaders: [TEXT_BODY],
        status,
        responseHeaders: [],
        error: "net::ERR_FAILED",
      }),
    );
    expect(rules(analysis)).not.toContain("blocked-request-reached-server");
  });
});

describe("reflected origin with credentials", () => {
  it("warns once for an echoed origin with credentials", () => {
    const analysis = analyzeExchange(
      buildExchange({
        requestHeaders: [["Cookie", "session=1"]],
        responseHeaders: [ALLOW_ORIGIN, ALLOW_CREDENTIALS, VARY_ORIGIN],
      }),
    );
    const findings = analysis.findings.filter(
      (item) => item.rule === "allow-origin-reflected-with-credentials",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.explanation).toContain("allow list");
    expect(findings[0]?.fix).toContain("Origin: https://attacker.example");
  });

  it("stays quiet without Allow-Credentials", () => {
    const analysis = analyzeExchange(
      buildExchange({ responseHeaders: [ALLOW_ORIGIN, VARY_ORIGIN] }),
    );
    expect(rules(analysis)).toEqual([]);
  });
});

describe("preflight that requires authentication", () => {
  it.each([401, 403])("warns about status %i", (status) => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        preflight: { status, responseHeaders: [ALLOW_ORIGIN] },
        status: null,
        error: "net::ERR_FAILED",
      }),
    );
    const finding = analysis.findings.find(
      (item) => item.rule === "preflight-requires-authentication",
    );
    expect(finding?.severity).toBe("warning");
    expect(finding?.response).toBe("preflight");
    expect(finding?.explanation).toContain("never carry cookies");
    expect(finding?.fix).toContain("before the authentication middleware");
  });

  it("warns about a redirect to a sign-in page", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        preflight: {
          status: 302,
          responseHeaders: [["Location", "https://api.example/login?next=/"]],
        },
        status: null,
        error: "net::ERR_FAILED",
      }),
    );
    const finding = analysis.findings.find(
      (item) => item.rule === "preflight-requires-authentication",
    );
    expect(analysis.findings[0]?.rule).toBe("preflight-redirect");
    expect(finding?.explanation).toContain("sign-in page");
  });

  it("stays quiet about other redirects", () => {
    const analysis = analyzeExchange(
      buildExchange({
        method: "PUT",
        preflight: {
          status: 301,
          responseHeaders: [["Location", `${API_URL}/`]],
        },
        status: null,
        error: "net::ERR_FAILED",
      }),
    );
    expect(rules(analysis)).toEqual(["preflight-redirect"]);
  });
});
