import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { HeaderList, HttpHeader } from "../model/header";
import { CliError } from "./cli-error";

/** One request to send, with headers in the order to send them. */
export interface OutgoingRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: HeaderList;
}

/** The response as received: status and header lines in order, repeats kept. */
export interface ReceivedResponse {
  readonly status: number;
  readonly headers: HeaderList;
  readonly startTime: number;
  readonly endTime: number;
}

/**
 * Sends one request without following redirects, reads the response to its end and
 * returns the status and header lines as the server sent them. Throws CliError naming
 * the URL when the server cannot be reached or sends no response within the timeout.
 */
export function sendRequest(
  outgoing: OutgoingRequest,
  timeoutMs: number,
): Promise<ReceivedResponse> {
  const startTime = Date.now();
  const url = new URL(outgoing.url);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: outgoing.method,
        headers: headerObject(outgoing.headers),
        // One connection per request, so that nothing stays open after the command.
        agent: false,
      },
      (response: IncomingMessage) => {
        response.on("error", (error) => reject(networkError(outgoing, error)));
        // The body is not analyzed; reading it to the end completes the exchange.
        response.resume();
        response.on("end", () => {
          resolve({
            status: response.statusCode ?? 0,
            headers: headerLines(response.rawHeaders),
            startTime,
            endTime: Date.now(),
          });
        });
      },
    );
    request.setTimeout(timeoutMs, () => {
      request.destroy(
        new CliError(
          `${outgoing.method} ${outgoing.url}: no response within ${timeoutMs / 1000} s`,
        ),
      );
    });
    request.on("error", (error) => {
      reject(error instanceof CliError ? error : networkError(outgoing, error));
    });
    request.end();
  });
}

/**
 * Node's header object; repeated names are joined with ", " as fetch's Headers
 * combines them (Fetch "combine").
 */
function headerObject(headers: HeaderList): Record<string, string> {
  const object: Record<string, string> = {};
  const spelling = new Map<string, string>();
  for (const { name, value } of headers) {
    const key = name.toLowerCase();
    const written = spelling.get(key);
    if (written === undefined) {
      spelling.set(key, name);
      object[name] = value;
    } else {
      object[written] = `${object[written] ?? ""}, ${value}`;
    }
  }
  return object;
}

/** `rawHeaders` alternates names and values, in the order received. */
function headerLines(rawHeaders: readonly string[]): HttpHeader[] {
  const lines: HttpHeader[] = [];
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    lines.push({
      name: rawHeaders[index] ?? "",
      value: rawHeaders[index + 1] ?? "",
    });
  }
  return lines;
}

const NETWORK_ERRORS: Readonly<Record<string, string>> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
};

function networkError(outgoing: OutgoingRequest, error: Error): CliError {
  const code =
    "code" in error && typeof error.code === "string" ? error.code : null;
  const problem =
    code === null
      ? error.message
      : `${NETWORK_ERRORS[code] ?? error.message} (${code})`;
  return new CliError(`${outgoing.method} ${outgoing.url}: ${problem}`, {
    cause: error,
  });
}
