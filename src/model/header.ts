/** One HTTP header line. Header lists keep their order and repeats. */
export interface HttpHeader {
  readonly name: string;
  readonly value: string;
}

export type HeaderList = readonly HttpHeader[];

/** Returns every value of the header `name`, compared case-insensitively, in order. */
export function headerValues(headers: HeaderList, name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const header of headers) {
    if (header.name.toLowerCase() === wanted) values.push(header.value);
  }
  return values;
}

/**
 * Returns the header's combined value as the Fetch standard gets it: all lines joined
 * with ", ", or null when the header is absent.
 */
export function headerValue(headers: HeaderList, name: string): string | null {
  const values = headerValues(headers, name);
  return values.length === 0 ? null : values.join(", ");
}

export function hasHeader(headers: HeaderList, name: string): boolean {
  return headerValues(headers, name).length > 0;
}
