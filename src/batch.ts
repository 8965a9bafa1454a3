/**
 * Batch ingest: inputs → articles → analyses → store, in one process, streaming, with analyses written
 * in batched transactions. A bad record is reported and skipped; what is stored stays stored.
 */
import { buildArticle, type ArticleOptions } from './ingest/article.js';
import { InputError } from './ingest/errors.js';
import { readInputs } from './ingest/sources.js';
import type { Analysis } from './model/schema.js';
import { analyzeArticle } from './pipeline.js';
import type { Store } from './store/store.js';

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
  /** Analyses per transaction: larger batches write faster, smaller ones lose less to a crash. */
  batchSize?: number;
  onProgress?: (progress: IngestProgress) => void;
  onError?: (error: InputError) => void;
}

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

  for await (const result of readInputs(targets)) {
    progress.read++;
    if (!result.ok) {
      fail(result.error);
      continue;
    }
    try {
      const article = buildArticle(result.record.input, result.record.origin, options);
      // Identity is known before analysis, so a stored article costs nothing to see again.
      if (seenInBatch.has(article.id) || store.hasArticle(article.id)) {
        progress.duplicates++;
        continue;
      }
      seenInBatch.add(article.id);
      batch.push(analyzeArticle(article));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      fail(error);
    }
    if (batch.length >= batchSize) flush();
  }
  flush();
  return { ...progress, errors, seconds: (performance.now() - started) / 1000 };
}
