import { parseArgs } from "node:util";
import { DEFAULT_API_PORT, DEFAULT_PAGE_PORT } from "./lab-server";

/** The command-line options shared by `npm start` and `npm run lab`. */
export interface LabArguments {
  readonly pagePort: number;
  readonly apiPort: number;
  readonly verbose: boolean;
  readonly help: boolean;
}

/** An invalid command line. The message names the argument and the reason. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const OPTIONS = {
  "page-port": { type: "string" },
  "api-port": { type: "string" },
  verbose: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const MAX_PORT = 65_535;

/** Returns the help text for a command that accepts the lab's options. */
export function labUsage(command: string, summary: string): string {
  return [
    `Usage: ${command} [options]`,
    "",
    summary,
    "",
    "Options:",
    `  --page-port <port>  port of the lab page on 127.0.0.1 (default ${DEFAULT_PAGE_PORT}, 0 picks a free port)`,
    `  --api-port <port>   port of the scenario API on 127.0.0.1 (default ${DEFAULT_API_PORT}, 0 picks a free port)`,
    "  --verbose           print one line per request the lab receives",
    "  -h, --help          print this help",
  ].join("\n");
}

/**
 * Parses the lab's options. Throws UsageError for an unknown option, a
 * positional argument, or a missing or invalid port.
 */
export function parseLabArguments(args: readonly string[]): LabArguments {
  // Non-strict parsing returns every token, so an unknown option can be named
  // in a short message of this command's own.
  const { values, tokens } = parseArgs({
    args: [...args],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  for (const token of tokens) {
    if (token.kind === "positional") {
      throw new UsageError(`unexpected argument "${token.value}"`);
    }
    if (token.kind !== "option") continue;
    if (!Object.hasOwn(OPTIONS, token.name)) {
      throw new UsageError(`unknown option ${token.rawName}`);
    }
    const isStringOption =
      token.name === "page-port" || token.name === "api-port";
    if (isStringOption && token.value === undefined) {
      throw new UsageError(`option ${token.rawName} requires a port number`);
    }
    if (!isStringOption && token.value !== undefined) {
      throw new UsageError(`option ${token.rawName} takes no value`);
    }
  }

  return {
    pagePort: parsePort(values["page-port"], "--page-port", DEFAULT_PAGE_PORT),
    apiPort: parsePort(values["api-port"], "--api-port", DEFAULT_API_PORT),
    verbose: values.verbose === true,
    help: values.help === true,
  };
}

function parsePort(
  value: string | boolean | undefined,
  option: string,
  defaultPort: number,
): number {
  if (value === undefined) return defaultPort;
  const isDigits = typeof value === "string" && /^\d+$/.test(value);
  if (!isDigits || Number(value) > MAX_PORT) {
    throw new UsageError(
      `invalid value "${String(value)}" for ${option}: expected a port number from 0 to ${MAX_PORT}`,
    );
  }
  return Number(value);
}
