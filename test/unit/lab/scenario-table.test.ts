import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab, type RunningLab } from "../../../src/lab/lab-server";
import { SCENARIOS } from "../../../src/lab/scenarios";
import { chosenHeaders, sendRawRequest } from "./raw-request";

describe("scenario table", () => {
  it("has at least 80 scenarios", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(80);
  });

  it.each(SCENARIOS.map((scenario) => [scenario.id, scenario.description]))(
    "describes %s in one line",
    (_id, description) => {
      expect(description).not.toMatch(/\n/);
      expect(description.trim()).not.toBe("");
    },
  );

  it.each(SCENARIOS.map((scenario) => scenario.id))(
    "gives %s a distinct title",
    (id) => {
      const scenario = SCENARIOS.find((candidate) => candidate.id === id);
      const sameTitle = SCENARIOS.filter(
        (candidate) => candidate.title === scenario?.title,
      );
      expect(sameTitle).toHaveLength(1);
    },
  );
});

describe("preflight cache scenarios", () => {
  let lab: RunningLab;

  beforeAll(async () => {
    lab = await startLab({ pagePort: 0, apiPort: 0 });
  });

  afterAll(async () => {
    await lab.close();
  });

  function sendPreflight(origin: string) {
    return sendRawRequest(
      `${lab.apiOrigin}/api/preflight-cache-max-age-600`,
      "OPTIONS",
      {
        Origin: origin,
        "Access-Control-Request-Method": "PUT",
        "Access-Control-Request-Headers": "x-lab",
      },
    );
  }

  function allowOriginOf(headers: ReturnType<typeof chosenHeaders>) {
    return headers.find(
      (header) => header.name === "Access-Control-Allow-Origin",
    )?.value;
  }

  it("allows only the first preflight", async () => {
    const first = await sendPreflight(lab.pageOrigin);
    const second = await sendPreflight(lab.pageOrigin);
    expect(allowOriginOf(chosenHeaders(first))).toBe(lab.pageOrigin);
    expect(chosenHeaders(first)).toContainEqual({
      name: "Access-Control-Max-Age",
      value: "600",
    });
    expect(allowOriginOf(chosenHeaders(second))).toBeUndefined();
  });
});
