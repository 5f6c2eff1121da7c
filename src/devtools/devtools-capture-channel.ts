import {
  DEFAULT_MAX_EXCHANGES,
  MAX_EXCHANGES_KEY,
  maxExchangesFrom,
} from "../messaging/capture-settings";
import {
  devtoolsChannelName,
  isPanelEnvelope,
  type CaptureEnvelope,
} from "../messaging/devtools-channel";
import { DevtoolsCapture } from "./devtools-capture";

/**
 * Captures the inspected tab from `chrome.devtools.network` for as long as this
 * DevTools window is open, and serves the capture to its CORS panel over a
 * BroadcastChannel. DevTools gives every finished request as a HAR entry, preflights
 * included (`_resourceType` "preflight", Chromium 156), with the headers it showed in
 * its Network panel.
 */
export function captureInDevtools(): DevtoolsCapture {
  const tabId = chrome.devtools.inspectedWindow.tabId;
  const channel = new BroadcastChannel(devtoolsChannelName(tabId));
  const capture = new DevtoolsCapture({
    tabId,
    maxExchanges: DEFAULT_MAX_EXCHANGES,
    send: (to, message) => {
      const envelope: CaptureEnvelope = { to, message };
      channel.postMessage(envelope);
    },
    setTimer: (callback, delayMs) => {
      setTimeout(callback, delayMs);
    },
    network: {
      getEntries: () =>
        new Promise((resolve) => {
          chrome.devtools.network.getHAR((log) => resolve(log.entries));
        }),
      onRequestFinished: chrome.devtools.network.onRequestFinished,
    },
    now: () => Date.now(),
  });
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isPanelEnvelope(event.data)) {
      capture.receivePanelMessage(event.data.from, event.data.message);
    } else {
      console.warn("CORS Lens: ignored an unknown panel message", event.data);
    }
  };
  chrome.devtools.network.onNavigated.addListener(() => capture.navigated());

  chrome.storage.local.get(MAX_EXCHANGES_KEY).then(
    (items) =>
      capture.setMaxExchanges(maxExchangesFrom(items[MAX_EXCHANGES_KEY])),
    (error: unknown) => {
      console.error("CORS Lens: reading the exchange cap failed", error);
    },
  );
  chrome.storage.onChanged.addListener((changes, areaName) => {
    const change = changes[MAX_EXCHANGES_KEY];
    if (areaName === "local" && change !== undefined) {
      capture.setMaxExchanges(maxExchangesFrom(change.newValue));
    }
  });
  return capture;
}
