/** What every command shares: where it writes, and whether anything failed (for the exit code). */
import type { InputError } from '../ingest/errors.js';

export interface CliContext {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  failures: number;
}

export function reportError(context: CliContext, error: InputError | Error): void {
  context.failures++;
  context.stderr.write(`parley: ${error.message}\n`);
}

export const DEFAULT_DB = process.env.PARLEY_DB ?? 'parley.db';
