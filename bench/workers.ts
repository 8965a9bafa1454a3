/**
 * `npm run bench:workers [-- --articles N --workers 1,2,3,4]`: distributed ingest throughput on this
 * machine. For each number of `parley worker` processes: a fresh database on a temporary PostgreSQL
 * cluster, N sample articles queued, the workers started with --drain, and the wall time until the last
 * one exits. Beside them, for scale: the same articles through `parley ingest` into SQLite and into
 * PostgreSQL in one process. Prints a table and writes bench/results/workers-<date>.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { packageRoot } from '../src/model/paths.js';
import { startPostgres } from '../test/postgres.js';
import { cli, tempDir } from '../test/support.js';
import { articlesFile } from '../test/workers-support.js';
import { machine } from './util.js';

const argument = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1]! : fallback;
};
const articles = Number(argument('--articles', '1000'));
const counts = argument('--workers', '1,2,3,4').split(',').map(Number);
const PARLEY = path.join(packageRoot(), 'bin', 'parley.js');

function runWorker(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PARLEY, 'worker', '--db', url, '--drain'], { stdio: 'ignore' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

const cluster = await startPostgres();
const rows: Array<{ setup: string; seconds: number; perSecond: number }> = [];
const record = (setup: string, seconds: number): void => {
  rows.push({ setup, seconds: Math.round(seconds * 10) / 10, perSecond: Math.round(articles / seconds) });
  console.log(
    `${setup.padEnd(48)} ${seconds.toFixed(1).padStart(7)} s ${String(Math.round(articles / seconds)).padStart(6)} articles/s`,
  );
};
try {
  const file = articlesFile(articles);
  // Other processes on the machine share its cores: the load says how much of them the runs had.
  const load = (): string =>
    loadavg()
      .map((value) => value.toFixed(1))
      .join(' ');
  console.log(`${articles} articles; ${JSON.stringify(machine())}; load average ${load()}`);
  record(
    'parley ingest → SQLite, 1 thread',
    await timed(() => cli('ingest', file, '--db', path.join(tempDir(), 'bench.db'), '--workers', '1')),
  );
  const url = await cluster.createDatabase();
  record(
    'parley ingest → PostgreSQL, 1 thread',
    await timed(() => cli('ingest', file, '--db', url, '--workers', '1')),
  );
  for (const workers of counts) {
    const queueUrl = await cluster.createDatabase();
    await cli('ingest', '--queue', '--db', queueUrl, file);
    const seconds = await timed(() =>
      Promise.all(Array.from({ length: workers }, () => runWorker(queueUrl))),
    );
    record(`parley worker × ${workers} → PostgreSQL queue`, seconds);
  }
  const out = path.join(packageRoot(), 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const file2 = path.join(out, `workers-${new Date().toISOString().slice(0, 10)}.json`);
  console.log(`load average at the end: ${load()}`);
  writeFileSync(
    file2,
    `${JSON.stringify({ articles, machine: machine(), loadavg: loadavg(), rows }, null, 2)}\n`,
  );
  console.log(`written to ${path.relative(process.cwd(), file2)}`);
} finally {
  cluster.stop();
}
