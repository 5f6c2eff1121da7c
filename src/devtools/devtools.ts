import browser from "webextension-polyfill";
import { connectToBackground } from "../panel/background-connection";
import { connectExtensionPort } from "../panel/extension-port";

// Firefox resolves a path without a leading "/" against this page's URL, Chromium
// against the extension root (MDN, devtools.panels.create); "/" works in both.
void browser.devtools.panels
  .create("CORS", "/icons/icon-32.png", "/src/panel/panel.html")
  .catch((error: unknown) => {
    console.error("CORS Lens: creating the CORS panel failed", error);
  });

// The background records the inspected tab while this port is open, so capture starts
// when DevTools opens, before the panel is first shown.
connectToBackground({
  role: "devtools",
  tabId: browser.devtools.inspectedWindow.tabId,
  connect: connectExtensionPort,
});
