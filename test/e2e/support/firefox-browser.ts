import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { LOOPBACK_ONLY_FIREFOX_PREFS } from "../../../src/lab/firefox";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { TEST_HOOK_PAGE } from "../../support/firefox-test-hook/hook-page";

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

/** The Firefox build with the test hook, written by `npm run build`. */
export const FIREFOX_TEST_BUILD = resolve("dist/firefox-test");

const PAGE_WAIT_MS = 15_000;

/**
 * Starts the system Firefox, headless, driven over WebDriver BiDi. Fails when Firefox is
 * missing: a browser test that cannot run is a failed test.
 */
export async function launchFirefox(
  prefs: Record<string, unknown> = {},
): Promise<Browser> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox not found at ${FIREFOX_PATH}: install it (apt-get install firefox-esr) or set FIREFOX_PATH.`,
    );
  }
  return puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: { ...LOOPBACK_ONLY_FIREFOX_PREFS, ...prefs },
  });
}

/** Preferences that save every download to `folder` without asking. */
export function downloadPrefs(folder: string): Record<string, unknown> {
  return {
    "browser.download.folderList": 2,
    "browser.download.dir": folder,
    "browser.download.useDownloadDir": true,
    "browser.download.always_ask_before_handling_new_types": false,
    "browser.download.start_downloads_in_tmp_dir": false,
    "browser.helperApps.neverAsk.saveToDisk": "application/json",
  };
}

/** Returns the address that the page's own `location` reports. */
export function locationOf(page: Page): Promise<string> {
  // Puppeteer reports about:blank for a moz-extension page, because BiDi sends no
  // navigation events for it (Firefox 153); the page's own location is right.
  return page.evaluate(() => location.href).catch(() => "");
}

/**
 * Waits for an open extension page whose address, without the query, ends with `path`,
 * and returns it.
 */
export async function findExtensionPage(
  browser: Browser,
  path: string,
  search = "",
): Promise<Page> {
  const deadline = Date.now() + PAGE_WAIT_MS;
  for (;;) {
    for (const page of await browser.pages()) {
      const href = await locationOf(page);
      if (!href.startsWith("moz-extension://")) continue;
      const url = new URL(href);
      if (url.pathname === `/${path}` && url.search === search) return page;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `No extension page ${path}${search} opened within ${PAGE_WAIT_MS} ms.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Firefox with the CORS Lens test build installed, and the test hook page it opened. */
export interface FirefoxWithExtension {
  readonly browser: Browser;
  /** An extension page of CORS Lens, where extension APIs can be called. */
  readonly hook: Page;
  close(): Promise<void>;
}

/**
 * Starts the system Firefox with the CORS Lens test build installed as a temporary
 * add-on, and waits for the test hook page its background opens.
 */
export async function launchFirefoxWithExtension(
  prefs: Record<string, unknown> = {},
): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_TEST_BUILD, "manifest.json"))) {
    throw new Error(
      `No extension build in ${FIREFOX_TEST_BUILD}: run npm run build first.`,
    );
  }
  const browser = await launchFirefox(prefs);
  try {
    await browser.installExtension(FIREFOX_TEST_BUILD);
    const hook = await findExtensionPage(browser, TEST_HOOK_PAGE);
    return { browser, hook, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Returns the extension API's id of the one tab showing `url`. */
export async function firefoxTabIdOf(
  firefox: FirefoxWithExtension,
  url: string,
): Promise<number> {
  const tabIds = await firefox.hook.evaluate(async (wanted: string) => {
    const tabs = await chrome.tabs.query({});
    return tabs.filter((tab) => tab.url === wanted).map((tab) => tab.id);
  }, url);
  const [tabId] = tabIds;
  if (tabIds.length !== 1 || tabId === undefined) {
    throw new Error(`Expected one tab showing ${url}, found ${tabIds.length}.`);
  }
  return tabId;
}

export const PANEL_PATH = "src/panel/panel.html";

/**
 * Opens the CORS panel as a detached view of the tab, the way a user would by typing its
 * address, and waits until it is connected to the background.
 */
export async function openFirefoxDetachedPanel(
  firefox: FirefoxWithExtension,
  tabId: number,
): Promise<Page> {
  const search = `?tabId=${tabId}`;
  await firefox.hook.evaluate(async (url: string) => {
    await chrome.tabs.create({ url: chrome.runtime.getURL(url) });
  }, `${PANEL_PATH}${search}`);
  const panel = await findExtensionPage(firefox.browser, PANEL_PATH, search);
  await panel.waitForSelector(
    '[data-testid="connection-status"][data-state="connected"]',
    { timeout: PAGE_WAIT_MS },
  );
  return panel;
}
