import type { OutputTarget } from "./analysis-output";
import { runAnalyze } from "./analyze-command";
import { runCheck } from "./check-command";
import { CliError, EXIT_BAD_INPUT, EXIT_OK } from "./cli-error";
import { MAIN_USAGE } from "./usage";
import { CORS_LENS_VERSION } from "./version";

/** The command's output streams: standard output (with color or not) and standard error. */
export interface CommandStreams {
  readonly stdout: OutputTarget;
  readonly writeError: (text: string) => void;
}

/**
 * Runs the `cors-lens` command line and returns the exit status. A CliError is
 * printed as one line on standard error with status 2; other errors are bugs and
 * propagate.
 */
export async function runCorsLens(
  args: readonly string[],
  streams: CommandStreams,
): Promise<number> {
  try {
    return await dispatch(args, streams);
  } catch (error) {
    if (error instanceof CliError) {
      streams.writeError(`cors-lens: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}

async function dispatch(
  args: readonly string[],
  streams: CommandStreams,
): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case "analyze":
      return runAnalyze(rest, streams.stdout);
    case "check":
      return runCheck(rest, streams.stdout);
    case undefined:
      streams.writeError(MAIN_USAGE);
      return EXIT_BAD_INPUT;
    case "-h":
    case "--help":
    case "help":
      streams.stdout.write(MAIN_USAGE);
      return EXIT_OK;
    case "-v":
    case "--version":
      streams.stdout.write(`${CORS_LENS_VERSION}\n`);
      return EXIT_OK;
    default:
      throw new CliError(
        command.startsWith("-")
          ? `unknown option ${command} (see cors-lens --help)`
          : `unknown command "${command}": use analyze or check (see cors-lens --help)`,
      );
  }
}
