import {
  portName,
  type BackgroundToPageMessage,
  type PageToBackgroundMessage,
  type PortRole,
} from "../messaging/port-protocol";

/**
 * `connecting` until the first snapshot, `connected` after it, `reconnecting` from a
 * disconnect until the next snapshot.
 */
export type ConnectionState = "connecting" | "connected" | "reconnecting";

/** The part of `runtime.Port` the connection uses, so tests can pass a fake. */
export interface PagePort {
  postMessage(message: PageToBackgroundMessage): void;
  disconnect(): void;
  readonly onMessage: {
    addListener(listener: (message: unknown) => void): void;
  };
  readonly onDisconnect: { addListener(listener: () => void): void };
}

export interface BackgroundConnectionOptions {
  readonly role: PortRole;
  readonly tabId: number;
  /** Opens a port with the given name. Throws once the extension was reloaded. */
  readonly connect: (name: string) => PagePort;
  /**
   * Receives each message from the background, and the connection's `send`, with which
   * the receiver can send messages back over whichever port is open then.
   */
  readonly onMessage?: (
    message: BackgroundToPageMessage,
    send: (message: PageToBackgroundMessage) => boolean,
  ) => void;
  readonly onStateChange?: (state: ConnectionState) => void;
  readonly setTimer?: (callback: () => void, delayMs: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
  readonly now?: () => number;
}

export interface BackgroundConnection {
  readonly state: () => ConnectionState;
  /** Sends a message over the open port, or returns false when no port is open. */
  readonly send: (message: PageToBackgroundMessage) => boolean;
  /** Closes the port and stops reconnecting. */
  readonly close: () => void;
}

export const FIRST_RETRY_DELAY_MS = 100;
export const MAX_RETRY_DELAY_MS = 2000;

/** Returns the wait before reconnect attempt `attempt` (0-based): 100 ms doubling to 2 s. */
export function retryDelay(attempt: number): number {
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** attempt, MAX_RETRY_DELAY_MS);
}

/**
 * Connects to the background, subscribes to `tabId` and reconnects whenever the port
 * drops, for example when Chrome stops the idle service worker. A port that stayed open
 * for `MAX_RETRY_DELAY_MS` or delivered a message counts as a success and resets the
 * backoff.
 */
export function connectToBackground(
  options: BackgroundConnectionOptions,
): BackgroundConnection {
  const setTimer =
    options.setTimer ?? ((callback, delayMs) => setTimeout(callback, delayMs));
  const clearTimer =
    options.clearTimer ??
    ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const now = options.now ?? (() => Date.now());

  let state: ConnectionState = "connecting";
  let port: PagePort | null = null;
  let openedAt = 0;
  let failedAttempts = 0;
  let retryTimer: unknown = null;
  let closed = false;

  function setState(next: ConnectionState): void {
    if (state === next) return;
    state = next;
    options.onStateChange?.(next);
  }

  function open(): void {
    retryTimer = null;
    let opened: PagePort;
    try {
      opened = options.connect(portName(options.role));
    } catch (error) {
      console.warn("CORS Lens: connecting to the background failed", error);
      scheduleRetry();
      return;
    }
    port = opened;
    openedAt = now();
    opened.onMessage.addListener((message) => {
      if (port !== opened) return;
      receive(message);
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = null;
      if (now() - openedAt >= MAX_RETRY_DELAY_MS) failedAttempts = 0;
      scheduleRetry();
    });
    opened.postMessage({ type: "subscribe", tabId: options.tabId });
  }

  function receive(message: unknown): void {
    if (!isBackgroundMessage(message)) {
      console.warn("CORS Lens: ignored an unknown message", message);
      return;
    }
    if (message.type === "snapshot" && message.tabId !== options.tabId) {
      console.warn(
        `CORS Lens: ignored a snapshot of tab ${message.tabId}, expected tab ${options.tabId}`,
      );
      return;
    }
    failedAttempts = 0;
    if (message.type === "snapshot") setState("connected");
    options.onMessage?.(message, send);
  }

  function send(message: PageToBackgroundMessage): boolean {
    if (port === null) return false;
    try {
      port.postMessage(message);
      return true;
    } catch (error) {
      // The port closed and its onDisconnect event has not been dispatched yet.
      console.warn("CORS Lens: sending to the background failed", error);
      return false;
    }
  }

  function scheduleRetry(): void {
    if (closed) return;
    setState("reconnecting");
    const delay = retryDelay(failedAttempts);
    if (failedAttempts > 0) {
      console.warn(
        `CORS Lens: reconnect attempt ${failedAttempts} to the background failed, retrying in ${delay} ms`,
      );
    }
    failedAttempts += 1;
    retryTimer = setTimer(open, delay);
  }

  open();

  return {
    state: () => state,
    send,
    close() {
      closed = true;
      if (retryTimer !== null) clearTimer(retryTimer);
      retryTimer = null;
      const current = port;
      port = null;
      current?.disconnect();
    },
  };
}

function isBackgroundMessage(value: unknown): value is BackgroundToPageMessage {
  if (typeof value !== "object" || value === null || !("type" in value)) {
    return false;
  }
  switch (value.type) {
    case "snapshot":
      return (
        "tabId" in value &&
        typeof value.tabId === "number" &&
        "records" in value &&
        Array.isArray(value.records)
      );
    case "records":
      return "records" in value && Array.isArray(value.records);
    case "entries":
      return "entries" in value && Array.isArray(value.entries);
    case "cleared":
      return true;
    case "options":
      return (
        "options" in value &&
        typeof value.options === "object" &&
        value.options !== null
      );
    default:
      return false;
  }
}
