import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { labUsage, parseLabArguments } from "./lab-arguments";
import { startLab } from "./lab-server";
import { exitOnInterrupt, runCommand } from "./command-line";
import { buildExtension } from "./extension-build";
import {
  chromiumExists,
  chromiumPath,
  hasDisplay,
  launchChromium,
} from "./chromium";
import { browserInstructions, manualInstructions } from "./start-instructions";

const COMMAND = "npm start";
const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const EXTENSION_DIR = join(PROJECT_ROOT, "dist", "chrome");

/**
 * Builds the extension, starts the lab, and opens Chromium with the extension
 * when a display is available. The lab runs until Ctrl-C.
 */
async function main(): Promise<void> {
  const options = parseLabArguments(process.argv.slice(2));
  if (options.help) {
    console.log(
      labUsage(
        COMMAND,
        "Builds CORS Lens into dist/chrome, starts the lab, and opens Chromium with the extension when a display is available.",
      ),
    );
    return;
  }

  await buildExtension(PROJECT_ROOT);
  const lab = await startLab(options);
  let browser: OpenBrowser | null = null;
  exitOnInterrupt(async () => {
    await browser?.stop();
    await lab.close();
  });

  const pageUrl = `${lab.pageOrigin}/`;
  console.log(`\nLab page:     ${pageUrl}`);
  console.log(`Scenario API: ${lab.apiOrigin}/api/<scenario>\n`);
  browser = openBrowser(pageUrl);
  console.log("\nThe lab keeps running until Ctrl-C.");
}

interface OpenBrowser {
  /** Closes Chromium if it still runs and removes its profile. */
  stop(): Promise<void>;
}

/**
 * Opens the lab page in Chromium with the extension, or prints how to load
 * it by hand when there is no display or no Chromium.
 */
function openBrowser(pageUrl: string): OpenBrowser | null {
  const executable = chromiumPath(process.env);
  if (!hasDisplay(process.env)) {
    const reason =
      "No display is available (DISPLAY and WAYLAND_DISPLAY are unset), so no browser was opened.";
    console.log(manualInstructions(reason, EXTENSION_DIR, pageUrl));
    return null;
  }
  if (!chromiumExists(executable)) {
    const reason = `Chromium was not found at ${executable} (set CHROMIUM_PATH to use another).`;
    console.log(manualInstructions(reason, EXTENSION_DIR, pageUrl));
    return null;
  }

  const profileDir = mkdtempSync(join(tmpdir(), "cors-lens-profile-"));
  const chromium = launchChromium({
    executable,
    extensionDir: EXTENSION_DIR,
    profileDir,
    url: pageUrl,
  });
  const exited = waitForExit(chromium);
  let stopping = false;

  chromium.on("error", (error) => {
    const reason = `Starting ${executable} failed: ${error.message}.`;
    console.error(manualInstructions(reason, EXTENSION_DIR, pageUrl));
  });
  void exited.then((ending) => {
    removeProfile(profileDir);
    if (!stopping) {
      console.log(`Chromium ${ending}. The lab keeps running until Ctrl-C.`);
    }
  });
  console.log(browserInstructions(pageUrl));

  return {
    stop: async () => {
      stopping = true;
      if (chromium.exitCode === null && chromium.signalCode === null) {
        chromium.kill("SIGTERM");
      }
      await exited;
    },
  };
}

/**
 * Resolves once the process has exited or failed to start, with the words
 * that describe how it ended ("exited with code 1").
 */
function waitForExit(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    child.once("close", (code, signal) => {
      if (signal !== null) resolve(`was stopped by ${signal}`);
      else if (code === 0) resolve("closed");
      else resolve(`exited with code ${String(code)}`);
    });
    child.once("error", () => resolve("failed to start"));
  });
}

function removeProfile(profileDir: string): void {
  try {
    rmSync(profileDir, { recursive: true, force: true });
  } catch (error) {
    console.warn(
      `Could not remove the Chromium profile ${profileDir}: ${String(error)}`,
    );
  }
}

runCommand(COMMAND, main);
