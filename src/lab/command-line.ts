import { UsageError } from "./lab-arguments";
import { LabListenError } from "./lab-server";

/** Exit code for an invalid command line, as many Unix tools do. */
const USAGE_EXIT_CODE = 2;

/** The options of the lab's commands, as a usage error lists them. */
export const OPTION_NAMES = "--page-port, --api-port, --verbose, --help";

const PORT_OPTIONS = { page: "--page-port", api: "--api-port" } as const;

/**
 * Runs a command's main function and turns its expected failures into one
 * line on stderr: exit code 2 for usage errors, 1 for the rest. Unexpected
 * errors keep their stack trace, because they are bugs. A usage error lists
 * `optionNames`, the lab's options unless the command has others.
 */
export function runCommand(
  command: string,
  main: () => Promise<void>,
  optionNames: string = OPTION_NAMES,
): void {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${command}: ${error.message} (options: ${optionNames})`);
      process.exit(USAGE_EXIT_CODE);
    }
    if (error instanceof LabListenError) {
      console.error(`${command}: ${describeListenError(error)}`);
      process.exit(1);
    }
    if (error instanceof CommandError) {
      console.error(`${command}: ${error.message}`);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  });
}

/** An expected failure that the command reports in one line, without a stack. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandError";
  }
}

/** Returns a one-line message naming the port and the option that sets it. */
export function describeListenError(error: LabListenError): string {
  const option = PORT_OPTIONS[error.role];
  const server = error.role === "page" ? "lab page" : "scenario API";
  return `${error.message} The ${server} needs it; choose another port with ${option}.`;
}

/**
 * Runs `cleanup` and exits with code 0 on the first Ctrl-C (SIGINT) or
 * SIGTERM, so the command runs until then.
 */
export function exitOnInterrupt(cleanup: () => Promise<void>): void {
  const onSignal = (signal: NodeJS.Signals): void => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    console.log(`\nReceived ${signal}, stopping.`);
    cleanup().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Stopping failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
