import { spawnSync } from "node:child_process";

/** The POSIX shells the quoting is checked with: Debian's /bin/sh is dash. */
export const SHELLS = ["bash", "dash"] as const;

/**
 * Runs `script` in `shell` with a `curl` function that prints each argument it gets,
 * NUL-terminated, and returns the arguments of every call, in order. No program
 * other than the shell and its `printf` builtin runs.
 */
export function curlArguments(shell: string, script: string): string[] {
  const printer = `curl() { for argument in "$@"; do printf '%s\\0' "$argument"; done; }\n`;
  const result = spawnSync(shell, ["-c", printer + script], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C.UTF-8" },
  });
  if (result.status !== 0) {
    throw new Error(
      `${shell} failed with status ${String(result.status)}: ${result.stderr}`,
    );
  }
  const printed = result.stdout;
  return printed === "" ? [] : printed.slice(0, -1).split("\0");
}
