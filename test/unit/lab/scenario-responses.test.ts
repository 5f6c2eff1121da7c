import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HeaderList } from "../../../src/model/header";
import { startLab, type RunningLab } from "../../../src/lab/lab-server";
import { SCENARIOS } from "../../../src/lab/scenarios";
import { chosenHeaders, sendRawRequest } from "./raw-request";

/**
 * Status and header lines each built-in scenario must send, in order. Header
 * values equal to `ORIGIN` are replaced by the page origin.
 */
interface ExpectedExchange {
  readonly id: string;
  readonly preflight: { status: number; headers: HeaderList } | null;
  readonly actual: { status: number; headers: HeaderList };
}

const ORIGIN = "<page origin>";
const NO_STORE = { name: "Cache-Control", value: "no-store" };
const JSON_TYPE = { name: "Content-Type", value: "application/json" };
const ECHOED_ORIGIN = [
  { name: "Access-Control-Allow-Origin", value: ORIGIN },
  { name: "Vary", value: "Origin" },
];

const EXPECTED: readonly ExpectedExchange[] = [
  {
    id: "headers-only-on-preflight",
    preflight: {
      status: 204,
      headers: [
        NO_STORE,
        ...ECHOED_ORIGIN,
        { name: "Access-Control-Allow-Methods", value: "PUT" },
        { name: "Access-Control-Allow-Headers", value: "Content-Type" },
      ],
    },
    actual: { status: 200, headers: [NO_STORE, JSON_TYPE] },
  },
  {
    id: "error-without-cors-headers",
    preflight: {
      status: 204,
      headers: [
        NO_STORE,
        ...ECHOED_ORIGIN,
        { name: "Access-Control-Allow-Methods", value: "POST" },
        { name: "Access-Control-Allow-Headers", value: "Content-Type" },
      ],
    },
    actual: { status: 500, headers: [NO_STORE, JSON_TYPE] },
  },
  {
    id: "wildcard-with-credentials",
    preflight: null,
    actual: {
      status: 200,
      headers: [
        NO_STORE,
        { name: "Access-Control-Allow-Origin", value: "*" },
        { name: "Access-Control-Allow-Credentials", value: "true" },
        JSON_TYPE,
      ],
    },
  },
  {
    id: "authorization-not-allowed",
    preflight: {
      status: 204,
      headers: [
        NO_STORE,
        ...ECHOED_ORIGIN,
        { name: "Access-Control-Allow-Headers", value: "Content-Type" },
      ],
    },
    actual: { status: 200, headers: [NO_STORE, ...ECHOED_ORIGIN, JSON_TYPE] },
  },
  {
    id: "passing-put",
    preflight: {
      status: 204,
      headers: [
        NO_STORE,
        ...ECHOED_ORIGIN,
        { name: "Access-Control-Allow-Methods", value: "PUT" },
        {
          name: "Access-Control-Allow-Headers",
          value: "Content-Type, X-Request-Id",
        },
      ],
    },
    actual: { status: 200, headers: [NO_STORE, ...ECHOED_ORIGIN, JSON_TYPE] },
  },
];

function withPageOrigin(headers: HeaderList, pageOrigin: string): HeaderList {
  return headers.map((header) =>
    header.value === ORIGIN ? { ...header, value: pageOrigin } : header,
  );
}

function scenarioRequest(id: string) {
  const scenario = SCENARIOS.find((candidate) => candidate.id === id);
  if (scenario === undefined) throw new Error(`No built-in scenario ${id}.`);
  return scenario.request;
}

let lab: RunningLab;

beforeAll(async () => {
  lab = await startLab({ pagePort: 0, apiPort: 0 });
});

afterAll(async () => {
  await lab.close();
});

describe("built-in scenario responses", () => {
  it("lists the demo scenarios first", () => {
    expect(
      SCENARIOS.slice(0, EXPECTED.length).map((scenario) => scenario.id),
    ).toEqual(EXPECTED.map((expected) => expected.id));
  });

  for (const expected of EXPECTED) {
    const { preflight } = expected;
    if (preflight === null) {
      it(`${expected.id}: rejects OPTIONS with 405`, async () => {
        const response = await sendRawRequest(
          `${lab.apiOrigin}/api/${expected.id}`,
          "OPTIONS",
          { Origin: lab.pageOrigin, "Access-Control-Request-Method": "GET" },
        );
        expect(response.status).toBe(405);
        expect(
          chosenHeaders(response).some((header) =>
            header.name.toLowerCase().startsWith("access-control-"),
          ),
        ).toBe(false);
      });
    } else {
      it(`${expected.id}: preflight sends exactly its headers`, async () => {
        const request = scenarioRequest(expected.id);
        const requestHeaderNames = request.headers
          .map((header) => header.name.toLowerCase())
          .sort()
          .join(",");
        const response = await sendRawRequest(
          `${lab.apiOrigin}/api/${expected.id}`,
          "OPTIONS",
          {
            Origin: lab.pageOrigin,
            "Access-Control-Request-Method": request.method,
            "Access-Control-Request-Headers": requestHeaderNames,
          },
        );
        expect(response.status).toBe(preflight.status);
        expect(chosenHeaders(response)).toEqual(
          withPageOrigin(preflight.headers, lab.pageOrigin),
        );
        expect(response.body).toBe("");
      });
    }

    it(`${expected.id}: actual response sends exactly its headers`, async () => {
      const request = scenarioRequest(expected.id);
      const headers: Record<string, string> = { Origin: lab.pageOrigin };
      for (const header of request.headers) headers[header.name] = header.value;
      const response = await sendRawRequest(
        `${lab.apiOrigin}/api/${expected.id}`,
        request.method,
        headers,
      );
      expect(response.status).toBe(expected.actual.status);
      expect(chosenHeaders(response)).toEqual(
        withPageOrigin(expected.actual.headers, lab.pageOrigin),
      );
    });
  }

  it("leaves the echoed origin out without an Origin header", async () => {
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/passing-put`,
      "PUT",
    );
    expect(chosenHeaders(response)).toEqual([
      NO_STORE,
      { name: "Vary", value: "Origin" },
      JSON_TYPE,
    ]);
  });

  it("echoes whatever origin the request sends", async () => {
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/passing-put`,
      "PUT",
      { Origin: "http://other.test" },
    );
    expect(chosenHeaders(response)).toContainEqual({
      name: "Access-Control-Allow-Origin",
      value: "http://other.test",
    });
  });

  it("returns 404 for an unknown API path", async () => {
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/no-such-scenario`,
      "GET",
      { Origin: lab.pageOrigin },
    );
    expect(response.status).toBe(404);
  });

  it("serves scenarios regardless of the query string", async () => {
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/passing-put?attempt=2`,
      "PUT",
      { Origin: lab.pageOrigin },
    );
    expect(response.status).toBe(200);
  });
});
