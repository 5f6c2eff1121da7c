import { analyzerThroughput } from "./analyzer-throughput";
import type { Benchmark } from "./benchmark";
import { cliHar } from "./cli-har";

/** Every benchmark `npm run bench` runs, in order. */
export const benchmarks: readonly Benchmark[] = [analyzerThroughput, cliHar];
