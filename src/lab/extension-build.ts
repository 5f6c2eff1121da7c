import { spawn } from "node:child_process";
import { CommandError } from "./command-line";

/**
 * Builds one target of the extension with `npx vite build --mode <target>`, which writes
 * `dist/<target>`; without a target, `npx vite build` writes the Chrome build to
 * `dist/chrome`. The build's output goes to this terminal. Throws CommandError when the
 * build cannot start or fails.
 */
export function buildExtension(
  projectRoot: string,
  target?: "firefox",
): Promise<void> {
  const args = [
    "vite",
    "build",
    ...(target === undefined ? [] : ["--mode", target]),
  ];
  const command = `npx ${args.join(" ")}`;
  return new Promise((resolve, reject) => {
    const build = spawn("npx", args, {
      cwd: projectRoot,
      stdio: "inherit",
    });
    build.on("error", (error) => {
      reject(new CommandError(`running ${command} failed: ${error.message}`));
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
          `the extension build failed because ${command} ${ending}. Fix the errors above and run the command again.`,
        ),
      );
    });
  });
}
