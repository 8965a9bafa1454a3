/** Small measuring helpers shared by the benchmarks. */
import os from 'node:os';

export interface BenchResult {
  section: string;
  name: string;
  value: number;
  unit: string;
  scale?: string;
}

/** Median wall time of `runs` calls, after one warm-up call, in milliseconds. */
export async function medianMs(run: () => unknown, runs = 5): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 100) / 100;
}

/** A seeded PRNG (mulberry32) so that synthetic data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function machine(): { cpu: string; cores: number; node: string; memoryGb: number } {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    node: process.version,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
}
