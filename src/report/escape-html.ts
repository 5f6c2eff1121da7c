const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML element content and for quoted attribute values: `&`, `<`,
 * `>`, `"` and `'` become character references, so no value can open a tag, end an
 * attribute or start an entity.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? "");
}

/** HTML that is already escaped or written by the report itself. */
export class SafeHtml {
  constructor(readonly html: string) {}

  toString(): string {
    return this.html;
  }
}

/** A value a template may contain: text (escaped), safe HTML (kept) or a list of them. */
export type HtmlValue =
  string | number | null | SafeHtml | readonly HtmlValue[];

/**
 * Builds HTML from a template: every interpolated string or number goes through
 * escapeHtml, SafeHtml from a nested template is kept, lists are joined and null
 * writes nothing. The HTML report is only built this way, so no value is left
 * unescaped. (The tag is not named `html`, because Prettier would reformat the
 * markup inside.)
 */
export function markup(
  strings: TemplateStringsArray,
  ...values: readonly HtmlValue[]
): SafeHtml {
  let result = strings[0] ?? "";
  values.forEach((value, index) => {
    result += toHtml(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(result);
}

function toHtml(value: HtmlValue): string {
  if (value === null) return "";
  if (value instanceof SafeHtml) return value.html;
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number") return escapeHtml(String(value));
  return value.map(toHtml).join("");
}
