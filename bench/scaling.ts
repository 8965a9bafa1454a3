/**
 * End-to-end ingest at growing sizes, each run in a fresh process and a fresh store: JSONL text of distinct
 * synthetic articles (bench/corpus.ts) at 1,000, 10,000 and 100,000 articles, and real HTML pages through
 * extraction. Flat milliseconds per article from the smallest run to the largest means the cost does not
 * grow with the corpus; the peak memory is the whole process's, worker threads included.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ArticleInput } from '../src/model/schema.js';
import { htmlPages, writeSyntheticJsonl } from './corpus.js';
import type { BenchResult } from './util.js';

interface ChildReport {
  seconds: number;
  read: number;
  stored: number;
  duplicates: number;
  failed: number;
  events: number;
  peakMb: number;
}

function runIngest(input: string, dir: string, workers: number): ChildReport {
  const db = path.join(dir, `scale-${path.basename(input)}-${workers}.db`);
  const child = path.join(path.dirname(new URL(import.meta.url).pathname), 'ingest-child.js');
  const out = execFileSync(process.execPath, [child, input, db, String(workers)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildReport;
}

function describe(report: ChildReport, megabytes: number): string {
  const perArticle = (report.seconds * 1000) / report.read;
  return `articles/s (${(megabytes / report.seconds).toFixed(2)} MB/s, ${perArticle.toFixed(2)} ms/article, ${report.stored} stored, peak ${report.peakMb} MB)`;
}

export function benchScaling(
  records: ArticleInput[],
  sizes: number[],
  workers: number,
  shared: string,
  htmlCount: number,
): BenchResult[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-bench-scale-'));
  const results: BenchResult[] = [];
  try {
    for (const size of sizes) {
      const input = path.join(dir, `synthetic-${size}.jsonl`);
      const bytes = writeSyntheticJsonl(input, records, size);
      const report = runIngest(input, dir, workers);
      rmSync(input);
      results.push({
        section: 'scaling',
        name: `JSONL text → stored, ${workers} worker threads`,
        value: Math.round(report.read / report.seconds),
        unit: describe(report, bytes / 2 ** 20),
        scale: `${size.toLocaleString('en')} articles`,
      });
    }
    const pages = htmlPages(shared);
    if (pages.length > 0 && htmlCount > 0) {
      const input = path.join(dir, 'pages.jsonl');
      // The 91 real pages, repeated under distinct URLs: every copy is extracted and analysed again.
      const lines = Array.from({ length: htmlCount }, (_, i) => {
        const page = pages[i % pages.length]!;
        return JSON.stringify({ url: `${page.url}?copy=${i}`, html: page.html, date: '2020-01-01' });
      });
      writeFileSync(input, `${lines.join('\n')}\n`);
      const megabytes = statSync(input).size / 2 ** 20;
      const report = runIngest(input, dir, workers);
      results.push({
        section: 'scaling',
        name: `HTML pages → extracted, stored, ${workers} worker threads`,
        value: Math.round(report.read / report.seconds),
        unit: describe(report, megabytes).replace('articles/s', 'pages/s'),
        scale: `${htmlCount.toLocaleString('en')} pages (${pages.length} distinct)`,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
