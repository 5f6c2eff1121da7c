/**
 * Background of the Firefox test build: CORS Lens's own background, plus a page that the
 * end-to-end tests drive. WebDriver BiDi cannot navigate to moz-extension:// URLs (Firefox
 * 153), but it can evaluate scripts in an extension page that the extension opened itself,
 * and such a page can use every extension API.
 */
import "../../../src/background/background";
import { TEST_HOOK_PAGE } from "./hook-page";

void chrome.tabs
  .create({ url: chrome.runtime.getURL(TEST_HOOK_PAGE), active: false })
  .catch((error: unknown) => {
    console.error("CORS Lens test hook: opening the hook page failed", error);
  });
