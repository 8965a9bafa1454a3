/**
 * `parley ingest` killed with SIGKILL at random points of a 10,000-article ingest, then run again until it
 * finishes: every article is stored exactly once, none is missing, `PRAGMA integrity_check` says ok, and
 * the database holds the same analyses and events as one filled by a run that was never interrupted.
 * The kill points are drawn from a seed (printed; PARLEY_CRASH_SEED repeats a run).
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import {
  contentsOf,
  corpusFile,
  ingestCounts,
  runParley,
  SAMPLE,
  startParley,
  type Contents,
} from '../processes.js';
import { seededRandom } from '../../bench/util.js';
import { tempDir } from '../support.js';

const ARTICLES = 10_000;
const KILLS = 5;
const INGEST = ['--workers', '2', '--batch-size', '100'];

/**
 * The sample corpus three times over, each copy under other URLs, so that every article has an identity
 * of its own. The longer items' copies are near-duplicates, stored as copies of their story
 * (src/stories.ts): an article is stored once either way, as an analysis or as a copy.
 */
function tenThousandArticles(): string[] {
  const lines: string[] = [];
  for (let copy = 0; lines.length < ARTICLES; copy++)
    for (const [index, line] of SAMPLE.entries()) {
      if (lines.length === ARTICLES) break;
      const record = JSON.parse(line) as Record<string, unknown>;
      lines.push(
        JSON.stringify({ ...record, id: undefined, url: `https://copy${copy}.example.org/${index}` }),
      );
    }
  return lines;
}

function storedCount(db: string): number {
  try {
    const connection = new Database(db, { readonly: true, fileMustExist: true });
    try {
      const sql = 'SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM story_copies) AS n';
      return (connection.prepare(sql).get() as { n: number }).n;
    } finally {
      connection.close();
    }
  } catch {
    return 0; // not created yet, or its schema not yet written
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGKILL during ingest', () => {
  let dir: string;
  let input: string;
  let reference: Contents;
  const seed = Number(process.env.PARLEY_CRASH_SEED ?? Date.now() % 1_000_000);

  before(async () => {
    dir = tempDir('parley-crash-');
    input = corpusFile(dir, 'articles.jsonl', tenThousandArticles());
    const db = path.join(dir, 'reference.db');
    const run = await runParley(['ingest', input, '--db', db, ...INGEST], { timeout: 900_000 });
    assert.equal(run.code, 0, run.stderr);
    reference = contentsOf(db);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`loses nothing and stores nothing twice (seed ${seed})`, async () => {
    assert.equal(reference.articles.size + reference.copies.size, ARTICLES);
    const next = seededRandom(seed);
    const db = path.join(dir, 'interrupted.db');
    // Kill points: after a random number of stored articles, plus a random fraction of a second, so that
    // kills land between transactions, inside them, and while a commit is being written.
    const thresholds = Array.from({ length: KILLS }, () => Math.floor(next() * (ARTICLES - 1000)) + 200).sort(
      (a, b) => a - b,
    );
    const killedAt: number[] = [];
    for (const threshold of thresholds) {
      const { child, done } = startParley(['ingest', input, '--db', db, ...INGEST]);
      let exited = false;
      void done.then(() => (exited = true));
      while (!exited && storedCount(db) < threshold) await sleep(20);
      assert.equal(exited, false, `the ingest ended before reaching ${threshold} articles`);
      await sleep(Math.floor(next() * 400));
      child.kill('SIGKILL');
      const run = await done;
      assert.equal(run.signal, 'SIGKILL');
      killedAt.push(storedCount(db));
    }
    const final = await runParley(['ingest', input, '--db', db, ...INGEST], { timeout: 900_000 });
    assert.equal(final.code, 0, final.stderr);
    const counts = ingestCounts(final.stdout)!;
    assert.equal(counts.stored + counts.copies + counts.duplicates, ARTICLES, final.stdout);
    assert.equal(counts.duplicates, killedAt.at(-1), 'the last run skipped exactly what was stored');
    assert.ok(
      killedAt.every((count) => count < ARTICLES),
      `killed at ${killedAt.join(', ')} stored articles (of ${ARTICLES})`,
    );

    const interrupted = contentsOf(db);
    assert.equal(interrupted.integrity, 'ok');
    assert.equal(interrupted.articles.size + interrupted.copies.size, ARTICLES, 'every article, once');
    assert.deepEqual(interrupted.copies, reference.copies, 'the same copies of the same stories');
    assert.equal(interrupted.fts, interrupted.articles.size, 'every analysed article searchable, once');
    // Analyses are compared exactly: the restarted process must give every article the same analysis as the
    // uninterrupted run (wink-nlp's tokenizer no longer depends on what the process read before; see
    // patches/wink-nlp+2.4.0.patch).
    assert.deepEqual(interrupted.articles, reference.articles, 'the same analysis of every article');
    assert.deepEqual(interrupted.events, reference.events, 'the same event rows, ids and groups');
  });
});
