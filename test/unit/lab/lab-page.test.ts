import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab, type RunningLab } from "../../../src/lab/lab-server";
import { SCENARIOS } from "../../../src/lab/scenarios";
import type { ScenarioListing } from "../../../src/lab/lab-page-types";

let lab: RunningLab;

beforeAll(async () => {
  lab = await startLab({ pagePort: 0, apiPort: 0 });
});

afterAll(async () => {
  await lab.close();
});

function directives(policy: string): Map<string, string> {
  const entries = policy.split(";").map((directive) => {
    const [name = "", ...sources] = directive.trim().split(/\s+/);
    return [name, sources.join(" ")] as const;
  });
  return new Map(entries);
}

describe("lab page", () => {
  it("serves HTML with a strict Content-Security-Policy", async () => {
    const response = await fetch(`${lab.pageOrigin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "text/html; charset=utf-8",
    );
    const policy = directives(
      response.headers.get("content-security-policy") ?? "",
    );
    const api = `${lab.apiOrigin} ${lab.apiOrigin.replace("127.0.0.1", "localhost")}`;
    expect(policy.get("default-src")).toBe("'none'");
    expect(policy.get("script-src")).toBe(`'self' ${api}`);
    expect(policy.get("style-src")).toBe("'self'");
    expect(policy.get("connect-src")).toBe(`'self' ${api}`);
    expect(policy.get("img-src")).toBe(`'self' ${api}`);
    expect(policy.get("font-src")).toBe(`'self' ${api}`);
    expect(policy.get("base-uri")).toBe("'none'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
  });

  it("sets the lab session cookie", async () => {
    const response = await fetch(`${lab.pageOrigin}/`);
    expect(response.headers.getSetCookie()).toEqual([
      "lab_session=demo; Path=/; SameSite=Lax",
    ]);
  });

  it("sends Cache-Control no-store", async () => {
    const response = await fetch(`${lab.pageOrigin}/`);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("loads its script from /lab.js only", async () => {
    const html = await (await fetch(`${lab.pageOrigin}/`)).text();
    const scripts = [
      ...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g),
    ];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.[1]).toContain('src="/lab.js"');
    expect(scripts[0]?.[2]).toBe("");
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
  });

  it("serves /lab.js as JavaScript without types", async () => {
    const response = await fetch(`${lab.pageOrigin}/lab.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "text/javascript; charset=utf-8",
    );
    const script = await response.text();
    expect(script).toContain("runScenario");
    expect(script).toContain('cache: "no-store"');
    expect(script).not.toContain("import type");
    expect(script).not.toContain(": Promise<");
    expect(script).not.toContain("innerHTML");
  });

  it("serves /lab.css as a stylesheet", async () => {
    const response = await fetch(`${lab.pageOrigin}/lab.css`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "text/css; charset=utf-8",
    );
  });

  it("lists every scenario in /scenarios.json", async () => {
    const response = await fetch(`${lab.pageOrigin}/scenarios.json`);
    expect(response.headers.get("content-type")).toBe(
      "application/json; charset=utf-8",
    );
    const listing = (await response.json()) as ScenarioListing;
    expect(listing.pageOrigin).toBe(lab.pageOrigin);
    expect(listing.apiOrigin).toBe(lab.apiOrigin);
    expect(listing.scenarios.map((scenario) => scenario.id)).toEqual(
      SCENARIOS.map((scenario) => scenario.id),
    );
    for (const [index, listed] of listing.scenarios.entries()) {
      const scenario = SCENARIOS[index];
      expect(listed.url).toBe(`${lab.apiOrigin}/api/${listed.id}`);
      expect(listed.title).toBe(scenario?.title);
      expect(listed.description).toBe(scenario?.description);
      expect(listed.request).toEqual(scenario?.request);
    }
  });

  it("returns 404 for an unknown path", async () => {
    const response = await fetch(`${lab.pageOrigin}/missing`);
    expect(response.status).toBe(404);
  });

  it("rejects POST with 405", async () => {
    const response = await fetch(`${lab.pageOrigin}/`, { method: "POST" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });
});
