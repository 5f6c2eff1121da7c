import { createServer, type Server } from "node:http";
import {
  createServer as createTcpServer,
  type Server as TcpServer,
  type Socket,
} from "node:net";
import type { AddressInfo } from "node:net";
import { HOSTILE_CASES, type RawHeader } from "./hostile-payloads";

/**
 * The hostile test's servers, on 127.0.0.1 only. The page origin serves an empty page,
 * any file handed to `serveFile`, and the beacon path that payloads request if they
 * ever run. The API origin writes its responses byte by byte, because Node's HTTP
 * server refuses the header names and values the test needs.
 */
export interface HostileServers {
  readonly pageUrl: string;
  readonly apiOrigin: string;
  readonly beaconUrl: string;
  /** Requests that reached the beacon path, by their query. */
  beaconHits(): readonly string[];
  /** Serves `html` at the returned URL of the page origin. */
  serveFile(name: string, html: string): string;
  close(): Promise<void>;
}

const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>Hostile</title></head>
<body><p>The test sends requests from this page.</p></body></html>
`;

function listen(server: Server | TcpServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function headerLine(header: RawHeader): Buffer {
  const value =
    typeof header.value === "string"
      ? Buffer.from(header.value, "utf8")
      : header.value;
  return Buffer.concat([
    Buffer.from(`${header.name}: `, "latin1"),
    value,
    Buffer.from("\r\n", "latin1"),
  ]);
}

/** Returns the request line and headers of a raw request, once all have arrived. */
function parseHead(data: Buffer): {
  method: string;
  path: string;
  headers: Map<string, string>;
  length: number;
} | null {
  const end = data.indexOf("\r\n\r\n");
  if (end === -1) return null;
  const lines = data.subarray(0, end).toString("latin1").split("\r\n");
  const [method = "", target = "/"] = (lines[0] ?? "").split(" ");
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0) {
      headers.set(
        line.slice(0, colon).toLowerCase(),
        line.slice(colon + 1).trim(),
      );
    }
  }
  return {
    method,
    path: target.split("?")[0] ?? "/",
    headers,
    length: end + 4,
  };
}

function respond(
  socket: Socket,
  request: { method: string; path: string; origin: string; beacon: string },
): void {
  const { method, path, origin } = request;
  const hostile = HOSTILE_CASES.find((c) => c.path === path);
  const cors: RawHeader[] = [
    { name: "Access-Control-Allow-Origin", value: origin },
    { name: "Access-Control-Allow-Methods", value: "PUT" },
    { name: "Access-Control-Allow-Headers", value: "Content-Type, X-Evil" },
  ];
  const body = method === "OPTIONS" ? "" : '{"ok":true}';
  const status =
    hostile === undefined
      ? "404 Not Found"
      : method === "OPTIONS"
        ? "204 No Content"
        : "200 OK";
  const lines = [
    Buffer.from(`HTTP/1.1 ${status}\r\n`, "latin1"),
    ...[
      ...cors,
      { name: "Content-Type", value: "application/json" },
      { name: "Cache-Control", value: "no-store" },
      { name: "Content-Length", value: String(Buffer.byteLength(body)) },
      { name: "Connection", value: "close" },
      ...(hostile?.headers(request.beacon) ?? []),
    ].map(headerLine),
    Buffer.from("\r\n", "latin1"),
    Buffer.from(body, "utf8"),
  ];
  socket.end(Buffer.concat(lines));
}

export async function startHostileServers(): Promise<HostileServers> {
  const hits: string[] = [];
  const files = new Map<string, string>();
  let beaconUrl = "";

  const page = createServer((request, response) => {
    const [path = "/", query = ""] = (request.url ?? "/").split("?");
    if (path === "/beacon") {
      hits.push(query);
      response.writeHead(204, { "Access-Control-Allow-Origin": "*" });
      response.end();
      return;
    }
    const file = files.get(path);
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(file ?? PAGE_HTML);
  });

  const api = createTcpServer((socket) => {
    let data = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const head = parseHead(data);
      if (head === null) return;
      const bodyLength = Number(head.headers.get("content-length") ?? "0");
      if (data.length < head.length + bodyLength) return;
      socket.removeAllListeners("data");
      respond(socket, {
        method: head.method,
        path: head.path,
        origin: head.headers.get("origin") ?? "*",
        beacon: beaconUrl,
      });
    });
    socket.on("error", (error) => {
      console.warn(`hostile server: socket error: ${error.message}`);
    });
  });

  const pagePort = await listen(page);
  const apiPort = await listen(api);
  const pageOrigin = `http://127.0.0.1:${pagePort}`;
  beaconUrl = `${pageOrigin}/beacon`;
  return {
    pageUrl: `${pageOrigin}/`,
    apiOrigin: `http://127.0.0.1:${apiPort}`,
    beaconUrl,
    beaconHits: () => [...hits],
    serveFile(name, html) {
      files.set(`/${name}`, html);
      return `${pageOrigin}/${name}`;
    },
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve) => {
          page.close(() => resolve());
          page.closeAllConnections();
        }),
        new Promise<void>((resolve) => api.close(() => resolve())),
      ]);
    },
  };
}
