import type { PagePort } from "../../../src/panel/background-connection";
import type { PageToBackgroundMessage } from "../../../src/messaging/port-protocol";

/** A port that records what the page sent and lets a test play the background. */
export class FakePort implements PagePort {
  readonly sent: PageToBackgroundMessage[] = [];
  disconnected = false;
  private readonly messageListeners: ((message: unknown) => void)[] = [];
  private readonly disconnectListeners: (() => void)[] = [];

  constructor(readonly name: string) {}

  readonly onMessage = {
    addListener: (listener: (message: unknown) => void) => {
      this.messageListeners.push(listener);
    },
  };

  readonly onDisconnect = {
    addListener: (listener: () => void) => {
      this.disconnectListeners.push(listener);
    },
  };

  postMessage(message: PageToBackgroundMessage): void {
    if (this.disconnected)
      throw new Error("Attempting to use a disconnected port");
    this.sent.push(message);
  }

  disconnect(): void {
    this.disconnected = true;
  }

  /** Delivers a message from the background. */
  deliver(message: unknown): void {
    for (const listener of this.messageListeners) listener(message);
  }

  /** Closes the port from the background's side, as a stopped service worker does. */
  drop(): void {
    this.disconnected = true;
    for (const listener of this.disconnectListeners) listener();
  }
}

/** Timers that run only when the test calls `runAll`. */
export class ManualTimers {
  private next = 1;
  readonly pending = new Map<
    number,
    { callback: () => void; delayMs: number }
  >();
  now = 0;

  readonly setTimer = (callback: () => void, delayMs: number): unknown => {
    const id = this.next;
    this.next += 1;
    this.pending.set(id, { callback, delayMs });
    return id;
  };

  readonly clearTimer = (timer: unknown): void => {
    this.pending.delete(timer as number);
  };

  /** Delays of the pending timers, in the order they were set. */
  delays(): number[] {
    return [...this.pending.values()].map((timer) => timer.delayMs);
  }

  /** Runs every pending timer, advancing the clock by the longest delay. */
  runAll(): void {
    const timers = [...this.pending.values()];
    this.pending.clear();
    this.now += Math.max(0, ...timers.map((timer) => timer.delayMs));
    for (const timer of timers) timer.callback();
  }
}
