import type { Page } from "playwright-core";
import type { ChromiumWithExtension } from "./chromium-with-extension";
import { PANEL_PATH } from "./detached-panel";

/**
 * Opens the CORS panel in a tab of its own, recording that same tab, so that no page
 * or server is needed. Extension pages make no requests webRequest reports, so live
 * capture stays empty.
 */
export async function openSelfRecordingPanel(
  browser: ChromiumWithExtension,
): Promise<Page> {
  const panel = await browser.context.newPage();
  const base = `chrome-extension://${browser.extensionId}/${PANEL_PATH}`;
  // Without `?tabId=` the panel connects to nothing, but it can look up its own tab.
  await panel.goto(base);
  const tabId = await panel.evaluate(async () => {
    const tab = await chrome.tabs.getCurrent();
    if (tab?.id === undefined) throw new Error("The panel has no tab id.");
    return tab.id;
  });
  await panel.goto(`${base}?tabId=${tabId}`);
  await panel
    .getByTestId("connection-status")
    .and(panel.locator('[data-state="connected"]'))
    .waitFor();
  return panel;
}

/**
 * Imports `harText` through the panel's "Import HAR" file input and waits until the
 * list counts `exchangeCount` requests.
 */
export async function importHar(
  panel: Page,
  harText: string,
  exchangeCount: number,
  timeoutMs = 120_000,
): Promise<void> {
  await panel.getByTestId("import-har-file").setInputFiles({
    name: "list.har",
    mimeType: "application/json",
    buffer: Buffer.from(harText),
  });
  await panel
    .locator(
      `[data-testid="exchange-count"][data-count="${String(exchangeCount)}"]`,
    )
    .waitFor({ timeout: timeoutMs });
}
