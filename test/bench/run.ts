/**
 * Runs every benchmark and prints one line per measurement. Run with `npm run bench`.
 * Each benchmark measures CORS Lens side by side with a baseline in the same run, so the
 * ratios hold on any machine; absolute figures are for this machine only.
 */
import { benchmarks } from "./benchmarks";

const only = process.argv[2];
for (const benchmark of benchmarks) {
  if (only !== undefined && benchmark.name !== only) continue;
  console.log(`\n## ${benchmark.name}`);
  const lines = await benchmark.run();
  for (const line of lines) console.log(line);
}
