/**
 * The caps on stored headers: the length of each name and value, and the number of
 * headers kept per list. Servers can send values of hundreds of kilobytes (Chromium 156
 * accepted a 200 KB value in the hostile-header test and rejected a 1 MB one), and every
 * stored copy costs memory in the background, in `storage.session` and in the panel.
 */

/** Characters of a header name or value kept. A marker replaces the rest. */
export const MAX_HEADER_VALUE_LENGTH = 8_192;

const MARKER_PATTERN = /^… \[truncated, [\d,]+ bytes\]$/;

/**
 * Headers kept per list, besides those CORS checks read. A server can send thousands of
 * short header lines, and analyzing an exchange with 5,000 headers took 80 to 120 ms in
 * Node on a 2-core machine, longer in the panel.
 */
export const MAX_HEADERS_PER_LIST = 1_000;

/**
 * Name of the line that replaces the headers beyond the cap. An ellipsis is not a
 * token character (RFC 9110, section 5.1), so no valid header has this name.
 */
export const OMITTED_HEADERS_NAME = "…";

/** Returns the value of the line that stands for `omitted` of `total` headers. */
export function omittedHeadersText(omitted: number, total: number): string {
  const count = omitted.toLocaleString("en-US");
  const all = total.toLocaleString("en-US");
  return `${count} more ${omitted === 1 ? "header" : "headers"} not recorded (${all} in all)`;
}

/** Returns the marker that replaces the cut part of a value of `byteLength` bytes. */
export function truncationMarker(byteLength: number): string {
  return `… [truncated, ${byteLength.toLocaleString("en-US")} bytes]`;
}

/**
 * Returns the value unchanged when it is at most `MAX_HEADER_VALUE_LENGTH` characters
 * long, else its first `MAX_HEADER_VALUE_LENGTH` characters followed by the marker,
 * which gives the size of the whole value in UTF-8 bytes. A value that already carries
 * the marker is returned unchanged.
 */
export function capHeaderText(value: string): string {
  if (value.length <= MAX_HEADER_VALUE_LENGTH) return value;
  // Capping twice must not change the recorded size.
  if (splitTruncatedValue(value) !== null) return value;
  return (
    value.slice(0, MAX_HEADER_VALUE_LENGTH) +
    truncationMarker(utf8ByteLength(value))
  );
}

/**
 * Splits a capped value into the kept text and the marker, or returns null when the
 * value was not cut. A value of more than `MAX_HEADER_VALUE_LENGTH` characters only
 * exists after capping, so a server cannot make its own text look like the marker.
 */
export function splitTruncatedValue(
  value: string,
): { readonly kept: string; readonly marker: string } | null {
  if (value.length <= MAX_HEADER_VALUE_LENGTH) return null;
  const marker = value.slice(MAX_HEADER_VALUE_LENGTH);
  if (!MARKER_PATTERN.test(marker)) return null;
  return { kept: value.slice(0, MAX_HEADER_VALUE_LENGTH), marker };
}

/** Counts the UTF-8 bytes of a string. A lone surrogate counts as U+FFFD, 3 bytes. */
export function utf8ByteLength(value: string): number {
  let bytes = 0;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else {
        bytes += 3;
      }
    } else bytes += 3;
  }
  return bytes;
}
