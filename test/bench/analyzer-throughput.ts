import { analyzeExchange } from "../../src/analyzer/analyze-exchange";
import type { Exchange } from "../../src/model/exchange";
import { buildBenchmarkExchanges } from "./analyzer-exchanges";
import type { Benchmark } from "./benchmark";
import { median } from "./benchmark";

const EXCHANGE_COUNT = 100_000;
const ROUNDS = 5;

/** Elapsed wall-clock time and CPU time of one run, in milliseconds. */
interface RunTime {
  readonly wall: number;
  readonly cpu: number;
}

/**
 * Runs `work` on every exchange and returns the elapsed times. CPU time (user plus
 * system) leaves out the time the process waited for a core, so it stays meaningful
 * on a busy machine.
 */
function timeEach(
  exchanges: readonly Exchange[],
  work: (exchange: Exchange) => unknown,
): RunTime {
  let sink = 0;
  const startCpu = process.cpuUsage();
  const start = performance.now();
  for (const exchange of exchanges) {
    if (work(exchange) !== undefined) sink += 1;
  }
  const wall = performance.now() - start;
  const cpuUsed = process.cpuUsage(startCpu);
  if (sink !== exchanges.length) throw new Error("A run returned nothing.");
  return { wall, cpu: (cpuUsed.user + cpuUsed.system) / 1000 };
}

function perSecond(count: number, milliseconds: number): number {
  return Math.round((count / milliseconds) * 1000);
}

/**
 * Returns the median and the best rate of the rounds. Other processes and garbage
 * collection only ever add time, so the best round comes closest to the cost of the
 * work itself, and the median shows what a busy machine gets.
 */
function rates(
  times: readonly RunTime[],
  clock: keyof RunTime,
): { median: number; best: number } {
  const milliseconds = times.map((time) => time[clock]);
  return {
    median: perSecond(EXCHANGE_COUNT, median(milliseconds)),
    best: perSecond(EXCHANGE_COUNT, Math.min(...milliseconds)),
  };
}

function format(rate: number): string {
  return rate.toLocaleString("en-US");
}

/**
 * Measures how many exchanges per second the analyzer handles on one core, next to
 * a baseline that only copies each exchange with structuredClone. The rounds
 * alternate between the two, so that both see the same machine load.
 */
export const analyzerThroughput: Benchmark = {
  name: "analyzer-throughput",
  async run() {
    const exchanges = buildBenchmarkExchanges(EXCHANGE_COUNT);
    timeEach(exchanges.slice(0, 10_000), (exchange) =>
      analyzeExchange(exchange),
    );
    const analyzerTimes: RunTime[] = [];
    const cloneTimes: RunTime[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      analyzerTimes.push(
        timeEach(exchanges, (exchange) => analyzeExchange(exchange)),
      );
      cloneTimes.push(
        timeEach(exchanges, (exchange) => structuredClone(exchange)),
      );
    }
    const lines = [`${EXCHANGE_COUNT} exchanges, ${ROUNDS} rounds each`];
    for (const clock of ["cpu", "wall"] as const) {
      const analyzer = rates(analyzerTimes, clock);
      const clone = rates(cloneTimes, clock);
      lines.push(
        `${clock} time, exchanges/s: analyzeExchange median ${format(analyzer.median)}, best ${format(analyzer.best)}; structuredClone baseline median ${format(clone.median)}, best ${format(clone.best)}; ratio of medians ${(analyzer.median / clone.median).toFixed(2)}`,
      );
    }
    return lines;
  },
};
