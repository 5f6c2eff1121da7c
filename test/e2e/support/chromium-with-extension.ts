import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CHROMIUM_LOOPBACK_ONLY_ARGS } from "../../../src/lab/chromium";
import {
  chromium,
  type BrowserContext,
  type Page,
  type Worker,
} from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The build with webRequest and host access granted at install, as the tests need. */
export const CHROME_BUILD = resolve("dist/chrome-test");
/** The build users install: webRequest and host access are optional permissions. */
export const CHROME_PRODUCT_BUILD = resolve("dist/chrome");

export interface ChromiumLaunchOptions {
  /** The unpacked extension to load; `CHROME_BUILD` when left out. */
  readonly build?: string;
  /** More Chromium flags, such as `--auto-open-devtools-for-tabs`. */
  readonly args?: readonly string[];
}

export interface ChromiumWithExtension {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** The extension's service worker as it runs now (it changes after a restart). */
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/**
 * Starts the system Chromium, headless, with the built extension loaded. Fails when
 * Chromium or the build is missing: a browser test that cannot run is a failed test.
 */
export async function launchChromiumWithExtension(
  options: ChromiumLaunchOptions = {},
): Promise<ChromiumWithExtension> {
  const build = options.build ?? CHROME_BUILD;
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  if (!existsSync(join(build, "manifest.json"))) {
    throw new Error(`No extension build in ${build}: run npm run build first.`);
  }
  const profile = mkdtempSync(join(tmpdir(), "cors-lens-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    acceptDownloads: true,
    args: [
      `--disable-extensions-except=${build}`,
      `--load-extension=${build}`,
      "--no-sandbox",
      ...CHROMIUM_LOOPBACK_ONLY_ARGS,
      ...(options.args ?? []),
    ],
  });
  const worker = async (): Promise<Worker> => {
    const running = context
      .serviceWorkers()
      .find((candidate) => candidate.url().startsWith("chrome-extension://"));
    return running ?? (await context.waitForEvent("serviceworker"));
  };
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    worker,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Returns the tab id Chromium gave the page, as the extension sees it. */
export async function tabIdOf(
  browser: ChromiumWithExtension,
  page: Page,
): Promise<number> {
  const url = page.url();
  const worker = await browser.worker();
  const tabIds = await worker.evaluate(async (wanted: string) => {
    const tabs = await chrome.tabs.query({});
    return tabs.filter((tab) => tab.url === wanted).map((tab) => tab.id);
  }, url);
  const [tabId] = tabIds;
  if (tabIds.length !== 1 || tabId === undefined) {
    throw new Error(`Expected one tab showing ${url}, found ${tabIds.length}.`);
  }
  return tabId;
}

/**
 * Stops the extension's service worker the way Chromium does when it is idle, through
 * the DevTools protocol, and waits until it is gone.
 */
export async function stopServiceWorker(
  browser: ChromiumWithExtension,
  anyPage: Page,
): Promise<void> {
  const session = await browser.context.newCDPSession(anyPage);
  const { targetInfos } = await session.send("Target.getTargets");
  const target = targetInfos.find(
    (info) =>
      info.type === "service_worker" &&
      info.url.startsWith(`chrome-extension://${browser.extensionId}/`),
  );
  if (target === undefined)
    throw new Error("The extension's service worker is not running.");
  await session.send("Target.closeTarget", { targetId: target.targetId });
  await session.detach();
}
