import { splitTruncatedValue } from "../messaging/header-value-limit";
import "./header-value.css";

/**
 * C0 and C1 control characters, and the Unicode bidirectional formatting characters,
 * which could reorder or hide the text around them (Unicode Standard Annex 9).
 */
const INVISIBLE_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point.
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One run of a value: plain text, or one invisible character shown as its code. */
interface ValuePart {
  readonly text: string;
  readonly code: boolean;
}

/** Splits a value into plain runs and `U+XXXX` codes for invisible characters. */
export function valueParts(value: string): ValuePart[] {
  const parts: ValuePart[] = [];
  let last = 0;
  for (const match of value.matchAll(INVISIBLE_CHARACTERS)) {
    const index = match.index;
    if (index > last)
      parts.push({ text: value.slice(last, index), code: false });
    const code = match[0].charCodeAt(0).toString(16).toUpperCase();
    parts.push({ text: `U+${code.padStart(4, "0")}`, code: true });
    last = index + match[0].length;
  }
  if (last < value.length) parts.push({ text: value.slice(last), code: false });
  return parts;
}

function ValueText({ value }: { readonly value: string }) {
  return (
    <>
      {valueParts(value).map((part, index) =>
        part.code ? (
          <span
            key={index}
            class="control-character"
            title="Invisible character"
          >
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/**
 * Renders a header value as text: invisible and bidirectional control characters as
 * their code points, and the marker of a value cut to the stored length apart from
 * the value.
 */
export function HeaderValue({ value }: { readonly value: string }) {
  const cut = splitTruncatedValue(value);
  return (
    <span class="header-value">
      <ValueText value={cut === null ? value : cut.kept} />
      {cut === null ? null : (
        <span class="truncation-marker" data-testid="truncation-marker">
          {cut.marker}
        </span>
      )}
    </span>
  );
}
