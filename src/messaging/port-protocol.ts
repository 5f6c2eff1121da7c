import type { HarEntryFacts } from "../har/read-har-entry";
import type { RequestRecord } from "../model/request-record";
import type { CaptureOptions, CaptureOptionsChange } from "./capture-options";

/**
 * Messages between the pages that show a tab's capture (the CORS panel and its detached
 * view) and what captures it: the background over a `runtime.connect` port, or in
 * Chromium the devtools page over a BroadcastChannel, which sends HAR entries instead
 * of records.
 */

/** Port name prefix; the full name is `cors-lens:<role>`. */
export const PORT_NAME_PREFIX = "cors-lens:";

/** The devtools page only keeps recording on; panels also receive records. */
export type PortRole = "devtools" | "panel";

/** First message a page sends after connecting: which tab it inspects. */
export interface SubscribeMessage {
  readonly type: "subscribe";
  readonly tabId: number;
}

/** Removes every record captured for the subscribed tab. */
export interface ClearMessage {
  readonly type: "clear";
}

/**
 * Changes the subscribed tab's capture options. Fields left out keep their value, so
 * two panels that each change one option do not undo each other's change.
 */
export interface SetOptionsMessage extends CaptureOptionsChange {
  readonly type: "setOptions";
}

export type PageToBackgroundMessage =
  SubscribeMessage | ClearMessage | SetOptionsMessage;

/** Every record stored for the tab, sent once after `subscribe`. */
export interface SnapshotMessage {
  readonly type: "snapshot";
  readonly tabId: number;
  readonly records: readonly RequestRecord[];
  /** The HAR entries DevTools captured, when the devtools page sends the snapshot. */
  readonly entries?: readonly HarEntryFacts[];
  /** Older exchanges of the tab dropped so far to stay within the cap. */
  readonly dropped?: number;
  /** The tab's capture options. */
  readonly options?: CaptureOptions;
}

/**
 * Records created or updated since the last message, each replacing any with its id,
 * and the records dropped since then to stay within the per-tab cap.
 */
export interface RecordsMessage {
  readonly type: "records";
  readonly records: readonly RequestRecord[];
  /** Ids of records removed because their exchange was dropped. */
  readonly removed?: readonly string[];
  /** Older exchanges of the tab dropped so far, counted since the last clear. */
  readonly dropped?: number;
}

/**
 * HAR entries DevTools finished since the last message, and how many of the oldest
 * were dropped to stay within the cap.
 */
export interface EntriesMessage {
  readonly type: "entries";
  readonly entries: readonly HarEntryFacts[];
  /** Entries with a smaller `index` were dropped. */
  readonly keptFrom?: number;
  /** Older exchanges of the tab dropped so far, counted since the last clear. */
  readonly dropped?: number;
}

export interface ClearedMessage {
  readonly type: "cleared";
}

/** The tab's capture options, sent to every panel of the tab after each change. */
export interface OptionsMessage {
  readonly type: "options";
  readonly options: CaptureOptions;
}

export type BackgroundToPageMessage =
  | SnapshotMessage
  | RecordsMessage
  | EntriesMessage
  | ClearedMessage
  | OptionsMessage;

export function portName(role: PortRole): string {
  return PORT_NAME_PREFIX + role;
}
