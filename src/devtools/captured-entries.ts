import { toHeaderList } from "../background/captured-headers";
import { isChromiumPreflight } from "../har/har-records";
import { readHarEntry, type HarEntryFacts } from "../har/read-har-entry";

/** The entry added, and the oldest entry kept after it. */
export interface AddedEntry {
  readonly entry: HarEntryFacts;
  /** The `index` of the oldest entry still kept. */
  readonly keptFrom: number;
}

/**
 * The HAR entries DevTools finished for the inspected tab, in the order they finished.
 * They have the background capture's caps: at most `maxExchanges` requests besides their
 * preflights, the oldest dropped first and counted, and header names and values cut to
 * the stored length.
 */
export class CapturedEntries {
  private entries: HarEntryFacts[] = [];
  private requests = 0;
  private nextIndex = 0;
  private droppedCount = 0;

  constructor(private maxExchanges: number) {}

  /**
   * Adds one entry as `chrome.devtools.network.onRequestFinished` gives it. Throws
   * HarFormatError, naming the field, when the entry lacks one CORS Lens needs.
   */
  add(harEntry: unknown): AddedEntry {
    const read = readHarEntry(harEntry, this.nextIndex);
    this.nextIndex += 1;
    const entry: HarEntryFacts = {
      ...read,
      requestHeaders: toHeaderList(read.requestHeaders),
      responseHeaders: toHeaderList(read.responseHeaders),
    };
    this.entries.push(entry);
    if (!isChromiumPreflight(entry)) this.requests += 1;
    this.dropOldest();
    return { entry, keptFrom: this.keptFrom() };
  }

  /** Applies a new cap and returns the `index` of the oldest entry still kept. */
  setMaxExchanges(maxExchanges: number): number {
    this.maxExchanges = maxExchanges;
    this.dropOldest();
    return this.keptFrom();
  }

  clear(): void {
    this.entries = [];
    this.requests = 0;
    this.droppedCount = 0;
  }

  all(): readonly HarEntryFacts[] {
    return this.entries;
  }

  /** Requests dropped to stay within the cap since the last clear. */
  dropped(): number {
    return this.droppedCount;
  }

  keptFrom(): number {
    return this.entries[0]?.index ?? this.nextIndex;
  }

  /**
   * Drops the oldest entries until the requests fit. A preflight finishes before its
   * request, so dropping in finishing order takes a request's preflight with it or
   * before it.
   */
  private dropOldest(): void {
    let cut = 0;
    while (this.requests > this.maxExchanges && cut < this.entries.length) {
      const oldest = this.entries[cut];
      cut += 1;
      if (oldest !== undefined && !isChromiumPreflight(oldest)) {
        this.requests -= 1;
        this.droppedCount += 1;
      }
    }
    if (cut > 0) this.entries.splice(0, cut);
  }
}
