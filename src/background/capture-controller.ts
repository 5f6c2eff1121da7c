import {
  MAX_EXCHANGES_KEY,
  maxExchangesFrom,
} from "../messaging/capture-settings";
import type { CaptureOptionsChange } from "../messaging/capture-options";
import type { BackgroundToPageMessage } from "../messaging/port-protocol";
import type { RequestRecord } from "../model/request-record";
import { isCorsCandidate, isPreflight } from "../pairing/cors-request";
import { CaptureStore, type TabChanges } from "./capture-store";
import {
  EventJournal,
  appliedMarks,
  journalEntries,
  journalKeys,
  type JournalEntry,
} from "./event-journal";
import { RecordAssembler } from "./record-assembler";
import { RecordingTabs } from "./recording-tabs";
import type { SessionArea } from "./session-area";
import { TabOptions } from "./tab-options";
import { startsTopLevelDocument } from "./top-level-document";
import type { WebRequestEvent } from "./web-request-details";

/** Requests that are never CORS requests and are not worth recording. */
const IGNORED_TYPES = new Set(["main_frame", "sub_frame", "outermost_frame"]);

/** The storage areas the background uses: session for captures, local for settings. */
export interface CaptureAreas {
  readonly session: SessionArea;
  readonly local: Pick<SessionArea, "get">;
}

/**
 * The background's state: which tabs are recorded, the requests in flight and the
 * captured records. Until the stored state is loaded, events are written to a journal
 * in storage as they arrive, and applied in order once it is loaded, so that a worker
 * stopped while loading loses none of them.
 */
export class CaptureController {
  private readonly store: CaptureStore;
  private readonly recording: RecordingTabs;
  private readonly options: TabOptions;
  /**
   * When each tab's top-level frame last got a new document that cleared its capture.
   * A request that started earlier belongs to the old document.
   */
  private readonly documentStarts = new Map<number, number>();
  private readonly journal: EventJournal;
  private assembler: RecordAssembler;
  private readonly ready: Promise<void>;
  private loaded = false;
  private readonly journaled: JournalEntry[] = [];

  constructor(
    private readonly areas: CaptureAreas,
    private readonly sendToPanels: (
      tabId: number,
      message: BackgroundToPageMessage,
    ) => void,
  ) {
    this.store = new CaptureStore(areas.session, {
      announce: (tabId, changes) => this.announce(tabId, changes),
      dropped: (records) => this.forgetDropped(records),
    });
    this.recording = new RecordingTabs(areas.session);
    this.options = new TabOptions(areas.session);
    this.assembler = this.newAssembler([]);
    this.journal = new EventJournal(areas.session);
    this.ready = this.load();
  }

  handleEvent(event: WebRequestEvent): void {
    // Requests of no tab (the extension's own, service workers') are never recorded.
    if (event.details.tabId < 0) return;
    if (!this.loaded) {
      this.journaled.push(this.journal.append(event));
      return;
    }
    this.apply(event);
  }

  async subscribe(
    tabId: number,
    send: (message: BackgroundToPageMessage) => void,
  ): Promise<void> {
    await this.ready;
    this.recording.connect(tabId);
    send({
      type: "snapshot",
      tabId,
      records: this.store.recordsOf(tabId),
      dropped: this.store.droppedCountOf(tabId),
      options: this.options.of(tabId),
    });
  }

  /** Changes the tab's capture options, stores them and sends them to its panels. */
  async setOptions(tabId: number, change: CaptureOptionsChange): Promise<void> {
    await this.ready;
    try {
      const options = await this.options.update(tabId, change);
      this.sendToPanels(tabId, { type: "options", options });
    } catch (error) {
      console.error(
        `CORS Lens: storing the capture options of tab ${tabId} failed:`,
        error,
      );
    }
  }

  unsubscribe(tabId: number): void {
    this.recording.disconnect(tabId);
  }

  async clear(tabId: number): Promise<void> {
    await this.ready;
    this.assembler.forgetTab(tabId);
    await this.store.clearTab(tabId);
    this.sendToPanels(tabId, { type: "cleared" });
  }

  async forgetTab(tabId: number): Promise<void> {
    await this.ready;
    this.assembler.forgetTab(tabId);
    this.documentStarts.delete(tabId);
    await Promise.all([this.store.clearTab(tabId), this.options.forget(tabId)]);
  }

  /** Applies a changed `storage.local` setting. */
  applySettings(changes: Readonly<Record<string, { newValue?: unknown }>>) {
    const change = changes[MAX_EXCHANGES_KEY];
    if (change === undefined) return;
    void this.ready.then(() => {
      this.store.setMaxExchanges(maxExchangesFrom(change.newValue));
    });
  }

  /** Writes every change now and resolves once it is stored and sent to the panels. */
  async flush(): Promise<void> {
    await this.ready;
    await this.store.settled();
    this.store.announceNow();
  }

  private async load(): Promise<void> {
    let journalWritten: Promise<void> = Promise.resolve();
    try {
      const [items, settings] = await Promise.all([
        this.areas.session.get(null),
        this.areas.local.get(MAX_EXCHANGES_KEY),
      ]);
      this.recording.restore(items);
      this.options.restore(items);
      const records = this.store.restore(items);
      this.store.setMaxExchanges(maxExchangesFrom(settings[MAX_EXCHANGES_KEY]));
      this.assembler = this.newAssembler(records);
      journalWritten = this.applyJournal(items);
    } catch (error) {
      console.error("CORS Lens: loading the stored capture failed:", error);
      for (const entry of this.journaled.splice(0)) this.apply(entry.event);
    }
    // From here on events are applied as they arrive; their writes follow the
    // journal's in storage's order.
    this.loaded = true;
    await journalWritten.catch((error: unknown) => {
      console.error("CORS Lens: storing the journaled events failed:", error);
    });
  }

  /**
   * Applies the journaled events: those earlier workers left and those that arrived
   * while loading. The records they changed are written in one call together with
   * marks that the entries were applied, and then the entries are removed. Resolves
   * once both are stored.
   */
  private applyJournal(
    items: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    const own = this.journaled.splice(0);
    const keys = journalKeys(items, own);
    if (keys.length === 0) return Promise.resolve();
    for (const entry of journalEntries(items, own)) this.apply(entry.event);
    return this.store
      .flush(appliedMarks(keys))
      .then(() => this.areas.session.remove(keys));
  }

  private apply(event: WebRequestEvent): void {
    const { details } = event;
    if (startsTopLevelDocument(event)) {
      this.startDocument(details.tabId, details.timeStamp);
    }
    if (IGNORED_TYPES.has(details.type)) return;
    const recorded = this.isRecorded(event);
    if (event.event === "onBeforeRequest" && !recorded) return;
    const record = this.assembler.apply(event, recorded);
    if (record === null) return;
    if (!isPreflight(record) && !isCorsCandidate(record)) {
      this.store.remove(record);
      return;
    }
    this.store.put(record);
  }

  /**
   * Tells whether a request not known yet is recorded from this event: its tab is
   * recorded and not paused, and the request did not start before the tab's current
   * document. While a tab is paused, a preflight for a request recorded before the
   * pause is still recorded, so that the request is not shown as one that needed none.
   */
  private isRecorded({ details }: WebRequestEvent): boolean {
    if (!this.recording.isRecording(details.tabId)) return false;
    const documentStart = this.documentStarts.get(details.tabId);
    if (documentStart !== undefined && details.timeStamp < documentStart) {
      return false;
    }
    if (!this.options.of(details.tabId).paused) return true;
    return (
      details.method === "OPTIONS" &&
      this.assembler.hasInFlightRequestTo(details.tabId, details.url)
    );
  }

  /**
   * Clears what the tab captured before its top-level frame got a new document at
   * `time`, unless the tab preserves its log. The new document's requests that arrived
   * earlier are kept: a stopped worker receives the events fired while it started in
   * no particular order.
   */
  private startDocument(tabId: number, time: number): void {
    if (this.options.of(tabId).preserveLog) return;
    this.documentStarts.set(tabId, time);
    this.assembler.forgetStartedBefore(tabId, time);
    this.store.removeStartedBefore(tabId, time);
  }

  private newAssembler(records: readonly RequestRecord[]): RecordAssembler {
    return new RecordAssembler(records, (tabId, id) =>
      this.store.get(tabId, id),
    );
  }

  private forgetDropped(records: readonly RequestRecord[]): void {
    for (const record of records) this.assembler.forget(record.id);
  }

  private announce(tabId: number, changes: TabChanges): void {
    this.sendToPanels(tabId, {
      type: "records",
      records: changes.records,
      removed: changes.removed,
      dropped: changes.dropped,
    });
  }
}
