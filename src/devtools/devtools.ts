import browser from "webextension-polyfill";
import { connectToBackground } from "../panel/background-connection";
import { connectExtensionPort } from "../panel/extension-port";
import { CAPTURES_IN_DEVTOOLS } from "./capture-location";
import { captureInDevtools } from "./devtools-capture-channel";

// Capture starts when DevTools opens, before the panel is first shown: here, or in the
// background, which records the inspected tab while this port is open.
const capture = CAPTURES_IN_DEVTOOLS ? captureInDevtools() : null;
if (capture === null) {
  connectToBackground({
    role: "devtools",
    tabId: browser.devtools.inspectedWindow.tabId,
    connect: connectExtensionPort,
  });
}

// Firefox resolves a path without a leading "/" against this page's URL, Chromium
// against the extension root (MDN, devtools.panels.create); "/" works in both.
browser.devtools.panels
  .create("CORS", "/icons/icon-32.png", "/src/panel/panel.html")
  .then(
    (panel) => {
      panel.onShown.addListener(() => capture?.setPanelShown(true));
      panel.onHidden.addListener(() => capture?.setPanelShown(false));
    },
    (error: unknown) => {
      console.error("CORS Lens: creating the CORS panel failed", error);
    },
  );
