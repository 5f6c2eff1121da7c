import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCorsLens } from "../../src/cli/main";
import { writeGeneratedHar } from "../unit/har/generate-har";
import type { Benchmark } from "./benchmark";
import { median } from "./benchmark";

const ENTRY_COUNT = 10_000;
const ROUNDS = 5;
/** The budget for the command line on a 10,000-entry HAR, parsing included. */
const BUDGET_MS = 2000;

const REPOSITORY = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(REPOSITORY, "dist/cli/cors-lens.js");

/** Elapsed wall-clock time and CPU time (user plus system), in milliseconds. */
interface RunTime {
  readonly wall: number;
  readonly cpu: number;
}

async function timeRun(work: () => unknown): Promise<RunTime> {
  const startCpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(startCpu);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** Runs `cors-lens analyze` in this process, its text output counted, not kept. */
async function analyzeInProcess(path: string): Promise<void> {
  let length = 0;
  await runCorsLens(["analyze", path], {
    stdout: { write: (text) => (length += text.length), color: false },
    writeError: (text) => process.stderr.write(text),
  });
  if (length === 0) throw new Error("The CLI wrote nothing.");
}

/**
 * The source of a script preloaded into the bin's process. It prints the process's CPU
 * time at exit, so that the run is measured without the time it waited for a core.
 */
const CPU_REPORTER = `process.on("exit", () => {
  const usage = process.cpuUsage();
  require("node:fs").writeSync(3, String((usage.user + usage.system) / 1000));
});
`;

/** Runs the built bin as users run it: a new Node process, startup included. */
function runBin(path: string, reporter: string): RunTime {
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    ["--require", reporter, BIN, "analyze", path],
    { stdio: ["ignore", "ignore", "inherit", "pipe"] },
  );
  const wall = performance.now() - start;
  if (result.status !== 1 && result.status !== 0) {
    throw new Error(`cors-lens exited with ${String(result.status)}`);
  }
  const cpu = Number(result.output[3]?.toString() ?? Number.NaN);
  return { wall, cpu };
}

const format = (milliseconds: number) => `${milliseconds.toFixed(0)} ms`;

/**
 * Measures `cors-lens analyze` on a generated 10,000-entry Chromium HAR against a
 * bare `JSON.parse` of the same file (read included), alternating the two in each
 * round. The median round counts. The built bin (dist/cli/cors-lens.js, built first
 * when missing) is also timed end to end, Node's startup included, against the budget.
 */
export const cliHar: Benchmark = {
  name: "cli-har",
  async run() {
    const directory = mkdtempSync(join(tmpdir(), "cors-lens-bench-"));
    try {
      const path = join(directory, "bench.har");
      await writeGeneratedHar(path, ENTRY_COUNT);
      await analyzeInProcess(path);

      const parseTimes: RunTime[] = [];
      const cliTimes: RunTime[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        parseTimes.push(
          await timeRun(
            () => JSON.parse(readFileSync(path, "utf8")) as unknown,
          ),
        );
        cliTimes.push(await timeRun(() => analyzeInProcess(path)));
      }
      const parse = {
        wall: median(parseTimes.map((time) => time.wall)),
        cpu: median(parseTimes.map((time) => time.cpu)),
      };
      const cli = {
        wall: median(cliTimes.map((time) => time.wall)),
        cpu: median(cliTimes.map((time) => time.cpu)),
      };

      if (!existsSync(BIN)) {
        execFileSync("npx", ["vite", "build", "-c", "vite.cli.config.ts"], {
          cwd: REPOSITORY,
          stdio: "ignore",
        });
      }
      const reporter = join(directory, "cpu-reporter.cjs");
      writeFileSync(reporter, CPU_REPORTER);
      const binTimes = Array.from({ length: ROUNDS }, () =>
        runBin(path, reporter),
      );
      const bin = {
        wall: median(binTimes.map((time) => time.wall)),
        cpu: median(binTimes.map((time) => time.cpu)),
      };

      const megabytes = (statSync(path).size / 2 ** 20).toFixed(1);
      return [
        `HAR: ${ENTRY_COUNT} entries (${ENTRY_COUNT / 2} requests with their preflights), ${megabytes} MiB`,
        `JSON.parse (read included): ${format(parse.wall)} wall, ${format(parse.cpu)} CPU`,
        `cors-lens analyze in process: ${format(cli.wall)} wall, ${format(cli.cpu)} CPU`,
        `ratio to JSON.parse: ${(cli.wall / parse.wall).toFixed(1)}x wall, ${(cli.cpu / parse.cpu).toFixed(1)}x CPU`,
        `bin end to end (node ${BIN.slice(REPOSITORY.length)}): ${format(bin.wall)} wall, ${format(bin.cpu)} CPU (all threads)`,
        `budget ${format(BUDGET_MS)} wall: ${bin.wall < BUDGET_MS ? "met" : "missed"}`,
      ];
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  },
};
