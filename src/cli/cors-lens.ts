import { shouldColor } from "./analysis-output";
import { runCorsLens } from "./main";

// The entry point of the `cors-lens` bin.
const status = await runCorsLens(process.argv.slice(2), {
  stdout: {
    write: (text) => process.stdout.write(text),
    color: shouldColor(process.stdout.isTTY, process.env),
  },
  writeError: (text) => process.stderr.write(text),
});
process.exitCode = status;
