import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildJsonReport } from "../../../src/report/build-json-report";
import type { JsonReport } from "../../../src/report/json-report";
import {
  allowedRedirectedExchange,
  blockedPreflightExchange,
} from "./analyzed-exchanges";

const DOC_PATH = fileURLToPath(
  new URL("../../../docs/report-format.md", import.meta.url),
);
const doc = readFileSync(DOC_PATH, "utf8");

/** Returns the backquoted field paths in the first column of a `## title` section. */
function documentedFields(title: string): string[] {
  const start = doc.indexOf(`\n## ${title}\n`);
  if (start === -1) throw new Error(`docs/report-format.md has no "${title}"`);
  const end = doc.indexOf("\n## ", start + 1);
  const section = doc.slice(start, end === -1 ? undefined : end);
  const fields: string[] = [];
  for (const match of section.matchAll(/^\|\s*`([A-Za-z.]+)`\s*\|/gm)) {
    if (match[1] !== undefined) fields.push(match[1]);
  }
  return fields;
}

/** Follows a dotted path. A null on the way counts as the documented null value. */
function valueAt(object: unknown, path: string): unknown {
  let current = object;
  for (const key of path.split(".")) {
    if (current === null) return null;
    if (typeof current !== "object" || !(key in current)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function keysOf(object: unknown): string[] {
  return typeof object === "object" && object !== null
    ? Object.keys(object)
    : [];
}

const report: JsonReport = buildJsonReport(
  [blockedPreflightExchange(), allowedRedirectedExchange()],
  { generatedAt: "2025-03-01T10:05:00.000Z", toolVersion: "0.1.0" },
);
const [preflighted, redirected] = report.exchanges;

/** Each documented section and report objects that must match it exactly. */
const sections: { title: string; objects: unknown[] }[] = [
  { title: "Top-level fields", objects: [report] },
  { title: "Exchange fields", objects: [preflighted, redirected] },
  {
    title: "Request fields",
    objects: [preflighted?.preflight, preflighted?.actual, redirected?.actual],
  },
  { title: "Redirect fields", objects: [redirected?.actual.redirects[0]] },
  {
    title: "Finding fields",
    objects: [preflighted?.findings[0], preflighted?.findings[1]],
  },
];

describe("docs/report-format.md", () => {
  it("states the format version the code writes", () => {
    expect(doc).toContain(`format version \`${report.version}\``);
  });

  for (const { title, objects } of sections) {
    const fields = documentedFields(title);

    it(`lists fields under ${title}`, () => {
      expect(fields.length).toBeGreaterThan(0);
    });

    it(`${title}: every documented field is in the report`, () => {
      for (const object of objects) {
        expect(object).toBeDefined();
        const missing = fields.filter(
          (field) => valueAt(object, field) === undefined,
        );
        expect(missing).toEqual([]);
      }
    });

    it(`${title}: every report field is documented`, () => {
      for (const object of objects) {
        const undocumented = keysOf(object).filter(
          (key) => !fields.includes(key),
        );
        expect(undocumented).toEqual([]);
      }
    });
  }

  it("documents every nested exchange field the report writes", () => {
    const fields = documentedFields("Exchange fields");
    const nested = ["browsers", "credentials", "otherCredentialsMode"];
    for (const parent of nested) {
      for (const key of keysOf(valueAt(preflighted, parent))) {
        expect(fields).toContain(`${parent}.${key}`);
      }
    }
    for (const browser of keysOf(valueAt(preflighted, "browsers"))) {
      for (const key of keysOf(valueAt(preflighted, `browsers.${browser}`))) {
        expect(fields).toContain(`browsers.${browser}.${key}`);
      }
    }
  });

  it("documents every nested top-level field the report writes", () => {
    const fields = documentedFields("Top-level fields");
    for (const parent of ["tool", "summary"]) {
      for (const key of keysOf(valueAt(report, parent))) {
        expect(fields).toContain(`${parent}.${key}`);
      }
    }
  });

  it("has an example with the same fields as a generated report", () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block).toBeDefined();
    const example: unknown = JSON.parse(block ?? "");
    const exampleExchange = valueAt(example, "exchanges.0");

    expect(keysOf(example)).toEqual(keysOf(report));
    expect(keysOf(exampleExchange).sort()).toEqual(keysOf(preflighted).sort());
    expect(keysOf(valueAt(exampleExchange, "actual")).sort()).toEqual(
      keysOf(preflighted?.actual).sort(),
    );
    expect(keysOf(valueAt(exampleExchange, "findings.0")).sort()).toEqual(
      keysOf(preflighted?.findings[0]).sort(),
    );
  });
});
