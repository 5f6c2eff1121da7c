/**
 * Characters that are not written raw into a command: C0 controls except line feed,
 * DEL and C1 controls. Pasted into a terminal, they could act as keys (Ctrl-C,
 * Ctrl-U, Tab completion that closes an open quote) or as escape sequences that end
 * bracketed paste, so the rest of the text would run as typed commands. NUL is among
 * them, but no process argument can contain it.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]+/g;

/**
 * Quotes a text as one POSIX shell word that the shell passes on unchanged. Plain runs
 * go in single quotes, where no character but `'` is special, and each `'` becomes
 * `'\''`. Control characters become `"$(printf '\ooo')"`, the octal bytes of their
 * UTF-8 encoding, so the copied text contains none of them. Line feeds stay raw inside
 * the single quotes, because command substitution would strip a trailing one. NUL
 * is dropped. Checked with bash 5.2 and dash 0.5.12.
 */
export function shellQuote(text: string): string {
  if (text === "") return "''";
  let quoted = "";
  let last = 0;
  for (const match of text.matchAll(CONTROL_CHARACTERS)) {
    if (match.index > last) {
      quoted += singleQuote(text.slice(last, match.index));
    }
    quoted += printfWord(match[0]);
    last = match.index + match[0].length;
  }
  if (last < text.length) quoted += singleQuote(text.slice(last));
  return quoted === "" ? "''" : quoted;
}

function singleQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** Returns a double-quoted `printf` substitution that prints the characters, or "". */
function printfWord(characters: string): string {
  let escapes = "";
  for (const character of characters) {
    if (character === "\u0000") continue;
    for (const byte of utf8Bytes(character)) {
      escapes += `\\${byte.toString(8).padStart(3, "0")}`;
    }
  }
  return escapes === "" ? "" : `"$(printf '${escapes}')"`;
}

/** Returns the UTF-8 bytes of one character below U+0800, as the controls are. */
function utf8Bytes(character: string): number[] {
  const code = character.charCodeAt(0);
  if (code < 0x80) return [code];
  return [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
}
