import type { RequestRecord } from "../model/request-record";
import { isCorsCandidate, isPreflight } from "../pairing/cors-request";
import { pairExchanges } from "../pairing/pair-exchanges";

/**
 * Tells whether a record counts against the cap as an exchange of its own: a CORS
 * request that is not a preflight. An OPTIONS request whose headers are not known yet
 * does not count: it is almost always a preflight whose `onSendHeaders` is coming,
 * and counting it would drop an exchange too many.
 */
function isExchange(record: RequestRecord): boolean {
  if (record.method === "OPTIONS" && !record.requestHeadersSeen) return false;
  return !isPreflight(record) && isCorsCandidate(record);
}

/**
 * The records of one tab, in the order they started, with a count of the exchanges they
 * make. The oldest exchange can be dropped together with its preflight, which is found
 * the way the panel's pairing finds it.
 */
export class TabRecords {
  /** Insertion order is start order: records are added when they start. */
  private readonly records = new Map<string, RequestRecord>();
  private readonly exchangeIds = new Set<string>();
  /** Preflight ids by URL, in start order, to find an exchange's preflight quickly. */
  private readonly preflightsByUrl = new Map<string, Set<string>>();

  get exchangeCount(): number {
    return this.exchangeIds.size;
  }

  get size(): number {
    return this.records.size;
  }

  get(id: string): RequestRecord | undefined {
    return this.records.get(id);
  }

  values(): RequestRecord[] {
    return [...this.records.values()];
  }

  /** Adds a record, or replaces the one with its id in place. */
  put(record: RequestRecord): void {
    this.records.set(record.id, record);
    if (isExchange(record)) this.exchangeIds.add(record.id);
    else this.exchangeIds.delete(record.id);
    if (isPreflight(record)) {
      let ids = this.preflightsByUrl.get(record.url);
      if (ids === undefined) {
        ids = new Set();
        this.preflightsByUrl.set(record.url, ids);
      }
      ids.add(record.id);
    }
  }

  /** Removes a record and returns it, or returns undefined when it is not here. */
  remove(id: string): RequestRecord | undefined {
    const record = this.records.get(id);
    if (record === undefined) return undefined;
    this.records.delete(id);
    this.exchangeIds.delete(id);
    const preflights = this.preflightsByUrl.get(record.url);
    if (preflights?.delete(id) === true && preflights.size === 0) {
      this.preflightsByUrl.delete(record.url);
    }
    return record;
  }

  /** Removes and returns every record that started before `time`. */
  removeStartedBefore(time: number): RequestRecord[] {
    const removed = [...this.records.values()].filter(
      (record) => record.startTime < time,
    );
    for (const record of removed) this.remove(record.id);
    return removed;
  }

  /**
   * Removes the oldest exchange with the preflight sent for it, and every record that
   * started before the next exchange: those are preflights that no remaining request
   * can be paired with. Returns the removed records, or an empty list when the tab has
   * no exchange.
   */
  dropOldestExchange(): RequestRecord[] {
    const oldest = this.oldestExchange();
    if (oldest === undefined) return [];
    const removed = this.takeUntil(oldest);
    const preflight = this.preflightOf(oldest);
    removed.push(oldest);
    this.remove(oldest.id);
    if (preflight !== null) {
      removed.push(preflight);
      this.remove(preflight.id);
    }
    const next = this.oldestExchange();
    removed.push(...this.takeUntil(next));
    return removed;
  }

  /** Returns the exchange that started first, or undefined when there is none. */
  oldestExchange(): RequestRecord | undefined {
    for (const record of this.records.values()) {
      if (this.exchangeIds.has(record.id)) return record;
    }
    return undefined;
  }

  /** Removes and returns every record that started before `end`, or all without it. */
  private takeUntil(end: RequestRecord | undefined): RequestRecord[] {
    const taken: RequestRecord[] = [];
    for (const record of this.records.values()) {
      if (record === end) break;
      taken.push(record);
    }
    for (const record of taken) this.remove(record.id);
    return taken;
  }

  /**
   * Returns the preflight that the panel pairs with `actual` when `actual` is the
   * oldest exchange: the first preflight to its URL that pairing would attach to it.
   */
  private preflightOf(actual: RequestRecord): RequestRecord | null {
    for (const id of this.preflightsByUrl.get(actual.url) ?? []) {
      const candidate = this.records.get(id);
      if (candidate === undefined) continue;
      const [exchange] = pairExchanges([actual, candidate]);
      if (exchange?.preflightSource === "sent") return candidate;
    }
    return null;
  }
}
