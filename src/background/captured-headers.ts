import type { HeaderList, HttpHeader } from "../model/header";
import {
  MAX_HEADERS_PER_LIST,
  MAX_HEADER_VALUE_LENGTH,
  OMITTED_HEADERS_NAME,
  capHeaderText,
  omittedHeadersText,
  truncationMarker,
} from "../messaging/header-value-limit";
import type { WebRequestHeader } from "./web-request-details";

/**
 * Headers that CORS checks and the analysis read, kept beyond the cap on the number
 * of headers, so that a long list cannot hide them.
 */
const CHECKED_HEADERS = new Set([
  "origin",
  "vary",
  "location",
  "content-type",
  "content-language",
  "accept",
  "accept-language",
  "range",
  "cookie",
  "set-cookie",
  "authorization",
  "proxy-authorization",
  "referer",
  "cache-control",
  "timing-allow-origin",
  "cross-origin-resource-policy",
]);

function isChecked(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    CHECKED_HEADERS.has(lower) ||
    lower.startsWith("access-control-") ||
    lower.startsWith("sec-fetch-")
  );
}

/**
 * Converts webRequest headers to a header list, in order, with every name and value
 * capped to `MAX_HEADER_VALUE_LENGTH` characters. Beyond `MAX_HEADERS_PER_LIST`
 * headers only those CORS checks read are kept, and one last line, named
 * `OMITTED_HEADERS_NAME`, counts the headers left out. A list capped before is
 * returned as it is.
 */
export function toHeaderList(
  headers: readonly WebRequestHeader[] | undefined,
): HeaderList {
  if (headers === undefined) return [];
  const alreadyCapped = headers.at(-1)?.name === OMITTED_HEADERS_NAME;
  if (headers.length <= MAX_HEADERS_PER_LIST || alreadyCapped) {
    return headers.map(toHeader);
  }
  const kept: HttpHeader[] = [];
  headers.forEach((header, index) => {
    if (index < MAX_HEADERS_PER_LIST || isChecked(header.name)) {
      kept.push(toHeader(header));
    }
  });
  const omitted = headers.length - kept.length;
  if (omitted === 0) return kept;
  kept.push({
    name: OMITTED_HEADERS_NAME,
    value: omittedHeadersText(omitted, headers.length),
  });
  return kept;
}

function toHeader(header: WebRequestHeader): HttpHeader {
  const name = capHeaderText(header.name);
  if (header.value !== undefined) {
    return { name, value: capHeaderText(header.value) };
  }
  return { name, value: binaryValueText(header.binaryValue ?? []) };
}

/**
 * Returns a value that is not valid UTF-8 as Latin-1 text, one character per byte,
 * because the Fetch standard defines header values as bytes. Only the bytes that are
 * kept are converted.
 */
function binaryValueText(bytes: ArrayLike<number>): string {
  const kept = Math.min(bytes.length, MAX_HEADER_VALUE_LENGTH);
  const codes: number[] = [];
  for (let index = 0; index < kept; index += 1) codes.push(bytes[index] ?? 0);
  const text = String.fromCharCode(...codes);
  return bytes.length > kept ? text + truncationMarker(bytes.length) : text;
}
