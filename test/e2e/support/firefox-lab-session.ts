import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { startLab, type RunningLab } from "../../../src/lab/lab-server";
import {
  downloadPrefs,
  firefoxTabIdOf,
  launchFirefoxWithExtension,
  openFirefoxDetachedPanel,
  type FirefoxWithExtension,
} from "./firefox-browser";
import type { ScenarioOutcome } from "./lab-session";

export interface FirefoxLabSession {
  readonly lab: RunningLab;
  readonly firefox: FirefoxWithExtension;
  readonly labPage: Page;
  readonly tabId: number;
  readonly panel: Page;
  /** Folder Firefox saves downloads to, without asking. */
  readonly downloadFolder: string;
  runScenario(id: string): Promise<ScenarioOutcome>;
  scenarioUrl(id: string): string;
  close(): Promise<void>;
}

export interface FirefoxLabSessionOptions {
  /** A running lab to use, left running on close. Without it, a lab is started. */
  readonly lab?: RunningLab;
  /** Firefox preferences added to the test profile's. */
  readonly prefs?: Record<string, unknown>;
}

/**
 * Starts Firefox with the CORS Lens test build, opens the lab page and the detached CORS
 * panel recording its tab.
 */
export async function openFirefoxLabSession(
  options: FirefoxLabSessionOptions = {},
): Promise<FirefoxLabSession> {
  const sharedLab = options.lab;
  const lab = sharedLab ?? (await startLab({ pagePort: 0, apiPort: 0 }));
  const downloadFolder = mkdtempSync(join(tmpdir(), "cors-lens-downloads-"));
  const cleanUp = async () => {
    rmSync(downloadFolder, { recursive: true, force: true });
    if (sharedLab === undefined) await lab.close();
  };
  let firefox: FirefoxWithExtension;
  try {
    firefox = await launchFirefoxWithExtension({
      ...downloadPrefs(downloadFolder),
      ...options.prefs,
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  try {
    const labPage = await firefox.browser.newPage();
    const pageUrl = `${lab.pageOrigin}/`;
    await labPage.goto(pageUrl);
    const tabId = await firefoxTabIdOf(firefox, pageUrl);
    const panel = await openFirefoxDetachedPanel(firefox, tabId);
    return {
      lab,
      firefox,
      labPage,
      tabId,
      panel,
      downloadFolder,
      runScenario: (id) =>
        labPage.evaluate(
          (scenarioId) =>
            (
              window as unknown as {
                runScenario(id: string): Promise<ScenarioOutcome>;
              }
            ).runScenario(scenarioId),
          id,
        ),
      scenarioUrl: (id) => `${lab.apiOrigin}/api/${id}`,
      close: async () => {
        await firefox.close();
        await cleanUp();
      },
    };
  } catch (error) {
    await firefox.close();
    await cleanUp();
    throw error;
  }
}
