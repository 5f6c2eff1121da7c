import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shellQuote } from "../../../src/report/shell-quote";
import { curlArguments, SHELLS } from "./shell-words";

const HOSTILE_VALUES = [
  "",
  "plain",
  "it's",
  "''",
  "'\\''",
  "$(touch /tmp/cors-lens-quote-test)",
  "`id`",
  "${HOME}",
  "$HOME",
  '"double" quotes',
  "back\\slash\\",
  "semi; colon && pipe | amp &",
  "line one\nline two\n",
  "\n",
  "carriage\r\nreturn",
  "tab\there",
  "escape \u001b[201~ then \u0015\u0003 keys",
  "bell\u0007 and del\u007f",
  "c1 \u009b and \u0085",
  "glob * ? [a-z] ~ =cmd !! #comment",
  "unicode é ✓ 𝄞 \u202e reversed",
  "-X DELETE --url http://other.test",
] as const;

/** Lone surrogates cannot be encoded in UTF-8, so no shell can receive them. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

describe("shellQuote", () => {
  it.each(SHELLS)("round-trips hostile values through %s", (shell) => {
    const script = HOSTILE_VALUES.map(
      (value) => `curl ${shellQuote(value)}`,
    ).join("\n");

    expect(curlArguments(shell, script)).toEqual([...HOSTILE_VALUES]);
  });

  it.each(SHELLS)("round-trips random text through %s", (shell) => {
    const values = fc.sample(
      fc.string({ unit: "grapheme-composite", maxLength: 40 }),
      { numRuns: 300, seed: 7 },
    );
    const mixed = [
      ...values,
      ...fc.sample(fc.string({ unit: "binary", maxLength: 20 }), {
        numRuns: 300,
        seed: 11,
      }),
    ].filter((value) => !LONE_SURROGATE.test(value));
    const script = mixed.map((value) => `curl ${shellQuote(value)}`).join("\n");

    const expected = mixed.map((value) => value.replaceAll("\u0000", ""));
    expect(curlArguments(shell, script)).toEqual(expected);
  });

  it("writes no control character but line feed", () => {
    const quoted = shellQuote("a\u0000b\u0001c\tb\u001b\u007f\u0085\nz");

    // eslint-disable-next-line no-control-regex -- the check is for raw controls.
    expect(quoted).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(quoted).toContain("\n");
  });

  it("uses plain single quotes for printable text", () => {
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote("")).toBe("''");
  });

  it("quotes a text of only NUL as the empty word", () => {
    expect(shellQuote("\u0000")).toBe("''");
  });
});
