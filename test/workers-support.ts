/** The worker kill scenario, shared by the quick test and the 5,000-article one under test:slow. */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { dataPath, packageRoot } from '../src/model/paths.js';
import { cli, tempDir } from './support.js';

/** `count` distinct articles: the sample corpus, then re-worded copies of it (new identities). */
export function articlesFile(count: number): string {
  const sample = readFileSync(dataPath('sample', 'corpus.jsonl'), 'utf8').trim().split('\n');
  const lines: string[] = [];
  for (let i = 0; lines.length < count; i++) {
    const record = JSON.parse(sample[i % sample.length]!) as { id: string; text: string; title: string };
    const round = Math.floor(i / sample.length);
    if (round > 0) {
      record.id = `${record.id}-copy${round}`;
      record.title = `${record.title} (report ${round + 1})`;
      record.text = `Report ${round + 1}. ${record.text}`;
    }
    lines.push(JSON.stringify(record));
  }
  const file = path.join(tempDir(), `articles-${count}.jsonl`);
  writeFileSync(file, lines.join('\n'));
  return file;
}

async function scalar(client: pg.Client, sql: string): Promise<number> {
  return Number((await client.query(sql)).rows[0].n);
}

function startWorker(url: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      path.join(packageRoot(), 'bin', 'parley.js'),
      'worker',
      '--db',
      url,
      '--drain',
      '--batch',
      '5',
      '--lease',
      '3',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/**
 * Queues `count` articles, starts three worker processes, SIGKILLs one once it has stored some and
 * while work remains, waits for the other two to drain the queue, and checks that every article was
 * analysed and stored exactly once.
 */
export async function killOneOfThreeWorkers(url: string, count: number): Promise<void> {
  const queued = await cli('ingest', '--queue', '--db', url, articlesFile(count));
  assert.equal(queued.code, 0, queued.stderr);
  assert.match(queued.stdout, new RegExp(`queued ${count} articles`));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const workers = [startWorker(url), startWorker(url), startWorker(url)];
  const victim = workers[0]!;
  const stderr = workers.map(() => [] as string[]);
  workers.forEach((worker, index) =>
    worker.stderr!.on('data', (chunk: Buffer) => stderr[index]!.push(chunk.toString())),
  );
  try {
    // Kill the victim mid-run: it has finished some work, holds a claim, and the queue is not empty.
    for (;;) {
      const mine = await scalar(
        client,
        `SELECT count(*) AS n FROM queue_done WHERE worker LIKE '%:${victim.pid}:%'`,
      );
      const held = await scalar(
        client,
        `SELECT count(*) AS n FROM queue WHERE locked_by LIKE '%:${victim.pid}:%'`,
      );
      if (mine > 0 && held > 0) break;
      assert.ok(victim.exitCode === null, 'the victim finished before it could be killed');
      await sleep(50);
    }
    victim.kill('SIGKILL');
    const codes = await Promise.all(workers.map(exited));
    assert.deepEqual(
      codes.slice(1),
      [0, 0],
      `the surviving workers drain the queue: ${stderr.flat().join('')}`,
    );
    assert.equal(victim.signalCode, 'SIGKILL');
  } finally {
    for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
  }
  try {
    assert.equal(await scalar(client, 'SELECT count(*) AS n FROM queue'), 0, 'nothing left in the queue');
    assert.equal(await scalar(client, 'SELECT count(*) AS n FROM dead_letters'), 0);
    assert.equal(await scalar(client, 'SELECT count(*) AS n FROM queue_done'), count, 'every job done once');
    assert.equal(
      await scalar(client, "SELECT count(*) AS n FROM queue_done WHERE outcome = 'stored'"),
      count,
    );
    assert.equal(
      await scalar(client, 'SELECT count(*) AS n FROM articles'),
      count,
      'every article stored once',
    );
    // The jobs the victim held were taken over after its lease ran out, and stored by another worker.
    assert.ok((await scalar(client, 'SELECT count(*) AS n FROM queue_done WHERE attempts > 1')) > 0);
    const events = await scalar(client, 'SELECT count(*) AS n FROM events');
    const analysed = await scalar(
      client,
      "SELECT sum(json_array_length((analysis::json)->'events')) AS n FROM articles",
    );
    assert.ok(events > 0);
    assert.equal(events, analysed, 'each article’s events stored once');
    const status = await cli('status', '--db', url, '--json');
    const parsed = JSON.parse(status.stdout) as { done: number; ready: number; workers: unknown[] };
    assert.equal(parsed.done, count);
    assert.equal(parsed.ready, 0);
    assert.equal(parsed.workers.length, 3);
  } finally {
    await client.end();
  }
}
