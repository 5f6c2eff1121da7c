import type {
  BackgroundToPageMessage,
  PageToBackgroundMessage,
} from "./port-protocol";

/**
 * Returns the name of the BroadcastChannel between the devtools page, which captures a tab while DevTools
 * is open on it, and the CORS panel of that DevTools window. Both are pages of the
 * extension's origin, so the channel reaches no other origin.
 */
export function devtoolsChannelName(tabId: number): string {
  return `cors-lens:devtools:${tabId}`;
}

/** A panel leaving: the devtools page stops sending it updates. */
export interface UnsubscribeMessage {
  readonly type: "unsubscribe";
}

export type PanelToCaptureMessage =
  PageToBackgroundMessage | UnsubscribeMessage;

/** A message a panel posts, with the panel's id so that replies can name it. */
export interface PanelEnvelope {
  readonly from: string;
  readonly message: PanelToCaptureMessage;
}

/** A message the devtools page posts, for one panel, or for all when `to` is null. */
export interface CaptureEnvelope {
  readonly to: string | null;
  readonly message: BackgroundToPageMessage;
}

const PANEL_MESSAGE_TYPES = new Set([
  "subscribe",
  "unsubscribe",
  "clear",
  "setOptions",
]);

export function isPanelEnvelope(value: unknown): value is PanelEnvelope {
  if (typeof value !== "object" || value === null) return false;
  const { from, message } = value as Record<string, unknown>;
  if (typeof from !== "string") return false;
  if (typeof message !== "object" || message === null) return false;
  const { type, tabId } = message as Record<string, unknown>;
  if (typeof type !== "string" || !PANEL_MESSAGE_TYPES.has(type)) return false;
  return type !== "subscribe" || typeof tabId === "number";
}

export function isCaptureEnvelope(value: unknown): value is CaptureEnvelope {
  if (typeof value !== "object" || value === null) return false;
  const { to, message } = value as Record<string, unknown>;
  return (
    (to === null || typeof to === "string") &&
    typeof message === "object" &&
    message !== null
  );
}
