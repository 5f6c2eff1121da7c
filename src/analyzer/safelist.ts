import type { HeaderList } from "../model/header";
import { headerValue } from "../model/header";
import type { RequestRecord } from "../model/request-record";
import { isBrowserAddedLowercaseHeader } from "./browser-added-headers";
import {
  isHttpToken,
  splitHeaderList,
  trimHttpWhitespace,
  utf8ByteLength,
} from "./http-syntax";

/** Methods that fetch and XHR uppercase when written in any case (Fetch "normalize"). */
const NORMALIZED_METHODS = new Set([
  "DELETE",
  "GET",
  "HEAD",
  "OPTIONS",
  "POST",
  "PUT",
]);

const SAFELISTED_METHODS = new Set(["GET", "HEAD", "POST"]);

/** Fetch "CORS-safelisted request-header": a longer value is never safelisted. */
const MAX_SAFELISTED_VALUE_BYTES = 128;

/** Fetch "CORS-unsafe request-header names": above this total, all become unsafe. */
const MAX_SAFELISTED_TOTAL_BYTES = 1024;

const SAFELISTED_CONTENT_TYPES = new Set([
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "text/plain",
]);

/**
 * Fetch "CORS-unsafe request-header byte", indexed by character code: controls other
 * than tab, DEL, and `" ( ) : < > ? @ [ \ ] { }`.
 */
const UNSAFE_BYTES = new Uint8Array(128);
for (let code = 0; code < 0x20; code += 1) {
  if (code !== 0x09) UNSAFE_BYTES[code] = 1;
}
for (const character of '"():<>?@[\\]{}\x7f') {
  UNSAFE_BYTES[character.charCodeAt(0)] = 1;
}

/** Returns true when the value has a CORS-unsafe request-header byte. */
function hasUnsafeByte(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 128 && UNSAFE_BYTES[code] === 1) return true;
  }
  return false;
}

/** Characters allowed in `accept-language` and `content-language` values. */
const LANGUAGE_VALUE = /^[0-9A-Za-z *,\-.;=]*$/;

/** A simple range header value: `bytes=N-` or `bytes=N-M`, with no whitespace. */
const SIMPLE_RANGE = /^bytes=([0-9]+)-([0-9]*)$/;

/**
 * Returns the method as fetch and XHR send it: DELETE, GET, HEAD, OPTIONS, POST and PUT
 * are uppercased in any case, and every other method is kept as written (`patch` stays
 * `patch`).
 */
export function normalizeMethod(method: string): string {
  if (NORMALIZED_METHODS.has(method)) return method;
  const upper = method.toUpperCase();
  return NORMALIZED_METHODS.has(upper) ? upper : method;
}

/** Returns true for GET, HEAD and POST, compared exactly. */
export function isSafelistedMethod(method: string): boolean {
  return SAFELISTED_METHODS.has(method);
}

function isSafelistedContentType(value: string): boolean {
  if (hasUnsafeByte(value)) return false;
  const trimmed = trimHttpWhitespace(value);
  const slash = trimmed.indexOf("/");
  if (slash < 0) return false;
  const type = trimmed.slice(0, slash);
  const semicolon = trimmed.indexOf(";", slash);
  const subtypeEnd = semicolon < 0 ? trimmed.length : semicolon;
  const subtype = trimHttpWhitespace(trimmed.slice(slash + 1, subtypeEnd));
  if (!isHttpToken(type) || !isHttpToken(subtype)) return false;
  const essence = `${type}/${subtype}`.toLowerCase();
  return SAFELISTED_CONTENT_TYPES.has(essence);
}

/**
 * Chromium lowercases the value before it parses the range, so `Bytes=0-` passes
 * (services/network/public/cpp/cors/cors.cc). A suffix range (`bytes=-5`) and a range
 * whose end comes before its start are not simple.
 */
function isSimpleRange(value: string): boolean {
  const match = SIMPLE_RANGE.exec(value.toLowerCase());
  if (!match) return false;
  const start = match[1] ?? "";
  const end = match[2] ?? "";
  return end === "" || BigInt(start) <= BigInt(end);
}

/** The request headers that can be CORS-safelisted, depending on their value. */
const SAFELISTED_NAMES = new Set([
  "accept",
  "accept-language",
  "content-language",
  "content-type",
  "range",
]);

/**
 * Implements Fetch "CORS-safelisted request-header" for one header line whose value
 * is `bytes` long in UTF-8.
 */
function isSafelistedHeader(
  lowerName: string,
  value: string,
  bytes: number,
): boolean {
  if (bytes > MAX_SAFELISTED_VALUE_BYTES) return false;
  switch (lowerName) {
    case "accept":
      return !hasUnsafeByte(value);
    case "accept-language":
    case "content-language":
      return LANGUAGE_VALUE.test(value);
    case "content-type":
      return isSafelistedContentType(value);
    case "range":
      return isSimpleRange(value);
    default:
      return false;
  }
}

/**
 * Returns the request header names that need the server's permission in a preflight,
 * lowercased, deduplicated and sorted (Fetch "CORS-unsafe request-header names").
 *
 * The list is the one the browser sent, so headers that the browser adds itself are
 * skipped (see isBrowserAddedHeader). `accept-language` is skipped too when its value is
 * safelisted, because Chromium and Firefox add it to every request. A value that fails
 * the safelist can only come from the page, so it still counts. `lowercaseNames`, when
 * given, contains each header's name already lowercased, in the same order.
 */
export function corsUnsafeRequestHeaderNames(
  headers: HeaderList,
  lowercaseNames?: readonly string[],
): string[] {
  const unsafeNames: string[] = [];
  const safelistedNames: string[] = [];
  let safelistedBytes = 0;
  for (let index = 0; index < headers.length; index += 1) {
    const header = headers[index];
    if (header === undefined) continue;
    const { value } = header;
    const lowerName = lowercaseNames?.[index] ?? header.name.toLowerCase();
    if (isBrowserAddedLowercaseHeader(lowerName, value)) continue;
    const bytes = SAFELISTED_NAMES.has(lowerName) ? utf8ByteLength(value) : -1;
    const isSafelisted =
      bytes >= 0 && isSafelistedHeader(lowerName, value, bytes);
    // NOTE: a safelisted accept-language that the page set itself would count towards
    // the 1024-byte total, but the captured headers cannot tell it from the browser's.
    if (lowerName === "accept-language" && isSafelisted) continue;
    if (isSafelisted) {
      safelistedNames.push(lowerName);
      safelistedBytes += bytes;
    } else if (!unsafeNames.includes(lowerName)) {
      unsafeNames.push(lowerName);
    }
  }
  if (safelistedBytes > MAX_SAFELISTED_TOTAL_BYTES) {
    for (const name of safelistedNames) {
      if (!unsafeNames.includes(name)) unsafeNames.push(name);
    }
  }
  return unsafeNames.sort();
}

/** Returns true when fetch sends a preflight before a request with this method and headers. */
export function needsPreflight(method: string, headers: HeaderList): boolean {
  if (!isSafelistedMethod(normalizeMethod(method))) return true;
  return corsUnsafeRequestHeaderNames(headers).length > 0;
}

/**
 * Returns the header names a preflight asked permission for in its
 * `Access-Control-Request-Headers`, lowercased, trimmed, without empty or repeated
 * elements, in the order listed.
 */
export function requestHeadersFromPreflight(
  preflight: RequestRecord,
): string[] {
  const listed = headerValue(
    preflight.requestHeaders ?? [],
    "Access-Control-Request-Headers",
  );
  return parseRequestHeaderNames(listed);
}

/**
 * Parses an `Access-Control-Request-Headers` value (null when absent) as
 * requestHeadersFromPreflight describes.
 */
export function parseRequestHeaderNames(listed: string | null): string[] {
  if (listed === null) return [];
  const names = splitHeaderList(listed)
    .map((name) => name.toLowerCase())
    .filter((name) => name.length > 0);
  return [...new Set(names)];
}
