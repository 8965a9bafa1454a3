/**
 * The store on both backends, SQLite and PostgreSQL (a temporary cluster, skipped with a reason where
 * the server binaries are missing): idempotent ingest, full-text search, event filters, nothing lost
 * on failure, and the same answers from both to every read query.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ingest } from '../src/batch.js';
import { analyze } from '../src/pipeline.js';
import { openStore } from '../src/store/index.js';
import { dataPath } from '../src/model/paths.js';
import { postgresUnavailable, startPostgres, type PgCluster } from './postgres.js';
import { everyAnswer } from './store-answers.js';
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

const TABLES = ['articles', 'actors', 'article_actors', 'events', 'article_themes'];

function sqliteCounts(db: string): Record<string, number> {
  const sqlite = new Database(db, { readonly: true });
  const counts = Object.fromEntries(
    [...TABLES, 'articles_fts'].map((table) => [
      table,
      (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    ]),
  );
  sqlite.close();
  return counts;
}

async function postgresCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of TABLES)
      counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    return counts;
  } finally {
    await client.end();
  }
}

/** One backend under test: where a new empty database is, and how to count its rows behind the store. */
interface Backend {
  name: string;
  skip: string | undefined;
  setup(): Promise<void>;
  teardown(): void;
  newDatabase(): Promise<string>;
  rowCounts(address: string): Promise<Record<string, number>>;
}

let cluster: PgCluster | undefined;
const BACKENDS: Backend[] = [
  {
    name: 'SQLite',
    skip: undefined,
    setup: async () => undefined,
    teardown: () => undefined,
    newDatabase: async () => path.join(tempDir(), 'parley.db'),
    rowCounts: async (db) => sqliteCounts(db),
  },
  {
    name: 'PostgreSQL',
    skip: postgresUnavailable(),
    setup: async () => {
      cluster = await startPostgres();
    },
    teardown: () => cluster?.stop(),
    newDatabase: () => cluster!.createDatabase(),
    rowCounts: postgresCounts,
  },
];

for (const backend of BACKENDS)
  describe(`${backend.name} store`, { skip: backend.skip }, () => {
    before(() => backend.setup());
    after(() => backend.teardown());

    it('stores an article once however often it is ingested', async () => {
      const db = await backend.newDatabase();
      const corpus = writeCorpus(tempDir());
      const store = await openStore(db);
      const first = await ingest([corpus, EXAMPLE_PATH], store, { defaultDate: '2023-06-19' });
      assert.equal(first.stored, 4);
      assert.equal(first.failed, 0);
      const countsAfterFirst = await backend.rowCounts(db);
      const second = await ingest([corpus, EXAMPLE_PATH], store, { defaultDate: '2023-06-19' });
      assert.equal(second.stored, 0);
      assert.equal(second.duplicates, 4);
      // Written again past the identity check (a retried worker), the same analyses store nothing.
      const stored = await store.getArticle((await store.events({ limit: 1 }))[0]!.articleId);
      assert.deepEqual(await store.putAnalyses([stored!]), { inserted: 0, copies: 0, duplicates: 1 });
      await store.close();
      assert.deepEqual(await backend.rowCounts(db), countsAfterFirst);
      assert.ok(countsAfterFirst.events! > 0);
    });

    it('searches full text with ranking and snippets, safe for any query', async () => {
      const dir = tempDir();
      const store = await openStore(await backend.newDatabase());
      await ingest([writeCorpus(dir)], store);
      const hits = await store.search('sanctions Russia');
      assert.equal(hits[0]?.title, 'Sanctions');
      assert.match(hits[0]!.snippet, /\[sanctions\]/i);
      assert.deepEqual(await store.search('"unbalanced (quote AND OR'), []);
      assert.deepEqual(await store.search("'; DROP TABLE articles; --"), []);
      assert.deepEqual(await store.search('   '), []);
      assert.equal((await store.summary()).articles, 3);
      await store.close();
    });

    it('filters events by actor, side, code and date', async () => {
      const dir = tempDir();
      const store = await openStore(await backend.newDatabase());
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
      assert.equal((await store.events({ until: '2022' })).length, 1, '--until 2022 includes all of 2022');
      const summary = await store.summary();
      assert.ok(summary.topPairs.some((pair) => pair.pair === 'RUS–USA'));
      await store.close();
    });

    it('writes a batch all or nothing', async () => {
      const store = await openStore(await backend.newDatabase());
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

describe('batch ingest into SQLite', () => {
  it('ingests the bundled sample corpus twice with the same row counts', async () => {
    const db = path.join(tempDir(), 'sample.db');
    const store = await openStore(db);
    const first = await ingest([dataPath('sample')], store);
    assert.equal(first.failed, 0);
    assert.ok(first.stored > 4000);
    const counts = sqliteCounts(db);
    const second = await ingest([dataPath('sample')], store);
    assert.equal(second.stored, 0);
    assert.equal(second.duplicates, first.stored + first.duplicates);
    await store.close();
    assert.deepEqual(sqliteCounts(db), counts);
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
});

describe('SQLite and PostgreSQL give the same answers', { skip: postgresUnavailable() }, () => {
  let pgCluster: PgCluster;
  before(async () => {
    pgCluster = await startPostgres();
  });
  after(() => pgCluster.stop());

  it('to every read query, over the same 600 analysed articles', async () => {
    const dir = tempDir();
    const corpus = path.join(dir, 'sample-600.jsonl');
    const lines = readFileSync(dataPath('sample', 'corpus.jsonl'), 'utf8').split('\n');
    writeFileSync(corpus, lines.slice(0, 600).join('\n'));
    const file = path.join(dir, 'parley.db');
    const sqlite = await openStore(file);
    const report = await ingest([corpus], sqlite);
    assert.equal(report.stored, 600);
    // The same analyses, in the same order, through PostgreSQL's own write path.
    const ids = new Database(file, { readonly: true })
      .prepare('SELECT id FROM articles ORDER BY rowid')
      .all() as Array<{ id: string }>;
    const postgres = await openStore(await pgCluster.createDatabase());
    for (let i = 0; i < ids.length; i += 100) {
      const batch = await Promise.all(ids.slice(i, i + 100).map(({ id }) => sqlite.getArticle(id)));
      await postgres.putAnalyses(batch.map((analysis) => analysis!));
    }
    const [fromSqlite, fromPostgres] = [await everyAnswer(sqlite), await everyAnswer(postgres)];
    assert.ok((fromSqlite.events as unknown[]).length > 200);
    for (const key of Object.keys(fromSqlite))
      assert.deepEqual(fromPostgres[key], fromSqlite[key], `${key} differs between the backends`);
    // Search ranks differently (BM25 against ts_rank) but finds what SQLite finds, best match first.
    for (const query of ['sanctions', 'nuclear talks', 'election president'])
      assert.deepEqual(
        (await postgres.search(query, 200)).map((hit) => hit.id).sort(),
        (await sqlite.search(query, 200)).map((hit) => hit.id).sort(),
        query,
      );
    await Promise.all([sqlite.close(), postgres.close()]);
  });
});

describe('PostgreSQL layout', { skip: postgresUnavailable() }, () => {
  let pgCluster: PgCluster;
  before(async () => {
    pgCluster = await startPostgres();
  });
  after(() => pgCluster.stop());

  it('keeps events in month partitions and searches through a GIN-indexed tsvector', async () => {
    const url = await pgCluster.createDatabase();
    const store = await openStore(url);
    await ingest([writeCorpus(tempDir())], store);
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const partitions = await client.query<{ name: string; events: string }>(
        `SELECT c.relname AS name, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text AS events
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
         WHERE p.relname = 'events' ORDER BY c.relname`,
      );
      const months = (
        await client.query<{ month: string; n: string }>(
          'SELECT month, count(*) AS n FROM events GROUP BY month ORDER BY month',
        )
      ).rows;
      // One partition per month that has events (and the undated one), each holding its month's events.
      assert.deepEqual(
        partitions.rows.filter((row) => row.name !== 'events_undated').map((row) => row.name),
        months.filter((row) => row.month !== '').map((row) => `events_${row.month.replace('-', '_')}`),
      );
      for (const row of months.filter((m) => m.month !== ''))
        assert.equal(
          partitions.rows.find((p) => p.name === `events_${row.month.replace('-', '_')}`)?.events,
          row.n,
        );
      assert.ok(months.some((row) => row.month === '2022-03'));
      const index = await client.query<{ def: string }>(
        "SELECT indexdef AS def FROM pg_indexes WHERE indexname = 'articles_search'",
      );
      assert.match(index.rows[0]!.def, /USING gin \(search\)/);
    } finally {
      await client.end();
    }
  });
});
