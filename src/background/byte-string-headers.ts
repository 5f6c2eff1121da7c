import type {
  WebRequestDetails,
  WebRequestHeader,
} from "./web-request-details";

const HIGH_BYTE = /[\u0080-\u00ff]/;
const BEYOND_BYTE = /[\u0100-\uffff]/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Returns a byte string (one character per byte) decoded as UTF-8 when its bytes are
 * valid UTF-8, and unchanged otherwise. Firefox 153 hands webRequest header values over
 * as byte strings: `\u202E` sent as UTF-8 arrived as three characters. Chromium 156
 * decodes UTF-8 itself and gives other values as `binaryValue`. Decoding makes both
 * browsers record the same text.
 */
export function decodeByteString(value: string): string {
  if (!HIGH_BYTE.test(value) || BEYOND_BYTE.test(value)) return value;
  const bytes = Uint8Array.from(value, (char) => char.charCodeAt(0));
  try {
    return utf8.decode(bytes);
  } catch {
    // Not UTF-8: Latin-1, one character per byte, is how the Fetch standard reads it.
    return value;
  }
}

function decodeHeaders(
  headers: readonly WebRequestHeader[] | undefined,
): readonly WebRequestHeader[] | undefined {
  if (headers === undefined) return undefined;
  return headers.map((header) =>
    header.value === undefined
      ? header
      : { ...header, value: decodeByteString(header.value) },
  );
}

/** Returns the details with every header value given as a byte string decoded. */
export function withDecodedHeaders(
  details: WebRequestDetails,
): WebRequestDetails {
  if (
    details.requestHeaders === undefined &&
    details.responseHeaders === undefined
  ) {
    return details;
  }
  return {
    ...details,
    requestHeaders: decodeHeaders(details.requestHeaders),
    responseHeaders: decodeHeaders(details.responseHeaders),
  };
}
