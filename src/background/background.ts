import { CaptureController } from "./capture-controller";
import { PagePorts } from "./page-ports";
import { listenToWebRequest } from "./web-request-listeners";

const controller = new CaptureController(
  { session: chrome.storage.session, local: chrome.storage.local },
  (tabId, message) => ports.sendToPanels(tabId, message),
);

const ports = new PagePorts({
  onSubscribe: (tabId, send) => void controller.subscribe(tabId, send),
  onUnsubscribe: (tabId) => controller.unsubscribe(tabId),
  onClear: (tabId) => void controller.clear(tabId),
  onSetOptions: (tabId, change) => void controller.setOptions(tabId, change),
});

// Every listener is registered in the worker's first turn, so that each of these events
// wakes a stopped worker and reaches it. In Chrome webRequest is an optional permission,
// asked for by the detached view: while any extension has it, Chromium routes every
// request of the profile through the extension network proxy (`MayHaveProxies` in
// extensions/browser/api/web_request/web_request_api.cc). Without it `chrome.webRequest`
// is undefined and DevTools capture needs no listener here.
let listening = false;
function listenWhenPermitted(): void {
  if (listening || chrome.webRequest === undefined) return;
  listening = true;
  listenToWebRequest((event) => controller.handleEvent(event));
}
listenWhenPermitted();
chrome.permissions.onAdded.addListener(listenWhenPermitted);
chrome.runtime.onConnect.addListener((port) => ports.accept(port));
chrome.tabs.onRemoved.addListener((tabId) => void controller.forgetTab(tabId));
chrome.storage.onChanged.addListener((changes, areaName) => {
  if (areaName === "local") controller.applySettings(changes);
});
