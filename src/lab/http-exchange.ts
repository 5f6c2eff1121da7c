import type { IncomingMessage, ServerResponse } from "node:http";
import type { HeaderList, HttpHeader } from "../model/header";

/** Returns the request's headers in the order received, repeats kept. */
export function requestHeaderList(request: IncomingMessage): HeaderList {
  const headers: HttpHeader[] = [];
  const raw = request.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    headers.push({ name: raw[index] ?? "", value: raw[index + 1] ?? "" });
  }
  return headers;
}

/** Returns the path of the request's URL, without the query. */
export function requestPath(request: IncomingMessage): string {
  const target = request.url ?? "/";
  const queryStart = target.indexOf("?");
  return queryStart === -1 ? target : target.slice(0, queryStart);
}

/**
 * Sends a complete response with exactly these header lines, in order and
 * with repeats, after `Cache-Control: no-store`. Node adds only
 * transport headers such as `Date`, `Connection` and `Transfer-Encoding`.
 */
export function sendResponse(
  response: ServerResponse,
  status: number,
  headers: HeaderList,
  body: string | Uint8Array,
): void {
  // A flat name/value array makes Node write one line per pair, keeping
  // repeated names as separate lines.
  const rawHeaders = ["Cache-Control", "no-store"];
  for (const header of headers) rawHeaders.push(header.name, header.value);
  response.writeHead(status, rawHeaders);
  response.end(body);
}

/** Sends a plain-text response, such as a 404 for an unknown path. */
export function sendText(
  response: ServerResponse,
  status: number,
  text: string,
  extraHeaders: HeaderList = [],
): void {
  sendResponse(
    response,
    status,
    [
      { name: "Content-Type", value: "text/plain; charset=utf-8" },
      ...extraHeaders,
    ],
    text,
  );
}
