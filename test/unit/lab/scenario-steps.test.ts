import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localhostOrigin } from "../../../src/lab/lab-origins";
import { startLab, type RunningLab } from "../../../src/lab/lab-server";
import type { Scenario } from "../../../src/lab/scenario";
import { chosenHeaders, sendRawRequest } from "./raw-request";

/** Responds with the request facts that the API server passes to response functions. */
const CONTEXT_ECHO: Scenario = {
  id: "context-echo",
  title: "Request context",
  description: "The response shows the context of the request.",
  request: { method: "GET", headers: [], credentials: "omit" },
  preflight: (context) => ({
    status: 204,
    headers: [{ name: "X-Step", value: context.step }],
  }),
  actual: (context) => ({
    status: 200,
    headers: [
      { name: "X-Step", value: context.step },
      { name: "X-Url", value: context.url },
      { name: "X-Localhost-Api-Origin", value: context.localhostApiOrigin },
    ],
  }),
};

let lab: RunningLab;

beforeAll(async () => {
  lab = await startLab({ pagePort: 0, apiPort: 0, scenarios: [CONTEXT_ECHO] });
});

afterAll(async () => {
  await lab.close();
});

function headerOf(headers: ReturnType<typeof chosenHeaders>, name: string) {
  return headers.find((header) => header.name === name)?.value;
}

describe("scenario steps", () => {
  it("passes an empty step for the scenario's own URL", async () => {
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/context-echo`,
      "GET",
    );
    expect(response.status).toBe(200);
    expect(headerOf(chosenHeaders(response), "X-Step")).toBe("");
  });

  it("passes the rest of the path as the step", async () => {
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/context-echo/next`,
      "GET",
    );
    expect(response.status).toBe(200);
    expect(headerOf(chosenHeaders(response), "X-Step")).toBe("next");
  });

  it("answers OPTIONS at a step with the preflight response", async () => {
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/context-echo/one/two`,
      "OPTIONS",
    );
    expect(response.status).toBe(204);
    expect(headerOf(chosenHeaders(response), "X-Step")).toBe("one/two");
  });

  it("returns 404 for a step of an unknown scenario", async () => {
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/no-such-scenario/next`,
      "GET",
    );
    expect(response.status).toBe(404);
  });

  it("passes the requested URL with its host and query", async () => {
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/context-echo/next?attempt=2`,
      "GET",
    );
    expect(headerOf(chosenHeaders(response), "X-Url")).toBe(
      `${lab.apiOrigin}/api/context-echo/next?attempt=2`,
    );
  });

  it("passes the API origin under the name localhost", async () => {
    const response = await sendRawRequest(
      `${lab.apiOrigin}/api/context-echo`,
      "GET",
    );
    expect(headerOf(chosenHeaders(response), "X-Localhost-Api-Origin")).toBe(
      lab.apiOrigin.replace("127.0.0.1", "localhost"),
    );
  });
});

describe("localhostOrigin", () => {
  it("replaces the host and keeps scheme and port", () => {
    expect(localhostOrigin("http://127.0.0.1:4101")).toBe(
      "http://localhost:4101",
    );
  });
});
