/** Shared test helpers: paths, temporary folders, and running the CLI in-process. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageRoot } from '../src/model/paths.js';
import { runCli } from '../src/cli/main.js';
import type { CliContext } from '../src/cli/context.js';

export const fixture = (...parts: string[]): string => path.join(packageRoot(), 'test', 'fixtures', ...parts);

export const EXAMPLE_PATH = fixture('xi-blinken-beijing.txt');
export const exampleText = (): string => readFileSync(EXAMPLE_PATH, 'utf8');

export function tempDir(prefix = 'parley-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture {
  text = '';
  write(chunk: string | Uint8Array): boolean {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }
}

/** Runs `parley ARGS…` in this process and captures what it prints and its exit code. */
export async function cli(...args: string[]): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const context = { stdout, stderr, failures: 0 } as unknown as CliContext;
  const code = await runCli(args, context);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
