import { labUsage, parseLabArguments } from "./lab-arguments";
import { startLab } from "./lab-server";
import { exitOnInterrupt, runCommand } from "./command-line";

const COMMAND = "npm run lab";

/** Starts the lab from the command line and keeps it running until Ctrl-C. */
async function main(): Promise<void> {
  const options = parseLabArguments(process.argv.slice(2));
  if (options.help) {
    console.log(
      labUsage(COMMAND, "Serves the CORS Lens lab page and its scenario API."),
    );
    return;
  }

  const lab = await startLab(options);
  exitOnInterrupt(() => lab.close());
  console.log(`Lab page:     ${lab.pageOrigin}/`);
  console.log(`Scenario API: ${lab.apiOrigin}/api/<scenario>`);
  console.log("Press Ctrl-C to stop.");
}

runCommand(COMMAND, main);
