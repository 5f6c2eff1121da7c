import type { Exchange, PreflightSource } from "../model/exchange";
import type { HeaderList, HttpHeader } from "../model/header";
import type { RedirectHop, RequestRecord } from "../model/request-record";

/**
 * Exchanges can come from HAR files and older stored sessions, so the analyzer reads
 * them as untrusted data. These helpers replace every malformed field with an empty
 * value of the right type, so that no check can throw on it.
 */

type Fields = Readonly<Record<string, unknown>>;

function fieldsOf(value: unknown): Fields {
  return typeof value === "object" && value !== null ? (value as Fields) : {};
}

function text(value: unknown, fallback = ""): string {
  return typeof value === "string" ? value : fallback;
}

function nullableText(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function statusCode(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function headerList(value: unknown): HeaderList {
  if (!Array.isArray(value)) return [];
  const headers: HttpHeader[] = [];
  for (const entry of value) {
    const fields = fieldsOf(entry);
    if (typeof fields.name !== "string" || fields.name === "") continue;
    headers.push({ name: fields.name, value: text(fields.value) });
  }
  return headers;
}

function redirectHops(value: unknown): RedirectHop[] {
  if (!Array.isArray(value)) return [];
  const hops: RedirectHop[] = [];
  for (const entry of value) {
    const fields = fieldsOf(entry);
    hops.push({
      url: text(fields.url),
      statusCode: statusCode(fields.statusCode) ?? 0,
      responseHeaders: headerList(fields.responseHeaders),
      redirectUrl: text(fields.redirectUrl),
    });
  }
  return hops;
}

function requestRecord(value: unknown): RequestRecord {
  const fields = fieldsOf(value);
  return {
    id: text(fields.id),
    url: text(fields.url),
    method: text(fields.method),
    type: text(fields.type),
    tabId: typeof fields.tabId === "number" ? fields.tabId : -1,
    frameId: typeof fields.frameId === "number" ? fields.frameId : -1,
    initiator: nullableText(fields.initiator),
    requestHeadersSeen: fields.requestHeadersSeen === true,
    requestHeaders: headerList(fields.requestHeaders),
    statusCode: statusCode(fields.statusCode),
    responseHeaders: headerList(fields.responseHeaders),
    redirects: redirectHops(fields.redirects),
    error: nullableText(fields.error),
    inFlight: fields.inFlight === true,
    startTime: typeof fields.startTime === "number" ? fields.startTime : 0,
    endTime: typeof fields.endTime === "number" ? fields.endTime : null,
  };
}

function preflightSource(value: unknown): PreflightSource {
  return value === "sent" || value === "cached" ? value : "not-needed";
}

function isHeaderList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index += 1) {
    const entry: unknown = value[index];
    if (typeof entry !== "object" || entry === null) return false;
    const fields = entry as Fields;
    if (typeof fields.name !== "string" || fields.name === "") return false;
    if (typeof fields.value !== "string") return false;
  }
  return true;
}

function isRedirectHopList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (const entry of value) {
    const fields = fieldsOf(entry);
    if (typeof fields.url !== "string") return false;
    if (typeof fields.redirectUrl !== "string") return false;
    if (statusCode(fields.statusCode) === null) return false;
    if (!isHeaderList(fields.responseHeaders)) return false;
  }
  return true;
}

function isNumberOrNull(value: unknown): boolean {
  return (
    value === null || (typeof value === "number" && Number.isFinite(value))
  );
}

/** Tells whether every field of the record has the type the model promises. */
function isWellFormedRecord(value: unknown): boolean {
  const fields = fieldsOf(value);
  return (
    typeof fields.id === "string" &&
    typeof fields.url === "string" &&
    typeof fields.method === "string" &&
    typeof fields.type === "string" &&
    typeof fields.tabId === "number" &&
    typeof fields.frameId === "number" &&
    (fields.initiator === null || typeof fields.initiator === "string") &&
    typeof fields.requestHeadersSeen === "boolean" &&
    isHeaderList(fields.requestHeaders) &&
    isNumberOrNull(fields.statusCode) &&
    isHeaderList(fields.responseHeaders) &&
    isRedirectHopList(fields.redirects) &&
    (fields.error === null || typeof fields.error === "string") &&
    typeof fields.inFlight === "boolean" &&
    typeof fields.startTime === "number" &&
    isNumberOrNull(fields.endTime)
  );
}

/**
 * Tells whether the exchange already has the shape the model promises, so the
 * analyzer can read it as it is. Checking allocates nothing, which matters because
 * most exchanges come from the extension's own capture and are well-formed.
 */
function isWellFormedExchange(value: unknown): value is Exchange {
  const fields = fieldsOf(value);
  return (
    typeof fields.id === "string" &&
    typeof fields.tabId === "number" &&
    (fields.origin === null ||
      (typeof fields.origin === "string" && fields.origin !== "")) &&
    isWellFormedRecord(fields.actual) &&
    (fields.preflight === null || isWellFormedRecord(fields.preflight)) &&
    (fields.preflightSource === "sent" ||
      fields.preflightSource === "cached" ||
      fields.preflightSource === "not-needed")
  );
}

/**
 * Returns the exchange when it is well-formed, else a well-formed copy of it read
 * from untrusted data.
 */
export function sanitizeExchange(exchange: unknown): Exchange {
  if (isWellFormedExchange(exchange)) return exchange;
  const fields = fieldsOf(exchange);
  const origin = nullableText(fields.origin);
  return {
    id: text(fields.id),
    tabId: typeof fields.tabId === "number" ? fields.tabId : -1,
    origin: origin === "" ? null : origin,
    actual: requestRecord(fields.actual),
    preflight:
      typeof fields.preflight === "object" && fields.preflight !== null
        ? requestRecord(fields.preflight)
        : null,
    preflightSource: preflightSource(fields.preflightSource),
  };
}
