/**
 * Load timings for cold-start work: with PARLEY_TIMING=1 every named load (a model, a dictionary, a module
 * group) is timed and, when the process exits, a table of them goes to stderr. Without the variable
 * `timed` only calls its function, so the marks cost nothing in normal runs.
 */
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

const enabled = process.env['PARLEY_TIMING'] === '1';

interface Mark {
  label: string;
  ms: number;
  depth: number;
  /** Milliseconds since the process started, when the load began. */
  at: number;
}

const marks: Mark[] = [];
let depth = 0;

/** Garbage-collection pauses, which the loads cause but do not see in their own time. */
const gcEntries: PerformanceEntry[] = [];
const gcObserver = enabled
  ? new PerformanceObserver((list) => gcEntries.push(...list.getEntries()))
  : undefined;
gcObserver?.observe({ entryTypes: ['gc'] });

/** Prints the table once, at exit: loads in the order they began, nested loads indented. */
function printMarks(): void {
  gcEntries.push(...(gcObserver?.takeRecords() ?? []));
  const gc = gcEntries.reduce((sum, entry) => sum + entry.duration, 0);
  const lines = marks.map(
    (mark) =>
      `${mark.at.toFixed(0).padStart(6)} ms  ${mark.ms.toFixed(1).padStart(7)} ms  ${'  '.repeat(mark.depth)}${mark.label}`,
  );
  process.stderr.write(
    `parley timing (started at, took, load), ${performance.now().toFixed(0)} ms in all, ` +
      `${gc.toFixed(0)} ms of it in ${gcEntries.length} garbage collections:\n${lines.join('\n')}\n`,
  );
}

if (enabled) process.once('exit', printMarks);

/** Labels already timed: only the first run of each is recorded, so a stage can be timed on every article. */
const seen = new Set<string>();

/** Runs `load`, recording how long its first run took under `label` when PARLEY_TIMING=1. */
export function timed<T>(label: string, load: () => T): T {
  if (!enabled || seen.has(label)) return load();
  seen.add(label);
  const mark: Mark = { label, ms: 0, depth, at: performance.now() };
  marks.push(mark);
  depth++;
  try {
    return load();
  } finally {
    depth--;
    mark.ms = performance.now() - mark.at;
  }
}

/** The asynchronous form of `timed`, for dynamic imports. */
export async function timedAsync<T>(label: string, load: () => Promise<T>): Promise<T> {
  if (!enabled || seen.has(label)) return load();
  seen.add(label);
  const mark: Mark = { label, ms: 0, depth, at: performance.now() };
  marks.push(mark);
  try {
    return await load();
  } finally {
    mark.ms = performance.now() - mark.at;
  }
}
