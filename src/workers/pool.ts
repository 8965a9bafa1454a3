/**
 * A pool of analysis workers. Jobs go out in small chunks (fewer messages), results come back as
 * promises; the caller keeps order and bounds what is in flight.
 */
import { Worker } from 'node:worker_threads';
import { actorFiles } from '../actors/dictionary.js';
import { themeFiles } from '../analysis/themes.js';
import { patternFiles } from '../events/patterns.js';
import type { AnalysisJob, AnalysisResult, UserFiles } from './protocol.js';

const CHUNK = 8;

interface Pending {
  resolve: (result: AnalysisResult) => void;
  reject: (error: Error) => void;
}

export class AnalysisPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private readonly queued: AnalysisJob[][];
  private next = 0;
  private failure: Error | undefined;

  constructor(size: number) {
    const script = new URL('./analyze-worker.js', import.meta.url);
    // Workers load their own dictionaries: they must see the user's files too (--actors, --verbs, --themes).
    const workerData: UserFiles = {
      actorFiles: actorFiles(),
      patternFiles: patternFiles(),
      themeFiles: themeFiles(),
    };
    this.workers = Array.from({ length: size }, () => new Worker(script, { workerData }));
    this.queued = this.workers.map(() => []);
    for (const worker of this.workers) {
      worker.on('message', (results: AnalysisResult[]) => {
        for (const result of results) {
          this.pending.get(result.seq)?.resolve(result);
          this.pending.delete(result.seq);
        }
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`an analysis worker stopped with exit code ${code}`));
      });
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  /** Queues a job; call flush() to send what is queued (submit does when a chunk is full). */
  submit(job: AnalysisJob): Promise<AnalysisResult> {
    if (this.failure) return Promise.reject(this.failure);
    const index = this.next++ % this.workers.length;
    const promise = new Promise<AnalysisResult>((resolve, reject) =>
      this.pending.set(job.seq, { resolve, reject }),
    );
    const queue = this.queued[index]!;
    queue.push(job);
    if (queue.length >= CHUNK) this.send(index);
    return promise;
  }

  private send(index: number): void {
    const queue = this.queued[index]!;
    if (queue.length === 0) return;
    this.workers[index]!.postMessage(queue.splice(0));
  }

  flush(): void {
    this.workers.forEach((_, index) => this.send(index));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
