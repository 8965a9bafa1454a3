/** `parley relations`, `parley actor` and `parley themes`: how relations move, and what they are about. */
import { InvalidArgumentError, type Command } from 'commander';
import { unitOfPeriod, type BarometerPoint, type PeriodUnit } from '../../analysis/barometer.js';
import { barometer, explainPeriod, normaliseActor, type MovingEvent, type Shift } from '../../relations.js';
import { barometerChart } from '../chart.js';
import type { CliContext } from '../context.js';
import { formatRows } from '../format.js';
import { DB_OPTION, SINCE_OPTION, UNTIL_OPTION, withStore } from '../options.js';

const UNITS = ['day', 'week', 'month', 'year'];
function parseUnit(value: string): PeriodUnit {
  if (!UNITS.includes(value))
    throw new InvalidArgumentError(`--by must be one of ${UNITS.join(', ')}, not "${value}"`);
  return value as PeriodUnit;
}
/** Options shared by the commands that read a period range. */
const byOption = (fallback: PeriodUnit) =>
  ['--by <unit>', 'period: day, week, month or year', parseUnit, fallback] as const;

const TEXT_FORMATS = ['text', 'json', 'csv'];
function parseTextFormat(value: string): 'text' | 'json' | 'csv' {
  if (!TEXT_FORMATS.includes(value))
    throw new InvalidArgumentError(`--format must be one of ${TEXT_FORMATS.join(', ')}, not "${value}"`);
  return value as 'text' | 'json' | 'csv';
}

function describeEvent(event: MovingEvent): string[] {
  const target = event.targetCode ? `${event.targetText} [${event.targetCode}]` : '(no target)';
  return [
    `${event.date}  ${event.sourceText} [${event.sourceCode}] —${event.code}→ ${target}  Goldstein ${event.goldstein}, pull ${event.pull >= 0 ? '+' : ''}${event.pull}`,
    `    “${event.evidence}”`,
    `    ${event.title} (article ${event.articleId})`,
  ];
}

function describeShift(shift: Shift): string[] {
  const direction = shift.change >= 0 ? 'rose' : 'fell';
  return [
    '',
    `◆ ${shift.period}: index ${direction} by ${Math.abs(shift.change).toFixed(2)}`,
    ...shift.events.flatMap(describeEvent),
  ];
}

const POINT_COLUMNS = [
  'period',
  'index',
  'band',
  'goldstein',
  'eventsAB',
  'eventsBA',
  'articlesAB',
  'articlesBA',
  'articles',
  'verbalCoop',
  'materialCoop',
  'verbalConflict',
  'materialConflict',
  'tone',
  'shift',
];
const pointRow = (point: BarometerPoint): Record<string, string | number | boolean | null> => ({
  ...point,
  quad: null,
  verbalCoop: point.quad[0],
  materialCoop: point.quad[1],
  verbalConflict: point.quad[2],
  materialConflict: point.quad[3],
});

interface RelationsOptions {
  db: string;
  by?: PeriodUnit;
  since?: string;
  until?: string;
  format: 'text' | 'json' | 'csv';
  explain?: string;
}

export function registerRelations(program: Command, context: CliContext): void {
  program
    .command('relations')
    .description('the relations barometer between two actors: index per period, its band, its shifts and why')
    .argument('<a>', 'a CAMEO country (USA) or actor code (USAGOV)')
    .argument('<b>', 'the other actor')
    .option(...DB_OPTION)
    .option(
      '--by <unit>',
      'period: day, week, month or year (default month, or the unit of --explain)',
      parseUnit,
    )
    .option(...SINCE_OPTION)
    .option(...UNTIL_OPTION)
    .option('--format <format>', 'text (a chart), json or csv', parseTextFormat, 'text')
    .option(
      '--explain <period>',
      'why did it move? the events that moved this period (2023-06, 2023-W25, 2023)',
    )
    .addHelpText(
      'after',
      '\nExample:\n  $ parley relations USA CHN --by year\n  $ parley relations USA CHN --explain 2023-06',
    )
    .action(async (a: string, b: string, options: RelationsOptions) => {
      const by = options.by ?? (options.explain ? unitOfPeriod(options.explain) : undefined) ?? 'month';
      if (options.explain && unitOfPeriod(options.explain) !== by) {
        throw new InvalidArgumentError(
          `--explain ${options.explain} is not a ${by} (write it as the --by unit: 2023-06, 2023-W25, 2023, 2023-06-19)`,
        );
      }
      await withStore(options.db, async (store) => {
        const query = { by, since: options.since, until: options.until };
        if (options.explain) {
          const { point, events } = await explainPeriod(store, a, b, options.explain, query);
          if (options.format === 'json')
            return void context.stdout.write(`${JSON.stringify({ point, events }, null, 2)}\n`);
          if (!point)
            return void context.stdout.write(
              `${normaliseActor(a)}–${normaliseActor(b)}: no events in ${options.explain}\n`,
            );
          const lines = [
            `${normaliseActor(a)}–${normaliseActor(b)} in ${point.period}: index ${point.index} (${point.change >= 0 ? '+' : ''}${point.change} from the period before) ±${point.band}`,
            `${point.eventsAB + point.eventsBA} events (${point.eventsAB} ${normaliseActor(a)}→${normaliseActor(b)}, ${point.eventsBA} back) in ${point.articles} articles; mean Goldstein ${point.goldstein ?? '—'}; tone ${point.tone ?? '—'}`,
            `quad classes: verbal cooperation ${point.quad[0]}, material cooperation ${point.quad[1]}, verbal conflict ${point.quad[2]}, material conflict ${point.quad[3]}`,
            '',
            'the events that moved it most:',
            ...events.flatMap(describeEvent),
          ];
          return void context.stdout.write(`${lines.join('\n')}\n`);
        }
        const result = await barometer(store, a, b, query);
        if (options.format === 'json')
          return void context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        if (options.format === 'csv')
          return void context.stdout.write(
            `${formatRows(result.points.map(pointRow), POINT_COLUMNS, 'csv')}\n`,
          );
        if (result.points.length === 0)
          return void context.stdout.write(`${result.a}–${result.b}: no events between them in the store\n`);
        const flagged = result.shifts.length > 0;
        const heading = flagged
          ? 'Shifts beyond the usual range, and the events that moved them most:'
          : 'No period moved beyond its usual range; the largest moves, and the events behind them:';
        const shifts = [
          '',
          heading,
          ...(flagged ? result.shifts : result.largestMoves).flatMap(describeShift),
        ];
        const title = `Relations barometer ${result.a}–${result.b}, by ${by} (Goldstein scale, −10 conflict … +10 cooperation)`;
        return void context.stdout.write(
          `${[title, '', barometerChart(result.points), ...shifts].join('\n')}\n`,
        );
      });
    });

  program
    .command('actor')
    .description('profile an actor over time: its events as source and target, its main partners, its themes')
    .argument('<code>', 'a CAMEO country (CHN) or actor code (CHNGOV)')
    .option(...DB_OPTION)
    .option(...byOption('year'))
    .option(...SINCE_OPTION)
    .option(...UNTIL_OPTION)
    .option('--format <format>', 'text or json', parseTextFormat, 'text')
    .addHelpText('after', '\nExample:\n  $ parley actor CHN --by year')
    .action(async (code: string, options: RelationsOptions & { by: PeriodUnit }) => {
      const actor = normaliseActor(code);
      const profile = await withStore(options.db, (store) => store.actorProfile(actor, options.by, options));
      if (options.format === 'json')
        return void context.stdout.write(`${JSON.stringify(profile, null, 2)}\n`);
      const table = (rows: object[], columns: string[]): string =>
        formatRows(rows as never, columns, 'table');
      const lines = [
        `Actor ${actor}`,
        '',
        'known as:',
        table(profile.names, ['name', 'code', 'articles']),
        '',
        `events by ${options.by}:`,
        table(profile.byPeriod, ['period', 'asSource', 'asTarget', 'goldstein']),
        '',
        'main partners:',
        table(profile.partners, ['country', 'events', 'goldstein']),
        '',
        'most frequent event codes:',
        table(profile.codes, ['code', 'events']),
        '',
        'themes of its articles:',
        table(profile.themes, ['theme', 'articles']),
      ];
      return void context.stdout.write(`${lines.join('\n')}\n`);
    });

  program
    .command('themes')
    .description('which themes rise and fall in the articles behind a pair’s events')
    .requiredOption('--pair <codes...>', 'two CAMEO countries or actor codes, e.g. --pair USA CHN')
    .option(...DB_OPTION)
    .option(...byOption('month'))
    .option(...SINCE_OPTION)
    .option(...UNTIL_OPTION)
    .option('--top <n>', 'themes per period', (value) => Number.parseInt(value, 10), 5)
    .option('--format <format>', 'text, json or csv', parseTextFormat, 'text')
    .addHelpText('after', '\nExample:\n  $ parley themes --pair USA CHN --by year')
    .action(async (options: RelationsOptions & { pair: string[]; by: PeriodUnit; top: number }) => {
      if (options.pair.length !== 2)
        throw new InvalidArgumentError('--pair takes exactly two codes, e.g. --pair USA CHN');
      const [a, b] = options.pair.map(normaliseActor) as [string, string];
      const rows = await withStore(options.db, (store) => store.pairThemes(a, b, options.by, options));
      if (options.format !== 'text')
        return void context.stdout.write(
          `${formatRows(rows as never, ['period', 'theme', 'articles'], options.format)}\n`,
        );
      const byPeriod = new Map<string, string[]>();
      for (const row of rows) {
        const list = byPeriod.get(row.period) ?? [];
        if (list.length < options.top) list.push(`${row.theme} ${row.articles}`);
        byPeriod.set(row.period, list);
      }
      const lines = [...byPeriod].map(([period, themes]) => `${period.padEnd(10)} ${themes.join(', ')}`);
      return void context.stdout.write(
        `${[`Themes of ${a}–${b} articles by ${options.by} (articles per theme)`, ...lines].join('\n')}\n`,
      );
    });
}
