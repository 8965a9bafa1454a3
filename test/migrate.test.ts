/** `parley migrate`: a SQLite database moved into PostgreSQL whole, proven by counts and checksums. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../src/batch.js';
import { dataPath } from '../src/model/paths.js';
import { analyze } from '../src/pipeline.js';
import { openStore } from '../src/store/index.js';
import { postgresUnavailable, startPostgres, type PgCluster } from './postgres.js';
import { everyAnswer } from './store-answers.js';
import { cli, EXAMPLE_PATH, tempDir } from './support.js';

describe('parley migrate', { skip: postgresUnavailable() }, () => {
  let cluster: PgCluster;
  before(async () => {
    cluster = await startPostgres();
  });
  after(() => cluster.stop());

  it('moves every row, and the PostgreSQL copy answers every query as the SQLite file did', async () => {
    const dir = tempDir();
    const corpus = path.join(dir, 'sample-300.jsonl');
    const lines = readFileSync(dataPath('sample', 'corpus.jsonl'), 'utf8').split('\n');
    writeFileSync(corpus, lines.slice(0, 300).join('\n'));
    const file = path.join(dir, 'parley.db');
    const sqlite = await openStore(file);
    assert.equal((await ingest([corpus, EXAMPLE_PATH], sqlite, { defaultDate: '2023-06-19' })).failed, 0);
    const url = await cluster.createDatabase();

    const run = await cli('migrate', '--from', file, '--to', url);
    assert.equal(run.code, 0, run.stderr);
    const tables = run.stdout.trim().split('\n').slice(0, -1);
    assert.deepEqual(
      tables.map((line) => line.split(':')[0]),
      [
        'articles',
        'actors',
        'article_actors',
        'events',
        'article_themes',
        'story_copies',
        'story_signatures',
      ],
    );
    for (const line of tables) assert.match(line, /^\w+: (\d+) → \1 rows, checksum ([0-9a-f]{16}) = \2$/);
    assert.match(run.stdout, /every table matches/);

    const postgres = await openStore(url);
    const [fromSqlite, fromPostgres] = [await everyAnswer(sqlite), await everyAnswer(postgres)];
    for (const key of Object.keys(fromSqlite))
      assert.deepEqual(fromPostgres[key], fromSqlite[key], `${key} differs after the move`);
    assert.deepEqual(await postgres.getArticle('0d4b'), await sqlite.getArticle('0d4b'));

    // The command line reads it as it read the file.
    const [summaryFromFile, summaryFromUrl] = [
      await cli('summary', '--db', file),
      await cli('summary', '--db', url),
    ];
    assert.equal(summaryFromUrl.code, 0, summaryFromUrl.stderr);
    assert.equal(summaryFromUrl.stdout, summaryFromFile.stdout.replace(file, url));
    const relations = await cli('relations', 'USA', 'CHN', '--by', 'year', '--db', url, '--format', 'json');
    assert.equal(
      relations.stdout,
      (await cli('relations', 'USA', 'CHN', '--by', 'year', '--db', file, '--format', 'json')).stdout,
    );

    // The moved database goes on: new events take ids after the moved ones.
    const before = (await postgres.summary()).events;
    await postgres.putAnalyses([analyze({ text: 'France praised Germany.', date: '2024-01-01' })]);
    const events = await postgres.events({ limit: 10_000 });
    assert.equal(events.length, before + 1);
    assert.equal(new Set(events.map((event) => event.id)).size, events.length);
    await Promise.all([sqlite.close(), postgres.close()]);
  });

  it('refuses a target that already holds articles, and a missing source, in one line each', async () => {
    const url = await cluster.createDatabase();
    const store = await openStore(url);
    await store.putAnalyses([analyze({ text: 'Spain criticized Italy.', date: '2024-01-01' })]);
    await store.close();
    const file = path.join(tempDir(), 'parley.db');
    await (await openStore(file)).close();
    const full = await cli('migrate', '--from', file, '--to', url);
    assert.equal(full.code, 1);
    assert.match(full.stderr, /^parley: .*already holds articles.*\n$/);
    const missing = await cli('migrate', '--from', path.join(tempDir(), 'none.db'), '--to', url);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /none\.db: no such database file/);
  });
});
