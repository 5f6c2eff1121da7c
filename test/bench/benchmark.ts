/** One benchmark: a name and a function that measures and returns printable lines. */
export interface Benchmark {
  readonly name: string;
  run(): Promise<string[]>;
}

/** Returns the median of the samples (milliseconds or any other unit). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}
