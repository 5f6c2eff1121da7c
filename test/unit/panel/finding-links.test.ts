import { describe, expect, it } from "vitest";
import { ERROR_RULES } from "../../../src/analyzer/error-rules";
import { fixSnippet } from "../../../src/panel/fix-snippet";
import { MDN_CORS_GUIDE, mdnLink } from "../../../src/panel/mdn-link";
import { finding } from "../report/analyzed-exchanges";

const MDN_ERRORS = `${MDN_CORS_GUIDE}/Errors`;

describe("mdnLink", () => {
  it("links a Firefox reason to its MDN page", () => {
    expect(mdnLink(finding())).toEqual({
      href: `${MDN_ERRORS}/CORSMissingAllowOrigin`,
      label: "MDN: CORSMissingAllowOrigin",
    });
  });

  it("uses MDN's spelling of the credentials page", () => {
    const link = mdnLink(finding({ firefox: "CORSMissingAllowCredentials" }));

    expect(link.href).toBe(`${MDN_ERRORS}/CORSMIssingAllowCredentials`);
    expect(link.label).toBe("MDN: CORSMissingAllowCredentials");
  });

  it("links a warning to the CORS guide", () => {
    const warning = finding({
      rule: "vary-origin-missing",
      severity: "warning",
      chromium: null,
      firefox: null,
    });

    expect(mdnLink(warning)).toEqual({
      href: MDN_CORS_GUIDE,
      label: "MDN: CORS guide",
    });
  });

  it("never builds a URL from an unknown reason", () => {
    const link = mdnLink(finding({ firefox: "../../evil?x=1" }));

    expect(link.href).toBe(MDN_CORS_GUIDE);
  });

  it("has a page for every Firefox reason of the analyzer", () => {
    const reasons = ERROR_RULES.map((rule) => rule.firefox).filter(
      (reason) => reason !== null,
    );

    expect(reasons.length).toBeGreaterThan(5);
    for (const reason of reasons) {
      const href = mdnLink(finding({ firefox: reason })).href;
      expect(href.startsWith(`${MDN_ERRORS}/`)).toBe(true);
    }
  });
});

describe("fixSnippet", () => {
  it("copies the header line that would pass", () => {
    expect(fixSnippet(finding())).toBe(
      "Access-Control-Allow-Origin: https://app.example.test",
    );
  });

  it("copies the fix in words without a header", () => {
    const status = finding({
      rule: "preflight-status",
      header: null,
      expected: "204",
      fix: "Answer OPTIONS with 204.",
    });

    expect(fixSnippet(status)).toBe("Answer OPTIONS with 204.");
  });

  it("copies the fix in words without an expected value", () => {
    const redirect = finding({
      rule: "preflight-redirect",
      header: "Location",
      expected: null,
      fix: "Answer OPTIONS without a redirect.",
    });

    expect(fixSnippet(redirect)).toBe("Answer OPTIONS without a redirect.");
  });
});
