/**
 * The `parley` command line: a thin layer over the library. Every failure of an input is one line on
 * stderr naming it; the exit code is 1 when anything failed, 2 for a usage error.
 */
import { Command, CommanderError } from 'commander';
import { useActorFiles } from '../actors/dictionary.js';
import { usePatternFiles } from '../events/patterns.js';
import { useThemeFiles } from '../analysis/themes.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerIngest } from './commands/ingest.js';
import { registerQueries } from './commands/query.js';
import { registerRelations } from './commands/relations.js';
import { registerServe } from './commands/serve.js';
import { registerExport } from './commands/export.js';
import { registerExtract } from './commands/extract.js';
import { registerWatch } from './commands/watch.js';
import { registerMigrate } from './commands/migrate.js';
import { registerQueue } from './commands/queue.js';
import type { CliContext } from './context.js';
import { keepHeapsCompact } from '../model/heap.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];
/**
 * Commands that read a corpus or run for hours keep their heaps compact (src/model/heap.ts); a one-article
 * `analyze` does not, since the tighter heap costs it a few more collections while its models load.
 */
const LONG_RUNNING = new Set(['ingest', 'watch', 'serve', 'worker']);

export function buildProgram(context: CliContext): Command {
  const program = new Command('parley')
    .description('Parley turns news into evidence-backed data about international relations.')
    .version('0.1.0')
    .option(
      '--actors <file>',
      'an extra people dictionary (format: docs/dictionaries.md); repeatable',
      collect,
      [],
    )
    .option('--verbs <file>', 'extra event patterns (format: docs/events.md); repeatable', collect, [])
    .option('--themes <file>', 'extra themes (format: docs/themes-and-tone.md); repeatable', collect, [])
    .option('--config <file>', 'a config file naming extra dictionaries (default: ./parley.config.json)')
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
    })
    .exitOverride()
    .hook('preAction', async (command, action) => {
      if (LONG_RUNNING.has(action.name())) keepHeapsCompact();
      const { actors, verbs, themes, config } = command.opts<{
        actors: string[];
        verbs: string[];
        themes: string[];
        config?: string;
      }>();
      // Each command loads what it needs when it runs (the pipeline or a store in the command):
      // `parley --help` and the store commands start without the NLP modules.
      const { loadConfig } = await import('./config.js');
      const fromConfig = await loadConfig(config);
      useActorFiles([...fromConfig.actors, ...actors]);
      usePatternFiles([...fromConfig.verbs, ...verbs]);
      useThemeFiles([...fromConfig.themes, ...themes]);
    })
    .addHelpText(
      'after',
      '\nExamples:\n  $ parley analyze article.txt --date 2023-06-19\n  $ parley ingest data/sample && parley summary\n  $ parley events --source USA --target CHN --code 04\n  $ parley search "export controls"',
    );
  registerAnalyze(program, context);
  registerIngest(program, context);
  registerQueries(program, context);
  registerRelations(program, context);
  registerServe(program, context);
  registerExport(program, context);
  registerExtract(program, context);
  registerWatch(program, context);
  registerMigrate(program, context);
  registerQueue(program, context);
  program
    .command('schema')
    .description('print the JSON Schema of the analysis contract')
    .action(async () => {
      const { analysisJsonSchema } = await import('../model/schema.js');
      context.stdout.write(`${JSON.stringify(analysisJsonSchema(), null, 2)}\n`);
    });
  return program;
}

/** Runs the CLI and returns its exit code (tests call this in-process). */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const program = buildProgram(context);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    context.stderr.write(`parley: ${(error as Error).message}\n`);
    return 1;
  }
  return context.failures > 0 ? 1 : 0;
}

export async function main(): Promise<void> {
  const context: CliContext = { stdout: process.stdout, stderr: process.stderr, failures: 0 };
  process.exitCode = await runCli(process.argv.slice(2), context);
}
