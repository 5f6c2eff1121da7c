import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "../../../src/analyzer/rules";

/** One rule as docs/rules.md describes it. */
interface DocumentedRule {
  readonly id: string;
  readonly fields: ReadonlyMap<string, string>;
  readonly text: string;
}

const DOC = readFileSync(
  new URL("../../../docs/rules.md", import.meta.url),
  "utf8",
);

/** Reads each "### `id`" section and the rows of its field table. */
function parseRulesDoc(markdown: string): DocumentedRule[] {
  const sections = markdown.split(/^### /m).slice(1);
  return sections.map((section) => {
    const id = /^`([a-z-]+)`/.exec(section)?.[1] ?? "";
    const fields = new Map<string, string>();
    for (const match of section.matchAll(/^\| ([^|]+?) +\| ([^|]+?) +\|$/gm)) {
      const [, name, value] = match;
      if (name !== undefined && value !== undefined) fields.set(name, value);
    }
    return { id, fields, text: section };
  });
}

/** Turns a table cell (`` `Name` `` or `none`) into the name or null. */
function nameIn(cell: string | undefined): string | null | undefined {
  if (cell === undefined) return undefined;
  if (cell === "none") return null;
  return /^`([A-Za-z]+)`$/.exec(cell)?.[1] ?? cell;
}

function blockingBrowsers(cell: string | undefined): string[] | undefined {
  if (cell === undefined) return undefined;
  if (cell === "none") return [];
  return cell.split(", ").map((browser) => browser.toLowerCase());
}

const documented = parseRulesDoc(DOC);
const documentedById = new Map(documented.map((rule) => [rule.id, rule]));

describe("rule catalogue", () => {
  it("documents exactly the analyzer's rules", () => {
    const documentedIds = documented.map((rule) => rule.id).sort();
    const ruleIds = RULES.map((rule) => rule.id).sort();
    expect(documentedIds).toEqual(ruleIds);
  });

  it("starts with a paragraph on rules and severities", () => {
    const intro = (DOC.split(/^## /m)[0] ?? "").replace(/\s+/g, " ");
    expect(intro).toContain("severity `error`");
    expect(intro).toContain("severity `warning`");
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    "matches the table for %s",
    (id, rule) => {
      const entry = documentedById.get(id);
      expect(entry).toBeDefined();
      const fields = entry?.fields;
      expect(fields?.get("Severity")).toBe(rule.severity);
      expect(nameIn(fields?.get("Chromium"))).toBe(rule.chromium);
      expect(nameIn(fields?.get("Chromium, preflight"))).toBe(
        rule.chromiumPreflight,
      );
      expect(nameIn(fields?.get("Firefox"))).toBe(rule.firefox);
      expect(blockingBrowsers(fields?.get("Blocks in"))).toEqual([
        ...rule.blockedIn,
      ]);
    },
  );

  it.each(documented.map((rule) => [rule.id, rule] as const))(
    "gives %s a condition, an example and a fix",
    (_id, rule) => {
      expect(rule.text).toContain("Condition:");
      expect(rule.text).toMatch(/```http\n[A-Z]+ \S+ HTTP\/1\.1\n/);
      expect(rule.text).toContain("Fix:");
    },
  );
});
