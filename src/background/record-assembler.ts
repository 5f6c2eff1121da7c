import type { HeaderList, HttpHeader } from "../model/header";
import type { RequestRecord } from "../model/request-record";
import type { WebRequestEvent, WebRequestHeader } from "./web-request-details";

/**
 * Builds RequestRecords from the webRequest events of one request, event by event. The
 * in-flight records it keeps are plain data, so they can be stored and handed to a new
 * assembler after the service worker restarts.
 */
export class RecordAssembler {
  private readonly inFlight = new Map<string, RequestRecord>();

  constructor(inFlightRecords: readonly RequestRecord[] = []) {
    for (const record of inFlightRecords) {
      if (record.inFlight) this.inFlight.set(record.id, record);
    }
  }

  /**
   * Applies one event and returns the request's record as it now stands, or null when the
   * event belongs to a request this assembler never saw start.
   */
  apply({ event, details }: WebRequestEvent): RequestRecord | null {
    if (event === "onBeforeRequest") {
      // After a redirect Chromium fires onBeforeRequest again with the same requestId
      // for the new URL (observed in Chromium 156): the request goes on, hops and all.
      const redirected = this.inFlight.get(details.requestId);
      if (redirected !== undefined && redirected.redirects.length > 0) {
        return redirected;
      }
      const record = startRecord(details);
      this.inFlight.set(record.id, record);
      return record;
    }
    const current = this.inFlight.get(details.requestId);
    if (current === undefined) return null;
    let next: RequestRecord;
    switch (event) {
      case "onSendHeaders":
        next = {
          ...current,
          requestHeadersSeen: details.requestHeaders !== undefined,
          requestHeaders: toHeaderList(details.requestHeaders),
        };
        break;
      case "onHeadersReceived":
        next = {
          ...current,
          statusCode: details.statusCode ?? null,
          responseHeaders: toHeaderList(details.responseHeaders),
        };
        break;
      case "onBeforeRedirect":
        next = {
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
        break;
      case "onCompleted":
        next = {
          ...current,
          statusCode: details.statusCode ?? current.statusCode,
          inFlight: false,
          endTime: details.timeStamp,
        };
        break;
      case "onErrorOccurred":
        next = {
          ...current,
          error: details.error ?? "unknown error",
          inFlight: false,
          endTime: details.timeStamp,
        };
        break;
    }
    if (next.inFlight) this.inFlight.set(next.id, next);
    else this.inFlight.delete(next.id);
    return next;
  }

  /** Forgets the in-flight requests of a tab. */
  forgetTab(tabId: number): void {
    for (const [id, record] of this.inFlight) {
      if (record.tabId === tabId) this.inFlight.delete(id);
    }
  }
}

/** Returns the URL the request was last sent to, after any redirects. */
export function currentUrl(record: RequestRecord): string {
  const lastHop = record.redirects[record.redirects.length - 1];
  return lastHop === undefined ? record.url : lastHop.redirectUrl;
}

function startRecord(details: WebRequestEvent["details"]): RequestRecord {
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

function toHeaderList(
  headers: readonly WebRequestHeader[] | undefined,
): HeaderList {
  if (headers === undefined) return [];
  return headers.map(toHeader);
}

function toHeader(header: WebRequestHeader): HttpHeader {
  if (header.value !== undefined) {
    return { name: header.name, value: header.value };
  }
  // A value that is not valid UTF-8 arrives as bytes; keep it readable as Latin-1,
  // which maps each byte to one character, the way the Fetch standard sees header bytes.
  const bytes = header.binaryValue ?? [];
  let value = "";
  for (let index = 0; index < bytes.length; index += 1) {
    value += String.fromCharCode(bytes[index] ?? 0);
  }
  return { name: header.name, value };
}
