/** A small reader for the Markdown CORS Lens writes: headings, tables, list items. */

export interface MarkdownDocument {
  readonly headings: { level: number; text: string }[];
  readonly tables: string[][][];
  readonly listItems: string[];
  readonly lines: readonly string[];
}

/** Undoes CommonMark backslash escapes of ASCII punctuation. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** Splits a table row on the pipes that are not escaped, then unescapes each cell. */
export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let current = "";
  for (let index = 0; index < row.length; index += 1) {
    const character = row.charAt(index);
    if (character === "\\" && index + 1 < row.length) {
      current += character + row.charAt(index + 1);
      index += 1;
    } else if (character === "|") {
      cells.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  cells.push(current);
  // A row starts and ends with a pipe: drop the empty text outside them.
  return cells.slice(1, -1).map((cell) => unescapeMarkdown(cell.trim()));
}

export function readMarkdown(text: string): MarkdownDocument {
  const lines = text.split("\n");
  const headings: { level: number; text: string }[] = [];
  const tables: string[][][] = [];
  const listItems: string[] = [];
  let table: string[][] | null = null;
  for (const line of lines) {
    if (line.startsWith("|")) {
      if (table === null) {
        table = [];
        tables.push(table);
      }
      // The delimiter row holds only dashes, colons and pipes.
      if (!/^\|[\s:|-]+\|$/.test(line)) table.push(tableCells(line));
      continue;
    }
    table = null;
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading !== null) {
      headings.push({
        level: heading[1]?.length ?? 0,
        text: unescapeMarkdown(heading[2] ?? ""),
      });
      continue;
    }
    const item = /^\s*(?:-|\d+\.) (.*)$/.exec(line);
    if (item !== null) listItems.push(unescapeMarkdown(item[1] ?? ""));
  }
  return { headings, tables, listItems, lines };
}
