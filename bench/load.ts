/**
 * `npm run load`: the HTTP API under load while an ingest writes to the same database. Fills a scratch
 * database with the bundled sample corpus, starts `parley serve` on 127.0.0.1 (a port the system picks)
 * and a `parley ingest` of fresh articles beside it, then runs autocannon: 100 connections for 30 s over
 * search, events and barometer requests. Prints throughput and latency percentiles, and exits 1 on any
 * error, timeout or non-2xx answer. Everything it starts is stopped at the end, or after 5 minutes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageRoot } from '../src/model/paths.js';
import { machine } from './util.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  throughput: { average: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}
/** autocannon's run: a promise of the result that is also an emitter of each request's outcome. */
type Autocannon = (
  options: Record<string, unknown>,
) => Promise<AutocannonResult> & { on(event: 'reqError', listener: (error: Error) => void): void };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const CONNECTIONS = 100;
const SECONDS = 30;
const DEADLINE_MS = 5 * 60_000;
const root = packageRoot();
const bin = path.join(root, 'bin', 'parley.js');
const sample = path.join(root, 'data', 'sample', 'corpus.jsonl');

/** What the dashboard asks most: searches, event lists and the barometer, for several pairs and words. */
const PATHS = [
  '/api/search?q=sanctions',
  '/api/search?q=election%20results',
  '/api/search?q=ceasefire%20talks&limit=20',
  '/api/events?actor=USA&limit=50',
  '/api/events?source=RUS&target=UKR',
  '/api/events?code=04&since=2020',
  '/api/relations?a=USA&b=CHN&by=year',
  '/api/relations?a=RUS&b=UKR&by=month',
  '/api/relations?a=ISR&b=IRN&by=year',
];

function run(args: string[]): { child: ChildProcess; done: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, done, output: () => output };
}

/** Fresh articles for the ingest that runs during the load: the sample under other URLs. */
function freshArticles(dir: string): string {
  const file = path.join(dir, 'fresh.jsonl');
  const lines = readFileSync(sample, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) =>
      JSON.stringify({ ...JSON.parse(line), id: undefined, url: `https://load.example.org/${index}` }),
    );
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function serverAddress(server: ReturnType<typeof run>): Promise<string> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(server.output());
    if (match) return match[1]!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`parley serve did not start: ${server.output()}`);
}

/**
 * With PARLEY_TRACE=file (which the server also reads), the client's side goes to file.client: when each
 * request error or time-out happened and when the ingest ended, in the server trace's wall-clock ms.
 */
const trace = process.env.PARLEY_TRACE;

function traceClient(cannon: ReturnType<Autocannon>, writer: ReturnType<typeof run>, file: string): void {
  const log = (line: object): void =>
    appendFileSync(`${file}.client`, `${JSON.stringify({ at: Date.now(), ...line })}\n`);
  log({ kind: 'load-start' });
  cannon.on('reqError', (error) => log({ kind: 'error', message: error.message }));
  writer.child.on('exit', (code) => log({ kind: 'ingest-exit', code }));
}

async function main(): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-load-'));
  const db = path.join(dir, 'load.db');
  const started: ChildProcess[] = [];
  const deadline = setTimeout(() => {
    console.error(`load: still running after ${DEADLINE_MS / 60_000} minutes; stopping`);
    for (const child of started) child.kill('SIGKILL');
    process.exit(1);
  }, DEADLINE_MS);
  try {
    console.log(`filling ${db} with the bundled sample corpus…`);
    const fill = run(['ingest', sample, '--db', db]);
    started.push(fill.child);
    if ((await fill.done) !== 0) throw new Error(`ingest failed: ${fill.output()}`);
    const server = run(['serve', '--db', db, '--port', '0']);
    started.push(server.child);
    const base = await serverAddress(server);
    const writer = run(['ingest', freshArticles(dir), '--db', db, '--workers', '1']);
    started.push(writer.child);
    console.log(`${CONNECTIONS} connections for ${SECONDS} s against ${base}, an ingest writing meanwhile…`);
    const cannon = autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 10,
      requests: PATHS.map((requestPath) => ({ method: 'GET', path: requestPath })),
    });
    if (trace) traceClient(cannon, writer, trace);
    const result = await cannon;
    const writerRunning = writer.child.exitCode === null;
    writer.child.kill('SIGINT');
    server.child.kill('SIGTERM');
    await Promise.all([writer.done, server.done]);
    const failures = result.errors + result.timeouts + result.non2xx;
    const { cpu, cores, node } = machine();
    console.log(`\nmachine: ${cpu}, ${cores} cores, Node ${node}`);
    console.log(
      `requests: ${result.requests.total} in ${result.duration} s (${Math.round(result.requests.average)} req/s)`,
    );
    console.log(`throughput: ${(result.throughput.average / 1024 / 1024).toFixed(2)} MB/s`);
    console.log(
      `latency: p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    );
    console.log(`errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`);
    console.log(
      `ingest ${writerRunning ? 'was still writing when the load ended' : 'ended during the load'}`,
    );
    return failures === 0 ? 0 : 1;
  } finally {
    clearTimeout(deadline);
    for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
