import { existsSync } from "node:fs";
import puppeteer, { type Browser } from "puppeteer-core";

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

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
    extraPrefsFirefox: prefs,
  });
}
