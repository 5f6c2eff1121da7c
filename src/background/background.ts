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
// wakes a stopped worker and reaches it.
listenToWebRequest((event) => controller.handleEvent(event));
chrome.runtime.onConnect.addListener((port) => ports.accept(port));
chrome.tabs.onRemoved.addListener((tabId) => void controller.forgetTab(tabId));
chrome.storage.onChanged.addListener((changes, areaName) => {
  if (areaName === "local") controller.applySettings(changes);
});
