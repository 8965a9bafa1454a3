import type { Command } from 'commander';
import { InputError } from '../../ingest/errors.js';
import { reportError, type CliContext } from '../context.js';

/**
 * `parley extract page.html [--url URL]`: what the HTML extraction read from a page — the metadata and the
 * article text with its paragraphs — as JSON. The same extraction runs inside `analyze` and `ingest`.
 * The page is decoded as they decode it (charset from the BOM or meta, detected where missing; .gz too).
 */
export function registerExtract(program: Command, context: CliContext): void {
  program
    .command('extract')
    .description('print the article a web page holds (metadata and text) as JSON')
    .argument('<page>', 'an HTML file (optionally .gz), or - for stdin')
    .option('--url <url>', 'the address the page was fetched from (resolves relative links)')
    .addHelpText('after', '\nExample:\n  $ parley extract page.html --url https://example.org/news/1')
    .action(async (page: string, options: { url?: string }) => {
      // HTML extraction (linkedom, Readability) loads only for this command and for HTML inputs.
      const [{ checkHtmlSize, extractHtml }, { readFileRecords, readStdinRecords }] = await Promise.all([
        import('../../ingest/html.js'),
        import('../../ingest/readers.js'),
      ]);
      const records = page === '-' ? readStdinRecords() : readFileRecords(page);
      for await (const result of records) {
        if (!result.ok) {
          reportError(context, result.error);
          continue;
        }
        const { html } = result.record.input;
        if (html === undefined) {
          reportError(context, new InputError(result.record.origin, 'not an HTML page'));
          continue;
        }
        try {
          checkHtmlSize(html, result.record.origin);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          reportError(context, error);
          continue;
        }
        const extracted = extractHtml(html, options.url);
        if (extracted.text.trim() === '')
          reportError(context, new InputError(result.record.origin, 'no article text found on the page'));
        context.stdout.write(`${JSON.stringify(extracted, null, 2)}\n`);
      }
    });
}
