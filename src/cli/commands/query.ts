/** Read-only commands over a stored database: search, events, show, summary. */
import { InvalidArgumentError, type Command } from 'commander';
import { cameoCodes } from '../../events/ontology.js';
import { redactAddress, type EventFilter } from '../../store/index.js';
import type { CliContext } from '../context.js';
import { DB_OPTION, parseLimit, SINCE_OPTION, UNTIL_OPTION, withStore } from '../options.js';
import { formatRows, type OutputFormat } from '../format.js';
import { formatArticle } from '../show.js';
import { isAnalysedLanguage } from '../../ingest/language.js';

const FORMATS = ['table', 'json', 'csv'];
function parseFormat(value: string): OutputFormat {
  if (!FORMATS.includes(value))
    throw new InvalidArgumentError(`--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
  return value as OutputFormat;
}

export function registerQueries(program: Command, context: CliContext): void {
  program
    .command('search')
    .description('full-text search over stored articles, best matches first, with snippets')
    .argument('<query>', 'words to look for (all must appear)')
    .option(...DB_OPTION)
    .option('--limit <n>', 'number of results', parseLimit, 10)
    .option('--format <format>', 'table, json or csv', parseFormat, 'table')
    .addHelpText('after', '\nExample:\n  $ parley search "export controls" --limit 5')
    .action(async (query: string, options: { db: string; limit: number; format: OutputFormat }) => {
      const hits = await withStore(options.db, (store) => store.search(query, options.limit));
      const rows = hits.map((hit) => ({
        id: hit.id,
        date: hit.published?.slice(0, 10),
        title: hit.title,
        snippet: hit.snippet,
      }));
      context.stdout.write(`${formatRows(rows, ['id', 'date', 'title', 'snippet'], options.format)}\n`);
    });

  program
    .command('events')
    .description('list stored events, newest first, filtered by actors, CAMEO code and dates')
    .option(...DB_OPTION)
    .option('--actor <code>', 'either side: a country (USA) or actor code (USAGOV)')
    .option('--source <code>', 'the source side: a country or actor code')
    .option('--target <code>', 'the target side: a country or actor code')
    .option('--code <cameo>', 'CAMEO event code or prefix (04 = every consult event)')
    .option(...SINCE_OPTION)
    .option(...UNTIL_OPTION)
    .option('--limit <n>', 'number of events', parseLimit, 50)
    .option('--format <format>', 'table, json or csv', parseFormat, 'table')
    .addHelpText(
      'after',
      '\nExample:\n  $ parley events --source USA --target CHN --code 04 --since 2023-01-01 --format csv',
    )
    .action(async (options: EventFilter & { db: string; format: OutputFormat }) => {
      const { actor, source, target, code, since, limit } = options;
      const events = await withStore(options.db, (store) =>
        store.events({ actor, source, target, code, since, until: options.until, limit }),
      );
      const names = cameoCodes();
      const rows = events.map((event) => ({
        date: event.date,
        source: event.sourceCode,
        code: event.code,
        event: names.get(event.code)?.name,
        target: event.targetCode,
        goldstein: event.goldstein,
        negated: event.negated ? 'yes' : '',
        evidence: event.evidence,
        article: event.articleId,
      }));
      const columns = [
        'date',
        'source',
        'code',
        'event',
        'target',
        'goldstein',
        'negated',
        'evidence',
        'article',
      ];
      context.stdout.write(`${formatRows(rows, columns, options.format)}\n`);
    });

  program
    .command('show')
    .description('print one stored article with its analysis, readable on a terminal')
    .argument('<id>', 'article id (a unique prefix is enough)')
    .option(...DB_OPTION)
    .option('--json', 'print the stored analysis as JSON instead')
    .addHelpText('after', '\nExample:\n  $ parley show 3f2a9c')
    .action(async (id: string, options: { db: string; json?: boolean }) => {
      const found = await withStore(options.db, async (store) => {
        const analysis = await store.getArticle(id);
        return analysis && { analysis, copies: await store.storyCopies(analysis.article.id) };
      });
      if (!found) throw new Error(`${id}: no stored article has this id (or the prefix is ambiguous)`);
      context.stdout.write(
        options.json
          ? `${JSON.stringify(found.analysis, null, 2)}\n`
          : formatArticle(found.analysis, found.copies),
      );
    });

  program
    .command('summary')
    .description('what a database holds: articles, actors, events, languages and the top country pairs')
    .option(...DB_OPTION)
    .addHelpText('after', '\nExample:\n  $ parley summary --db parley.db')
    .action(async (options: { db: string }) => {
      const summary = await withStore(options.db, (store) => store.summary());
      const languages = summary.languages
        .map(({ language, articles }) => `${language} ${articles}`)
        .join(', ');
      const skipped = summary.languages.filter(({ language }) => !isAnalysedLanguage(language));
      const lines = [
        `${redactAddress(options.db)}: ${summary.articles} articles (${languages}), ${summary.actors} actors, ${summary.events} events`,
        ...(skipped.length > 0
          ? [
              `not analysed (the analysis reads English only): ${skipped
                .map(({ language, articles }) => `${language} ${articles}`)
                .join(', ')}; stored with their language and text`,
            ]
          : []),
        ...(summary.copies
          ? [
              `${summary.copies} near-duplicate copies of these articles (kept with their source and URL, not analysed again)`,
            ]
          : []),
        `dates: ${summary.dateRange.from ?? '?'} to ${summary.dateRange.to ?? '?'}`,
        '',
        'top country pairs by events:',
        formatRows(
          summary.topPairs.map((pair) => ({ ...pair })),
          ['pair', 'events'],
          'table',
        ),
      ];
      context.stdout.write(`${lines.join('\n')}\n`);
    });
}
