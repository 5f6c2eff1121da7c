import {
  captureOptionsChangeFrom,
  type CaptureOptionsChange,
} from "../messaging/capture-options";
import type {
  BackgroundToPageMessage,
  PageToBackgroundMessage,
  PortRole,
} from "../messaging/port-protocol";
import { PORT_NAME_PREFIX } from "../messaging/port-protocol";

/** A connected page, once it said which tab it inspects. */
interface Subscriber {
  readonly port: chrome.runtime.Port;
  readonly role: PortRole;
  readonly tabId: number;
}

export interface PagePortHandlers {
  onSubscribe(
    tabId: number,
    send: (message: BackgroundToPageMessage) => void,
  ): void;
  onUnsubscribe(tabId: number): void;
  onClear(tabId: number): void;
  onSetOptions(tabId: number, change: CaptureOptionsChange): void;
}

/** Accepts the ports of the devtools page and the panels, and routes their messages. */
export class PagePorts {
  private readonly subscribers = new Set<Subscriber>();

  constructor(private readonly handlers: PagePortHandlers) {}

  accept(port: chrome.runtime.Port): void {
    if (!port.name.startsWith(PORT_NAME_PREFIX)) return;
    const role = port.name.slice(PORT_NAME_PREFIX.length);
    if (role !== "devtools" && role !== "panel") return;
    let subscriber: Subscriber | null = null;
    port.onMessage.addListener((message: PageToBackgroundMessage) => {
      if (message.type === "subscribe" && subscriber === null) {
        if (!Number.isInteger(message.tabId) || message.tabId < 0) return;
        subscriber = { port, role, tabId: message.tabId };
        this.subscribers.add(subscriber);
        const send = (reply: BackgroundToPageMessage) =>
          port.postMessage(reply);
        this.handlers.onSubscribe(
          message.tabId,
          role === "panel" ? send : () => {},
        );
      } else if (message.type === "clear" && subscriber !== null) {
        this.handlers.onClear(subscriber.tabId);
      } else if (message.type === "setOptions" && subscriber !== null) {
        const change = captureOptionsChangeFrom(message);
        if (change === null) {
          console.warn("CORS Lens: ignored invalid capture options", message);
          return;
        }
        this.handlers.onSetOptions(subscriber.tabId, change);
      }
    });
    port.onDisconnect.addListener(() => {
      if (subscriber === null) return;
      this.subscribers.delete(subscriber);
      this.handlers.onUnsubscribe(subscriber.tabId);
    });
  }

  /** Sends a message to every panel showing the tab. */
  sendToPanels(tabId: number, message: BackgroundToPageMessage): void {
    for (const subscriber of this.subscribers) {
      if (subscriber.tabId !== tabId || subscriber.role !== "panel") continue;
      try {
        subscriber.port.postMessage(message);
      } catch (error) {
        // A port whose page just closed throws until its onDisconnect runs.
        console.warn("CORS Lens: a panel port closed while sending:", error);
      }
    }
  }
}
