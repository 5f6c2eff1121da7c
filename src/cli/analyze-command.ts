import {
  analyzeAll,
  writeAnalysis,
  type OutputTarget,
} from "./analysis-output";
import { CliError, EXIT_OK } from "./cli-error";
import { OUTPUT_OPTION_DEFINITIONS, readOutputOptions } from "./output-options";
import { parseCommandArguments } from "./parse-arguments";
import { readInputExchanges } from "./read-input";
import { ANALYZE_USAGE } from "./usage";

/** Runs `cors-lens analyze <file>` and returns the exit status. */
export async function runAnalyze(
  args: readonly string[],
  output: OutputTarget,
): Promise<number> {
  const { values, positionals } = parseCommandArguments("analyze", {
    args: [...args],
    options: OUTPUT_OPTION_DEFINITIONS,
    allowPositionals: true,
    strict: true,
  });
  if (values.help === true) {
    output.write(ANALYZE_USAGE);
    return EXIT_OK;
  }
  const options = readOutputOptions(values);
  const [path, ...extra] = positionals;
  if (path === undefined) {
    throw new CliError(
      "analyze: missing the file to analyze (see cors-lens analyze --help)",
    );
  }
  if (extra.length > 0) {
    throw new CliError(
      `analyze: expected one file, got ${positionals.length}: ${positionals.join(" ")}`,
    );
  }
  const input = await readInputExchanges(path);
  return writeAnalysis(analyzeAll(input.exchanges), options, output);
}
