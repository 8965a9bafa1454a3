/**
 * How far V8 lets a heap grow past what it holds alive before it collects again. By default it chooses
 * the factor itself, up to about four: the main thread of a 100,000-article ingest, which holds about
 * 180 MB alive (ELD's n-grams, the near-duplicate window, the write batches), let its heap swell to 560 MB
 * of mostly stored analyses, and that swell was the difference between a 1.67 GB peak and a 1.5 GB budget
 * (docs/BENCHMARKS.md, "Peak memory"). A fixed factor of 1.5 keeps every thread's heap within half its live
 * size of garbage; measured at 10,000 articles, it cut the peak from 1,286 to 1,099 MB at the same CPU time.
 */
import { setFlagsFromString } from 'node:v8';

/** Heap growth over the live size, in percent: collect when the heap is 1.5 times what survived. */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Sets V8's `--heap-growing-percent` for the whole process (every thread, workers included). V8 reads the
 * flag each time it sets a heap's next limit, so setting it at start-up, before any large heap exists,
 * takes effect. It is process-wide, so the programs set it (the long-running CLI commands, the benchmarks),
 * never the library.
 */
export function keepHeapsCompact(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
