/**
 * Benchmark corpora at any size. The real corpora hold a few thousand articles; to measure cost per article at
 * 10^5 the benchmark needs more, and plain copies would not do: they share their identity (stored once) and
 * their shingles (grouped as near-duplicates), so they would measure the duplicate check, not the analysis.
 * Each synthetic article is therefore a new draw of paragraphs from the whole paragraph pool (seeded), about
 * as long as the corpus's articles, so that every one is distinct text that must be read in full.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ArticleInput } from '../src/model/schema.js';
import { seededRandom } from './util.js';

export interface TextCorpus {
  /** The files the paragraphs came from, relative to the shared folder or the package. */
  names: string[];
  records: ArticleInput[];
}

/** Every record of a JSONL corpus file. */
export function readJsonl(file: string): ArticleInput[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ArticleInput);
}

/** BBC full articles and Wikinews when the shared data is there, else the bundled sample corpus. */
export function textCorpus(shared: string, root: string): TextCorpus {
  const candidates = [
    path.join(shared, 'news/bbc-news-2225.jsonl'),
    path.join(shared, 'news-free/wikinews_en_2004-2018.jsonl'),
  ].filter((file) => existsSync(file));
  const files = candidates.length > 0 ? candidates : [path.join(root, 'data/sample/corpus.jsonl')];
  return {
    names: files.map((file) => path.relative(path.dirname(shared), file)),
    records: files.flatMap(readJsonl),
  };
}

function paragraphsOf(records: ArticleInput[]): string[] {
  return records
    .flatMap((record) => (record.text ?? '').split(/\n\s*\n|\n/))
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.split(/\s+/).length >= 12);
}

/**
 * Writes `count` distinct articles of about `words` words as JSONL and returns the file's size in bytes.
 * Dates spread over 2004–2018 so the store's date indexes see a realistic range.
 */
export function writeSyntheticJsonl(
  file: string,
  records: ArticleInput[],
  count: number,
  words = 400,
  seed = 42,
): number {
  const pool = paragraphsOf(records);
  const random = seededRandom(seed);
  const lines: string[] = [];
  let bytes = 0;
  const flush = (): void => {
    const chunk = `${lines.join('\n')}\n`;
    writeFileSync(file, chunk, { flag: bytes === 0 ? 'w' : 'a' });
    bytes += Buffer.byteLength(chunk);
    lines.length = 0;
  };
  for (let i = 0; i < count; i++) {
    const body: string[] = [];
    let length = 0;
    while (length < words) {
      const paragraph = pool[Math.floor(random() * pool.length)]!;
      body.push(paragraph);
      length += paragraph.split(/\s+/).length;
    }
    const day = new Date(Date.UTC(2004, 0, 1) + Math.floor(random() * 15 * 365) * 86_400_000);
    lines.push(
      JSON.stringify({
        id: `bench-${seed}-${i}`,
        title: body[0]!.split(/[.!?]/)[0]!.slice(0, 90),
        date: day.toISOString().slice(0, 10),
        source: `bench-source-${i % 50}`,
        text: body.join('\n\n'),
      }),
    );
    if (lines.length === 1000) flush();
  }
  if (lines.length > 0) flush();
  return bytes;
}

/** The real web pages of extraction-dev (gzipped HTML), or none when the shared data is absent. */
export function htmlPages(shared: string): Array<{ url: string; html: string }> {
  const dir = path.join(shared, 'extraction-dev/html');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html.gz') || name.endsWith('.html'))
    .sort()
    .map((name) => {
      const raw = readFileSync(path.join(dir, name));
      const html = (name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
      return { url: `https://pages.example/${name.replace(/\.html(\.gz)?$/, '')}`, html };
    });
}
