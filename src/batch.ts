/**
 * Batch ingest: inputs → articles → analyses → store, in one process, streaming, with analyses written
 * in batched transactions. A bad record is reported and skipped; what is stored stays stored.
 */
import { buildArticle, type ArticleOptions } from './ingest/article.js';
import { InputError } from './ingest/errors.js';
import { readInputs, type SourceOptions } from './ingest/sources.js';
import type { Analysis } from './model/schema.js';
import { analyzeArticle } from './pipeline.js';
import type { Store } from './store/store.js';
import { AnalysisPool } from './workers/pool.js';
import type { AnalysisJob, AnalysisResult } from './workers/protocol.js';

export interface IngestProgress {
  read: number;
  stored: number;
  duplicates: number;
  failed: number;
  events: number;
}

export interface IngestReport extends IngestProgress {
  errors: InputError[];
  seconds: number;
}

export interface IngestOptions extends ArticleOptions {
  /** How URLs and WARC files are read (fetch politeness and limits, record size cap). */
  sources?: SourceOptions;
  /** Analyses per transaction: larger batches write faster, smaller ones lose less to a crash. */
  batchSize?: number;
  /**
   * Analysis threads: 1 analyses in this thread; more start worker threads (one per core is best) while
   * this thread reads input and writes the store.
   */
  workers?: number;
  onProgress?: (progress: IngestProgress) => void;
  onError?: (error: InputError) => void;
}

/** Jobs in flight per worker: enough to keep every core busy, few enough to bound memory. */
const IN_FLIGHT_PER_WORKER = 32;
const WORKER_THRESHOLD = 100;

export async function ingest(
  targets: string[],
  store: Store,
  options: IngestOptions = {},
): Promise<IngestReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 200;
  const progress: IngestProgress = { read: 0, stored: 0, duplicates: 0, failed: 0, events: 0 };
  const errors: InputError[] = [];
  const seenInBatch = new Set<string>();
  let batch: Analysis[] = [];

  const fail = (error: InputError): void => {
    progress.failed++;
    errors.push(error);
    options.onError?.(error);
  };
  const flush = (): void => {
    if (batch.length === 0) return;
    const { inserted, duplicates } = store.putAnalyses(batch);
    progress.stored += inserted;
    progress.duplicates += duplicates;
    progress.events += batch.reduce((sum, analysis) => sum + analysis.events.length, 0);
    batch = [];
    seenInBatch.clear();
    options.onProgress?.({ ...progress });
  };

  const isKnown = (id: string): boolean => seenInBatch.has(id) || store.hasArticle(id);
  const accept = (analysis: Analysis): void => {
    seenInBatch.add(analysis.article.id);
    batch.push(analysis);
    if (batch.length >= batchSize) flush();
  };
  const collect = ({ analysis, error }: AnalysisResult): void => {
    if (error) fail(new InputError(error.origin, error.reason));
    else if (analysis) accept(analysis);
  };
  const workers = options.workers ?? 1;
  // Starting a worker costs about as much as analysing a hundred articles: small batches stay in this thread.
  let pool: AnalysisPool | undefined;
  const inFlight: Array<Promise<AnalysisResult>> = [];
  let seq = 0;

  try {
    for await (const result of readInputs(targets, options.sources)) {
      progress.read++;
      if (!result.ok) {
        fail(result.error);
        continue;
      }
      const { input, origin } = result.record;
      if (!pool && workers > 1 && progress.read > WORKER_THRESHOLD) pool = new AnalysisPool(workers);
      try {
        // HTML is extracted in the worker (it is worth a core); other input is built here, so that an
        // article already stored is recognised by its identity before any analysis is spent on it.
        const article = pool && input.html !== undefined ? undefined : buildArticle(input, origin, options);
        if (article && isKnown(article.id)) {
          progress.duplicates++;
          continue;
        }
        if (!pool) {
          accept(analyzeArticle(article!));
          continue;
        }
        if (article) seenInBatch.add(article.id);
        const job: AnalysisJob = article
          ? { seq: seq++, origin, article }
          : // Only the article options cross to the worker: callbacks cannot be cloned into a message.
            { seq: seq++, origin, input, options: { defaultDate: options.defaultDate } };
        inFlight.push(pool.submit(job));
        if (inFlight.length >= IN_FLIGHT_PER_WORKER * workers) {
          pool.flush();
          collect(await inFlight.shift()!);
        }
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        fail(error);
      }
    }
    pool?.flush();
    // Results are taken in submission order, so a run stores articles in the order it read them.
    while (inFlight.length > 0) collect(await inFlight.shift()!);
    flush();
  } finally {
    await pool?.close();
  }
  return { ...progress, errors, seconds: (performance.now() - started) / 1000 };
}
