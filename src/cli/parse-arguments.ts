import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./cli-error";

/**
 * Runs `util.parseArgs` in strict mode and turns its errors (unknown option, missing
 * value) into one-line CliErrors that name the command and point to its help.
 */
export function parseCommandArguments<T extends ParseArgsConfig>(
  command: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    if (isParseArgsError(error)) {
      throw new CliError(
        `${command}: ${firstSentence(error.message)} (see cors-lens ${command} --help)`,
        { cause: error },
      );
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): error is Error & { code: string } {
  return (
    error instanceof Error &&
    "code" in error &&
    typeof error.code === "string" &&
    error.code.startsWith("ERR_PARSE_ARGS")
  );
}

/** Node's messages add advice about `--` in a second sentence; one line is enough. */
function firstSentence(message: string): string {
  const end = message.indexOf(". ");
  return end < 0 ? message.replace(/\.$/, "") : message.slice(0, end);
}
