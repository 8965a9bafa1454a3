import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { openStore, redactAddress } from '../../store/index.js';
import { DEFAULT_DB, reportError, type CliContext } from '../context.js';
import { ALLOW_PRIVATE_OPTION, DELAY_OPTION, TIMEOUT_OPTION } from '../options.js';

export function registerIngest(program: Command, context: CliContext): void {
  program
    .command('ingest')
    .description('analyse articles and store them with their analyses (each article once)')
    .argument('<inputs...>', 'files (also .warc, .warc.gz), folders, globs, - for stdin, or feed/page URLs')
    .option('--db <file>', 'SQLite database file or postgres:// URL', DEFAULT_DB)
    .option('--date <YYYY-MM-DD>', 'publication date for inputs that have none')
    .option('--batch-size <n>', 'analyses per transaction', (value) => Number.parseInt(value, 10), 200)
    .option(
      '--workers <n>',
      'analysis threads (default: one per core)',
      (value) => Number.parseInt(value, 10),
      availableParallelism(),
    )
    .option(...DELAY_OPTION)
    .option(...TIMEOUT_OPTION)
    .option(...ALLOW_PRIVATE_OPTION)
    .option('--queue', 'put the articles in the PostgreSQL work queue for `parley worker`, not analyse here')
    .addHelpText(
      'after',
      '\nExample:\n  $ parley ingest data/sample --db parley.db\n  $ parley ingest "news/**/*.jsonl.gz"\n  $ parley ingest https://example.org/rss.xml crawl.warc.gz',
    )
    .action(
      async (
        inputs: string[],
        options: {
          db: string;
          date?: string;
          batchSize: number;
          workers: number;
          delay: number;
          timeout: number;
          allowPrivate?: boolean;
          queue?: boolean;
        },
      ) => {
        if (options.queue) return enqueueInputs(inputs, options, context);
        // The pipeline loads with the command that runs it, not with every command.
        const [{ ingest }, { ingestProgress }] = await Promise.all([
          import('../../batch.js'),
          import('../progress.js'),
        ]);
        const store = await openStore(options.db);
        const progress = ingestProgress();
        try {
          const report = await ingest(inputs, store, {
            defaultDate: options.date,
            batchSize: options.batchSize,
            workers: Math.max(1, options.workers || 1),
            sources: {
              fetch: {
                minDelayMs: options.delay,
                timeoutMs: options.timeout * 1000,
                allowPrivate: options.allowPrivate ?? false,
              },
            },
            onProgress: (state) => progress.update(state),
            onError: (error) => {
              progress.stop();
              reportError(context, error);
            },
          });
          progress.stop();
          const rate = Math.round(
            (report.stored + report.duplicates + report.copies) / Math.max(report.seconds, 0.001),
          );
          context.stdout.write(
            `ingested ${report.stored} new articles (${report.duplicates} already stored, ${report.failed} failed), ` +
              (report.copies > 0
                ? `${report.copies} near-duplicate copies grouped into their stories, `
                : '') +
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
  const [{ openQueueStore }, { enqueue }] = await Promise.all([
    import('./queue.js'),
    import('../../queue-worker.js'),
  ]);
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
