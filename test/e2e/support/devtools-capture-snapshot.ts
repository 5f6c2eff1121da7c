import type { HarEntryFacts } from "../../../src/har/read-har-entry";
import type { DevtoolsExtensionFrames } from "./devtools-window";

/**
 * Returns the HAR entries CORS Lens's devtools page contains for its tab, requested
 * over the capture channel as the CORS panel requests them.
 */
export function devtoolsCaptureEntries(
  frames: DevtoolsExtensionFrames,
): Promise<HarEntryFacts[]> {
  return frames.evaluateInDevtoolsPage<HarEntryFacts[]>(`(async () => {
    const tabId = chrome.devtools.inspectedWindow.tabId;
    const channel = new BroadcastChannel("cors-lens:devtools:" + tabId);
    const from = "e2e-" + crypto.randomUUID();
    try {
      return await new Promise((resolve, reject) => {
        const limit = setTimeout(() => reject(new Error("No snapshot from the devtools page of tab " + tabId)), 10000);
        channel.onmessage = (event) => {
          const { to, message } = event.data;
          if (to !== from || message.type !== "snapshot") return;
          clearTimeout(limit);
          resolve(message.entries);
        };
        channel.postMessage({ from, message: { type: "subscribe", tabId } });
      });
    } finally {
      channel.postMessage({ from, message: { type: "unsubscribe" } });
      channel.close();
    }
  })()`);
}
