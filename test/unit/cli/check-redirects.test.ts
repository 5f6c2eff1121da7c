import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonReport } from "../../../src/report/json-report";
import { runInProcess } from "./run-in-process";

const PAGE = "https://app.example.test";

/** The paths this test's server serves, each with a status and headers. */
const ROUTES: Record<
  string,
  { status: number; headers: Record<string, string> }
> = {
  "/start": {
    status: 302,
    headers: { Location: "/middle", "Access-Control-Allow-Origin": "*" },
  },
  "/middle": {
    status: 307,
    headers: { Location: "/end?page=2", "Access-Control-Allow-Origin": "*" },
  },
  "/end": { status: 200, headers: { "Access-Control-Allow-Origin": "*" } },
  "/bad-hop": { status: 302, headers: { Location: "/never" } },
  "/never": { status: 200, headers: { "Access-Control-Allow-Origin": "*" } },
  "/loop": {
    status: 302,
    headers: { Location: "/loop", "Access-Control-Allow-Origin": "*" },
  },
  "/to-ftp": {
    status: 302,
    headers: {
      Location: "ftp://127.0.0.1/file",
      "Access-Control-Allow-Origin": "*",
    },
  },
};

let server: Server;
let origin: string;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    requested.push(path);
    const route = ROUTES[path];
    response.writeHead(route?.status ?? 404, route?.headers ?? {});
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string")
    throw new Error("No port");
  origin = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function check(path: string) {
  requested.length = 0;
  const run = await runInProcess([
    "check",
    `${origin}${path}`,
    "--origin",
    PAGE,
    "--format",
    "json",
  ]);
  const exchange = (JSON.parse(run.stdout) as JsonReport).exchanges[0];
  if (exchange === undefined) throw new Error("No exchange");
  return { run, exchange };
}

describe("cors-lens check redirects", () => {
  it("follows redirects and records each hop", async () => {
    const { run, exchange } = await check("/start");

    expect(requested).toEqual(["/start", "/middle", "/end"]);
    expect(
      exchange.actual.redirects.map((hop) => [hop.statusCode, hop.redirectUrl]),
    ).toEqual([
      [302, `${origin}/middle`],
      [307, `${origin}/end?page=2`],
    ]);
    expect(exchange.actual.status).toBe(200);
    expect(exchange.verdict).toBe("allowed");
    expect(run.status).toBe(0);
  });

  it("stops at a redirect that fails the CORS check", async () => {
    const { run, exchange } = await check("/bad-hop");

    expect(requested).toEqual(["/bad-hop"]);
    expect(exchange.verdict).toBe("blocked");
    expect(exchange.findings[0]?.response).toBe("redirect");
    expect(run.status).toBe(1);
  });

  it("stops after 20 redirects", async () => {
    const { exchange } = await check("/loop");

    expect(requested).toHaveLength(21);
    expect(exchange.actual.redirects).toHaveLength(20);
    expect(exchange.actual.error).toBe("net::ERR_TOO_MANY_REDIRECTS");
  });

  it("does not follow a redirect to another scheme", async () => {
    const { exchange } = await check("/to-ftp");

    expect(requested).toEqual(["/to-ftp"]);
    expect(exchange.actual.error).toBe("net::ERR_UNSAFE_REDIRECT");
  });
});

describe("cors-lens check input", () => {
  it.each([
    [
      ["--origin", "https://app.example.test/path"],
      "--origin must be a scheme, host",
    ],
    [
      ["--origin", PAGE, "--header", "Origin: x"],
      "set the page's origin with --origin",
    ],
    [["--origin", PAGE, "--header", "Host: x"], "pages cannot set Host"],
    [["--origin", PAGE, "--header", "Cookie: a=1"], "add --credentials"],
    [["--origin", PAGE, "--header", "no colon"], "invalid header"],
    [["--origin", PAGE, "--method", "TRACE"], "forbidden method"],
    [["--origin", PAGE, "--timeout", "soon"], "invalid --timeout"],
    [[], "missing --origin"],
  ])("rejects %j", async (args, message) => {
    const run = await runInProcess(["check", `${origin}/end`, ...args]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
