/** Small measuring helpers shared by the benchmarks. */
import os from 'node:os';

/** The seeded generator the synthetic data is drawn with (src/model/random.ts), for bench and tests. */
export { seededRandom } from '../src/model/random.js';

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

export function machine(): { cpu: string; cores: number; node: string; memoryGb: number } {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    node: process.version,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
}
