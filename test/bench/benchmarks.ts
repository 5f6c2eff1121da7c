import { analyzerThroughput } from "./analyzer-throughput";
import type { Benchmark } from "./benchmark";
import { cliHar } from "./cli-har";
import { hostileRender } from "./hostile-render";
import { memoryBackground } from "./memory-background";
import { memoryDevtools } from "./memory-devtools";
import { overheadChromium } from "./overhead-chromium";
import { panelRender } from "./panel-render";

/** Every benchmark `npm run bench` runs, in order. */
export const benchmarks: readonly Benchmark[] = [
  analyzerThroughput,
  cliHar,
  memoryBackground,
  memoryDevtools,
  overheadChromium,
  hostileRender,
  panelRender,
];
