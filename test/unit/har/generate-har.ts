import { createWriteStream } from "node:fs";
import { once } from "node:events";

const PAGE = "https://app.example.test";
const API = "https://api.example.test";
const BASE_TIME = Date.UTC(2025, 2, 1, 10, 0, 0);

/** Returns request headers in the shape Chromium's HAR lists for a CORS fetch. */
function actualHeaders(index: number): { name: string; value: string }[] {
  return [
    { name: "Accept", value: "application/json" },
    { name: "Accept-Encoding", value: "gzip, deflate, br, zstd" },
    { name: "Accept-Language", value: "en-US,en;q=0.9" },
    { name: "Connection", value: "keep-alive" },
    { name: "Content-Type", value: "application/json" },
    { name: "Host", value: "api.example.test" },
    { name: "Origin", value: PAGE },
    { name: "Referer", value: `${PAGE}/` },
    { name: "Sec-Fetch-Dest", value: "empty" },
    { name: "Sec-Fetch-Mode", value: "cors" },
    { name: "Sec-Fetch-Site", value: "same-site" },
    {
      name: "User-Agent",
      value:
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
    },
    { name: "X-Request-Id", value: `req-${index}` },
  ];
}

/**
 * Returns one PUT and its preflight in Chromium's HAR shape, as JSON text. Every fourth PUT gets a response
 * without Access-Control-Allow-Origin, so the analysis has failures to report.
 */
function entryPair(index: number): string {
  const url = `${API}/items/${index}`;
  const start = BASE_TIME + index * 10;
  const allowOrigin =
    index % 4 === 0
      ? []
      : [{ name: "Access-Control-Allow-Origin", value: PAGE }];
  const entry = (fields: {
    method: string;
    resourceType: string;
    initiator: Record<string, unknown>;
    startOffset: number;
    requestHeaders: { name: string; value: string }[];
    status: number;
    responseHeaders: { name: string; value: string }[];
    error: string | null;
  }) => ({
    _initiator: fields.initiator,
    _priority: "High",
    _resourceType: fields.resourceType,
    cache: {},
    connection: "443",
    pageref: "page_1",
    request: {
      method: fields.method,
      url,
      httpVersion: "HTTP/1.1",
      headers: fields.requestHeaders,
      queryString: [],
      cookies: [],
      headersSize: 612,
      bodySize: 0,
    },
    response: {
      status: fields.status,
      statusText: fields.status === 204 ? "No Content" : "OK",
      httpVersion: "HTTP/1.1",
      headers: fields.responseHeaders,
      cookies: [],
      content: { size: 0, mimeType: "application/json" },
      redirectURL: "",
      headersSize: 180,
      bodySize: 0,
      _transferSize: 180,
      _error: fields.error,
    },
    serverIPAddress: "127.0.0.1",
    startedDateTime: new Date(start + fields.startOffset).toISOString(),
    time: 3.2,
    timings: {
      blocked: 0.5,
      dns: -1,
      ssl: -1,
      connect: -1,
      send: 0.1,
      wait: 2.4,
      receive: 0.2,
    },
  });
  const actual = entry({
    method: "PUT",
    resourceType: "fetch",
    initiator: {
      type: "script",
      stack: {
        callFrames: [
          {
            functionName: "save",
            scriptId: "7",
            url: `${PAGE}/app.js`,
            lineNumber: 10,
            columnNumber: 4,
          },
        ],
      },
    },
    startOffset: 0,
    requestHeaders: actualHeaders(index),
    status: 200,
    responseHeaders: [
      ...allowOrigin,
      { name: "Content-Type", value: "application/json" },
      { name: "Vary", value: "Origin" },
    ],
    error: allowOrigin.length === 0 ? "net::ERR_FAILED" : null,
  });
  const preflight = entry({
    method: "OPTIONS",
    resourceType: "preflight",
    initiator: { type: "preflight", url, requestId: `9.${index}` },
    startOffset: 1,
    requestHeaders: [
      { name: "Accept", value: "*/*" },
      {
        name: "Access-Control-Request-Headers",
        value: "content-type,x-request-id",
      },
      { name: "Access-Control-Request-Method", value: "PUT" },
      { name: "Origin", value: PAGE },
      { name: "Sec-Fetch-Mode", value: "cors" },
    ],
    status: 204,
    responseHeaders: [
      { name: "Access-Control-Allow-Origin", value: PAGE },
      { name: "Access-Control-Allow-Methods", value: "PUT" },
      {
        name: "Access-Control-Allow-Headers",
        value: "Content-Type, X-Request-Id",
      },
      { name: "Vary", value: "Origin" },
    ],
    error: null,
  });
  return `${JSON.stringify(actual)},\n${JSON.stringify(preflight)}`;
}

/**
 * Writes a HAR log of `entryCount` entries (half PUTs, half their preflights) in
 * Chromium's shape, in batches so that the whole text is never in memory.
 */
export async function writeGeneratedHar(
  path: string,
  entryCount: number,
): Promise<void> {
  const stream = createWriteStream(path, { encoding: "utf8" });
  const write = async (text: string): Promise<void> => {
    if (!stream.write(text)) await once(stream, "drain");
  };
  await write(
    `{"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "pages": [], "entries": [\n`,
  );
  const pairs = Math.ceil(entryCount / 2);
  const batch: string[] = [];
  for (let index = 0; index < pairs; index += 1) {
    batch.push(entryPair(index));
    if (batch.length === 500 || index === pairs - 1) {
      await write(batch.join(",\n") + (index === pairs - 1 ? "\n" : ",\n"));
      batch.length = 0;
    }
  }
  await write("]}}\n");
  stream.end();
  await once(stream, "finish");
}
