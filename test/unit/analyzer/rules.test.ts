import { describe, expect, it } from "vitest";
import { RULES } from "../../../src/analyzer/rules";

describe("rule table", () => {
  it("has unique kebab-case ids", () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(RULES.filter((rule) => rule.severity === "error"))(
    "names the $id failure where a browser reports it",
    (rule) => {
      const names = [rule.chromium, rule.chromiumPreflight, rule.firefox];
      expect(names.some((name) => name !== null)).toBe(true);
      if (rule.chromium !== null) {
        expect(rule.chromium).toMatch(/^[A-Z][A-Za-z]+$/);
      }
      if (rule.chromiumPreflight !== null) {
        expect(rule.chromiumPreflight).toMatch(/^[A-Z][A-Za-z]+$/);
      }
      if (rule.firefox !== null) {
        expect(rule.firefox).toMatch(/^CORS[A-Za-z]+$/);
      }
      expect(rule.blockedIn.length).toBeGreaterThan(0);
      expect(rule.title.length).toBeGreaterThan(0);
    },
  );

  it.each(RULES.filter((rule) => rule.severity === "warning"))(
    "gives the $id warning no browser name",
    (rule) => {
      expect(rule.chromium).toBeNull();
      expect(rule.chromiumPreflight).toBeNull();
      expect(rule.firefox).toBeNull();
      expect(rule.blockedIn).toEqual([]);
    },
  );

  it("marks the Preflight variant of each shared check", () => {
    for (const rule of RULES) {
      if (rule.chromium === null || rule.chromiumPreflight === null) continue;
      expect(rule.chromiumPreflight).toBe(`Preflight${rule.chromium}`);
    }
  });

  it("keeps Private Network Access to Chromium", () => {
    const privateNetworkRules = RULES.filter((rule) =>
      rule.id.startsWith("allow-private-network-"),
    );
    expect(privateNetworkRules).toHaveLength(2);
    for (const rule of privateNetworkRules) {
      expect(rule.blockedIn).toEqual(["chromium"]);
    }
  });

  it("contains the rules reports link to", () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "allow-origin-missing",
        "allow-origin-multiple",
        "allow-origin-invalid",
        "allow-origin-mismatch",
        "allow-origin-wildcard-with-credentials",
        "allow-credentials-invalid",
        "preflight-status",
        "preflight-redirect",
        "allow-methods-invalid",
        "allow-headers-invalid",
        "method-not-allowed",
        "header-not-allowed",
        "cors-headers-missing-on-error",
      ]),
    );
  });
});
