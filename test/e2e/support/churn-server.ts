import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The servers of the worker churn tests, on 127.0.0.1 only: a page origin serving an
 * empty page, and an API origin that responds to preflighted PUT requests to
 * `/churn?n=<n>` so that they pass. The API can hold the responses to chosen PUT requests until the
 * test releases them, so that requests are in flight while the background stops.
 */
export interface ChurnServers {
  readonly pageUrl: string;
  readonly apiOrigin: string;
  /** Holds the PUT responses of these request numbers until `release`. */
  hold(numbers: Iterable<number>): void;
  /** Sends the response of every held request, and holds no more. */
  release(): void;
  close(): Promise<void>;
}

const PAGE_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Worker churn</title></head>
  <body><p>The test sends requests from this page.</p></body>
</html>
`;

function requestNumber(request: IncomingMessage): number | null {
  const match = /[?&]n=(\d+)/.exec(request.url ?? "");
  return match === null ? null : Number(match[1]);
}

function corsHeaders(request: IncomingMessage): Record<string, string> {
  return {
    "Access-Control-Allow-Origin": request.headers.origin ?? "*",
    "Cache-Control": "no-store",
    Vary: "Origin",
  };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeAllConnections();
  });
}

export async function startChurnServers(): Promise<ChurnServers> {
  const held = new Set<number>();
  const waiting: (() => void)[] = [];

  const page = createServer((_request, response: ServerResponse) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(PAGE_HTML);
  });

  const api = createServer((request, response) => {
    if (request.method === "OPTIONS") {
      response.writeHead(204, {
        ...corsHeaders(request),
        "Access-Control-Allow-Methods": "PUT",
        "Access-Control-Allow-Headers": "Content-Type, X-Request-Id",
      });
      response.end();
      return;
    }
    const answer = () => {
      response.writeHead(200, {
        ...corsHeaders(request),
        "Content-Type": "application/json",
      });
      response.end('{"saved":true}');
    };
    // The body is read before responding, so the connection can be reused.
    request.resume();
    request.on("end", () => {
      const number = requestNumber(request);
      if (number !== null && held.has(number)) waiting.push(answer);
      else answer();
    });
  });

  const pageOrigin = await listen(page);
  const apiOrigin = await listen(api);
  return {
    pageUrl: `${pageOrigin}/`,
    apiOrigin,
    hold(numbers) {
      for (const number of numbers) held.add(number);
    },
    release() {
      held.clear();
      for (const answer of waiting.splice(0)) answer();
    },
    close: async () => {
      await Promise.all([close(page), close(api)]);
    },
  };
}
