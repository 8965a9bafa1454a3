import { createWriteStream } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { GDELT_COLUMNS, PARLEY_COLUMNS, gdeltRow } from '../../export/gdelt.js';
import type { EventFilter, MergedEvent } from '../../store/index.js';
import type { CliContext } from '../context.js';
import { EVENT_CSV_COLUMNS, formatCsv } from '../../export/csv.js';
import { DB_OPTION, parseLimit, SINCE_OPTION, UNTIL_OPTION, withStore } from '../options.js';

const FORMATS = ['gdelt', 'jsonl', 'csv'] as const;
type ExportFormat = (typeof FORMATS)[number];

function parseExportFormat(value: string): ExportFormat {
  if (!(FORMATS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
  return value as ExportFormat;
}

const CSV_COLUMNS: Array<keyof MergedEvent> = [
  'groupId',
  ...EVENT_CSV_COLUMNS,
  'mentions',
  'articles',
  'sources',
  'tone',
  'place',
  'lat',
  'lon',
  'isRoot',
  'background',
  'negated',
  'evidence',
  'articleId',
  'url',
];

export function formatExport(events: MergedEvent[], format: ExportFormat, header: boolean): string {
  if (format === 'jsonl') return events.map((event) => JSON.stringify(event)).join('\n');
  if (format === 'csv') return formatCsv(events, CSV_COLUMNS);
  const rows = events.map(gdeltRow);
  // GDELT's own files carry no header; --header adds one for people reading the file.
  return (header ? [[...GDELT_COLUMNS, ...PARLEY_COLUMNS].join('\t'), ...rows] : rows).join('\n');
}

export function registerExport(program: Command, context: CliContext): void {
  program
    .command('export')
    .description(
      'export stored events, one row per event with its mentions merged (GDELT 2.0 TSV, JSONL or CSV)',
    )
    .option(...DB_OPTION)
    .option(
      '--format <format>',
      'gdelt (Events 2.0 columns, then Parley’s), jsonl or csv',
      parseExportFormat,
      'gdelt',
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--header', 'gdelt: start with a header line (GDELT’s own files have none)')
    .option('--actor <code>', 'either side: a country or actor code')
    .option('--source <code>', 'the source side')
    .option('--target <code>', 'the target side')
    .option('--code <cameo>', 'CAMEO event code or prefix')
    .option(...SINCE_OPTION)
    .option(...UNTIL_OPTION)
    .option('--limit <n>', 'at most this many events', parseLimit, 10_000)
    .addHelpText(
      'after',
      '\nExample:\n  $ parley export --format gdelt --actor CHN --since 2023 --out china-2023.tsv',
    )
    .action(
      async (options: EventFilter & { db: string; format: ExportFormat; out?: string; header?: boolean }) => {
        const { actor, source, target, code, since, until, limit } = options;
        const events = await withStore(options.db, (store) =>
          store.mergedEvents({ actor, source, target, code, since, until, limit }),
        );
        const text = `${formatExport(events, options.format, !!options.header)}\n`;
        if (!options.out) return void context.stdout.write(events.length > 0 ? text : '');
        await new Promise<void>((resolve, reject) => {
          const file = createWriteStream(options.out!);
          file.on('error', (error) => reject(new Error(`${options.out}: ${error.message}`)));
          file.end(text, () => resolve());
        });
        context.stdout.write(`wrote ${events.length} events to ${options.out}\n`);
      },
    );
}
