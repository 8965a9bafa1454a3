/**
 * Reading benchmarks: web-page extraction (pages/s and MB/s of decoded HTML) and near-duplicate grouping
 * (cost per article of signing a text and placing it in the LSH index). Pages are the shared
 * extraction-dev set when present (read here, never shipped), else the bundled test pages.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeHtml } from '../src/ingest/decode.js';
import { NearDuplicateIndex, signature } from '../src/ingest/dedup.js';
import { extractHtml } from '../src/ingest/html.js';
import type { BenchResult } from './util.js';

interface Page {
  name: string;
  bytes: number;
  html: string;
}

/** HTML pages to extract: `dir/html/*.html.gz` of extraction-dev, or the test fixtures. */
export function benchPages(shared: string, root: string): { source: string; pages: Page[] } {
  const dev = path.join(shared, 'extraction-dev/html');
  const dir = existsSync(dev) ? dev : path.join(root, 'test/fixtures/html');
  const pages = readdirSync(dir)
    .filter((name) => /\.html(\.gz)?$/.test(name))
    .sort()
    .map((name) => {
      const raw = readFileSync(path.join(dir, name));
      const bytes = name.endsWith('.gz') ? gunzipSync(raw) : raw;
      return { name, bytes: bytes.length, html: decodeHtml(bytes, name) };
    });
  return { source: path.relative(root, dir), pages };
}

/** Fastest of `passes` runs: other processes on the machine only ever slow a pass down. */
function fastestSeconds(passes: number, run: () => void): number {
  let best = Infinity;
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    run();
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return best;
}

export function benchExtraction(source: string, pages: Page[], passes: number): BenchResult[] {
  for (const page of pages.slice(0, 5)) extractHtml(page.html); // warm-up: JIT, lazy module init
  // CPU time beside the wall time: on a shared machine it is the steadier of the two.
  const cpuBefore = process.cpuUsage();
  const seconds = fastestSeconds(passes, () => {
    for (const page of pages) extractHtml(page.html);
  });
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerPage = (cpu.user + cpu.system) / 1000 / (passes * pages.length);
  const megabytes = pages.reduce((sum, page) => sum + page.bytes, 0) / 2 ** 20;
  return [
    {
      section: 'reading',
      name: `HTML extraction (${pages.length} pages, ${source})`,
      value: Math.round((pages.length / seconds) * 10) / 10,
      unit: `pages/s (${(megabytes / seconds).toFixed(2)} MB/s, one thread, best of ${passes}; ${cpuMsPerPage.toFixed(1)} ms CPU a page, mean of the passes)`,
    },
  ];
}

/** Signing and placing every text in a fresh index: what grouping adds to each article at ingest. */
export function benchDedup(texts: string[], passes: number): BenchResult[] {
  let stories = 0;
  const seconds = fastestSeconds(passes, () => {
    const index = new NearDuplicateIndex();
    stories = 0;
    texts.forEach((text, i) => {
      if (index.addSignature(String(i), signature(text)).groupId === String(i)) stories++;
    });
  });
  return [
    {
      section: 'reading',
      name: `near-duplicate grouping (${texts.length} articles)`,
      value: Math.round((seconds / texts.length) * 1e6),
      unit: `µs/article (MinHash + LSH; ${texts.length - stories} grouped as copies)`,
    },
  ];
}
