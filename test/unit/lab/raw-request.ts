import { request } from "node:http";
import type { HeaderList, HttpHeader } from "../../../src/model/header";

/** A response with its header lines exactly as received. */
export interface RawResponse {
  readonly status: number;
  readonly headers: HeaderList;
  readonly body: string;
}

/**
 * Transport headers Node adds to every response, which no scenario sets.
 * `fetch` would hide repeated lines by joining them, so header checks read
 * the raw lines through `node:http` instead.
 */
const TRANSPORT_HEADERS = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
]);

/** Sends one request and returns the raw response. */
export function sendRawRequest(
  url: string,
  method: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method, headers, agent: false },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          const lines: HttpHeader[] = [];
          const raw = incoming.rawHeaders;
          for (let index = 0; index + 1 < raw.length; index += 2) {
            lines.push({ name: raw[index] ?? "", value: raw[index + 1] ?? "" });
          }
          resolve({
            status: incoming.statusCode ?? 0,
            headers: lines,
            body: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/** Returns the header lines a server chose to send, without transport headers. */
export function chosenHeaders(response: RawResponse): HeaderList {
  return response.headers.filter(
    (header) => !TRANSPORT_HEADERS.has(header.name.toLowerCase()),
  );
}
