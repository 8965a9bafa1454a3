/**
 * Expands what the user named — files, folders, globs, `-` for stdin — into a stream of raw records,
 * in a stable order, with a one-line error for each path that holds nothing readable.
 */
import { stat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from './errors.js';
import {
  describeFsError,
  formatOfPath,
  readFileRecords,
  readStdinRecords,
  type ReadResult,
} from './readers.js';

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && formatOfPath(entry.name) !== undefined)
    .map((entry) => path.join(entry.parentPath ?? directory, entry.name))
    .sort();
}

/** Resolves one user-named path to the files it stands for, or an error saying why there are none. */
export async function expandPath(target: string): Promise<{ files: string[]; error?: InputError }> {
  if (isDynamicPattern(target)) {
    const files = (await glob(target, { onlyFiles: true, absolute: false })).sort();
    return files.length > 0
      ? { files }
      : { files, error: new InputError(target, 'no file matches this pattern') };
  }
  try {
    const info = await stat(target);
    if (!info.isDirectory()) return { files: [target] };
    const files = await filesUnder(target);
    return files.length > 0
      ? { files }
      : {
          files,
          error: new InputError(target, 'directory holds no articles (.txt, .html, .json, .jsonl, .gz)'),
        };
  } catch (error) {
    return { files: [], error: new InputError(target, describeFsError(error)) };
  }
}

/** Every record of every input, in order; failures are yielded, never thrown, so a batch goes on. */
export async function* readInputs(targets: string[]): AsyncGenerator<ReadResult> {
  for (const target of targets) {
    if (target === '-') {
      yield* readStdinRecords();
      continue;
    }
    const { files, error } = await expandPath(target);
    if (error) yield { ok: false, error };
    for (const file of files) yield* readFileRecords(file);
  }
}
