import { runCorsLens } from "../../../src/cli/main";

/** Runs the command line in this process and collects its status and output. */
export async function runInProcess(
  args: readonly string[],
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await runCorsLens(args, {
    stdout: {
      write: (text) => {
        stdout += text;
      },
      color: false,
    },
    writeError: (text) => {
      stderr += text;
    },
  });
  return { status, stdout, stderr };
}
