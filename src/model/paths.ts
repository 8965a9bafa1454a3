/** Locates files shipped with Parley (under data/), whether running from src/ through tsx or from dist/. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error('cannot find the Parley package root (no package.json above the code)');
    dir = parent;
  }
  cachedRoot = dir;
  return dir;
}

export function dataPath(...parts: string[]): string {
  return path.join(packageRoot(), 'data', ...parts);
}
