/** Where build scripts find the repository and the shared (never shipped) data sets. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function repoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..').replace(/[\\/]dist$/, '');
}

/** The shared data folder: PARLEY_SHARED, else ../shared/data beside the repository. */
export function sharedDataDir(): string {
  return process.env.PARLEY_SHARED ?? path.resolve(repoRoot(), '../shared/data');
}
