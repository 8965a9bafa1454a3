/** Distributed workers on the PostgreSQL queue: kill-safety, retries with backoff, dead letters. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runWorker } from '../src/queue-worker.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { PgQueue } from '../src/store/queue.js';
import { postgresUnavailable, startPostgres, type PgCluster } from './postgres.js';
import { cli, tempDir } from './support.js';
import { killOneOfThreeWorkers } from './workers-support.js';

describe('parley worker on a PostgreSQL queue', { skip: postgresUnavailable() }, () => {
  let cluster: PgCluster;
  before(async () => {
    cluster = await startPostgres();
  });
  after(() => cluster.stop());

  it('three workers, one killed with SIGKILL mid-run: 150 articles analysed and stored exactly once', async () => {
    await killOneOfThreeWorkers(await cluster.createDatabase(), 150);
  });

  it('retries a failing article with backoff, parks it as a dead letter, and re-queues it on demand', async () => {
    const url = await cluster.createDatabase();
    const file = path.join(tempDir(), 'mixed.jsonl');
    writeFileSync(
      file,
      [
        { title: 'Talks', text: 'Antony Blinken met Wang Yi in Beijing.', date: '2023-06-18' },
        { title: 'Protest', text: 'Japan criticized China over the East China Sea.', date: '2024-05-02' },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    );
    assert.equal((await cli('ingest', '--queue', '--db', url, file)).code, 0);
    const store = await openPostgresStore(url);
    // A job whose article cannot be built: no text at all.
    await new PgQueue(store).enqueue([{ origin: 'mixed.jsonl:2', input: { text: '', title: 'Empty' } }]);
    const failures: string[] = [];
    const started = performance.now();
    const progress = await runWorker(store, {
      drain: true,
      maxAttempts: 3,
      backoffMs: 100,
      idleMs: 20,
      onFailure: (job, _error, outcome) => failures.push(`${job.attempts} ${outcome}`),
    });
    // Three attempts, the second after 100 ms and the third after 200 ms more.
    assert.deepEqual(failures, ['1 retry', '2 retry', '3 dead']);
    assert.ok(performance.now() - started >= 300);
    assert.equal(progress.processed, 2);
    assert.equal((await store.summary()).articles, 2);
    const queue = new PgQueue(store);
    const [letter] = await queue.deadLetters();
    assert.equal(letter?.attempts, 3);
    assert.match(letter!.error, /mixed\.jsonl/);
    const status = await cli('status', '--db', url, '--dead');
    assert.match(status.stdout, /dead letters: 1/);
    assert.match(status.stdout, new RegExp(`dead ${letter!.id} after 3 attempts`));
    const requeued = await cli('requeue', '--db', url, String(letter!.id));
    assert.equal(requeued.stdout, 'requeued 1 jobs\n');
    assert.equal(await queue.pending(), 1);
    assert.deepEqual(await queue.deadLetters(), []);
    await store.close();
  });

  it('needs PostgreSQL, and says so in one line', async () => {
    const run = await cli('worker', '--db', path.join(tempDir(), 'parley.db'));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^parley: .*parley\.db: the work queue needs a PostgreSQL database/);
  });
});
