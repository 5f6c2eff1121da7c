import { HarFormatError, type HarEntryFacts } from "../har/read-har-entry";
import {
  DEFAULT_CAPTURE_OPTIONS,
  captureOptionsChangeFrom,
  type CaptureOptions,
} from "../messaging/capture-options";
import type {
  BackgroundToPageMessage,
  PageToBackgroundMessage,
} from "../messaging/port-protocol";
import { CapturedEntries } from "./captured-entries";

/** Panels get new entries at most this often, in one message. */
export const FLUSH_INTERVAL_MS = 250;

/** The part of `chrome.devtools.network` the capture uses, so tests can pass a fake. */
export interface DevtoolsNetwork {
  /** Resolves to the entries of DevTools' own network log, as `getHAR` gives them. */
  readonly getEntries: () => Promise<readonly unknown[]>;
  readonly onRequestFinished: {
    addListener(listener: (entry: unknown) => void): void;
    removeListener(listener: (entry: unknown) => void): void;
  };
}

export interface DevtoolsCaptureDependencies {
  readonly tabId: number;
  readonly maxExchanges: number;
  readonly network: DevtoolsNetwork;
  /** Milliseconds since the epoch, on the clock of the HAR entries' `startedDateTime`. */
  readonly now: () => number;
  /** Sends a message to one panel, or to every subscribed panel when `to` is null. */
  readonly send: (to: string | null, message: BackgroundToPageMessage) => void;
  readonly setTimer: (callback: () => void, delayMs: number) => void;
}

/**
 * The inspected tab's capture while DevTools is open, kept in the devtools page: HAR
 * entries from `chrome.devtools.network`, the capture options and the cap, and the
 * panels that show them. It plays the background's part for the panel, without any
 * message per request leaving the DevTools window.
 *
 * DevTools records every request of the tab in its own network log while it is open.
 * Listening to `onRequestFinished` makes it build and send a HAR entry per request,
 * which made a page of 2,000 preflighted requests 15 to 20% slower on a 2-core machine.
 * So the capture follows requests as they finish only while the CORS panel is shown or
 * Preserve log is on. Otherwise it reads DevTools' log with `getHAR` when a panel
 * needs it. DevTools clears that log when the page loads a new document, as the capture
 * does without Preserve log.
 */
export class DevtoolsCapture {
  private readonly entries: CapturedEntries;
  private options: CaptureOptions = DEFAULT_CAPTURE_OPTIONS;
  private readonly panels = new Set<string>();
  private pending: HarEntryFacts[] = [];
  private flushScheduled = false;
  private rejectedCount = 0;
  private panelShown = false;
  private following = false;
  /** Entries that finished while DevTools' log was being read. */
  private arrivedDuringRead: unknown[] | null = null;
  /** Entries that finished before this time were cleared. */
  private clearedAt = Number.NEGATIVE_INFINITY;
  /** Times recording was paused, each from its start to its end (or still open). */
  private readonly pauses: { start: number; end: number }[] = [];
  private readonly follow = (entry: unknown): void => {
    if (this.arrivedDuringRead !== null) this.arrivedDuringRead.push(entry);
    else this.receiveEntry(entry);
  };

  constructor(private readonly dependencies: DevtoolsCaptureDependencies) {
    this.entries = new CapturedEntries(dependencies.maxExchanges);
  }

  /**
   * Records one finished request, unless recording is paused. DevTools gives a request
   * only once it has finished, so one that finishes while paused is not recorded even
   * if it started before.
   */
  receiveEntry(harEntry: unknown): void {
    if (this.options.paused) return;
    this.add(harEntry);
  }

  private add(harEntry: unknown): void {
    try {
      const { entry } = this.entries.add(harEntry);
      this.pending.push(entry);
      this.scheduleFlush();
    } catch (error) {
      if (!(error instanceof HarFormatError)) throw error;
      this.rejectedCount += 1;
      console.warn(
        `CORS Lens: skipped a DevTools entry with a missing or invalid field (${error.message}), ${this.rejectedCount} skipped so far`,
      );
    }
  }

  /**
   * Starts the list over when the inspected page loads a new document, unless Preserve
   * log is on. DevTools has cleared its own log by then, and this event can reach the
   * devtools page after the new document's first requests have finished, so a followed
   * capture reads the log again instead of dropping everything.
   */
  navigated(): void {
    if (this.options.preserveLog) return;
    if (this.following) {
      void this.readLog();
      return;
    }
    this.entries.clear();
    this.pending = [];
    this.broadcast({ type: "cleared" });
  }

  setMaxExchanges(maxExchanges: number): void {
    this.entries.setMaxExchanges(maxExchanges);
    this.scheduleFlush();
  }

  /** Follows requests as they finish while the CORS panel is shown. */
  setPanelShown(shown: boolean): void {
    this.panelShown = shown;
    this.updateFollowing();
  }

  /** Handles a message from the panel `from`. */
  receivePanelMessage(
    from: string,
    message: PageToBackgroundMessage | { readonly type: "unsubscribe" },
  ): void {
    switch (message.type) {
      case "subscribe":
        if (message.tabId !== this.dependencies.tabId) return;
        this.panels.add(from);
        // A panel subscribing during a read gets the snapshot that ends the read.
        if (this.arrivedDuringRead !== null) return;
        if (this.following) this.sendSnapshot(from);
        else void this.readLog();
        return;
      case "unsubscribe":
        this.panels.delete(from);
        return;
      case "clear":
        this.clear();
        return;
      case "setOptions": {
        const change = captureOptionsChangeFrom(message);
        if (change === null) {
          console.warn("CORS Lens: ignored invalid capture options", message);
          return;
        }
        this.notePause(change.paused);
        this.options = { ...this.options, ...change };
        this.broadcast({ type: "options", options: this.options });
        this.updateFollowing();
        return;
      }
    }
  }

  /**
   * Returns the entries the subscribed panels already received. The pending ones go
   * out in the next "entries" message, which also reaches a panel that subscribes now,
   * so a snapshot that included them would give that panel each of them twice.
   */
  private flushedEntries(): readonly HarEntryFacts[] {
    const firstPending = this.pending[0];
    const all = this.entries.all();
    if (firstPending === undefined) return all;
    return all.filter((entry) => entry.index < firstPending.index);
  }

  private clear(): void {
    this.clearedAt = this.dependencies.now();
    this.entries.clear();
    this.pending = [];
    this.broadcast({ type: "cleared" });
  }

  private notePause(paused: boolean | undefined): void {
    if (paused === undefined || paused === this.options.paused) return;
    const now = this.dependencies.now();
    if (paused) {
      this.pauses.push({ start: now, end: Number.POSITIVE_INFINITY });
    } else {
      const open = this.pauses.at(-1);
      if (open !== undefined) open.end = now;
    }
  }

  private updateFollowing(): void {
    const follow = this.panelShown || this.options.preserveLog;
    if (follow === this.following) return;
    this.following = follow;
    const event = this.dependencies.network.onRequestFinished;
    if (follow) {
      event.addListener(this.follow);
      void this.readLog();
    } else {
      event.removeListener(this.follow);
    }
  }

  /**
   * Replaces the entries with DevTools' log, less what was cleared or finished while
   * paused, then sends every subscribed panel a new snapshot. Entries that finish while
   * the log is read are kept aside and added after, unless the log already had them.
   */
  private async readLog(): Promise<void> {
    if (this.arrivedDuringRead !== null) return;
    this.arrivedDuringRead = [];
    let log: readonly unknown[] | null;
    try {
      log = await this.dependencies.network.getEntries();
    } catch (error) {
      console.error("CORS Lens: reading DevTools' network log failed", error);
      log = null;
    }
    const arrived = this.arrivedDuringRead;
    this.arrivedDuringRead = null;
    const seen = new Set<string>();
    if (log !== null) {
      this.entries.clear();
      this.pending = [];
      for (const entry of log) {
        seen.add(entryKey(entry));
        if (this.isKept(entry)) this.add(entry);
      }
    }
    for (const entry of arrived) {
      if (!seen.has(entryKey(entry))) this.receiveEntry(entry);
    }
    this.pending = [];
    for (const panel of this.panels) this.sendSnapshot(panel);
  }

  /** Returns whether an entry of DevTools' log finished after the last clear and outside pauses. */
  private isKept(entry: unknown): boolean {
    const finished = finishTime(entry);
    if (finished === null) return true;
    if (finished < this.clearedAt) return false;
    return !this.pauses.some(
      (pause) => finished >= pause.start && finished < pause.end,
    );
  }

  private sendSnapshot(panel: string): void {
    this.dependencies.send(panel, {
      type: "snapshot",
      tabId: this.dependencies.tabId,
      records: [],
      entries: this.flushedEntries(),
      dropped: this.entries.dropped(),
      options: this.options,
    });
  }

  private broadcast(message: BackgroundToPageMessage): void {
    if (this.panels.size > 0) this.dependencies.send(null, message);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.panels.size === 0) {
      if (this.panels.size === 0) this.pending = [];
      return;
    }
    this.flushScheduled = true;
    this.dependencies.setTimer(() => this.flush(), FLUSH_INTERVAL_MS);
  }

  private flush(): void {
    this.flushScheduled = false;
    const keptFrom = this.entries.keptFrom();
    const entries = this.pending.filter((entry) => entry.index >= keptFrom);
    this.pending = [];
    this.broadcast({
      type: "entries",
      entries,
      keptFrom,
      dropped: this.entries.dropped(),
    });
  }
}

/** Returns when a HAR entry's request finished, or null when the entry lacks the times. */
function finishTime(entry: unknown): number | null {
  if (typeof entry !== "object" || entry === null) return null;
  const { startedDateTime, time } = entry as Record<string, unknown>;
  if (typeof startedDateTime !== "string") return null;
  const start = Date.parse(startedDateTime);
  if (Number.isNaN(start)) return null;
  return start + (typeof time === "number" && time > 0 ? time : 0);
}

/** Identifies a HAR entry across `getHAR` and `onRequestFinished`, which copy it. */
function entryKey(entry: unknown): string {
  if (typeof entry !== "object" || entry === null) return "";
  const { startedDateTime, time, request, response } = entry as Record<
    string,
    unknown
  >;
  const { method, url } = (request ?? {}) as Record<string, unknown>;
  const { status } = (response ?? {}) as Record<string, unknown>;
  return JSON.stringify([startedDateTime, time, method, url, status]);
}
