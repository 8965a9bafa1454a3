import { InvalidArgumentError, type Command } from 'commander';
import { InputError } from '../../ingest/errors.js';
import { parseDuration } from '../../ingest/feeds/duration.js';
import type { PollReport, StoredItem } from '../../ingest/feeds/watch.js';
import type { RawRecord } from '../../ingest/readers.js';
import type { StoryGrouper } from '../../stories.js';
import { openStore, type Store } from '../../store/index.js';
import { reportError, type CliContext } from '../context.js';
import { ALLOW_PRIVATE_OPTION, DB_OPTION, DELAY_OPTION, TIMEOUT_OPTION } from '../options.js';

/** Feeds polled at the same time (each host still gets one request at a time). */
const FEEDS_AT_ONCE = 4;

function parseEvery(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms < 1000)
    throw new InvalidArgumentError(
      `--every must be a duration of at least 1s, like 90s, 15m or 1h, not "${value}"`,
    );
  return ms;
}

/** Builds and stores one article (as a copy when it is a near-duplicate of a story already read). */
async function storeRecord(store: Store, stories: StoryGrouper, record: RawRecord): Promise<StoredItem> {
  const [{ buildArticle }, { storeArticle }] = await Promise.all([
    import('../../ingest/article.js'),
    import('../../batch.js'),
  ]);
  const article = buildArticle(record.input, record.origin);
  const outcome = await storeArticle(store, stories, article);
  return { outcome: outcome === 'duplicate' ? 'duplicate' : 'stored', articleId: article.id };
}

function describe(report: PollReport): string {
  if (report.error && report.stored + report.duplicates + report.failed === 0)
    return `${report.feed}: not read this round (will retry)`;
  const items = report.stored + report.duplicates + report.failed;
  const head = report.unchanged && items === 0 ? 'unchanged' : `${report.newItems} new items`;
  const tail =
    items === 0
      ? ''
      : `, ${report.stored} stored, ${report.duplicates} already stored, ${report.failed} failed` +
        (report.gaveUp > 0 ? ` (${report.gaveUp} given up)` : '');
  return `${report.feed}: ${head}${tail}`;
}

async function mapLimit<T, R>(values: T[], limit: number, task: (value: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(values.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < values.length) {
      const index = next++;
      results[index] = await task(values[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return results;
}

interface WatchOptions {
  db: string;
  every: number;
  once?: boolean;
  delay: number;
  timeout: number;
  allowPrivate?: boolean;
}

export function registerWatch(program: Command, context: CliContext): void {
  program
    .command('watch')
    .description(
      'poll feeds and store their new articles (politely: robots.txt, one request per host at a time)',
    )
    .argument('<feeds...>', 'RSS, Atom or JSON Feed URLs')
    .option(...DB_OPTION)
    .option('--every <duration>', 'time between rounds, like 90s, 15m or 1h', parseEvery, 15 * 60_000)
    .option('--once', 'poll every feed once, then exit')
    .option(...DELAY_OPTION)
    .option(...TIMEOUT_OPTION)
    .option(...ALLOW_PRIVATE_OPTION)
    .addHelpText(
      'after',
      '\nExample:\n  $ parley watch https://example.org/rss.xml --every 15m --db news.db\n  $ parley watch https://example.org/atom.xml --once',
    )
    .action(async (feeds: string[], options: WatchOptions) => {
      // Fetching and feed parsing load only when watching: other commands start without them.
      const [{ pollFeed }, { FeedState }, { FetchClient }, { StoryGrouper }] = await Promise.all([
        import('../../ingest/feeds/watch.js'),
        import('../../ingest/feeds/state.js'),
        import('../../ingest/fetch/fetch.js'),
        import('../../stories.js'),
      ]);
      const store = await openStore(options.db);
      const stories = await StoryGrouper.open(store);
      const state = new FeedState(options.db);
      const client = new FetchClient();
      const stopper = new AbortController();
      const stop = (): void => stopper.abort();
      if (!options.once) {
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }
      try {
        for (let round = 1; ; round++) {
          const reports = await mapLimit(feeds, FEEDS_AT_ONCE, (feed) =>
            pollFeed(feed, {
              state,
              store: (record) => storeRecord(store, stories, record),
              client,
              minDelayMs: options.delay,
              timeoutMs: options.timeout * 1000,
              allowPrivate: options.allowPrivate ?? false,
              signal: stopper.signal,
              onError: (error) => reportError(context, error),
            }).catch((error: unknown) => {
              // Whatever breaks one feed (a store error, an abort) must not stop the others.
              if (stopper.signal.aborted) return undefined;
              reportError(context, error instanceof Error ? error : new Error(String(error)));
              return undefined;
            }),
          );
          for (const report of reports) if (report) context.stdout.write(`${describe(report)}\n`);
          if (options.once || stopper.signal.aborted) break;
          context.stdout.write(
            `round ${round} done; next at ${new Date(Date.now() + options.every).toISOString()} (Ctrl-C stops)\n`,
          );
          try {
            await new Promise<void>((resolve, reject) => {
              const timer = setTimeout(resolve, options.every);
              stopper.signal.addEventListener(
                'abort',
                () => {
                  clearTimeout(timer);
                  reject(new InputError('watch', 'stopped'));
                },
                { once: true },
              );
            });
          } catch {
            break;
          }
        }
      } finally {
        process.removeListener('SIGINT', stop);
        process.removeListener('SIGTERM', stop);
        state.close();
        await store.close();
      }
    });
}
