/** The SQLite store: idempotent ingest, full-text search, event filters, and nothing lost on failure. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { ingest } from '../src/batch.js';
import { analyze } from '../src/pipeline.js';
import { openStore } from '../src/store/index.js';
import { dataPath } from '../src/model/paths.js';
import { EXAMPLE_PATH, tempDir } from './support.js';

const ARTICLES = [
  {
    id: '1',
    title: 'Sanctions',
    date: '2022-03-01',
    text: 'The United States imposed sanctions on Russia over the invasion of Ukraine.',
  },
  {
    id: '2',
    title: 'Talks',
    date: '2023-06-18',
    text: 'Antony Blinken met Wang Yi in Beijing. China and the United States held talks on Taiwan.',
  },
  { id: '3', title: 'Protest', date: '2024-05-02', text: 'Japan criticized China over the East China Sea.' },
];

function writeCorpus(dir: string): string {
  const file = path.join(dir, 'corpus.jsonl');
  writeFileSync(file, ARTICLES.map((article) => JSON.stringify(article)).join('\n'));
  return file;
}

function rowCounts(db: string): Record<string, number> {
  const sqlite = new Database(db, { readonly: true });
  const tables = ['articles', 'actors', 'article_actors', 'events', 'article_themes', 'articles_fts'];
  const counts = Object.fromEntries(
    tables.map((table) => [
      table,
      (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    ]),
  );
  sqlite.close();
  return counts;
}

describe('SQLite store', () => {
  it('stores an article once however often it is ingested', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'parley.db');
    const corpus = writeCorpus(dir);
    const store = await openStore(db);
    const first = await ingest([corpus, EXAMPLE_PATH], store, { defaultDate: '2023-06-19' });
    assert.equal(first.stored, 4);
    assert.equal(first.failed, 0);
    const countsAfterFirst = rowCounts(db);
    const second = await ingest([corpus, EXAMPLE_PATH], store, { defaultDate: '2023-06-19' });
    assert.equal(second.stored, 0);
    assert.equal(second.duplicates, 4);
    await store.close();
    assert.deepEqual(rowCounts(db), countsAfterFirst);
    assert.ok(countsAfterFirst.events! > 0);
  });

  it('ingests the bundled sample corpus twice with the same row counts', async () => {
    const db = path.join(tempDir(), 'sample.db');
    const store = await openStore(db);
    const first = await ingest([dataPath('sample')], store);
    assert.equal(first.failed, 0);
    assert.ok(first.stored > 4000);
    const counts = rowCounts(db);
    const second = await ingest([dataPath('sample')], store);
    assert.equal(second.stored, 0);
    assert.equal(second.duplicates, first.stored + first.duplicates);
    await store.close();
    assert.deepEqual(rowCounts(db), counts);
  });

  it('stores the same articles with worker threads as in one thread', async () => {
    const dir = tempDir();
    const ids = async (workers: number): Promise<string[]> => {
      const db = path.join(dir, `w${workers}.db`);
      const store = await openStore(db);
      const report = await ingest([dataPath('sample')], store, { workers });
      await store.close();
      assert.equal(report.failed, 0);
      const sqlite = new Database(db, { readonly: true });
      const rows = sqlite.prepare('SELECT id FROM articles ORDER BY id').all() as Array<{ id: string }>;
      sqlite.close();
      return rows.map((row) => row.id);
    };
    const single = await ids(1);
    const pooled = await ids(2);
    assert.ok(single.length > 4000);
    assert.deepEqual(pooled, single);
  });

  it('searches full text with ranking and snippets, safe for any query', async () => {
    const dir = tempDir();
    const store = await openStore(path.join(dir, 'parley.db'));
    await ingest([writeCorpus(dir)], store);
    const hits = await store.search('sanctions Russia');
    assert.equal(hits[0]?.title, 'Sanctions');
    assert.match(hits[0]!.snippet, /\[sanctions\]/i);
    assert.deepEqual(await store.search('"unbalanced (quote AND OR'), []);
    assert.deepEqual(await store.search("'; DROP TABLE articles; --"), []);
    assert.equal((await store.summary()).articles, 3);
    await store.close();
  });

  it('filters events by actor, side, code and date', async () => {
    const dir = tempDir();
    const store = await openStore(path.join(dir, 'parley.db'));
    await ingest([writeCorpus(dir)], store);
    const sanctions = await store.events({ source: 'USA', target: 'RUS' });
    assert.deepEqual(
      sanctions.map((e) => e.code),
      ['163'],
    );
    assert.match(sanctions[0]!.evidence, /imposed sanctions on Russia/);
    assert.ok((await store.events({ actor: 'CHN', code: '04' })).length >= 1);
    assert.equal(
      (await store.events({ actor: 'CHN', since: '2024-01-01' })).length,
      (await store.events({ actor: 'CHN', code: '11' })).length,
    );
    assert.equal((await store.events({ until: '2021-12-31' })).length, 0);
    const summary = await store.summary();
    assert.ok(summary.topPairs.some((pair) => pair.pair === 'RUS–USA'));
    await store.close();
  });

  it('writes a batch all or nothing', async () => {
    const dir = tempDir();
    const store = await openStore(path.join(dir, 'parley.db'));
    const good = analyze({ text: 'France praised Germany.', date: '2024-01-01' });
    const bad = { ...analyze({ text: 'Spain criticized Italy.', date: '2024-01-01' }) };
    // A malformed event (no source code) violates NOT NULL and must roll the whole batch back.
    bad.events = [{ ...bad.events[0]!, source: { text: 'x', code: null as unknown as string } }];
    await assert.rejects(store.putAnalyses([good, bad]));
    assert.equal((await store.summary()).articles, 0);
    await store.putAnalyses([good]);
    assert.equal((await store.summary()).articles, 1);
    await store.close();
  });
});
