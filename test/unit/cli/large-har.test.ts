import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeGeneratedHar } from "../har/generate-har";
import { runCli } from "./spawn-cli";

const ENTRY_COUNT = 100_000;
/** The old-generation heap the CLI gets: it must finish within it. */
const HEAP_LIMIT_MB = 512;

const directory = mkdtempSync(join(tmpdir(), "cors-lens-large-"));
const path = join(directory, "large.har");

beforeAll(async () => {
  await writeGeneratedHar(path, ENTRY_COUNT);
}, 120_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface Measurement {
  readonly status: number;
  readonly outputLength: number;
  readonly milliseconds: number;
  readonly maxRssBytes: number;
}

describe("a HAR with 100,000 entries", () => {
  it("is analyzed within a 512 MB heap", async () => {
    const run = await runCli(["analyze", path], {
      nodeOptions: [`--max-old-space-size=${HEAP_LIMIT_MB}`],
      script: "test/unit/cli/run-cli-measured.ts",
    });
    expect(run.stderr).toBe("");
    const measured = JSON.parse(run.stdout) as Measurement;
    const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
    console.log(
      `large HAR: ${ENTRY_COUNT} entries, ${megabytes(statSync(path).size)} MiB file, ` +
        `${(measured.milliseconds / 1000).toFixed(1)} s, peak RSS ${megabytes(measured.maxRssBytes)} MiB`,
    );

    // One PUT in four is blocked, so the analysis fails.
    expect(measured.status).toBe(1);
    expect(measured.outputLength).toBeGreaterThan(ENTRY_COUNT * 50);
    expect(measured.maxRssBytes).toBeLessThan(1024 * 2 ** 20);
  }, 600_000);
});
