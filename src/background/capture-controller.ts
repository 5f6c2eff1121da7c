import type { RequestRecord } from "../model/request-record";
import { isCorsCandidate, isPreflight } from "../pairing/cors-request";
import type { BackgroundToPageMessage } from "../messaging/port-protocol";
import { CaptureStore } from "./capture-store";
import { RecordAssembler } from "./record-assembler";
import { RecordingTabs } from "./recording-tabs";
import type { SessionArea } from "./session-area";
import type { WebRequestEvent } from "./web-request-details";

/** Requests that are never CORS requests and are not worth recording. */
const IGNORED_TYPES = new Set(["main_frame", "sub_frame", "outermost_frame"]);

/**
 * The background's state: which tabs are recorded, the requests in flight and the
 * captured records. Events that arrive before the stored state is loaded wait for it,
 * in order.
 */
export class CaptureController {
  private readonly store: CaptureStore;
  private readonly recording: RecordingTabs;
  private assembler = new RecordAssembler();
  private readonly ready: Promise<void>;
  private loaded = false;
  private readonly queued: WebRequestEvent[] = [];

  constructor(
    area: SessionArea,
    private readonly sendToPanels: (
      tabId: number,
      message: BackgroundToPageMessage,
    ) => void,
  ) {
    this.store = new CaptureStore(area, (records) => this.announce(records));
    this.recording = new RecordingTabs(area);
    this.ready = this.load();
  }

  handleEvent(event: WebRequestEvent): void {
    if (!this.loaded) {
      this.queued.push(event);
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
    await this.store.flush();
    send({ type: "snapshot", tabId, records: this.store.recordsOf(tabId) });
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
    await this.store.clearTab(tabId);
  }

  /** Writes pending changes now. */
  flush(): Promise<void> {
    return this.store.flush();
  }

  private async load(): Promise<void> {
    try {
      await this.recording.load();
      const records = await this.store.load();
      this.assembler = new RecordAssembler(records.filter((r) => r.inFlight));
    } catch (error) {
      console.error("CORS Lens: loading the stored capture failed:", error);
    }
    this.loaded = true;
    for (const event of this.queued.splice(0)) this.apply(event);
  }

  private apply(event: WebRequestEvent): void {
    const { details } = event;
    if (event.event === "onBeforeRequest") {
      if (!this.recording.isRecording(details.tabId)) return;
      if (IGNORED_TYPES.has(details.type)) return;
    }
    const record = this.assembler.apply(event);
    if (record === null) return;
    if (!isPreflight(record) && !isCorsCandidate(record)) {
      this.store.remove(record);
      return;
    }
    this.store.put(record);
  }

  private announce(records: RequestRecord[]): void {
    const byTab = new Map<number, RequestRecord[]>();
    for (const record of records) {
      const list = byTab.get(record.tabId);
      if (list === undefined) byTab.set(record.tabId, [record]);
      else list.push(record);
    }
    for (const [tabId, list] of byTab) {
      this.sendToPanels(tabId, { type: "records", records: list });
    }
  }
}
