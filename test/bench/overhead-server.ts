import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The page-load overhead benchmark's servers, on 127.0.0.1 only: a page origin that
 * serves a page making many preflighted cross-origin PUT requests, and an API origin
 * that responds to them and their preflights so that every request passes.
 */
export interface OverheadServers {
  readonly pageOrigin: string;
  readonly apiOrigin: string;
  /** Returns the URL of the page that makes `count` requests, `concurrency` at a time. */
  pageUrl(count: number, concurrency: number): string;
  /** Returns the URL of an empty page of the page origin, unique for `run`. */
  blankUrl(run: number): string;
  close(): Promise<void>;
}

/**
 * The page's script. It sends every request with `cache: "no-store"`, which also
 * bypasses the preflight cache (observed in Chromium 156), so each PUT has its own
 * preflight. When all have finished it stores the time since navigation started.
 */
const PAGE_SCRIPT = `
const params = new URLSearchParams(location.search);
const api = params.get("api");
const count = Number(params.get("count"));
const concurrency = Number(params.get("concurrency"));
let next = 0;
let failures = 0;
async function sendNext() {
  while (next < count) {
    const index = next;
    next += 1;
    try {
      const response = await fetch(api + "/items/" + index, {
        method: "PUT",
        headers: { "Content-Type": "application/json", "X-Request-Id": "bench-" + index },
        body: "{}",
        cache: "no-store",
      });
      await response.text();
      if (!response.ok) failures += 1;
    } catch {
      failures += 1;
    }
  }
}
Promise.all(Array.from({ length: concurrency }, sendNext)).then(() => {
  window.benchResult = { elapsedMs: performance.now(), failures };
});
`;

const PAGE_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Overhead benchmark</title></head>
  <body><p>Sending requests.</p><script src="/page.js"></script></body>
</html>
`;

function handlePage(request: IncomingMessage, response: ServerResponse): void {
  const path = (request.url ?? "/").split("?")[0];
  if (path === "/blank") {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end("<!doctype html><title>Blank</title>");
    return;
  }
  if (path === "/page.js") {
    response.writeHead(200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "no-store",
    });
    response.end(PAGE_SCRIPT);
    return;
  }
  response.writeHead(200, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end(PAGE_HTML);
}

function handleApi(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin ?? "*";
  if (request.method === "OPTIONS") {
    response.writeHead(204, {
      "Access-Control-Allow-Origin": origin,
      "Access-Control-Allow-Methods": "PUT",
      "Access-Control-Allow-Headers": "Content-Type, X-Request-Id",
      Vary: "Origin",
    });
    response.end();
    return;
  }
  // The body must be read before responding, or the connection cannot be reused.
  request.resume();
  request.on("end", () => {
    response.writeHead(200, {
      "Access-Control-Allow-Origin": origin,
      "Content-Type": "application/json",
      "Cache-Control": "no-store",
      Vary: "Origin",
    });
    response.end('{"saved":true}');
  });
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

/** Starts both servers on free loopback ports. */
export async function startOverheadServers(): Promise<OverheadServers> {
  const page = createServer(handlePage);
  const api = createServer(handleApi);
  const pageOrigin = await listen(page);
  const apiOrigin = await listen(api);
  return {
    pageOrigin,
    apiOrigin,
    pageUrl: (count, concurrency) =>
      `${pageOrigin}/?api=${encodeURIComponent(apiOrigin)}&count=${count}&concurrency=${concurrency}`,
    blankUrl: (run) => `${pageOrigin}/blank?run=${run}`,
    close: async () => {
      await Promise.all([close(page), close(api)]);
    },
  };
}
