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

/** Returns a well-formed copy of an exchange read from untrusted data. */
export function sanitizeExchange(exchange: unknown): Exchange {
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
