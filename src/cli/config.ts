/**
 * The optional config file: `parley.config.json` in the working directory, or the file given with
 * `--config FILE`. It names extra dictionary files, as `--actors`, `--verbs` and `--themes` do; paths in it
 * are relative to the file. Format: docs/dictionaries.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z as Zod } from 'zod';

export const DEFAULT_CONFIG_FILE = 'parley.config.json';

/** The config file's schema, built from zod once a file is there to check (see loadConfig). */
function configSchema(z: typeof Zod) {
  const files = z.array(z.string().min(1)).default([]);
  return z.strictObject({ actors: files, verbs: files, themes: files });
}
export type ParleyConfig = Zod.infer<ReturnType<typeof configSchema>>;

const EMPTY: ParleyConfig = { actors: [], verbs: [], themes: [] };

/** The first problem zod found, as "actors: expected array, received string". */
function firstIssue(error: Zod.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}

/**
 * Reads the config file named (or the default one when present); an unreadable or invalid file throws an
 * error whose one-line message names the file and the reason.
 */
export async function loadConfig(file: string | undefined, cwd = process.cwd()): Promise<ParleyConfig> {
  const chosen = file ?? (existsSync(path.join(cwd, DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
  if (!chosen) return EMPTY;
  const absolute = path.resolve(cwd, chosen);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(absolute, 'utf8'));
  } catch (error) {
    throw new Error(`${chosen}: cannot read the config file (${(error as Error).message.split('\n')[0]})`);
  }
  // zod is imported only here: it takes about 100 ms to load, a tenth of a cold `parley analyze`, and most
  // runs have no config file.
  const { z } = await import('zod');
  const parsed = configSchema(z).safeParse(raw);
  if (!parsed.success) throw new Error(`${chosen}: invalid config file: ${firstIssue(parsed.error)}`);
  const resolve = (list: string[]): string[] =>
    list.map((entry) => path.resolve(path.dirname(absolute), entry));
  return {
    actors: resolve(parsed.data.actors),
    verbs: resolve(parsed.data.verbs),
    themes: resolve(parsed.data.themes),
  };
}
