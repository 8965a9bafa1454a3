/**
 * The durable work queue in PostgreSQL itself, so that many workers on many machines need no other
 * service. A worker claims jobs with a lease (`FOR UPDATE SKIP LOCKED`: no two workers take one job);
 * a job leaves the queue in the same transaction that stores its article, and only while its lease is
 * still the claimer's. A worker that dies loses nothing (its lease runs out and another takes the job)
 * and duplicates nothing (articles are stored by content identity, once). Failures are retried with
 * exponential backoff, then parked in dead_letters with their error, from where they can be re-queued.
 */
import type pg from 'pg';
import type { ArticleOptions } from '../ingest/article.js';
import type { ArticleInput } from '../model/schema.js';
import type { Analysis } from '../model/schema.js';
import type { PostgresStore } from './postgres.js';

export interface Job {
  id: number;
  origin: string;
  input: ArticleInput;
  options: ArticleOptions;
  /** Claims so far, this one included. */
  attempts: number;
}

export interface RetryPolicy {
  /** Attempts before a job is parked as a dead letter. */
  maxAttempts: number;
  /** The first retry waits this long; each later one twice as long as the one before. */
  backoffMs: number;
}

export interface QueueStatus {
  /** Jobs waiting: ready now, waiting for a retry, and claimed by a worker. */
  ready: number;
  retrying: number;
  claimed: number;
  done: number;
  /** Jobs finished in the last minute, per second. */
  perSecond: number;
  deadLetters: number;
  workers: Array<{
    id: string;
    host: string;
    pid: number;
    processed: number;
    failed: number;
    alive: boolean;
  }>;
}

export interface DeadLetter {
  id: number;
  origin: string;
  attempts: number;
  error: string;
  failedAt: string;
}

/** A worker is alive when it reported within this long. */
const ALIVE_SECONDS = 30;

export class PgQueue {
  constructor(private readonly store: PostgresStore) {}

  private get pool(): pg.Pool {
    return this.store.pool;
  }

  async enqueue(
    jobs: Array<{ origin: string; input: ArticleInput }>,
    options: ArticleOptions = {},
  ): Promise<void> {
    if (jobs.length === 0) return;
    await this.pool.query(
      'INSERT INTO queue (origin, input, options) SELECT o, i, $3 FROM unnest($1::text[], $2::text[]) AS t(o, i)',
      [jobs.map((job) => job.origin), jobs.map((job) => JSON.stringify(job.input)), JSON.stringify(options)],
    );
  }

  /** Claims up to `limit` ready jobs for `worker` for `leaseMs`; jobs whose lease ran out are ready again. */
  async claim(worker: string, limit: number, leaseMs: number): Promise<Job[]> {
    const { rows } = await this.pool.query<{
      id: number;
      origin: string;
      input: string;
      options: string;
      attempts: number;
    }>(
      `UPDATE queue SET locked_by = $1, locked_until = now() + $3 * interval '1 millisecond', attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM queue WHERE run_after <= now() AND (locked_until IS NULL OR locked_until < now())
         ORDER BY id FOR UPDATE SKIP LOCKED LIMIT $2
       )
       RETURNING id, origin, input, options, attempts`,
      [worker, limit, leaseMs],
    );
    return rows
      .sort((a, b) => a.id - b.id)
      .map((row) => ({
        id: row.id,
        origin: row.origin,
        input: JSON.parse(row.input) as ArticleInput,
        options: JSON.parse(row.options) as ArticleOptions,
        attempts: row.attempts,
      }));
  }

  /**
   * Stores the analyses of finished jobs and takes the jobs off the queue, in one transaction. A job
   * whose lease another worker has taken over is left to that worker: its analysis is not written here.
   * Returns how many jobs this worker finished.
   */
  async complete(worker: string, finished: Array<{ job: Job; analysis: Analysis }>): Promise<number> {
    if (finished.length === 0) return 0;
    await this.store.prepareFor(finished.map(({ analysis }) => analysis));
    // Articles in id order too, so that two workers finishing the same article (a lease taken over)
    // wait for each other in one order rather than deadlock.
    const ordered = [...finished].sort((a, b) => (a.analysis.article.id < b.analysis.article.id ? -1 : 1));
    return this.store.transaction(async (client) => {
      await this.store.beginWrites(
        client,
        ordered.map(({ analysis }) => analysis),
      );
      let count = 0;
      for (const { job, analysis } of ordered) {
        const taken = await client.query('DELETE FROM queue WHERE id = $1 AND locked_by = $2', [
          job.id,
          worker,
        ]);
        if (taken.rowCount === 0) continue;
        const stored = await this.store.writeAnalysis(client, analysis);
        await client.query(
          'INSERT INTO queue_done (id, article_id, outcome, worker, attempts) VALUES ($1, $2, $3, $4, $5)',
          [job.id, analysis.article.id, stored ? 'stored' : 'duplicate', worker, job.attempts],
        );
        count++;
      }
      await client.query('UPDATE workers SET processed = processed + $2 WHERE id = $1', [worker, count]);
      return count;
    });
  }

  /** A job failed: retried after a backoff, or parked in dead_letters once its attempts are spent. */
  async fail(worker: string, job: Job, error: string, policy: RetryPolicy): Promise<'retry' | 'dead'> {
    return this.store.transaction(async (client) => {
      await client.query('UPDATE workers SET failed = failed + 1 WHERE id = $1', [worker]);
      if (job.attempts >= policy.maxAttempts) {
        await client.query(
          `INSERT INTO dead_letters (id, origin, input, options, attempts, error)
           SELECT id, origin, input, options, attempts, $3 FROM queue WHERE id = $1 AND locked_by = $2`,
          [job.id, worker, error],
        );
        await client.query('DELETE FROM queue WHERE id = $1 AND locked_by = $2', [job.id, worker]);
        return 'dead';
      }
      const delay = policy.backoffMs * 2 ** (job.attempts - 1);
      await client.query(
        `UPDATE queue SET locked_by = NULL, locked_until = NULL, last_error = $3,
           run_after = now() + $4 * interval '1 millisecond'
         WHERE id = $1 AND locked_by = $2`,
        [job.id, worker, error, delay],
      );
      return 'retry';
    });
  }

  /** Says this worker is alive (and registers it the first time). */
  async heartbeat(worker: string, host: string, pid: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO workers (id, host, pid) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()`,
      [worker, host, pid],
    );
  }

  /** Jobs still in the queue: waiting, retrying or claimed. */
  async pending(): Promise<number> {
    return (await this.pool.query<{ n: number }>('SELECT count(*) AS n FROM queue')).rows[0]!.n;
  }

  async status(): Promise<QueueStatus> {
    const { rows } = await this.pool.query<Omit<QueueStatus, 'workers'>>(
      `SELECT
         (SELECT count(*) FROM queue WHERE run_after <= now() AND (locked_until IS NULL OR locked_until < now())) AS ready,
         (SELECT count(*) FROM queue WHERE run_after > now() AND locked_by IS NULL) AS retrying,
         (SELECT count(*) FROM queue WHERE locked_until >= now()) AS claimed,
         (SELECT count(*) FROM queue_done) AS done,
         (SELECT count(*) FROM queue_done WHERE finished_at > now() - interval '1 minute') / 60.0 AS "perSecond",
         (SELECT count(*) FROM dead_letters) AS "deadLetters"`,
    );
    const workers = await this.pool.query<QueueStatus['workers'][number]>(
      `SELECT id, host, pid, processed, failed, heartbeat_at > now() - $1 * interval '1 second' AS alive
       FROM workers ORDER BY started_at, id`,
      [ALIVE_SECONDS],
    );
    return { ...rows[0]!, perSecond: Math.round(rows[0]!.perSecond * 100) / 100, workers: workers.rows };
  }

  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    const { rows } = await this.pool.query<DeadLetter>(
      `SELECT id, origin, attempts, error, to_char(failed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "failedAt"
       FROM dead_letters ORDER BY id LIMIT $1`,
      [limit],
    );
    return rows;
  }

  /** Puts dead letters back in the queue with fresh attempts (all of them when `ids` is omitted). */
  async requeue(ids?: number[]): Promise<number> {
    return this.store.transaction(async (client) => {
      const where = ids ? 'WHERE id = ANY($1::bigint[])' : '';
      const moved = await client.query(
        `WITH gone AS (DELETE FROM dead_letters ${where} RETURNING id, origin, input, options)
         INSERT INTO queue (id, origin, input, options) SELECT id, origin, input, options FROM gone`,
        ids ? [ids] : [],
      );
      return moved.rowCount ?? 0;
    });
  }
}
