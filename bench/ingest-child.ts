/**
 * One measured ingest in a process of its own, so that its peak memory is its own: reads a file into a fresh
 * SQLite store with the given number of analysis threads and prints one JSON line with the report.
 * Used by bench/scaling.ts; `node dist/bench/ingest-child.js INPUT DB WORKERS`.
 */
import { ingest } from '../src/batch.js';
import { openStore } from '../src/store/index.js';
import { keepHeapsCompact } from '../src/model/heap.js';

const [input, db, workers] = process.argv.slice(2);
if (!input || !db) {
  console.error('usage: ingest-child INPUT DB [WORKERS]');
  process.exit(2);
}
// As `parley ingest` does (src/cli/main.ts), so that the measured peak is its own.
keepHeapsCompact();
const store = await openStore(db);
const report = await ingest([input], store, {
  defaultDate: '2005-01-01',
  workers: Number(workers ?? 1),
});
await store.close();
console.log(
  JSON.stringify({
    seconds: report.seconds,
    read: report.read,
    stored: report.stored,
    duplicates: report.duplicates,
    failed: report.failed,
    events: report.events,
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
