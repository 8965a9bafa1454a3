/**
 * Two `parley` processes writing to one database at once: both finish (the second waits for the lock),
 * each article is stored once, none is missing, the file is sound. And a writer that holds the lock for
 * longer than the 10 s wait makes the other say clearly that it could not write, changing nothing.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { contentsOf, corpusFile, ingestCounts, runParley, SAMPLE, startParley } from '../processes.js';
import { tempDir } from '../support.js';

describe('two writers', () => {
  it('lets two processes write at once: both finish, each article stored once, the file sound', async () => {
    const dir = tempDir('parley-writers-');
    const db = path.join(dir, 'shared.db');
    const a = SAMPLE.slice(0, 250);
    const b = SAMPLE.slice(250, 500);
    const forward = corpusFile(dir, 'forward.jsonl', [...a, ...b]);
    const backward = corpusFile(dir, 'backward.jsonl', [...b, ...a]);
    // The database exists and is locked by a third writer when both start: they wait for it.
    const created = await runParley([
      'ingest',
      corpusFile(dir, 'one.jsonl', SAMPLE.slice(500, 501)),
      '--db',
      db,
    ]);
    assert.equal(created.code, 0, created.stderr);
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const runs = [forward, backward].map(
      (file) => startParley(['ingest', file, '--db', db, '--workers', '1', '--batch-size', '20']).done,
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    holder.exec('COMMIT');
    holder.close();
    const results = await Promise.all(runs);
    for (const run of results) assert.equal(run.code, 0, run.stderr);
    const counts = results.map((run) => ingestCounts(run.stdout)!);
    for (const count of counts) assert.equal(count.stored + count.duplicates + count.failed, 500);
    const contents = contentsOf(db);
    assert.equal(contents.integrity, 'ok');
    assert.equal(
      contents.articles.size,
      1 + counts[0]!.stored + counts[1]!.stored,
      'no article stored twice',
    );
    assert.equal(contents.fts, contents.articles.size);
    const alone = path.join(dir, 'alone.db');
    await runParley([
      'ingest',
      forward,
      corpusFile(dir, 'one-more.jsonl', SAMPLE.slice(500, 501)),
      '--db',
      alone,
      '--workers',
      '1',
    ]);
    assert.deepEqual(
      [...contents.articles.keys()].sort(),
      [...contentsOf(alone).articles.keys()].sort(),
      'none missing',
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it('says clearly that it cannot write when another process holds the lock beyond the wait', async () => {
    const dir = tempDir('parley-locked-');
    const db = path.join(dir, 'locked.db');
    const created = await runParley(['ingest', corpusFile(dir, 'one.jsonl', SAMPLE.slice(0, 5)), '--db', db]);
    assert.equal(created.code, 0, created.stderr);
    const before = contentsOf(db);
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const run = startParley([
      'ingest',
      corpusFile(dir, 'more.jsonl', SAMPLE.slice(5, 15)),
      '--db',
      db,
      '--workers',
      '1',
    ]).done;
    // The event loop must stay free while the child waits, so the lock is released only once it has failed.
    const result = await run;
    holder.exec('ROLLBACK');
    holder.close();
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^parley: .*locked\.db: another process kept the database locked for more than 10 s \(.*\)\n$/,
    );
    assert.deepEqual(contentsOf(db), before);
    rmSync(dir, { recursive: true, force: true });
  });
});
