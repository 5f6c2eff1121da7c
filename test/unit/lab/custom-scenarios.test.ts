import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLab, type RunningLab } from "../../../src/lab/lab-server";
import type { Scenario } from "../../../src/lab/scenario";
import { echoOrigin } from "../../../src/lab/scenario";
import { chosenHeaders, sendRawRequest } from "./raw-request";

const GET_REQUEST = {
  method: "GET",
  headers: [],
  credentials: "omit",
} as const;

const TEST_SCENARIOS: readonly Scenario[] = [
  {
    id: "two-allow-origin-lines",
    title: "Two Access-Control-Allow-Origin lines",
    description: "The response repeats the header with different values.",
    request: GET_REQUEST,
    preflight: {
      status: 200,
      headers: [
        { name: "Access-Control-Allow-Origin", value: echoOrigin },
        { name: "Access-Control-Allow-Methods", value: "GET" },
        { name: "Access-Control-Allow-Origin", value: "*" },
      ],
    },
    actual: {
      status: 200,
      headers: [
        { name: "Access-Control-Allow-Origin", value: "*" },
        { name: "Vary", value: "Origin" },
        { name: "Access-Control-Allow-Origin", value: echoOrigin },
        { name: "Vary", value: "Accept-Encoding" },
      ],
      body: "two lines",
    },
  },
  {
    id: "response-from-context",
    title: "Response built from the request",
    description: "The whole response is a function of the received request.",
    request: GET_REQUEST,
    preflight: null,
    actual: (context) => ({
      status: context.origin === context.pageOrigin ? 200 : 403,
      headers: [
        { name: "X-Method", value: context.method },
        { name: "X-Api-Origin", value: context.apiOrigin },
        {
          name: "X-Custom-Count",
          value: String(
            context.headers.filter(
              (header) => header.name.toLowerCase() === "x-custom",
            ).length,
          ),
        },
      ],
    }),
  },
  {
    id: "failing-response",
    title: "Response function that throws",
    description: "A broken response function must not stop the lab.",
    request: GET_REQUEST,
    preflight: null,
    actual: () => {
      throw new Error("broken on purpose");
    },
  },
];

let lab: RunningLab;

beforeAll(async () => {
  lab = await startLab({ pagePort: 0, apiPort: 0, scenarios: TEST_SCENARIOS });
});

afterAll(async () => {
  await lab.close();
});

describe("scenario responses", () => {
  it("keeps repeated header lines in order", async () => {
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/two-allow-origin-lines`,
      "GET",
      { Origin: lab.pageOrigin },
    );
    expect(chosenHeaders(response)).toEqual([
      { name: "Cache-Control", value: "no-store" },
      { name: "Access-Control-Allow-Origin", value: "*" },
      { name: "Vary", value: "Origin" },
      { name: "Access-Control-Allow-Origin", value: lab.pageOrigin },
      { name: "Vary", value: "Accept-Encoding" },
    ]);
    expect(response.body).toBe("two lines");
  });

  it("keeps repeated preflight header lines", async () => {
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/two-allow-origin-lines`,
      "OPTIONS",
      { Origin: lab.pageOrigin, "Access-Control-Request-Method": "GET" },
    );
    expect(response.status).toBe(200);
    expect(chosenHeaders(response)).toEqual([
      { name: "Cache-Control", value: "no-store" },
      { name: "Access-Control-Allow-Origin", value: lab.pageOrigin },
      { name: "Access-Control-Allow-Methods", value: "GET" },
      { name: "Access-Control-Allow-Origin", value: "*" },
    ]);
  });

  it("builds a response from the request", async () => {
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/response-from-context`,
      "DELETE",
      { Origin: lab.pageOrigin, "X-Custom": "1" },
    );
    expect(response.status).toBe(200);
    expect(chosenHeaders(response)).toEqual([
      { name: "Cache-Control", value: "no-store" },
      { name: "X-Method", value: "DELETE" },
      { name: "X-Api-Origin", value: lab.apiOrigin },
      { name: "X-Custom-Count", value: "1" },
    ]);
  });

  it("passes a foreign origin to the response function", async () => {
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/response-from-context`,
      "GET",
      { Origin: "http://other.test" },
    );
    expect(response.status).toBe(403);
  });

  it("returns 500 when a response function throws", async () => {
    const errorOutput = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await sendRawRequest(
        `${lab.apiOrigin}/api/failing-response`,
        "GET",
      );
      expect(response.status).toBe(500);
      expect(response.body).toContain("broken on purpose");
      expect(errorOutput).toHaveBeenCalledWith(
        expect.stringContaining("failing-response"),
      );
    } finally {
      errorOutput.mockRestore();
    }
  });

  it("keeps serving after a response function throws", async () => {
    const errorOutput = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await sendRawRequest(`${lab.apiOrigin}/api/failing-response`, "GET");
    } finally {
      errorOutput.mockRestore();
    }
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/two-allow-origin-lines`,
      "GET",
    );
    expect(response.status).toBe(200);
  });
});

describe("scenario table validation", () => {
  it("rejects an id that is not kebab-case", async () => {
    const scenario = { ...TEST_SCENARIOS[0], id: "Not_Kebab" } as Scenario;
    await expect(
      startLab({ pagePort: 0, apiPort: 0, scenarios: [scenario] }),
    ).rejects.toThrow('Invalid scenario id "Not_Kebab"');
  });

  it("rejects a duplicate id", async () => {
    const scenarios = [...TEST_SCENARIOS, ...TEST_SCENARIOS.slice(0, 1)];
    await expect(
      startLab({ pagePort: 0, apiPort: 0, scenarios }),
    ).rejects.toThrow('Duplicate scenario id "two-allow-origin-lines"');
  });
});
