import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chromeEntry, harText } from "../har/chrome-entry-builder";
import { fixture, runCli, type CliRun } from "./spawn-cli";

const directory = mkdtempSync(join(tmpdir(), "cors-lens-cli-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writeTemp(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

const PAGE = "https://app.example.test";
const request = (headers: [string, string][]) =>
  chromeEntry({
    url: "https://api.example.test/items",
    start: 0,
    requestHeaders: [
      ["Origin", PAGE],
      ["Sec-Fetch-Mode", "cors"],
    ],
    responseHeaders: headers,
  });
const passing = writeTemp(
  "passing.har",
  harText([
    request([
      ["Access-Control-Allow-Origin", PAGE],
      ["Vary", "Origin"],
    ]),
  ]),
);
// An echoed origin without Vary: Origin is allowed, with a warning.
const warned = writeTemp(
  "warned.har",
  harText([request([["Access-Control-Allow-Origin", PAGE]])]),
);
const chromeHar = fixture("har/chrome-lab.har");

/** Exactly one line on stderr, and no stack trace. */
function expectOneLineError(run: CliRun, pattern: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(/^cors-lens: [^\n]+\n$/);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\bat .*:\d+:\d+\)?$/m);
}

describe.concurrent("cors-lens exit status", { timeout: 60_000 }, () => {
  it("is 1 when a request is blocked", async () => {
    const run = await runCli(["analyze", chromeHar]);

    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "BLOCKED PUT http://127.0.0.1:4101/api/headers-only-on-preflight",
    );
  });

  it("is 0 when every request passes", async () => {
    const run = await runCli(["analyze", passing]);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain("ALLOWED GET https://api.example.test/items");
  });

  it("is 0 for a warning, 1 with --fail-on warning", async () => {
    const byDefault = await runCli(["analyze", warned]);
    const strict = await runCli(["analyze", warned, "--fail-on", "warning"]);

    expect(byDefault.status).toBe(0);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain("vary-origin-missing");
  });

  it("reads its own JSON report back", async () => {
    const report = await runCli(["analyze", chromeHar, "--format", "json"]);
    const path = writeTemp("report.json", report.stdout);
    const again = await runCli(["analyze", path, "--format", "json"]);

    expect(report.status).toBe(1);
    expect(again.status).toBe(1);
    const verdicts = (text: string) =>
      (
        JSON.parse(text) as { exchanges: { url: string; browsers: unknown }[] }
      ).exchanges.map((exchange) => [exchange.url, exchange.browsers]);
    expect(verdicts(again.stdout)).toEqual(verdicts(report.stdout));
  });

  it.each(["md", "html", "json"])("writes --format %s", async (format) => {
    const run = await runCli(["analyze", chromeHar, "--format", format]);

    expect(run.status).toBe(1);
    expect(run.stdout.length).toBeGreaterThan(1000);
    if (format === "html") expect(run.stdout).toMatch(/^<!doctype html>/);
    if (format === "md") expect(run.stdout).toMatch(/^# CORS Lens report/);
  });

  it("leads with Firefox's error under --browser firefox", async () => {
    const run = await runCli(["analyze", chromeHar, "--browser", "firefox"]);

    expect(run.stdout).toContain(
      "  Firefox: blocked, CORSMissingAllowOrigin; Chromium: blocked, MissingAllowOriginHeader",
    );
  });

  it("keeps secrets only with --no-redact", async () => {
    const secret = "8f14e45fceea167a5a36dedd4bea2543";
    const redacted = await runCli(["analyze", chromeHar, "--format", "json"]);
    const kept = await runCli([
      "analyze",
      chromeHar,
      "--format",
      "json",
      "--no-redact",
    ]);

    expect(redacted.stdout).not.toContain(secret);
    expect(kept.stdout).toContain(secret);
  });

  it("prints help with status 0", async () => {
    const main = await runCli(["--help"]);
    const analyze = await runCli(["analyze", "--help"]);
    const check = await runCli(["check", "--help"]);

    expect(main.status).toBe(0);
    expect(main.stdout).toMatch(/^Usage: cors-lens <command>/);
    expect(analyze.stdout).toMatch(/^Usage: cors-lens analyze <file>/);
    expect(check.stdout).toMatch(/^Usage: cors-lens check <url> --origin/);
  });

  it("prints the version", async () => {
    const run = await runCli(["--version"]);

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe.concurrent("cors-lens bad input", { timeout: 60_000 }, () => {
  it("names the line and column of a truncated HAR", async () => {
    const text = harText([request([])]);
    const path = writeTemp("truncated.har", text.slice(0, text.length - 40));
    const run = await runCli(["analyze", path]);

    expectOneLineError(
      run,
      /truncated\.har:1:\d+: invalid JSON: Unexpected end of the document .*truncated/,
    );
  });

  it("names the line and column of a JSON syntax error", async () => {
    const path = writeTemp(
      "broken.har",
      '{\n  "log": {\n    "entries": [,]\n  }\n}\n',
    );
    const run = await runCli(["analyze", path]);

    expectOneLineError(run, /broken\.har:3:17: invalid JSON: Unexpected ","/);
  });

  it("rejects JSON that is not a HAR or report", async () => {
    const path = writeTemp("other.json", '{"name": "package"}');
    const run = await runCli(["analyze", path]);

    expectOneLineError(run, /other\.json: not a HAR file/);
  });

  it("rejects an entry without a request", async () => {
    const path = writeTemp(
      "entry.har",
      '{"log": {"entries": [\n  {"response": {}}\n]}}',
    );
    const run = await runCli(["analyze", path]);

    expectOneLineError(run, /entry\.har:2:3: entry 0: request is missing/);
  });

  it("rejects a report of an unknown version", async () => {
    const path = writeTemp(
      "future.json",
      '{"version": 9, "tool": {"name": "cors-lens"}, "exchanges": []}',
    );
    const run = await runCli(["analyze", path]);

    expectOneLineError(
      run,
      /future\.json: report format version 9 is not supported/,
    );
  });

  it("rejects a missing file", async () => {
    const run = await runCli(["analyze", join(directory, "missing.har")]);

    expectOneLineError(run, /missing\.har: file not found/);
  });

  it("rejects an unknown format", async () => {
    const run = await runCli(["analyze", passing, "--format", "xml"]);

    expectOneLineError(run, /unknown format "xml": use text, json, md or html/);
  });

  it("rejects an unknown option", async () => {
    const run = await runCli(["analyze", passing, "--colour"]);

    expectOneLineError(run, /analyze: Unknown option '--colour'/);
  });

  it("rejects an unknown command", async () => {
    const run = await runCli(["inspect", passing]);

    expectOneLineError(run, /unknown command "inspect"/);
  });

  it("rejects a URL that is not http or https", async () => {
    const run = await runCli(["check", "ftp://127.0.0.1/", "--origin", PAGE]);

    expectOneLineError(run, /only http and https URLs can be checked/);
  });

  it("names an unreachable URL", async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/api`;
    const run = await runCli(["check", url, "--origin", PAGE]);

    expectOneLineError(run, new RegExp(`GET ${url}: connection refused`));
  });

  it("needs a command", async () => {
    const run = await runCli([]);

    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Usage: cors-lens/);
  });
});

/** Returns a loopback port nothing listens on: one that was just free and closed again. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port =
        typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
