import type { HeaderList, HttpHeader } from "../model/header";
import type { RedirectHop, RequestRecord } from "../model/request-record";

/**
 * The form records take in `storage.session`: one JSON string per record, holding an
 * array of the record's fields in a fixed order, each header list a flat
 * `[name, value, name, value, …]` array.
 *
 * Chromium counts a stored value against the 10 MB quota by the memory its parsed form
 * takes: a typical preflighted request's record counted about 4.7 KB as an object,
 * 1.1 KB as JSON text of the object (measured with `getBytesInUse` in Chromium 156).
 * Text is also cheaper to pass to the browser process, and leaving out the field names
 * makes it shorter still.
 */

/** The first element of a stored record, so that a later format can be recognized. */
const FORMAT = 1;

type FlatHeaders = string[];

type StoredHop = [
  url: string,
  statusCode: number,
  responseHeaders: FlatHeaders,
  redirectUrl: string,
];

type StoredRecord = [
  format: typeof FORMAT,
  id: string,
  url: string,
  method: string,
  type: string,
  tabId: number,
  frameId: number,
  initiator: string | null,
  requestHeadersSeen: boolean,
  requestHeaders: FlatHeaders,
  statusCode: number | null,
  responseHeaders: FlatHeaders,
  redirects: StoredHop[],
  error: string | null,
  inFlight: boolean,
  startTime: number,
  endTime: number | null,
];

function flatten(headers: HeaderList): FlatHeaders {
  const flat: string[] = [];
  for (const header of headers) flat.push(header.name, header.value);
  return flat;
}

function unflatten(flat: unknown): HttpHeader[] {
  if (!Array.isArray(flat)) return [];
  const headers: HttpHeader[] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) {
    headers.push({ name: String(flat[index]), value: String(flat[index + 1]) });
  }
  return headers;
}

export function encodeRecord(record: RequestRecord): string {
  const stored: StoredRecord = [
    FORMAT,
    record.id,
    record.url,
    record.method,
    record.type,
    record.tabId,
    record.frameId,
    record.initiator,
    record.requestHeadersSeen,
    flatten(record.requestHeaders),
    record.statusCode,
    flatten(record.responseHeaders),
    record.redirects.map((hop) => [
      hop.url,
      hop.statusCode,
      flatten(hop.responseHeaders),
      hop.redirectUrl,
    ]),
    record.error,
    record.inFlight,
    record.startTime,
    record.endTime,
  ];
  return JSON.stringify(stored);
}

/** Returns the record a stored value holds, or null when it is not one. */
export function decodeRecord(value: unknown): RequestRecord | null {
  if (typeof value !== "string") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    console.error("CORS Lens: a stored request is not valid JSON:", error);
    return null;
  }
  if (!isStoredRecord(parsed)) return null;
  const [
    ,
    id,
    url,
    method,
    type,
    tabId,
    frameId,
    initiator,
    requestHeadersSeen,
    requestHeaders,
    statusCode,
    responseHeaders,
    redirects,
    error,
    inFlight,
    startTime,
    endTime,
  ] = parsed;
  return {
    id,
    url,
    method,
    type,
    tabId,
    frameId,
    initiator,
    requestHeadersSeen,
    requestHeaders: unflatten(requestHeaders),
    statusCode,
    responseHeaders: unflatten(responseHeaders),
    redirects: redirects.map(toHop),
    error,
    inFlight,
    startTime,
    endTime,
  };
}

function toHop([
  url,
  statusCode,
  headers,
  redirectUrl,
]: StoredHop): RedirectHop {
  return { url, statusCode, responseHeaders: unflatten(headers), redirectUrl };
}

/** Checks the shape of a parsed value: the format, the field count and the ids. */
function isStoredRecord(value: unknown): value is StoredRecord {
  return (
    Array.isArray(value) &&
    value.length === 17 &&
    value[0] === FORMAT &&
    typeof value[1] === "string" &&
    typeof value[5] === "number" &&
    Array.isArray(value[12])
  );
}
