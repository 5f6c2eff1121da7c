import {
  devtoolsChannelName,
  isCaptureEnvelope,
  type PanelEnvelope,
  type PanelToCaptureMessage,
} from "../messaging/devtools-channel";
import type { PagePort } from "./background-connection";

/**
 * How long a panel waits for the devtools page's snapshot before it counts the
 * connection as dropped and retries.
 */
export const SNAPSHOT_WAIT_MS = 2_000;

/**
 * Returns a `connect` function for `connectToBackground` that reaches the devtools
 * page capturing `tabId` over its BroadcastChannel instead of the background. Messages
 * for all panels are passed on only after this panel's own snapshot.
 */
export function devtoolsCapturePort(tabId: number): (name: string) => PagePort {
  return () => {
    const channel = new BroadcastChannel(devtoolsChannelName(tabId));
    const id = crypto.randomUUID();
    const messageListeners: ((message: unknown) => void)[] = [];
    const disconnectListeners: (() => void)[] = [];
    let subscribed = false;
    let open = true;

    const post = (message: PanelToCaptureMessage): void => {
      const envelope: PanelEnvelope = { from: id, message };
      channel.postMessage(envelope);
    };
    const close = (): void => {
      if (!open) return;
      open = false;
      clearTimeout(snapshotTimer);
      post({ type: "unsubscribe" });
      channel.close();
    };
    const snapshotTimer = setTimeout(() => {
      console.warn(
        `CORS Lens: timed out after ${SNAPSHOT_WAIT_MS} ms waiting for the snapshot of the devtools page of tab ${tabId}`,
      );
      close();
      for (const listener of disconnectListeners) listener();
    }, SNAPSHOT_WAIT_MS);

    channel.onmessage = (event: MessageEvent<unknown>) => {
      const envelope = event.data;
      if (!isCaptureEnvelope(envelope)) return;
      if (envelope.to !== null && envelope.to !== id) return;
      if (envelope.message.type === "snapshot") {
        subscribed = true;
        clearTimeout(snapshotTimer);
      }
      if (!subscribed) return;
      for (const listener of messageListeners) listener(envelope.message);
    };

    return {
      postMessage: (message) => {
        if (open) post(message);
      },
      disconnect: close,
      onMessage: { addListener: (listener) => messageListeners.push(listener) },
      onDisconnect: {
        addListener: (listener) => disconnectListeners.push(listener),
      },
    };
  };
}
