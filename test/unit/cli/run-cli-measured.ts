/**
 * Runs the command line in this process with its output counted, not printed, then
 * prints one JSON line: exit status, output length, wall time and peak resident set
 * size. Used by the large-HAR test and the benchmark to measure the CLI's cost.
 */
import { runCorsLens } from "../../../src/cli/main";

const started = performance.now();
let outputLength = 0;
const status = await runCorsLens(process.argv.slice(2), {
  stdout: {
    write: (text) => {
      outputLength += text.length;
    },
    color: false,
  },
  writeError: (text) => process.stderr.write(text),
});
process.stdout.write(
  `${JSON.stringify({
    status,
    outputLength,
    milliseconds: performance.now() - started,
    // resourceUsage().maxRSS is in kilobytes.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
