/**
 * Distributed ingest: `enqueue` reads inputs into the PostgreSQL work queue instead of analysing them;
 * `runWorker` (one per core, on any number of machines) claims jobs, analyses their articles and stores
 * the results, at least once with idempotent writes (store/queue.ts says how).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildArticle, type ArticleOptions } from './ingest/article.js';
import type { InputError } from './ingest/errors.js';
import type { RawRecord } from './ingest/readers.js';
import { readInputs } from './ingest/sources.js';
import type { Analysis } from './model/schema.js';
import { analyzeArticle } from './pipeline.js';
import type { PostgresStore } from './store/postgres.js';
import { PgQueue, type Job, type RetryPolicy } from './store/queue.js';

export interface EnqueueReport {
  read: number;
  enqueued: number;
  failed: number;
}

const ENQUEUE_BATCH = 500;

/** Reads inputs and puts one job per record in the queue; an unreadable input is reported and skipped. */
export async function enqueue(
  targets: string[],
  store: PostgresStore,
  options: ArticleOptions & { onError?: (error: InputError) => void } = {},
): Promise<EnqueueReport> {
  const queue = new PgQueue(store);
  const report: EnqueueReport = { read: 0, enqueued: 0, failed: 0 };
  const jobs: RawRecord[] = [];
  const flush = async (): Promise<void> => {
    await queue.enqueue(jobs.splice(0), { defaultDate: options.defaultDate });
  };
  for await (const result of readInputs(targets)) {
    report.read++;
    if (!result.ok) {
      report.failed++;
      options.onError?.(result.error);
      continue;
    }
    jobs.push(result.record);
    report.enqueued++;
    if (jobs.length >= ENQUEUE_BATCH) await flush();
  }
  await flush();
  return report;
}

export interface WorkerOptions extends Partial<RetryPolicy> {
  /** Jobs claimed at a time: more writes fewer transactions, fewer loses less time to a crash. */
  batchSize?: number;
  /** How long a claim lasts before another worker may take the job over. */
  leaseMs?: number;
  /** Pause when the queue has nothing ready. */
  idleMs?: number;
  /** Stop once the queue is empty, instead of waiting for more work. */
  drain?: boolean;
  signal?: AbortSignal;
  onBatch?: (progress: WorkerProgress) => void;
  onFailure?: (job: Job, error: string, outcome: 'retry' | 'dead') => void;
}

export interface WorkerProgress {
  worker: string;
  processed: number;
  failed: number;
}

/** Analyses one job's article; the error of a job that cannot be analysed is its message. */
function analyseJob(job: Job): { analysis: Analysis } | { error: string } {
  try {
    return { analysis: analyzeArticle(buildArticle(job.input, job.origin, job.options)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A queue worker does not group near-duplicates (src/stories.ts), on purpose: grouping is sound only
 * when articles are placed one after another against every signature already placed, and workers place
 * in parallel. A StoryGrouper in each worker knows only what was committed when it last read the
 * signatures, so two copies of one story claimed by two workers at once would each find no story and
 * both be stored as stories, and which copy "wins" would depend on timing. Sound grouping needs the
 * placement itself serialised in the database (an advisory lock around complete(), each worker catching
 * up on signatures by their seq inside that lock, and every other signature writer taking the same lock),
 * which is not built yet; until then workers store every article's analysis, as README.md says.
 */
export async function runWorker(store: PostgresStore, options: WorkerOptions = {}): Promise<WorkerProgress> {
  const queue = new PgQueue(store);
  const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const policy: RetryPolicy = { maxAttempts: options.maxAttempts ?? 5, backoffMs: options.backoffMs ?? 1000 };
  const progress: WorkerProgress = { worker, processed: 0, failed: 0 };
  const idleMs = options.idleMs ?? 1000;
  while (!options.signal?.aborted) {
    await queue.heartbeat(worker, hostname(), process.pid);
    const jobs = await queue.claim(worker, options.batchSize ?? 20, options.leaseMs ?? 60_000);
    if (jobs.length === 0) {
      if (options.drain && (await queue.pending()) === 0) break;
      await sleep(idleMs, undefined, { signal: options.signal }).catch(() => undefined);
      continue;
    }
    const finished: Array<{ job: Job; analysis: Analysis }> = [];
    for (const job of jobs) {
      const result = analyseJob(job);
      if ('analysis' in result) {
        finished.push({ job, analysis: result.analysis });
        continue;
      }
      progress.failed++;
      const outcome = await queue.fail(worker, job, `${job.origin}: ${result.error}`, policy);
      options.onFailure?.(job, result.error, outcome);
    }
    progress.processed += await queue.complete(worker, finished);
    options.onBatch?.({ ...progress });
  }
  return progress;
}
