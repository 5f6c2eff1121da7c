import type { RequestRecord } from "../model/request-record";
import type { SessionArea } from "./session-area";

const RECORD_KEY_PREFIX = "record:";

/** How long record changes wait before they are written together. */
export const FLUSH_DELAY_MS = 50;

function recordKey(record: RequestRecord): string {
  return `${RECORD_KEY_PREFIX}${record.tabId}:${record.id}`;
}

/**
 * Keeps every captured record, by tab, in memory and in session storage. Changes are
 * written in batches. A record reaches the pages only after it was written, so nothing
 * a page has shown is lost when the service worker stops.
 */
export class CaptureStore {
  private readonly recordsByTab = new Map<number, Map<string, RequestRecord>>();
  private readonly pending = new Map<string, RequestRecord>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly area: SessionArea,
    private readonly onWritten: (records: RequestRecord[]) => void,
  ) {}

  /** Loads the records a previous run of the service worker stored. */
  async load(): Promise<RequestRecord[]> {
    const items = await this.area.get(null);
    const loaded: RequestRecord[] = [];
    for (const [key, value] of Object.entries(items)) {
      if (!key.startsWith(RECORD_KEY_PREFIX)) continue;
      const record = value as RequestRecord;
      this.tabRecords(record.tabId).set(record.id, record);
      loaded.push(record);
    }
    return loaded;
  }

  recordsOf(tabId: number): RequestRecord[] {
    return [...(this.recordsByTab.get(tabId)?.values() ?? [])];
  }

  put(record: RequestRecord): void {
    this.tabRecords(record.tabId).set(record.id, record);
    this.pending.set(recordKey(record), record);
    this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }

  /** Drops a record that turned out not to be worth keeping. */
  remove(record: RequestRecord): void {
    const records = this.recordsByTab.get(record.tabId);
    if (records === undefined || !records.delete(record.id)) return;
    const key = recordKey(record);
    this.pending.delete(key);
    this.flushing = this.flushing
      .then(() => this.area.remove(key))
      .catch((error: unknown) => {
        console.error("CORS Lens: removing a stored request failed:", error);
      });
  }

  /** Writes every pending change now and resolves once they are stored. */
  flush(): Promise<void> {
    if (this.flushTimer !== null) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    if (this.pending.size === 0) return this.flushing;
    const batch = Object.fromEntries(this.pending);
    this.pending.clear();
    this.flushing = this.flushing
      .then(() => this.area.set(batch))
      .then(
        () => this.onWritten(Object.values(batch)),
        (error: unknown) => {
          console.error("CORS Lens: storing captured requests failed:", error);
          this.onWritten(Object.values(batch));
        },
      );
    return this.flushing;
  }

  async clearTab(tabId: number): Promise<void> {
    const records = this.recordsByTab.get(tabId);
    this.recordsByTab.delete(tabId);
    for (const [key, record] of this.pending) {
      if (record.tabId === tabId) this.pending.delete(key);
    }
    if (records === undefined || records.size === 0) return;
    const keys = [...records.values()].map(recordKey);
    await this.flushing;
    await this.area.remove(keys);
  }

  private tabRecords(tabId: number): Map<string, RequestRecord> {
    let records = this.recordsByTab.get(tabId);
    if (records === undefined) {
      records = new Map();
      this.recordsByTab.set(tabId, records);
    }
    return records;
  }
}
