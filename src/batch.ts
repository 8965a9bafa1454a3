/**
 * Batch ingest: inputs → articles → analyses → store, in one process, streaming, with analyses written
 * in batched transactions. A bad record is reported and skipped; what is stored stays stored.
 */
import { buildArticle, type ArticleOptions } from './ingest/article.js';
import { InputError } from './ingest/errors.js';
import { readInputs, type SourceOptions } from './ingest/sources.js';
import type { Analysis, Article } from './model/schema.js';
import { analyzeArticle } from './pipeline.js';
import type { Store, StoryWrites } from './store/store.js';
import { StoryGrouper } from './stories.js';
import { AnalysisPool } from './workers/pool.js';
import type { AnalysisJob, AnalysisResult } from './workers/protocol.js';

export interface IngestProgress {
  read: number;
  stored: number;
  duplicates: number;
  /** Near-duplicates of a story already read: stored as its copies, not analysed again. */
  copies: number;
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
  const progress: IngestProgress = { read: 0, stored: 0, duplicates: 0, copies: 0, failed: 0, events: 0 };
  const errors: InputError[] = [];
  const seenInBatch = new Set<string>();
  const stories = await StoryGrouper.open(store);
  let batch: Analysis[] = [];
  let writes: Required<StoryWrites> = { copies: [], signatures: [] };

  const fail = (error: InputError): void => {
    progress.failed++;
    errors.push(error);
    options.onError?.(error);
  };
  const flush = async (): Promise<void> => {
    if (batch.length === 0 && writes.copies.length === 0) return;
    const { inserted, duplicates, copies } = await store.putAnalyses(batch, writes);
    progress.stored += inserted;
    progress.duplicates += duplicates + (writes.copies.length - (copies ?? 0));
    progress.copies += copies ?? 0;
    progress.events += batch.reduce((sum, analysis) => sum + analysis.events.length, 0);
    batch = [];
    writes = { copies: [], signatures: [] };
    seenInBatch.clear();
    options.onProgress?.({ ...progress });
  };

  const isKnown = async (id: string): Promise<boolean> => seenInBatch.has(id) || (await store.hasArticle(id));
  const flushWhenFull = async (): Promise<void> => {
    if (batch.length + writes.copies.length >= batchSize) await flush();
  };
  /** Places an article in its story: true when it is a copy of one already read (then queued as such). */
  const isCopy = async (article: Article): Promise<boolean> => {
    seenInBatch.add(article.id);
    const { copy, signature } = stories.place(article);
    if (signature) writes.signatures.push(signature);
    if (!copy) return false;
    writes.copies.push(copy);
    await flushWhenFull();
    return true;
  };
  const accept = async (analysis: Analysis): Promise<void> => {
    batch.push(analysis);
    await flushWhenFull();
  };
  const collect = async ({ analysis, error }: AnalysisResult): Promise<void> => {
    if (error) fail(new InputError(error.origin, error.reason));
    // Built in a worker: its story is known only now, and a copy's analysis is dropped.
    else if (analysis && !(await isCopy(analysis.article))) await accept(analysis);
  };
  const workers = options.workers ?? 1;
  // Starting a worker costs about as much as analysing a hundred articles: small inputs stay in this thread.
  let pool: AnalysisPool | undefined;
  const inFlight: Array<Promise<AnalysisResult>> = [];
  // Articles read before the input proved worth the workers: held, not analysed here, so that a large run
  // never loads the models into this thread too (a third copy of them, and the cores' time to load it).
  const early: Array<{ article: Article; origin: string }> = [];
  let seq = 0;

  const submit = async (job: AnalysisJob): Promise<void> => {
    inFlight.push(pool!.submit(job));
    if (inFlight.length >= IN_FLIGHT_PER_WORKER * workers) {
      pool!.flush();
      await collect(await inFlight.shift()!);
    }
  };
  /** Analysed here, and only when it is the first article of its story. */
  const analyseHere = async (article: Article): Promise<void> => {
    if (!(await isCopy(article))) await accept(analyzeArticle(article));
  };

  try {
    for await (const result of readInputs(targets, options.sources)) {
      progress.read++;
      if (!result.ok) {
        fail(result.error);
        continue;
      }
      const { input, origin } = result.record;
      if (!pool && workers > 1 && progress.read > WORKER_THRESHOLD) {
        pool = new AnalysisPool(workers);
        for (const held of early.splice(0)) await submit({ seq: seq++, ...held });
      }
      try {
        // HTML is extracted in the worker (it is worth a core); other input is built here, so that an
        // article already stored is recognised by its identity before any analysis is spent on it.
        const article = pool && input.html !== undefined ? undefined : buildArticle(input, origin, options);
        if (article && (await isKnown(article.id))) {
          progress.duplicates++;
          continue;
        }
        if (article) seenInBatch.add(article.id);
        if (!pool && workers > 1) early.push({ article: article!, origin });
        else if (!pool) await analyseHere(article!);
        else
          await submit(
            article
              ? { seq: seq++, origin, article }
              : // Only the article options cross to the worker: callbacks cannot be cloned into a message.
                { seq: seq++, origin, input, options: { defaultDate: options.defaultDate } },
          );
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        fail(error);
      }
    }
    // The input ended before it was worth starting workers.
    for (const { article } of early.splice(0)) await analyseHere(article);
    pool?.flush();
    // Results are taken in submission order, so a run stores articles in the order it read them.
    while (inFlight.length > 0) await collect(await inFlight.shift()!);
    await flush();
  } finally {
    await pool?.close();
  }
  return { ...progress, errors, seconds: (performance.now() - started) / 1000 };
}

/** What became of one article: its analysis stored, stored as a copy of its story, or already stored. */
export type StoreOutcome = 'stored' | 'copy' | 'duplicate';

/**
 * Stores one article at once (a watched feed's item, an article posted to the API): nothing when its identity is stored, a copy when it
 * is a near-duplicate of a story already read, otherwise its analysis.
 */
export async function storeArticle(
  store: Store,
  stories: StoryGrouper,
  article: Article,
): Promise<StoreOutcome> {
  if (await store.hasArticle(article.id)) return 'duplicate';
  const { copy, signature } = stories.place(article);
  const writes = { copies: copy ? [copy] : [], signatures: signature ? [signature] : [] };
  const { inserted, copies } = await store.putAnalyses(copy ? [] : [analyzeArticle(article)], writes);
  if (copy) return copies ? 'copy' : 'duplicate';
  return inserted > 0 ? 'stored' : 'duplicate';
}
