/**
 * `npm run bench [-- --quick] [--sizes 1000,10000]`: how fast Parley is on this machine. Prints a table and writes
 * bench/results/<date>.json. Sections: per-stage throughput, end-to-end ingest, single-article latency,
 * CLI cold start, peak memory, query speed at 10^4, 10^5 (and, without --quick, 10^6) stored events, and
 * reading: HTML extraction pages/s and MB/s, near-duplicate grouping cost per article (bench/reading.ts).
 * The corpus is ../shared/data/news/bbc-news-2225.jsonl when present, else the bundled sample corpus.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { ingest } from '../src/batch.js';
import { buildArticle } from '../src/ingest/article.js';
import type { ArticleInput } from '../src/model/schema.js';
import { packageRoot } from '../src/model/paths.js';
import { keepHeapsCompact } from '../src/model/heap.js';
import { emptyDoc, STAGES } from '../src/pipeline.js';
import { openStore } from '../src/store/index.js';
import { readJsonl, textCorpus } from './corpus.js';
import { benchTagger } from './ner.js';
import { benchQueries } from './queries.js';
import { benchScaling } from './scaling.js';
import { benchDedup, benchExtraction, benchPages } from './reading.js';
import { machine, type BenchResult } from './util.js';

// As `parley ingest` does (src/cli/main.ts), so that the end-to-end figures and peak memory are its own.
keepHeapsCompact();
const quick = process.argv.includes('--quick');
/** `--sizes 1000,10000`: the scaling run's sizes (default: 1,000 with --quick, else up to 100,000). */
const sizesArgument = process.argv.indexOf('--sizes');
const scalingSizes =
  sizesArgument >= 0
    ? process.argv[sizesArgument + 1]!.split(',').map((size) => Number(size.replace(/_/g, '')))
    : quick
      ? [1_000]
      : [1_000, 10_000, 100_000];
if (scalingSizes.some((size) => !Number.isInteger(size) || size <= 0)) {
  console.error(
    `--sizes ${process.argv[sizesArgument + 1]}: expected positive whole numbers, e.g. 1000,10000`,
  );
  process.exit(2);
}
const root = packageRoot();
const shared = process.env.PARLEY_SHARED ?? path.resolve(root, '../shared/data');

function corpus(): { name: string; file: string; records: ArticleInput[] } {
  const bbc = path.join(shared, 'news/bbc-news-2225.jsonl');
  const file = existsSync(bbc) ? bbc : path.join(root, 'data/sample/corpus.jsonl');
  const records = readJsonl(file);
  return { name: path.relative(root, file), file, records: quick ? records.slice(0, 500) : records };
}

function benchStages(records: ArticleInput[]): BenchResult[] {
  const seconds = new Map<string, number>([['build article', 0]]);
  let tokens = 0;
  let sentences = 0;
  let bytes = 0;
  for (const [index, record] of records.entries()) {
    let started = performance.now();
    const article = buildArticle({ ...record, date: record.date ?? '2005-01-01' }, `record ${index}`);
    seconds.set('build article', seconds.get('build article')! + (performance.now() - started) / 1000);
    bytes += Buffer.byteLength(record.text ?? '');
    let doc = emptyDoc(article);
    for (const [name, stage] of STAGES) {
      started = performance.now();
      doc = stage(doc);
      seconds.set(name, (seconds.get(name) ?? 0) + (performance.now() - started) / 1000);
    }
    tokens += doc.tokens.length;
    sentences += doc.sentences.length;
  }
  const total = [...seconds.values()].reduce((sum, s) => sum + s, 0);
  const rows: BenchResult[] = [...seconds].map(([name, s]) => ({
    section: 'stages',
    name,
    value: Math.round(tokens / s),
    unit: `tokens/s (${((s / total) * 100).toFixed(1)}% of time)`,
  }));
  rows.push({
    section: 'stages',
    name: 'events coder',
    value: Math.round(sentences / seconds.get('events')!),
    unit: 'sentences/s',
  });
  rows.push({
    section: 'stages',
    name: 'all stages, one thread',
    value: Math.round(records.length / total),
    unit: `articles/s (${(bytes / 2 ** 20 / total).toFixed(2)} MB/s)`,
  });
  return rows;
}

async function benchIngest(file: string, records: number): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-bench-'));
  const input = quick ? path.join(dir, 'quick.jsonl') : file;
  if (quick) writeFileSync(input, readFileSync(file, 'utf8').split('\n').slice(0, records).join('\n'));
  const megabytes = readFileSync(input).length / 2 ** 20;
  const results: BenchResult[] = [];
  for (const workers of [1, availableParallelism()]) {
    const store = await openStore(path.join(dir, `bench-${workers}.db`));
    const report = await ingest([input], store, { defaultDate: '2005-01-01', workers });
    await store.close();
    const threads = workers === 1 ? '1 thread' : `${workers} worker threads + writer`;
    results.push({
      section: 'end to end',
      name: `JSONL → stored analyses (${threads})`,
      value: Math.round((report.stored + report.duplicates + report.copies) / report.seconds),
      unit: `articles/s (${(megabytes / report.seconds).toFixed(2)} MB/s, ${report.stored} stored, ${report.copies} near-duplicate copies)`,
    });
  }
  return results;
}

function benchLatency(records: ArticleInput[]): BenchResult[] {
  const times: number[] = [];
  for (const [index, record] of records.slice(0, 300).entries()) {
    const started = performance.now();
    let doc = emptyDoc(buildArticle({ ...record, date: record.date ?? '2005-01-01' }, `record ${index}`));
    for (const [, stage] of STAGES) doc = stage(doc);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number =>
    Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 100) / 100;
  return [
    { section: 'latency', name: 'analyze one article, median', value: at(0.5), unit: 'ms' },
    { section: 'latency', name: 'analyze one article, 99th percentile', value: at(0.99), unit: 'ms' },
  ];
}

/** Runs of the cold start: this shared VM's start-up times scatter by ±30%, and three runs left the median to one outlier. */
const COLD_STARTS = 7;

function benchColdStart(): BenchResult[] {
  const example = path.join(root, 'test/fixtures/xi-blinken-beijing.txt');
  const runs: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const started = performance.now();
    execFileSync(process.execPath, [path.join(root, 'bin/parley.js'), 'analyze', example], {
      stdio: 'ignore',
    });
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  return [
    {
      section: 'latency',
      name: 'CLI cold start: parley analyze one article',
      value: Math.round(runs[COLD_STARTS >> 1]!),
      unit: `ms (median of ${COLD_STARTS}, whole process; fastest ${Math.round(runs[0]!)})`,
    },
  ];
}

async function main(): Promise<void> {
  const { name, file, records } = corpus();
  const info = machine();
  console.log(
    `Parley benchmark${quick ? ' (quick)' : ''} on ${info.cpu}, ${info.cores} cores, Node ${info.node}; corpus ${name} (${records.length} articles)\n`,
  );
  const results: BenchResult[] = [
    ...benchStages(records),
    ...benchTagger(records),
    ...(await benchIngest(file, records.length)),
    ...benchLatency(records),
    ...benchColdStart(),
  ];
  const { source, pages } = benchPages(shared, root);
  results.push(...benchExtraction(source, pages, quick ? 1 : 3));
  results.push(
    ...benchDedup(
      records.map((record) => record.text ?? ''),
      quick ? 1 : 3,
    ),
  );
  results.push({
    section: 'memory',
    name: 'peak resident set (this process)',
    value: Math.round(process.resourceUsage().maxRSS / 1024),
    unit: 'MB',
  });
  const scaling = textCorpus(shared, root);
  console.log(`scaling corpus: paragraphs drawn from ${scaling.names.join(', ')}\n`);
  results.push(
    ...benchScaling(scaling.records, scalingSizes, availableParallelism(), shared, quick ? 200 : 2_000),
  );
  const scratch = mkdtempSync(path.join(tmpdir(), 'parley-bench-q-'));
  results.push(...(await benchQueries(scratch, quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000])));

  for (const result of results) {
    console.log(
      `${result.section.padEnd(11)} ${result.name.padEnd(46)} ${String(result.value).padStart(10)} ${result.unit}${result.scale ? `  @ ${result.scale}` : ''}`,
    );
  }
  const outDir = path.join(root, 'bench/results');
  mkdirSync(outDir, { recursive: true });
  const out = path.join(
    outDir,
    `${new Date().toISOString().replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`,
  );
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), quick, corpus: name, machine: info, results }, null, 2)}\n`,
  );
  console.log(`\nwrote ${path.relative(root, out)}`);
}

await main();
