// Keeps every webRequest event with the same options CORS Lens registers, so that the
// recorded sequences are what the extension's own listeners receive.
const recordedEvents = [];
globalThis.takeRecordedEvents = () => recordedEvents.splice(0);

const filter = { urls: ["http://*/*", "https://*/*"] };
const listeners = {
  onBeforeRequest: [],
  onSendHeaders: ["requestHeaders", "extraHeaders"],
  onHeadersReceived: ["responseHeaders", "extraHeaders"],
  onBeforeRedirect: ["responseHeaders", "extraHeaders"],
  onCompleted: [],
  onErrorOccurred: [],
};
for (const [event, extraInfoSpec] of Object.entries(listeners)) {
  chrome.webRequest[event].addListener(
    (details) => {
      recordedEvents.push({ event, details });
    },
    filter,
    extraInfoSpec,
  );
}
