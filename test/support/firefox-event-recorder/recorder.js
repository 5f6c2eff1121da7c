/* global chrome */
// Keeps every webRequest event with the same options CORS Lens registers in Firefox:
// no "extraHeaders" (Firefox rejects it) and no third argument to onErrorOccurred.
const recordedEvents = [];

const filter = { urls: ["http://*/*", "https://*/*"] };
const listeners = {
  onBeforeRequest: [],
  onSendHeaders: ["requestHeaders"],
  onHeadersReceived: ["responseHeaders"],
  onBeforeRedirect: ["responseHeaders"],
  onCompleted: [],
  onErrorOccurred: null,
};
for (const [event, extraInfoSpec] of Object.entries(listeners)) {
  const listener = (details) => {
    recordedEvents.push({ event, details });
  };
  if (extraInfoSpec === null) {
    chrome.webRequest[event].addListener(listener, filter);
  } else {
    chrome.webRequest[event].addListener(listener, filter, extraInfoSpec);
  }
}

// The recording script cannot reach this background page, so it reads the events
// through this page, which it can evaluate scripts in.
chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message === "take-recorded-events") {
    sendResponse(JSON.stringify(recordedEvents.splice(0)));
  }
});
chrome.tabs.create({ url: chrome.runtime.getURL("recorder.html") });
