import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab, type RunningLab } from "../../../src/lab/lab-server";
import type { JsonReport } from "../../../src/report/json-report";
import { runInProcess } from "./run-in-process";

/**
 * The demo scenarios with the request the lab page makes for each, and the error
 * Chromium reports (the end-to-end tests check the same names in a real Chromium).
 */
const SCENARIOS = [
  {
    id: "headers-only-on-preflight",
    args: ["--method", "PUT", "--header", "Content-Type: application/json"],
    chromium: "MissingAllowOriginHeader",
    preflight: true,
  },
  {
    id: "error-without-cors-headers",
    args: ["--method", "POST", "--header", "Content-Type: application/json"],
    chromium: "MissingAllowOriginHeader",
    preflight: true,
  },
  {
    id: "wildcard-with-credentials",
    args: ["--credentials"],
    chromium: "WildcardOriginNotAllowed",
    preflight: false,
  },
  {
    id: "authorization-not-allowed",
    args: ["--header", "Authorization: Bearer demo-token"],
    chromium: "HeaderDisallowedByPreflightResponse",
    preflight: true,
  },
  {
    id: "passing-put",
    args: [
      "--method",
      "PUT",
      "--header",
      "Content-Type: application/json",
      "--header",
      "X-Request-Id: lab-1",
    ],
    chromium: null,
    preflight: true,
  },
] as const;

let lab: RunningLab;

beforeAll(async () => {
  lab = await startLab({ pagePort: 0, apiPort: 0 });
});

afterAll(async () => {
  await lab.close();
});

async function check(id: string, args: readonly string[]) {
  const url = `${lab.apiOrigin}/api/${id}`;
  const run = await runInProcess([
    "check",
    url,
    "--origin",
    lab.pageOrigin,
    "--format",
    "json",
    ...args,
  ]);
  const report = JSON.parse(run.stdout) as JsonReport;
  const [exchange] = report.exchanges;
  if (exchange === undefined) throw new Error(`No exchange for ${id}`);
  return { run, exchange };
}

describe("cors-lens check against the demo lab", () => {
  it.each(SCENARIOS)(
    "gives Chromium's error for $id",
    async ({ id, args, chromium }) => {
      const { run, exchange } = await check(id, args);

      expect(exchange.browsers.chromium.error).toBe(chromium);
      expect(run.status).toBe(chromium === null ? 0 : 1);
    },
  );

  it.each(SCENARIOS)(
    "sends a preflight for $id only when one is needed",
    async ({ id, args, preflight }) => {
      const { exchange } = await check(id, args);

      expect(exchange.preflightSource).toBe(preflight ? "sent" : "not-needed");
    },
  );

  it("asks for the unsafe headers as a browser does", async () => {
    const { exchange } = await check("passing-put", [
      "--method",
      "put",
      "--header",
      "X-Request-Id: lab-1",
      "--header",
      "Content-Type: application/json",
    ]);

    expect(exchange.method).toBe("PUT");
    expect(exchange.preflight?.requestHeaders).toEqual(
      expect.arrayContaining([
        { name: "Access-Control-Request-Method", value: "PUT" },
        {
          name: "Access-Control-Request-Headers",
          value: "content-type,x-request-id",
        },
        { name: "Origin", value: lab.pageOrigin },
      ]),
    );
  });

  it("does not send the request after a failed preflight", async () => {
    const before = lab.requests().length;
    const { exchange } = await check("authorization-not-allowed", [
      "--header",
      "Authorization: Bearer demo-token",
    ]);
    const sent = lab.requests().slice(before);

    expect(sent.map((request) => request.method)).toEqual(["OPTIONS"]);
    expect(exchange.actual.status).toBeNull();
    expect(exchange.actual.error).toBe("net::ERR_FAILED");
  });

  it("sends the request after a passing preflight", async () => {
    const before = lab.requests().length;
    await check("passing-put", SCENARIOS[4].args);
    const sent = lab.requests().slice(before);

    expect(sent.map((request) => request.method)).toEqual(["OPTIONS", "PUT"]);
  });

  it("reports a blocked response with Chromium's network error", async () => {
    const { exchange } = await check(
      "headers-only-on-preflight",
      SCENARIOS[0].args,
    );

    expect(exchange.actual.status).toBe(200);
    expect(exchange.actual.error).toBe("net::ERR_FAILED");
  });
});
