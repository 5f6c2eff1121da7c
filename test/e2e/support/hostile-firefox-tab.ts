import type { Page } from "puppeteer-core";
import {
  firefoxTabIdOf,
  openFirefoxDetachedPanel,
  type FirefoxWithExtension,
} from "./firefox-browser";
import { attributeOf, waitForValue } from "./firefox-panel";
import { sendHostileRequests } from "./hostile-page";
import { HOSTILE_CASES, HOSTILE_REQUEST_VALUE } from "./hostile-payloads";

/** A Firefox tab showing the hostile page, and the detached panel recording it. */
export interface FirefoxHostileTab {
  readonly page: Page;
  readonly panel: Page;
  close(): Promise<void>;
}

/**
 * Opens `pageUrl` in a new tab and the detached CORS panel recording that tab. No
 * other tab may show `pageUrl`.
 */
export async function openFirefoxHostileTab(
  firefox: FirefoxWithExtension,
  pageUrl: string,
): Promise<FirefoxHostileTab> {
  const page = await firefox.browser.newPage();
  await page.goto(pageUrl);
  const panel = await openFirefoxDetachedPanel(
    firefox,
    await firefoxTabIdOf(firefox, pageUrl),
  );
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
 * Sends every hostile request from the tab's page, waits until the panel lists one
 * exchange per hostile case, and brings the panel to the front, because a hidden
 * tab runs no animation frames (HTML Standard, "update the rendering").
 */
export async function sendHostileRequestsInFirefox(
  tab: FirefoxHostileTab,
  apiOrigin: string,
): Promise<void> {
  await tab.page.evaluate(sendHostileRequests, {
    apiOrigin,
    paths: HOSTILE_CASES.map((hostile) => hostile.path),
    hostileValue: HOSTILE_REQUEST_VALUE,
  });
  await waitForValue(
    () =>
      attributeOf(tab.panel, '[data-testid="exchange-count"]', "data-count"),
    String(HOSTILE_CASES.length),
  );
  await tab.panel.bringToFront();
}
