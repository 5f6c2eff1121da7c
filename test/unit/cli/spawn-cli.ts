import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const REPOSITORY = fileURLToPath(new URL("../../../", import.meta.url));
const CLI = fileURLToPath(
  new URL("../../../src/cli/cors-lens.ts", import.meta.url),
);

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `cors-lens` as the bin runs it, in a child Node process (TypeScript loaded by
 * tsx), and collects its exit status and output.
 */
export function runCli(
  args: readonly string[],
  options: {
    readonly nodeOptions?: readonly string[];
    readonly script?: string;
  } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...(options.nodeOptions ?? []),
        "--import",
        "tsx",
        options.script ?? CLI,
        ...args,
      ],
      { cwd: REPOSITORY, env: { ...process.env, NO_COLOR: "1" } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

export function fixture(path: string): string {
  return fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));
}
