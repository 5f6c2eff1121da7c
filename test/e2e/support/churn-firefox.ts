import type { Page } from "puppeteer-core";
import { TEST_HOOK_PAGE } from "../../support/firefox-test-hook/hook-page";
import type { FirefoxWithExtension } from "./firefox-browser";

const RESTART_WAIT_MS = 30_000;

/**
 * Firefox suspends an idle event page after `extensions.background.idle.timeout`
 * milliseconds (30 s by default in Firefox 153). The churn test sets it short.
 */
export const SHORT_IDLE_TIMEOUT_MS = 1_000;

/**
 * Counts the starts of the Firefox test build's background page: each start opens a
 * test hook page, and an open extension page does not wake or keep the background.
 */
export function backgroundStarts(hook: Page): Promise<number> {
  return hook.evaluate(async (path: string) => {
    const tabs = await chrome.tabs.query({ url: chrome.runtime.getURL(path) });
    return tabs.length;
  }, TEST_HOOK_PAGE);
}

/**
 * Waits until Firefox has suspended the idle background page and started it again,
 * which the open panel does when it reconnects, or throws after 30 s.
 */
export async function waitForBackgroundRestart(
  firefox: FirefoxWithExtension,
): Promise<void> {
  const before = await backgroundStarts(firefox.hook);
  const deadline = Date.now() + RESTART_WAIT_MS;
  while ((await backgroundStarts(firefox.hook)) === before) {
    if (Date.now() > deadline) {
      throw new Error(
        `Firefox did not suspend and restart the background page within ${RESTART_WAIT_MS} ms.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
