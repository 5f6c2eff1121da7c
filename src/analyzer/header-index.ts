import type { HeaderList } from "../model/header";

const NO_LINES: readonly string[] = [];

/** Maximum number of header names whose lowercase form stays cached. */
const MAX_CACHED_NAMES = 2_048;

/**
 * Lowercased forms of header names. Captures repeat the same few dozen names, so
 * reusing one lowercase string per name saves allocating a new one for every
 * header of every message.
 */
const LOWERCASE_NAMES = new Map<string, string>();

/** Returns the header name in lowercase, from the cache when it was seen before. */
export function lowercaseName(name: string): string {
  let lower = LOWERCASE_NAMES.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    if (LOWERCASE_NAMES.size >= MAX_CACHED_NAMES) LOWERCASE_NAMES.clear();
    LOWERCASE_NAMES.set(name, lower);
  }
  return lower;
}

/**
 * The header lines of one request or response, with each name lowercased once.
 * Messages have a few dozen headers at most, so a linear scan of the lowercased
 * names is faster than building a hash map for every message.
 */
export class HeaderIndex {
  private readonly lowerNames: string[];

  constructor(private readonly headers: HeaderList) {
    this.lowerNames = headers.map((header) => lowercaseName(header.name));
  }

  /** Returns every line of the header `name`, compared case-insensitively. */
  lines(name: string): readonly string[] {
    const lower = lowercaseName(name);
    let lines: string[] | null = null;
    for (let index = 0; index < this.lowerNames.length; index += 1) {
      if (this.lowerNames[index] !== lower) continue;
      const value = this.headers[index]?.value ?? "";
      if (lines === null) lines = [value];
      else lines.push(value);
    }
    return lines ?? NO_LINES;
  }

  /** Returns the lines joined with ", " as Fetch combines them, or null when absent. */
  value(name: string): string | null {
    const lower = lowercaseName(name);
    let combined: string | null = null;
    for (let index = 0; index < this.lowerNames.length; index += 1) {
      if (this.lowerNames[index] !== lower) continue;
      const value = this.headers[index]?.value ?? "";
      combined = combined === null ? value : `${combined}, ${value}`;
    }
    return combined;
  }

  has(name: string): boolean {
    return this.lowerNames.includes(lowercaseName(name));
  }

  /** Returns each distinct header name once, as first spelled, in message order. */
  names(): string[] {
    const names: string[] = [];
    for (let index = 0; index < this.lowerNames.length; index += 1) {
      const lower = this.lowerNames[index];
      if (lower === undefined || this.lowerNames.indexOf(lower) !== index) {
        continue;
      }
      names.push(this.headers[index]?.name ?? lower);
    }
    return names;
  }
}
