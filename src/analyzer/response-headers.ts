import type { HeaderList } from "../model/header";

const NO_LINES: readonly string[] = [];

/**
 * The header lines of one response, indexed by lowercased name. Every check reads
 * several headers of each response, so the list is scanned once.
 */
export class ResponseHeaders {
  private readonly linesByName = new Map<string, string[]>();

  constructor(headers: HeaderList) {
    for (const { name, value } of headers) {
      const key = name.toLowerCase();
      const lines = this.linesByName.get(key);
      if (lines === undefined) this.linesByName.set(key, [value]);
      else lines.push(value);
    }
  }

  /** Returns every line of the header `name`, compared case-insensitively. */
  lines(name: string): readonly string[] {
    return this.linesByName.get(name.toLowerCase()) ?? NO_LINES;
  }

  /** Returns the lines joined with ", " as Fetch combines them, or null when absent. */
  value(name: string): string | null {
    const lines = this.lines(name);
    return lines.length === 0 ? null : lines.join(", ");
  }

  has(name: string): boolean {
    return this.lines(name).length > 0;
  }
}
