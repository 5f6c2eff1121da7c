import type { Page } from "playwright-core";
import { tabIdOf, type ChromiumWithExtension } from "./chromium-with-extension";
import { openDetachedPanel } from "./detached-panel";
import { waitForValue } from "./firefox-panel";
import { sendHostileRequests } from "./hostile-page";
import { HOSTILE_CASES, HOSTILE_REQUEST_VALUE } from "./hostile-payloads";

/** A Chromium tab showing the hostile page, and the detached panel recording it. */
export interface ChromiumHostileTab {
  readonly page: Page;
  readonly panel: Page;
  close(): Promise<void>;
}

/** Opens `pageUrl` in a new tab and the detached CORS panel recording that tab. */
export async function openChromiumHostileTab(
  browser: ChromiumWithExtension,
  pageUrl: string,
): Promise<ChromiumHostileTab> {
  const page = await browser.context.newPage();
  await page.goto(pageUrl);
  const panel = await openDetachedPanel(browser, await tabIdOf(browser, page));
  return {
    page,
    panel,
    close: async () => {
      await panel.close();
      await page.close();
    },
  };
}

/**
 * Sends every hostile request from the tab's page, and waits until the panel lists
 * one exchange per hostile case.
 */
export async function sendHostileRequestsInChromium(
  tab: ChromiumHostileTab,
  apiOrigin: string,
): Promise<void> {
  await tab.page.evaluate(sendHostileRequests, {
    apiOrigin,
    paths: HOSTILE_CASES.map((hostile) => hostile.path),
    hostileValue: HOSTILE_REQUEST_VALUE,
  });
  await waitForValue(
    () => tab.panel.getByTestId("exchange-count").getAttribute("data-count"),
    String(HOSTILE_CASES.length),
  );
}
