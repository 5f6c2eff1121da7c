import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { labUsage } from "./lab-arguments";
import { startLab } from "./lab-server";
import { exitOnInterrupt, OPTION_NAMES, runCommand } from "./command-line";
import { buildExtension } from "./extension-build";
import {
  chromiumExists,
  chromiumPath,
  hasDisplay,
  launchChromium,
} from "./chromium";
import { firefoxPath, launchFirefox } from "./firefox";
import {
  BROWSER_OPTION_HELP,
  parseStartArguments,
  type StartBrowser,
} from "./start-arguments";
import {
  browserInstructions,
  firefoxInstructions,
  firefoxManualInstructions,
  manualInstructions,
} from "./start-instructions";

const COMMAND = "npm start";
const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const EXTENSION_DIRS: Record<StartBrowser, string> = {
  chrome: join(PROJECT_ROOT, "dist", "chrome"),
  firefox: join(PROJECT_ROOT, "dist", "firefox"),
};

const SUMMARY =
  "Builds CORS Lens into dist/chrome (dist/firefox with --browser firefox), starts the lab, and opens the browser with the extension when a display is available.";

/**
 * Builds the extension for the chosen browser, starts the lab, and opens the
 * browser with the extension when a display is available. The lab runs until
 * Ctrl-C.
 */
async function main(): Promise<void> {
  const options = parseStartArguments(process.argv.slice(2));
  if (options.help) {
    console.log(startUsage());
    return;
  }

  await buildExtension(
    PROJECT_ROOT,
    options.browser === "firefox" ? "firefox" : undefined,
  );
  const lab = await startLab(options);
  let browser: OpenBrowser | null = null;
  exitOnInterrupt(async () => {
    await browser?.stop();
    await lab.close();
  });

  const pageUrl = `${lab.pageOrigin}/`;
  console.log(`\nLab page:     ${pageUrl}`);
  console.log(`Scenario API: ${lab.apiOrigin}/api/<scenario>\n`);
  browser =
    options.browser === "firefox"
      ? await openFirefox(pageUrl)
      : openChromium(pageUrl);
  console.log("\nThe lab keeps running until Ctrl-C.");
}

/** Returns the lab's help text with the `--browser` option added. */
function startUsage(): string {
  const lines = labUsage(COMMAND, SUMMARY).split("\n");
  const helpLine = lines.findIndex((line) => line.includes("--help"));
  lines.splice(helpLine, 0, BROWSER_OPTION_HELP);
  return lines.join("\n");
}

interface OpenBrowser {
  /** Closes the browser if it still runs and removes its profile. */
  stop(): Promise<void>;
}

/**
 * Opens the lab page in Chromium with the extension, or prints how to load
 * it by hand when there is no display or no Chromium.
 */
function openChromium(pageUrl: string): OpenBrowser | null {
  const extensionDir = EXTENSION_DIRS.chrome;
  const executable = chromiumPath(process.env);
  if (!hasDisplay(process.env)) {
    console.log(manualInstructions(noDisplayReason(), extensionDir, pageUrl));
    return null;
  }
  if (!chromiumExists(executable)) {
    const reason = `Chromium was not found at ${executable} (set CHROMIUM_PATH to use another).`;
    console.log(manualInstructions(reason, extensionDir, pageUrl));
    return null;
  }

  const profileDir = mkdtempSync(join(tmpdir(), "cors-lens-profile-"));
  const chromium = launchChromium({
    executable,
    extensionDir,
    profileDir,
    url: pageUrl,
  });
  const exited = waitForExit(chromium);
  let stopping = false;

  chromium.on("error", (error) => {
    const reason = `Starting ${executable} failed: ${error.message}.`;
    console.error(manualInstructions(reason, extensionDir, pageUrl));
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
 * Opens the lab page in Firefox with the extension installed as a temporary
 * add-on, in a temporary profile, or prints how to load it by hand in
 * about:debugging when there is no display or no Firefox.
 */
async function openFirefox(pageUrl: string): Promise<OpenBrowser | null> {
  const extensionDir = EXTENSION_DIRS.firefox;
  const executable = firefoxPath(process.env);
  if (!hasDisplay(process.env)) {
    console.log(
      firefoxManualInstructions(noDisplayReason(), extensionDir, pageUrl),
    );
    return null;
  }
  if (!existsSync(executable)) {
    const reason = `Firefox was not found at ${executable} (set FIREFOX_PATH to use another).`;
    console.log(firefoxManualInstructions(reason, extensionDir, pageUrl));
    return null;
  }

  let runner;
  try {
    runner = await launchFirefox({ executable, extensionDir, url: pageUrl });
  } catch (error) {
    const reason = `Starting ${executable} with web-ext failed: ${String(error)}.`;
    console.error(firefoxManualInstructions(reason, extensionDir, pageUrl));
    return null;
  }
  let stopping = false;
  runner.registerCleanup(() => {
    if (!stopping) {
      console.log("Firefox closed. The lab keeps running until Ctrl-C.");
    }
  });
  console.log(firefoxInstructions(pageUrl));

  return {
    stop: async () => {
      stopping = true;
      await runner.exit();
    },
  };
}

function noDisplayReason(): string {
  return "No display is available (DISPLAY and WAYLAND_DISPLAY are unset), so no browser was opened.";
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

runCommand(COMMAND, main, `--browser, ${OPTION_NAMES}`);
