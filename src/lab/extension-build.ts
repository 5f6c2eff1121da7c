import { spawn } from "node:child_process";
import { CommandError } from "./command-line";

/**
 * Builds the Chrome extension with `npx vite build`, which writes
 * `dist/chrome`. The build's output goes to this terminal. Throws
 * CommandError when the build cannot start or fails.
 */
export function buildExtension(projectRoot: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const build = spawn("npx", ["vite", "build"], {
      cwd: projectRoot,
      stdio: "inherit",
    });
    build.on("error", (error) => {
      reject(
        new CommandError(`running npx vite build failed: ${error.message}`),
      );
    });
    build.on("exit", (code, signal) => {
      if (code === 0) {
        resolve();
        return;
      }
      const ending =
        signal === null
          ? `exited with code ${String(code)}`
          : `was stopped by ${signal}`;
      reject(
        new CommandError(
          `the extension build failed because npx vite build ${ending}. Fix the errors above and run the command again.`,
        ),
      );
    });
  });
}
