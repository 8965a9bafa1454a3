import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { ingest } from '../../batch.js';
import { enqueue } from '../../queue-worker.js';
import { openStore, redactAddress } from '../../store/index.js';
import { DEFAULT_DB, reportError, type CliContext } from '../context.js';
import { ingestProgress } from '../progress.js';
import { openQueueStore } from './queue.js';

export function registerIngest(program: Command, context: CliContext): void {
  program
    .command('ingest')
    .description('analyse articles and store them with their analyses (each article once)')
    .argument('<inputs...>', 'files, folders, globs, or - for stdin')
    .option('--db <file>', 'SQLite database file or postgres:// URL', DEFAULT_DB)
    .option('--date <YYYY-MM-DD>', 'publication date for inputs that have none')
    .option('--batch-size <n>', 'analyses per transaction', (value) => Number.parseInt(value, 10), 200)
    .option(
      '--workers <n>',
      'analysis threads (default: one per core)',
      (value) => Number.parseInt(value, 10),
      availableParallelism(),
    )
    .option('--queue', 'put the articles in the PostgreSQL work queue for `parley worker`, not analyse here')
    .addHelpText(
      'after',
      '\nExample:\n  $ parley ingest data/sample --db parley.db\n  $ parley ingest "news/**/*.jsonl.gz"',
    )
    .action(
      async (
        inputs: string[],
        options: { db: string; date?: string; batchSize: number; workers: number; queue?: boolean },
      ) => {
        if (options.queue) return enqueueInputs(inputs, options, context);
        const store = await openStore(options.db);
        const progress = ingestProgress();
        try {
          const report = await ingest(inputs, store, {
            defaultDate: options.date,
            batchSize: options.batchSize,
            workers: Math.max(1, options.workers || 1),
            onProgress: (state) => progress.update(state),
            onError: (error) => {
              progress.stop();
              reportError(context, error);
            },
          });
          progress.stop();
          const rate = Math.round((report.stored + report.duplicates) / Math.max(report.seconds, 0.001));
          context.stdout.write(
            `ingested ${report.stored} new articles (${report.duplicates} already stored, ${report.failed} failed), ` +
              `${report.events} events, into ${redactAddress(options.db)} in ${report.seconds.toFixed(1)} s (${rate} articles/s)\n`,
          );
        } finally {
          progress.stop();
          await store.close();
        }
      },
    );
}

async function enqueueInputs(inputs: string[], options: { db: string; date?: string }, context: CliContext) {
  const store = await openQueueStore(options.db);
  try {
    const report = await enqueue(inputs, store, {
      defaultDate: options.date,
      onError: (error) => reportError(context, error),
    });
    context.stdout.write(
      `queued ${report.enqueued} articles (${report.failed} unreadable) for parley worker; parley status shows progress\n`,
    );
  } finally {
    await store.close();
  }
}
