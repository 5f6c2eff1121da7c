/** Builds HAR entries in the shape Chromium's DevTools writes, for small test logs. */

export interface EntryFields {
  readonly method?: string;
  readonly url: string;
  readonly start: number;
  readonly requestHeaders?: readonly [string, string][];
  readonly status?: number;
  readonly responseHeaders?: readonly [string, string][];
  readonly error?: string | null;
  readonly resourceType?: string;
  readonly initiator?: Record<string, unknown>;
  readonly redirectURL?: string;
  readonly requestId?: string;
}

const BASE_TIME = Date.UTC(2025, 2, 1, 10, 0, 0);

export function chromeEntry(fields: EntryFields): Record<string, unknown> {
  const pairs = (list: readonly [string, string][] = []) =>
    list.map(([name, value]) => ({ name, value }));
  const entry: Record<string, unknown> = {
    _initiator: fields.initiator ?? { type: "script" },
    _priority: "High",
    _resourceType: fields.resourceType ?? "fetch",
    cache: {},
    request: {
      method: fields.method ?? "GET",
      url: fields.url,
      httpVersion: "HTTP/1.1",
      headers: pairs(fields.requestHeaders),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: fields.status ?? 200,
      statusText: "",
      httpVersion: "HTTP/1.1",
      headers: pairs(fields.responseHeaders),
      cookies: [],
      content: { size: 0, mimeType: "x-unknown" },
      redirectURL: fields.redirectURL ?? "",
      headersSize: -1,
      bodySize: -1,
      _transferSize: 0,
      _error: fields.error ?? null,
    },
    serverIPAddress: "127.0.0.1",
    startedDateTime: new Date(BASE_TIME + fields.start).toISOString(),
    time: 5,
    timings: {
      blocked: 1,
      dns: -1,
      ssl: -1,
      connect: -1,
      send: 0,
      wait: 4,
      receive: 0,
    },
  };
  if (fields.requestId !== undefined) entry["_requestId"] = fields.requestId;
  return entry;
}

export function harText(entries: readonly Record<string, unknown>[]): string {
  return JSON.stringify({
    log: {
      version: "1.2",
      creator: { name: "WebInspector", version: "537.36" },
      pages: [],
      entries,
    },
  });
}
