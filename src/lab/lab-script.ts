import { readFile } from "node:fs/promises";

const SCRIPT_URL = new URL("./browser/lab-page-script.ts", import.meta.url);

let compiledScript: Promise<string> | undefined;

/**
 * Returns the lab page's script as JavaScript, compiled once per process.
 * The TypeScript compiler only strips types here, so the script stays
 * type-checked with the rest of the project and needs no build step.
 */
export function labPageScript(): Promise<string> {
  compiledScript ??= compileLabPageScript();
  return compiledScript;
}

async function compileLabPageScript(): Promise<string> {
  // Loaded on first use, so commands that never serve /lab.js start without
  // loading the compiler.
  const { default: ts } = await import("typescript");
  const source = await readFile(SCRIPT_URL, "utf8");
  const output = ts.transpileModule(source, {
    fileName: SCRIPT_URL.pathname,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      verbatimModuleSyntax: true,
    },
  });
  return output.outputText;
}
