import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? "fatal");
}

describe("pure folder lint rule", () => {
  const pureFolders = ["model", "analyzer", "pairing", "report", "har"];

  it.each(pureFolders)("rejects DOM and fetch in src/%s", async (folder) => {
    const ruleIds = await ruleIdsFor(
      "export const title = document.title + String(fetch);\n",
      `src/${folder}/probe.ts`,
    );
    expect(ruleIds.filter((id) => id === "no-restricted-globals")).toHaveLength(
      2,
    );
  });

  it.each(pureFolders)(
    "rejects Node and extension imports in src/%s",
    async (folder) => {
      const ruleIds = await ruleIdsFor(
        'import { readFile } from "node:fs";\nimport browser from "webextension-polyfill";\nexport const used = [readFile, browser];\n',
        `src/${folder}/probe.ts`,
      );
      expect(
        ruleIds.filter((id) => id === "no-restricted-imports"),
      ).toHaveLength(2);
    },
  );

  it("rejects the chrome global in src/analyzer", async () => {
    const ruleIds = await ruleIdsFor(
      "export const id = chrome.runtime.id;\n",
      "src/analyzer/probe.ts",
    );
    expect(ruleIds).toContain("no-restricted-globals");
  });

  it("allows URL in pure folders", async () => {
    const ruleIds = await ruleIdsFor(
      'export const origin = new URL("https://a.example").origin;\n',
      "src/analyzer/probe.ts",
    );
    expect(ruleIds).toEqual([]);
  });

  it("allows extension APIs in src/background", async () => {
    const ruleIds = await ruleIdsFor(
      "export const id = chrome.runtime.id;\n",
      "src/background/probe.ts",
    );
    expect(ruleIds).toEqual([]);
  });
});
