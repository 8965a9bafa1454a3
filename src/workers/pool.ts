/**
 * A pool of analysis workers. Jobs go out in small chunks (fewer messages), each to the worker with the
 * least work outstanding, and results come back as promises; the caller keeps order and bounds what is in
 * flight. Handing chunks out as workers free up, rather than in turn, keeps a worker that drew slower
 * articles from holding up the other: in turn, the faster one sat idle a quarter of a run.
 */
import { Worker } from 'node:worker_threads';
import { actorFiles } from '../actors/dictionary.js';
import { themeFiles } from '../analysis/themes.js';
import { patternFiles } from '../events/patterns.js';
import type { AnalysisJob, AnalysisResult, UserFiles } from './protocol.js';

const CHUNK = 8;
/**
 * A worker's old-generation heap limit. Its live set is about 150 MB of heap (models, dictionaries,
 * bounded caches; measured after forced collections over 3,000 articles) plus 70 MB of typed arrays
 * outside it, and does not grow with the corpus; but V8 lets a heap swell to several times its live set
 * of garbage (about 900 MB unbounded, 2 GB for a 10,000-article run). 512 MB makes it collect sooner
 * while leaving room for a hostile article (a 100,000-token run-on text needs about 200 MB more).
 */
const WORKER_HEAP_MB = 512;
/** Jobs a worker may hold at once: the chunk it analyses and the next, so it never waits for this thread. */
const AHEAD = 2 * CHUNK;

interface Pending {
  resolve: (result: AnalysisResult) => void;
  reject: (error: Error) => void;
}

export class AnalysisPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  /** Jobs not yet sent, in submission order. */
  private readonly waiting: AnalysisJob[] = [];
  /** Jobs sent to each worker and not yet answered. */
  private readonly outstanding: number[];
  private failure: Error | undefined;

  constructor(size: number) {
    const script = new URL('./analyze-worker.js', import.meta.url);
    // Workers load their own dictionaries: they must see the user's files too (--actors, --verbs, --themes).
    const workerData: UserFiles = {
      actorFiles: actorFiles(),
      patternFiles: patternFiles(),
      themeFiles: themeFiles(),
    };
    this.workers = Array.from(
      { length: size },
      () => new Worker(script, { workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }),
    );
    this.outstanding = this.workers.map(() => 0);
    this.workers.forEach((worker, index) => {
      worker.on('message', (results: AnalysisResult[]) => {
        this.outstanding[index]! -= results.length;
        for (const result of results) {
          this.pending.get(result.seq)?.resolve(result);
          this.pending.delete(result.seq);
        }
        // A worker that frees up takes what is waiting, a part chunk too: it must not idle while jobs wait.
        this.dispatch(true);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`an analysis worker stopped with exit code ${code}`));
      });
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  /** Queues a job; call flush() to send what is queued (submit sends full chunks as workers have room). */
  submit(job: AnalysisJob): Promise<AnalysisResult> {
    if (this.failure) return Promise.reject(this.failure);
    const promise = new Promise<AnalysisResult>((resolve, reject) =>
      this.pending.set(job.seq, { resolve, reject }),
    );
    this.waiting.push(job);
    this.dispatch(false);
    return promise;
  }

  /** Sends waiting jobs, in chunks, to the least busy workers that have room; part chunks when `partial`. */
  private dispatch(partial: boolean): void {
    while (this.waiting.length >= (partial ? 1 : CHUNK)) {
      const index = this.leastBusy();
      if (this.outstanding[index]! >= AHEAD) return;
      const chunk = this.waiting.splice(0, CHUNK);
      this.outstanding[index]! += chunk.length;
      this.workers[index]!.postMessage(chunk);
    }
  }

  private leastBusy(): number {
    let best = 0;
    for (let i = 1; i < this.outstanding.length; i++)
      if (this.outstanding[i]! < this.outstanding[best]!) best = i;
    return best;
  }

  flush(): void {
    this.dispatch(true);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
