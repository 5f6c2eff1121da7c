import type { Page } from "playwright-core";
import type { ChromiumWithExtension } from "./chromium-with-extension";

export const PANEL_PATH = "src/panel/panel.html";

/** Opens the CORS panel as a detached view of the tab and waits until it is connected. */
export async function openDetachedPanel(
  browser: ChromiumWithExtension,
  tabId: number,
): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.goto(
    `chrome-extension://${browser.extensionId}/${PANEL_PATH}?tabId=${tabId}`,
  );
  await panel
    .getByTestId("connection-status")
    .and(panel.locator('[data-state="connected"]'))
    .waitFor();
  return panel;
}
