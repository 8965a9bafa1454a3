import type { Command } from 'commander';
import { InputError } from '../../ingest/errors.js';
import { timed, timedAsync } from '../../model/timing.js';
import { reportError, type CliContext } from '../context.js';

export function registerAnalyze(program: Command, context: CliContext): void {
  program
    .command('analyze')
    .description('print the analysis of each article as JSON (JSONL when there are several)')
    .argument(
      '<inputs...>',
      'files (.txt .html .json .jsonl, optionally .gz), folders, globs, or - for stdin',
    )
    .option('--date <YYYY-MM-DD>', 'publication date for inputs that have none')
    .option('--jsonl', 'one compact JSON object per line, even for a single article')
    .addHelpText(
      'after',
      '\nExample:\n  $ parley analyze article.txt --date 2023-06-19\n  $ cat dump.jsonl | parley analyze - > analyses.jsonl',
    )
    .action(async (inputs: string[], options: { date?: string; jsonl?: boolean }) => {
      // The pipeline's modules load only when analysing: `parley --help` and the store commands start without them.
      const [{ buildArticle }, { readInputs }, { analyzeArticle }] = await timedAsync(
        'import the pipeline',
        () =>
          Promise.all([
            import('../../ingest/article.js'),
            import('../../ingest/sources.js'),
            import('../../pipeline.js'),
          ]),
      );
      const analyses: string[] = [];
      let count = 0;
      const emit = (json: object): void => {
        count++;
        // Print as we go once it is clear the output is JSONL, so a large batch streams.
        if (options.jsonl || count > 1) {
          for (const pending of analyses.splice(0)) context.stdout.write(`${pending}\n`);
          context.stdout.write(`${JSON.stringify(json)}\n`);
        } else analyses.push(JSON.stringify(json));
      };
      for await (const result of readInputs(inputs)) {
        if (!result.ok) {
          reportError(context, result.error);
          continue;
        }
        try {
          const { input, origin } = result.record;
          const article = timed('build the article (text, boilerplate, language)', () =>
            buildArticle(input, origin, { defaultDate: options.date }),
          );
          emit(timed('analyse the article', () => analyzeArticle(article)));
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          reportError(context, error);
        }
      }
      if (count === 1 && analyses[0])
        context.stdout.write(`${JSON.stringify(JSON.parse(analyses[0]), null, 2)}\n`);
    });
}
