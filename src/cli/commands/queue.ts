/** The distributed commands: `parley worker`, `parley status`, `parley requeue` (PostgreSQL only). */
import { InvalidArgumentError, type Command } from 'commander';
import type { PostgresStore } from '../../store/postgres.js';
import { PgQueue } from '../../store/queue.js';
import { isStoreUrl, redactAddress } from '../../store/index.js';
import { reportError, type CliContext } from '../context.js';
import { DB_OPTION } from '../options.js';

/** The queue lives in PostgreSQL: a SQLite file has no workers to share it with. */
export async function openQueueStore(db: string): Promise<PostgresStore> {
  if (!isStoreUrl(db))
    throw new Error(`${db}: the work queue needs a PostgreSQL database (--db postgres://… or PARLEY_DB)`);
  // pg and the queue load only for these commands, not with every CLI start.
  const { openPostgresStore } = await import('../../store/postgres.js');
  try {
    return await openPostgresStore(db);
  } catch (error) {
    throw new Error(`${redactAddress(db)}: ${(error as Error).message}`, { cause: error });
  }
}

const positive = (name: string) => (value: string) => {
  const n = Number(value);
  if (!(n > 0)) throw new InvalidArgumentError(`${name} must be a positive number, not "${value}"`);
  return n;
};

export function registerQueue(program: Command, context: CliContext): void {
  program
    .command('worker')
    .description('take articles from the PostgreSQL work queue, analyse them and store the results')
    .option(...DB_OPTION)
    .option('--batch <n>', 'jobs claimed at a time', positive('--batch'), 20)
    .option(
      '--lease <seconds>',
      'how long a claim lasts before another worker may take it',
      positive('--lease'),
      60,
    )
    .option(
      '--max-attempts <n>',
      'attempts before a job is parked as a dead letter',
      positive('--max-attempts'),
      5,
    )
    .option('--backoff <seconds>', 'wait before the first retry, doubled each time', positive('--backoff'), 1)
    .option('--drain', 'stop once the queue is empty')
    .addHelpText('after', '\nExample:\n  $ parley worker --db postgres://parley@db.example.org/parley')
    .action(
      async (options: {
        db: string;
        batch: number;
        lease: number;
        maxAttempts: number;
        backoff: number;
        drain?: boolean;
      }) => {
        const { runWorker } = await import('../../queue-worker.js');
        const store = await openQueueStore(options.db);
        const stopper = new AbortController();
        const stop = (): void => stopper.abort();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        try {
          const progress = await runWorker(store, {
            batchSize: Math.floor(options.batch),
            leaseMs: options.lease * 1000,
            maxAttempts: Math.floor(options.maxAttempts),
            backoffMs: options.backoff * 1000,
            drain: options.drain ?? false,
            signal: stopper.signal,
            onFailure: (job, error, outcome) =>
              context.stderr.write(
                `parley: ${job.origin}: ${error} (attempt ${job.attempts}; ${outcome === 'dead' ? 'parked as a dead letter' : 'will retry'})\n`,
              ),
          });
          context.stdout.write(
            `worker ${progress.worker}: ${progress.processed} articles done, ${progress.failed} failures\n`,
          );
        } finally {
          process.removeListener('SIGINT', stop);
          process.removeListener('SIGTERM', stop);
          await store.close();
        }
      },
    );

  program
    .command('status')
    .description('the work queue: depth, throughput, failures, dead letters and the workers alive')
    .option(...DB_OPTION)
    .option('--dead', 'list the dead letters with their errors')
    .option('--json', 'print the status as JSON')
    .action(async (options: { db: string; dead?: boolean; json?: boolean }) => {
      const store = await openQueueStore(options.db);
      try {
        const queue = new PgQueue(store);
        const status = await queue.status();
        const dead = options.dead ? await queue.deadLetters() : [];
        if (options.json)
          return void context.stdout.write(`${JSON.stringify({ ...status, dead }, null, 2)}\n`);
        const alive = status.workers.filter((worker) => worker.alive);
        const lines = [
          `queue: ${status.ready} ready, ${status.retrying} waiting to retry, ${status.claimed} being analysed`,
          `done: ${status.done} (${status.perSecond} articles/s over the last minute)`,
          `dead letters: ${status.deadLetters}${status.deadLetters > 0 && !options.dead ? ' (parley status --dead lists them; parley requeue puts them back)' : ''}`,
          `workers alive: ${alive.length} of ${status.workers.length}`,
          ...alive.map((w) => `  ${w.id}: ${w.processed} done, ${w.failed} failures`),
          ...dead.map(
            (letter) =>
              `dead ${letter.id} after ${letter.attempts} attempts, ${letter.failedAt}: ${letter.error}`,
          ),
        ];
        context.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await store.close();
      }
    });

  program
    .command('requeue')
    .description('put dead letters back in the work queue (all of them, or those named)')
    .argument('[ids...]', 'dead-letter ids (parley status --dead)')
    .option(...DB_OPTION)
    .action(async (ids: string[], options: { db: string }) => {
      const numbers = ids.map((id) => {
        if (!/^\d+$/.test(id)) throw new InvalidArgumentError(`"${id}" is not a dead-letter id`);
        return Number(id);
      });
      const store = await openQueueStore(options.db);
      try {
        const moved = await new PgQueue(store).requeue(numbers.length > 0 ? numbers : undefined);
        if (numbers.length > moved)
          reportError(context, new Error(`${numbers.length - moved} of the ids named are not dead letters`));
        context.stdout.write(`requeued ${moved} jobs\n`);
      } finally {
        await store.close();
      }
    });
}
