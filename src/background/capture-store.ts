import { DEFAULT_MAX_EXCHANGES } from "../messaging/capture-settings";
import type { RequestRecord } from "../model/request-record";
import { isQuotaError } from "./quota-error";
import type { SessionArea } from "./session-area";
import { decodeRecord, encodeRecord } from "./stored-record";
import { TabRecords } from "./tab-records";

/** Prefix of the storage keys of captured records: `record:<tabId>:<requestId>`. */
export const STORED_RECORD_PREFIX = "record:";

/** Prefix of the keys of each tab's dropped-exchange count: `dropped:<tabId>`. */
export const DROPPED_COUNT_PREFIX = "dropped:";

/**
 * How long changes wait before they are written together. Each `storage.session` call
 * is a round trip through the browser process, whose UI thread also carries every
 * request's webRequest events, so one write per event slows the inspected page.
 */
export const FLUSH_DELAY_MS = 50;

/**
 * How long written changes wait before they are sent to the panels together. Each
 * message makes the panel pair and analyze its records again.
 */
export const ANNOUNCE_DELAY_MS = 250;

/** Rounds of dropping and retrying after a quota error before giving up. */
const MAX_QUOTA_ROUNDS = 20;

function recordKey(record: RequestRecord): string {
  return `${STORED_RECORD_PREFIX}${record.tabId}:${record.id}`;
}

function droppedKey(tabId: number): string {
  return `${DROPPED_COUNT_PREFIX}${tabId}`;
}

/** The changes of one tab not yet sent to the panels. */
export interface TabChanges {
  readonly records: readonly RequestRecord[];
  readonly removed: readonly string[];
  /** Exchanges of the tab dropped to stay within the cap, since the last clear. */
  readonly dropped: number;
}

export interface CaptureStoreEvents {
  /** Receives each tab's records once written, and the records removed. */
  readonly announce: (tabId: number, changes: TabChanges) => void;
  /** Receives the records dropped to stay within the cap or the storage quota. */
  readonly dropped: (records: readonly RequestRecord[]) => void;
}

/**
 * Keeps every captured record, by tab, in memory and in session storage. Changes are
 * written in batches, `FLUSH_DELAY_MS` after the first one. Chromium stops only a worker
 * that has been idle for 30 seconds, long after its last batch was written. A record
 * reaches the pages only after it was written, so nothing a page has shown is lost.
 * Each tab keeps at most `maxExchanges` exchanges, oldest dropped first, and a full
 * storage quota drops the oldest exchanges too.
 */
export class CaptureStore {
  private readonly tabs = new Map<number, TabRecords>();
  private readonly droppedCounts = new Map<number, number>();
  private maxExchanges = DEFAULT_MAX_EXCHANGES;

  /** Writes in progress, by storage key. */
  private readonly writing = new Map<string, number>();
  private readonly inProgress = new Set<Promise<void>>();

  private readonly toAnnounce = new Map<number, Set<string>>();
  private readonly removedSinceAnnounce = new Map<number, string[]>();
  private announceTimer: ReturnType<typeof setTimeout> | null = null;

  /** Changes not written yet: records by storage key, keys to remove, other items. */
  private readonly pendingRecords = new Map<string, RequestRecord>();
  private readonly pendingRemovals = new Set<string>();
  private readonly pendingItems = new Map<string, unknown>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  /** Records whose write failed for lack of space, by storage key. */
  private readonly overQuota = new Map<string, RequestRecord>();
  private quotaRecovery: Promise<void> | null = null;

  constructor(
    private readonly area: SessionArea,
    private readonly events: CaptureStoreEvents,
  ) {}

  /**
   * Takes the records and dropped counts a previous run of the service worker stored,
   * from the items of the whole area, and returns the records.
   */
  restore(items: Readonly<Record<string, unknown>>): RequestRecord[] {
    const loaded: RequestRecord[] = [];
    for (const [key, value] of Object.entries(items)) {
      if (key.startsWith(STORED_RECORD_PREFIX)) {
        const record = decodeRecord(value);
        if (record !== null) loaded.push(record);
      } else if (key.startsWith(DROPPED_COUNT_PREFIX)) {
        const tabId = Number(key.slice(DROPPED_COUNT_PREFIX.length));
        if (typeof value === "number") this.droppedCounts.set(tabId, value);
      }
    }
    loaded.sort((left, right) => left.startTime - right.startTime);
    for (const record of loaded) this.tabRecords(record.tabId).put(record);
    return loaded;
  }

  /** Returns the tab's records whose latest version is stored. */
  recordsOf(tabId: number): RequestRecord[] {
    const records = this.tabs.get(tabId)?.values() ?? [];
    return records.filter((record) => {
      const key = recordKey(record);
      return !this.writing.has(key) && !this.pendingRecords.has(key);
    });
  }

  droppedCountOf(tabId: number): number {
    return this.droppedCounts.get(tabId) ?? 0;
  }

  get(tabId: number, id: string): RequestRecord | undefined {
    return this.tabs.get(tabId)?.get(id);
  }

  /** Changes the per-tab cap and drops the oldest exchanges of tabs above it. */
  setMaxExchanges(maxExchanges: number): void {
    this.maxExchanges = maxExchanges;
    for (const tabId of this.tabs.keys()) this.enforceCap(tabId);
  }

  /** Adds or replaces a record, dropping old exchanges over the cap. */
  put(record: RequestRecord): void {
    this.tabRecords(record.tabId).put(record);
    const key = recordKey(record);
    this.pendingRecords.set(key, record);
    this.pendingRemovals.delete(key);
    this.enforceCap(record.tabId);
    this.scheduleFlush();
  }

  /** Drops a record that turned out not to be worth keeping. */
  remove(record: RequestRecord): void {
    const removed = this.tabs.get(record.tabId)?.remove(record.id);
    if (removed === undefined) return;
    this.noteRemoved(record.tabId, [record.id]);
    this.removeStored([recordKey(record)]);
    this.scheduleFlush();
  }

  /**
   * Writes every pending change now, together with `extraItems`, in one `set` call,
   * which storage applies at once, and resolves when they are stored.
   */
  flush(extraItems: Record<string, unknown> = {}): Promise<void> {
    if (this.flushTimer !== null) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    const records = [...this.pendingRecords.values()];
    const items: Record<string, unknown> = {
      ...Object.fromEntries(this.pendingItems),
      ...extraItems,
    };
    for (const record of records)
      items[recordKey(record)] = encodeRecord(record);
    const removedKeys = [...this.pendingRemovals];
    this.pendingRecords.clear();
    this.pendingRemovals.clear();
    this.pendingItems.clear();
    if (Object.keys(items).length === 0 && removedKeys.length === 0) {
      return Promise.resolve();
    }
    return this.write(items, records, removedKeys);
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, FLUSH_DELAY_MS);
  }

  private removeStored(keys: readonly string[]): void {
    for (const key of keys) {
      this.pendingRecords.delete(key);
      this.pendingRemovals.add(key);
    }
  }

  /** Writes every pending change and resolves once every write has finished. */
  async settled(): Promise<void> {
    await this.flush();
    while (this.inProgress.size > 0 || this.quotaRecovery !== null) {
      await Promise.all([...this.inProgress, this.quotaRecovery]);
    }
  }

  async clearTab(tabId: number): Promise<void> {
    const records = this.tabs.get(tabId)?.values() ?? [];
    this.tabs.delete(tabId);
    this.droppedCounts.delete(tabId);
    this.toAnnounce.delete(tabId);
    this.removedSinceAnnounce.delete(tabId);
    for (const [key, record] of this.overQuota) {
      if (record.tabId === tabId) this.overQuota.delete(key);
    }
    for (const [key, record] of this.pendingRecords) {
      if (record.tabId === tabId) this.pendingRecords.delete(key);
    }
    this.pendingItems.delete(droppedKey(tabId));
    await this.area.remove([...records.map(recordKey), droppedKey(tabId)]);
  }

  /**
   * Removes the tab's records that started before `time`, resets its dropped count and
   * returns how many records were removed. The panels receive the removed ids, and the
   * dropped count of 0, with the next announcement.
   */
  removeStartedBefore(tabId: number, time: number): number {
    const tab = this.tabs.get(tabId);
    const removed = tab?.removeStartedBefore(time) ?? [];
    const hadDropped = this.droppedCounts.delete(tabId);
    if (removed.length === 0 && !hadDropped) return 0;
    if (tab?.size === 0) this.tabs.delete(tabId);
    this.noteRemoved(
      tabId,
      removed.map((record) => record.id),
    );
    this.removeStored(removed.map(recordKey));
    this.pendingItems.delete(droppedKey(tabId));
    if (hadDropped) this.pendingRemovals.add(droppedKey(tabId));
    this.scheduleFlush();
    return removed.length;
  }

  /** Drops the tab's oldest exchanges until it is within the cap. */
  private enforceCap(tabId: number): void {
    const tab = this.tabs.get(tabId);
    if (tab === undefined || tab.exchangeCount <= this.maxExchanges) return;
    const removed: RequestRecord[] = [];
    let count = 0;
    while (tab.exchangeCount > this.maxExchanges) {
      const dropped = tab.dropOldestExchange();
      if (dropped.length === 0) break;
      removed.push(...dropped);
      count += 1;
    }
    this.removeStored(this.finishDrop(tabId, removed, count));
    this.pendingItems.set(droppedKey(tabId), this.droppedCountOf(tabId));
    this.scheduleFlush();
  }

  /**
   * Counts `exchanges` more dropped exchanges for the tab, notifies the panels and the
   * controller of the removed records, and returns their storage keys.
   */
  private finishDrop(
    tabId: number,
    removed: readonly RequestRecord[],
    exchanges: number,
  ): string[] {
    this.droppedCounts.set(tabId, this.droppedCountOf(tabId) + exchanges);
    this.noteRemoved(
      tabId,
      removed.map((record) => record.id),
    );
    this.events.dropped(removed);
    return removed.map(recordKey);
  }

  private write(
    items: Record<string, unknown>,
    records: readonly RequestRecord[],
    removedKeys: readonly string[],
  ): Promise<void> {
    const keys = records.map(recordKey);
    for (const key of keys) {
      this.writing.set(key, (this.writing.get(key) ?? 0) + 1);
    }
    // Removing first makes room before the new items need it.
    if (removedKeys.length > 0) {
      this.area.remove([...removedKeys]).catch((error: unknown) => {
        console.error("CORS Lens: removing stored requests failed:", error);
      });
    }
    const finish = () => {
      for (const key of keys) {
        const count = (this.writing.get(key) ?? 1) - 1;
        if (count > 0) this.writing.set(key, count);
        else this.writing.delete(key);
      }
      this.inProgress.delete(done);
    };
    const set =
      Object.keys(items).length === 0
        ? Promise.resolve()
        : this.area.set(items);
    const done: Promise<void> = set.then(
      () => {
        finish();
        this.written(records);
      },
      (error: unknown) => {
        finish();
        this.writeFailed(records, error);
      },
    );
    this.inProgress.add(done);
    return done;
  }

  private written(records: readonly RequestRecord[]): void {
    for (const record of records) {
      let ids = this.toAnnounce.get(record.tabId);
      if (ids === undefined) {
        ids = new Set();
        this.toAnnounce.set(record.tabId, ids);
      }
      ids.add(record.id);
    }
    if (records.length > 0) this.scheduleAnnounce();
  }

  private writeFailed(records: readonly RequestRecord[], error: unknown): void {
    if (isQuotaError(error)) {
      for (const record of records)
        this.overQuota.set(recordKey(record), record);
      this.quotaRecovery ??= this.recoverFromQuota().finally(() => {
        this.quotaRecovery = null;
      });
      return;
    }
    console.error("CORS Lens: storing captured requests failed:", error);
    // The panels still show them; only a worker restart would lose them.
    this.written(records);
  }

  /**
   * Makes room after a quota error: drops the oldest tenth of the exchanges of the tab
   * that has the most, and writes the records that did not fit again, until they fit.
   * The newest exchanges are the last to go.
   */
  private async recoverFromQuota(): Promise<void> {
    const counts: Record<string, unknown> = {};
    for (let round = 0; round < MAX_QUOTA_ROUNDS; round += 1) {
      const removedKeys = this.dropOldestShare(counts);
      if (removedKeys.length === 0) {
        const left = this.takeOverQuota();
        console.error(
          `CORS Lens: ${left.length} captured requests do not fit in session storage even after dropping every older exchange; they are kept in memory only.`,
        );
        this.written(left);
        return;
      }
      for (const key of removedKeys) this.pendingRecords.delete(key);
      await this.area.remove(removedKeys).catch((error: unknown) => {
        console.error("CORS Lens: removing stored requests failed:", error);
      });
      const waiting = this.takeOverQuota();
      const items: Record<string, unknown> = { ...counts };
      for (const record of waiting) {
        items[recordKey(record)] = encodeRecord(record);
      }
      try {
        await this.area.set(items);
        this.written(waiting);
        return;
      } catch (error) {
        if (!isQuotaError(error)) {
          console.error("CORS Lens: storing captured requests failed:", error);
          this.written(waiting);
          return;
        }
        for (const record of waiting) {
          this.overQuota.set(recordKey(record), record);
        }
      }
    }
    console.error(
      `CORS Lens: ${this.overQuota.size} captured requests still do not fit in session storage after ${MAX_QUOTA_ROUNDS} rounds of dropping older exchanges; they are kept in memory only.`,
    );
    this.written(this.takeOverQuota());
  }

  /** Empties the records waiting for space and returns their current versions. */
  private takeOverQuota(): RequestRecord[] {
    const waiting: RequestRecord[] = [];
    for (const record of this.overQuota.values()) {
      const latest = this.tabs.get(record.tabId)?.get(record.id);
      if (latest !== undefined) waiting.push(latest);
    }
    this.overQuota.clear();
    return waiting;
  }

  /**
   * Drops the oldest tenth, at least one, of the exchanges of the tab that has the
   * most. Adds the tab's new dropped count to `counts` and returns the storage keys of
   * the dropped records.
   */
  private dropOldestShare(counts: Record<string, unknown>): string[] {
    const tabId = this.largestTab();
    const tab = tabId === null ? undefined : this.tabs.get(tabId);
    if (tabId === null || tab === undefined) return [];
    const share = Math.max(1, Math.ceil(tab.exchangeCount / 10));
    const removed: RequestRecord[] = [];
    let exchanges = 0;
    while (exchanges < share) {
      const dropped = tab.dropOldestExchange();
      if (dropped.length === 0) break;
      removed.push(...dropped);
      exchanges += 1;
    }
    counts[droppedKey(tabId)] = this.droppedCountOf(tabId) + exchanges;
    return this.finishDrop(tabId, removed, exchanges);
  }

  private largestTab(): number | null {
    let largest: number | null = null;
    let size = 0;
    for (const [tabId, tab] of this.tabs) {
      if (tab.exchangeCount <= size) continue;
      largest = tabId;
      size = tab.exchangeCount;
    }
    return largest;
  }

  private noteRemoved(tabId: number, ids: readonly string[]): void {
    if (ids.length === 0) return;
    const list = this.removedSinceAnnounce.get(tabId);
    if (list === undefined) this.removedSinceAnnounce.set(tabId, [...ids]);
    else list.push(...ids);
    const toAnnounce = this.toAnnounce.get(tabId);
    for (const id of ids) toAnnounce?.delete(id);
    this.scheduleAnnounce();
  }

  private scheduleAnnounce(): void {
    this.announceTimer ??= setTimeout(() => {
      this.announceTimer = null;
      this.announceNow();
    }, ANNOUNCE_DELAY_MS);
  }

  /** Sends every change written so far to the panels now. */
  announceNow(): void {
    if (this.announceTimer !== null) {
      clearTimeout(this.announceTimer);
      this.announceTimer = null;
    }
    const tabIds = new Set([
      ...this.toAnnounce.keys(),
      ...this.removedSinceAnnounce.keys(),
    ]);
    for (const tabId of tabIds) {
      const tab = this.tabs.get(tabId);
      const records: RequestRecord[] = [];
      for (const id of this.toAnnounce.get(tabId) ?? []) {
        const record = tab?.get(id);
        // A newer version still being written is announced once it is stored.
        if (record === undefined || this.writing.has(recordKey(record)))
          continue;
        records.push(record);
      }
      const removed = this.removedSinceAnnounce.get(tabId) ?? [];
      this.toAnnounce.delete(tabId);
      this.removedSinceAnnounce.delete(tabId);
      if (records.length === 0 && removed.length === 0) continue;
      this.events.announce(tabId, {
        records,
        removed,
        dropped: this.droppedCountOf(tabId),
      });
    }
  }

  private tabRecords(tabId: number): TabRecords {
    let records = this.tabs.get(tabId);
    if (records === undefined) {
      records = new TabRecords();
      this.tabs.set(tabId, records);
    }
    return records;
  }
}
