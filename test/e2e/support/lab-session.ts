import type { Page } from "playwright-core";
import { startLab } from "../../../src/lab/lab-server";
import {
  launchChromiumWithExtension,
  tabIdOf,
  type ChromiumWithExtension,
} from "./chromium-with-extension";
import { openDetachedPanel } from "./detached-panel";

/** What the lab page's `runScenario` resolves to. */
export interface ScenarioOutcome {
  readonly id: string;
  readonly ok: boolean;
  readonly status: number | null;
  readonly error: string | null;
}

export interface LabSession {
  readonly lab: Awaited<ReturnType<typeof startLab>>;
  readonly browser: ChromiumWithExtension;
  readonly labPage: Page;
  readonly tabId: number;
  readonly panel: Page;
  runScenario(id: string): Promise<ScenarioOutcome>;
  scenarioUrl(id: string): string;
  close(): Promise<void>;
}

/**
 * Starts the lab on free loopback ports, Chromium with the extension, the lab page, and
 * the detached CORS panel recording the lab page's tab.
 */
export async function openLabSession(): Promise<LabSession> {
  const lab = await startLab({ pagePort: 0, apiPort: 0 });
  const browser = await launchChromiumWithExtension().catch(
    async (error: unknown) => {
      await lab.close();
      throw error;
    },
  );
  const labPage = await browser.context.newPage();
  await labPage.goto(`${lab.pageOrigin}/`);
  const tabId = await tabIdOf(browser, labPage);
  const panel = await openDetachedPanel(browser, tabId);
  return {
    lab,
    browser,
    labPage,
    tabId,
    panel,
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
      await browser.close();
      await lab.close();
    },
  };
}
