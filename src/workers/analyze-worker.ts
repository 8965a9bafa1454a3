/**
 * A worker thread that analyses articles: the same pipeline as the main thread, run on another core.
 * Messages in: AnalysisJob; messages out: AnalysisResult with the same `seq`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useActorFiles } from '../actors/dictionary.js';
import { useThemeFiles } from '../analysis/themes.js';
import { usePatternFiles } from '../events/patterns.js';
import { buildArticle } from '../ingest/article.js';
import { InputError } from '../ingest/errors.js';
import { analyzeArticle } from '../pipeline.js';
import type { AnalysisJob, AnalysisResult, UserFiles } from './protocol.js';

function run(job: AnalysisJob): AnalysisResult {
  try {
    const article = job.article ?? buildArticle(job.input!, job.origin, job.options);
    return { seq: job.seq, analysis: analyzeArticle(article) };
  } catch (error) {
    if (error instanceof InputError)
      return { seq: job.seq, error: { origin: error.origin, reason: error.reason } };
    return {
      seq: job.seq,
      error: { origin: job.origin, reason: `internal error: ${(error as Error).message}` },
    };
  }
}

const userFiles = workerData as Partial<UserFiles> | null;
useActorFiles(userFiles?.actorFiles ?? []);
usePatternFiles(userFiles?.patternFiles ?? []);
useThemeFiles(userFiles?.themeFiles ?? []);

parentPort?.on('message', (jobs: AnalysisJob[]) => {
  parentPort!.postMessage(jobs.map(run));
});
