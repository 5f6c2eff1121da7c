/**
 * Characters that start Markdown or HTML markup (CommonMark and GitHub Flavored
 * Markdown): emphasis, code spans, links, raw HTML, entities, table cell separators,
 * strikethrough and headings. Characters that only mean something at the start of a
 * line (`-`, `+`, `1.`) are left alone, because the renderers never start a line with
 * a value.
 */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|~&]/g;

/**
 * Escapes text for Markdown paragraphs, list items and table cells. Every character
 * that could start markup gets a backslash, which CommonMark allows before any ASCII
 * punctuation. Line breaks become spaces, so a value cannot end a table row or start a
 * block. The escaped text renders as the original characters.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, " ")
    .replace(MARKDOWN_SPECIAL, (character) => `\\${character}`);
}
