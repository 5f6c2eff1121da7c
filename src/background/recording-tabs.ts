import type { SessionArea } from "./session-area";

/** The storage key of the recorded tab ids. */
export const RECORDING_TABS_KEY = "recordingTabs";

/**
 * How long a tab stays recorded after the service worker restarts without any page of
 * that tab reconnecting. The pages reconnect within a few hundred milliseconds when the
 * worker restarts; a tab nobody reconnects to was closed while the worker was stopped.
 */
export const RECONNECT_GRACE_MS = 10_000;

/**
 * Tracks which tabs are recorded: a tab is recorded while at least one of its pages
 * (the devtools page, the panel, the detached view) is connected. The set is stored, so
 * that after a worker restart the tabs keep being recorded while their pages reconnect.
 */
export class RecordingTabs {
  private readonly connections = new Map<number, number>();
  private readonly restored = new Map<number, ReturnType<typeof setTimeout>>();

  constructor(private readonly area: SessionArea) {}

  /** Takes the tabs a previous worker recorded, from the items of the whole area. */
  restore(items: Readonly<Record<string, unknown>>): void {
    const stored = items[RECORDING_TABS_KEY];
    if (!Array.isArray(stored)) return;
    for (const tabId of stored) {
      if (typeof tabId !== "number") continue;
      const timer = setTimeout(() => {
        this.restored.delete(tabId);
        void this.save();
      }, RECONNECT_GRACE_MS);
      this.restored.set(tabId, timer);
    }
  }

  isRecording(tabId: number): boolean {
    return this.connections.has(tabId) || this.restored.has(tabId);
  }

  connect(tabId: number): void {
    const timer = this.restored.get(tabId);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.restored.delete(tabId);
    }
    this.connections.set(tabId, (this.connections.get(tabId) ?? 0) + 1);
    void this.save();
  }

  disconnect(tabId: number): void {
    const count = (this.connections.get(tabId) ?? 0) - 1;
    if (count > 0) this.connections.set(tabId, count);
    else this.connections.delete(tabId);
    void this.save();
  }

  private save(): Promise<void> {
    const tabs = [
      ...new Set([...this.connections.keys(), ...this.restored.keys()]),
    ];
    return this.area
      .set({ [RECORDING_TABS_KEY]: tabs })
      .catch((error: unknown) => {
        console.error("CORS Lens: storing the recorded tabs failed:", error);
      });
  }
}
