/** Small HTTP grammar helpers shared by the safelist and the response checks. */

/** One or more tchar characters (RFC 9110 section 5.6.2). */
const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Returns true when `value` is a non-empty HTTP token (RFC 9110 section 5.6.2). */
export function isHttpToken(value: string): boolean {
  return HTTP_TOKEN.test(value);
}

/** Removes leading and trailing HTTP whitespace (tab, space, CR, LF), as Fetch does. */
export function trimHttpWhitespace(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(value.charCodeAt(start))) start += 1;
  while (end > start && isHttpWhitespace(value.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

function isHttpWhitespace(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || code === 0x20;
}

/**
 * Splits a comma-separated header value into trimmed elements, keeping empty ones so
 * that callers can reject them.
 */
export function splitHeaderList(value: string): string[] {
  return value.split(",").map(trimHttpWhitespace);
}

/**
 * Returns the length of `value` in bytes once encoded as UTF-8. webRequest decodes header
 * bytes as UTF-8, so this recovers the byte count that the 128-byte and 1024-byte limits
 * of the Fetch standard apply to.
 */
export function utf8ByteLength(value: string): number {
  let ascii = true;
  for (let index = 0; index < value.length && ascii; index += 1) {
    ascii = value.charCodeAt(index) < 0x80;
  }
  if (ascii) return value.length;
  let length = 0;
  for (const character of value) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint < 0x80) length += 1;
    else if (codePoint < 0x800) length += 2;
    else if (codePoint < 0x10000) length += 3;
    else length += 4;
  }
  return length;
}

/** Runs of characters that cannot be part of an HTTP token. */
const NON_TOKEN_RUN = /[^!#$%&'*+\-.^_`|~0-9A-Za-z]+/;

/**
 * Returns the HTTP tokens found in `value`, treating every other character as a
 * separator, so that `GET;DELETE` becomes `GET` and `DELETE`.
 */
export function extractHttpTokens(value: string): string[] {
  return value.split(NON_TOKEN_RUN).filter((token) => token.length > 0);
}
