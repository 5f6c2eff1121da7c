import type { RequestRecord } from "../model/request-record";
import { toHeaderList } from "./captured-headers";
import type { WebRequestDetails, WebRequestEvent } from "./web-request-details";

/** Requests whose events wait for their first event, at most. */
export const MAX_WAITING_REQUESTS = 1_000;

/**
 * Requests whose later events are ignored because their record was cleared while in
 * flight, at most. The oldest are forgotten first.
 */
export const MAX_ENDED_REQUESTS = 10_000;

/** Position of each event in a request's life, to order events of one time stamp. */
const EVENT_ORDER: Readonly<Record<WebRequestEvent["event"], number>> = {
  onBeforeRequest: 0,
  onSendHeaders: 1,
  onHeadersReceived: 2,
  onBeforeRedirect: 3,
  onCompleted: 4,
  onErrorOccurred: 4,
};

function compareEvents(left: WebRequestEvent, right: WebRequestEvent): number {
  const byTime = left.details.timeStamp - right.details.timeStamp;
  if (byTime !== 0) return byTime;
  return EVENT_ORDER[left.event] - EVENT_ORDER[right.event];
}

/**
 * Builds RequestRecords from the webRequest events of one request, event by event. The
 * in-flight records it keeps are plain data, so they can be stored and handed to a new
 * assembler after the service worker restarts.
 *
 * Events of one request may arrive out of order. Chromium 156 queues the events fired
 * while it starts a stopped service worker and delivers them in no particular order
 * once it runs: a preflight's `onCompleted` can arrive before its `onBeforeRequest`.
 * So an event of a request not started yet waits for the request's first event, and a
 * late `onBeforeRequest` moves the record's start time back.
 */
export class RecordAssembler {
  private readonly inFlight = new Map<string, RequestRecord>();
  /** Events of requests not started yet, by request id, oldest request first. */
  private readonly waiting = new Map<string, WebRequestEvent[]>();
  /**
   * Requests cleared while in flight or waiting, oldest first.
   * NOTE: the set is kept in memory only, so after a worker restart a late
   * `onSendHeaders` of such a request starts a partial record again.
   */
  private readonly ended = new Set<string>();

  constructor(
    inFlightRecords: readonly RequestRecord[] = [],
    /** Returns a kept record that is no longer in flight, to apply late events to. */
    private readonly findKept: (
      tabId: number,
      requestId: string,
    ) => RequestRecord | undefined = () => undefined,
  ) {
    for (const record of inFlightRecords) {
      if (record.inFlight) this.inFlight.set(record.id, record);
    }
  }

  /**
   * Applies one event and returns the request's updated record, or null when the event
   * changes nothing. With `recorded` false, an event of a request not
   * started yet is dropped. With it true, `onSendHeaders` starts the record (its first
   * event may have reached a worker that then stopped), and any other event waits for
   * the request to start.
   */
  apply(event: WebRequestEvent, recorded = false): RequestRecord | null {
    const { details } = event;
    if (this.ended.has(details.requestId)) return null;
    const known =
      this.inFlight.get(details.requestId) ??
      this.findKept(details.tabId, details.requestId);
    if (event.event === "onBeforeRequest") {
      if (known === undefined) {
        return this.start(startRecord(details), []);
      }
      // After a redirect Chromium and Firefox fire onBeforeRequest again, with the same
      // requestId, for the URL it leads to. The record keeps the request's first URL.
      if (details.timeStamp >= known.startTime) return null;
      return this.store({ ...known, startTime: details.timeStamp });
    }
    if (known !== undefined) return this.store(applyEvent(known, event));
    if (!recorded) return null;
    if (event.event === "onSendHeaders") {
      return this.start(startRecord(details), [event]);
    }
    this.wait(event);
    return null;
  }

  /**
   * Forgets the in-flight and waiting requests of a tab, and ignores their later
   * events, so that a cleared request does not come back half recorded.
   */
  forgetTab(tabId: number): void {
    this.forgetStartedBefore(tabId, Number.POSITIVE_INFINITY);
  }

  /**
   * Forgets the tab's in-flight requests that started before `time`, and its waiting
   * requests whose first event arrived before `time`, and ignores their later events.
   */
  forgetStartedBefore(tabId: number, time: number): void {
    for (const [id, record] of this.inFlight) {
      if (record.tabId !== tabId || record.startTime >= time) continue;
      this.inFlight.delete(id);
      this.end(id);
    }
    for (const [id, events] of this.waiting) {
      const first = events[0]?.details;
      if (first?.tabId !== tabId || first.timeStamp >= time) continue;
      this.waiting.delete(id);
      this.end(id);
    }
  }

  /**
   * Tells whether a request of the tab other than a preflight is in flight to `url`:
   * a preflight sent to `url` now is for that request.
   */
  hasInFlightRequestTo(tabId: number, url: string): boolean {
    for (const record of this.inFlight.values()) {
      if (
        record.tabId === tabId &&
        record.method !== "OPTIONS" &&
        currentUrl(record) === url
      ) {
        return true;
      }
    }
    return false;
  }

  /** Forgets one request. */
  forget(requestId: string): void {
    this.inFlight.delete(requestId);
    this.waiting.delete(requestId);
  }

  /** Applies `first` and the events that waited for the request, in order. */
  private start(
    record: RequestRecord,
    first: readonly WebRequestEvent[],
  ): RequestRecord {
    const events = [...first, ...(this.waiting.get(record.id) ?? [])];
    this.waiting.delete(record.id);
    events.sort(compareEvents);
    let next = record;
    for (const event of events) next = applyEvent(next, event);
    return this.store(next);
  }

  private store(record: RequestRecord): RequestRecord {
    if (record.inFlight) this.inFlight.set(record.id, record);
    else this.inFlight.delete(record.id);
    return record;
  }

  private end(requestId: string): void {
    this.ended.add(requestId);
    if (this.ended.size > MAX_ENDED_REQUESTS) {
      const oldest = this.ended.values().next();
      if (oldest.done !== true) this.ended.delete(oldest.value);
    }
  }

  private wait(event: WebRequestEvent): void {
    const id = event.details.requestId;
    const events = this.waiting.get(id);
    if (events !== undefined) {
      events.push(event);
      return;
    }
    this.waiting.set(id, [event]);
    if (this.waiting.size > MAX_WAITING_REQUESTS) {
      // The oldest waiting request lost its first events for good.
      const oldest = this.waiting.keys().next();
      if (oldest.done !== true) this.waiting.delete(oldest.value);
    }
  }
}

function applyEvent(
  current: RequestRecord,
  { event, details }: WebRequestEvent,
): RequestRecord {
  switch (event) {
    case "onBeforeRequest":
      return current;
    case "onSendHeaders":
      return {
        ...current,
        requestHeadersSeen: details.requestHeaders !== undefined,
        requestHeaders: toHeaderList(details.requestHeaders),
      };
    case "onHeadersReceived":
      return {
        ...current,
        statusCode: details.statusCode ?? null,
        responseHeaders: toHeaderList(details.responseHeaders),
      };
    case "onBeforeRedirect":
      return {
        ...current,
        redirects: [
          ...current.redirects,
          {
            url: currentUrl(current),
            statusCode: details.statusCode ?? current.statusCode ?? 0,
            responseHeaders:
              details.responseHeaders === undefined
                ? current.responseHeaders
                : toHeaderList(details.responseHeaders),
            redirectUrl: details.redirectUrl ?? "",
          },
        ],
        statusCode: null,
        responseHeaders: [],
      };
    case "onCompleted":
      return {
        ...current,
        statusCode: details.statusCode ?? current.statusCode,
        inFlight: false,
        endTime: details.timeStamp,
      };
    case "onErrorOccurred":
      return {
        ...current,
        error: details.error ?? "unknown error",
        inFlight: false,
        endTime: details.timeStamp,
      };
  }
}

/** Returns the URL the request was last sent to, after any redirects. */
export function currentUrl(record: RequestRecord): string {
  const lastHop = record.redirects[record.redirects.length - 1];
  return lastHop === undefined ? record.url : lastHop.redirectUrl;
}

function startRecord(details: WebRequestDetails): RequestRecord {
  return {
    id: details.requestId,
    url: details.url,
    method: details.method,
    type: details.type,
    tabId: details.tabId,
    frameId: details.frameId,
    initiator: initiatorOrigin(details.initiator, details.originUrl),
    requestHeadersSeen: false,
    requestHeaders: [],
    statusCode: null,
    responseHeaders: [],
    redirects: [],
    error: null,
    inFlight: true,
    startTime: details.timeStamp,
    endTime: null,
  };
}

/** Chromium gives the initiator's origin; Firefox gives the initiating document's URL. */
function initiatorOrigin(
  initiator: string | undefined,
  originUrl: string | undefined,
): string | null {
  if (initiator !== undefined) return initiator;
  if (originUrl === undefined) return null;
  try {
    return new URL(originUrl).origin;
  } catch {
    return null;
  }
}
