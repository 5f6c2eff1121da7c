import { toHeaderList } from "./captured-headers";
import type { SessionArea } from "./session-area";
import type { WebRequestDetails, WebRequestEvent } from "./web-request-details";

/** Prefix of the storage keys of journaled events. */
export const JOURNAL_KEY_PREFIX = "journal:";

/** The value that marks a journal entry as applied until its key is removed. */
const APPLIED = 0;

export interface JournalEntry {
  readonly key: string;
  readonly event: WebRequestEvent;
}

/**
 * Stores webRequest events the moment they arrive, before the background has loaded
 * what it needs to apply them (which tabs are recorded, the requests in flight). If the
 * worker stops before applying them, the next one finds them in storage.
 *
 * Keys sort in arrival order across workers: `journal:<worker start>:<nonce>:<sequence>`,
 * with numbers zero-padded. Workers of one extension never run at the same time, so a
 * later start time means later events.
 */
export class EventJournal {
  private readonly prefix: string;
  private sequence = 0;

  constructor(
    private readonly area: SessionArea,
    startTime: number = Date.now(),
    nonce: string = Math.random().toString(36).slice(2, 10),
  ) {
    this.prefix = `${JOURNAL_KEY_PREFIX}${String(startTime).padStart(15, "0")}:${nonce}:`;
  }

  /** Writes the event at once and returns its entry. */
  append(event: WebRequestEvent): JournalEntry {
    const key = this.prefix + String(this.sequence).padStart(9, "0");
    this.sequence += 1;
    const entry = { key, event: compactEvent(event) };
    this.area
      .set({ [key]: JSON.stringify(entry.event) })
      .catch((error: unknown) => {
        console.error("CORS Lens: storing a webRequest event failed:", error);
      });
    return entry;
  }
}

/**
 * Returns the journal entries among stored items and `own` (entries this worker wrote,
 * which the items may or may not include yet), each once, in arrival order. Entries
 * already applied are left out.
 */
export function journalEntries(
  items: Readonly<Record<string, unknown>>,
  own: readonly JournalEntry[],
): JournalEntry[] {
  const byKey = new Map<string, JournalEntry>();
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(JOURNAL_KEY_PREFIX)) continue;
    const event = parseEvent(value);
    if (event !== null) byKey.set(key, { key, event });
  }
  for (const entry of own) byKey.set(entry.key, entry);
  return [...byKey.values()].sort((left, right) => {
    if (left.key === right.key) return 0;
    return left.key < right.key ? -1 : 1;
  });
}

/** Returns every journal key among stored items and `own`, applied or not. */
export function journalKeys(
  items: Readonly<Record<string, unknown>>,
  own: readonly JournalEntry[],
): string[] {
  const keys = new Set(
    Object.keys(items).filter((key) => key.startsWith(JOURNAL_KEY_PREFIX)),
  );
  for (const entry of own) keys.add(entry.key);
  return [...keys];
}

/**
 * Returns items that mark the keys as applied. Written in the same `set` call as the
 * records they produced, they keep a worker that stops before removing the keys from
 * applying the events twice.
 */
export function appliedMarks(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((key) => [key, APPLIED]));
}

/** Returns the event a journal value holds, or null for an applied mark. */
function parseEvent(value: unknown): WebRequestEvent | null {
  if (typeof value !== "string") return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "event" in parsed &&
      "details" in parsed
    ) {
      return parsed as WebRequestEvent;
    }
  } catch (error) {
    console.error("CORS Lens: a journaled event is not valid JSON:", error);
  }
  return null;
}

/**
 * Keeps only the fields the record assembler reads, with headers already capped, so
 * that a journaled event costs little storage. It is stored as JSON text, which
 * Chromium counts against the quota at a fraction of the size of an object.
 */
function compactEvent({ event, details }: WebRequestEvent): WebRequestEvent {
  const compact: {
    -readonly [Field in keyof WebRequestDetails]: WebRequestDetails[Field];
  } = {
    requestId: details.requestId,
    url: details.url,
    method: details.method,
    type: details.type,
    tabId: details.tabId,
    frameId: details.frameId,
    timeStamp: details.timeStamp,
  };
  if (details.initiator !== undefined) compact.initiator = details.initiator;
  if (details.originUrl !== undefined) compact.originUrl = details.originUrl;
  if (details.requestHeaders !== undefined) {
    compact.requestHeaders = toHeaderList(details.requestHeaders);
  }
  if (details.responseHeaders !== undefined) {
    compact.responseHeaders = toHeaderList(details.responseHeaders);
  }
  if (details.statusCode !== undefined) compact.statusCode = details.statusCode;
  if (details.redirectUrl !== undefined) {
    compact.redirectUrl = details.redirectUrl;
  }
  if (details.error !== undefined) compact.error = details.error;
  return { event, details: compact };
}
