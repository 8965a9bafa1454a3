/**
 * Expands what the user named — files, folders, globs, `-` for stdin, http(s) URLs — into a stream of raw
 * records, in a stable order, with a one-line error for each target that holds nothing readable.
 * A URL is a feed (each linked article fetched politely) or a page; so is a feed file (.rss, .atom, .xml,
 * or a JSON Feed); a `.warc` / `.warc.gz` file streams its HTML responses.
 */
import { stat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from './errors.js';
import type { UrlReadOptions } from './fetch/records.js';
import {
  describeFsError,
  formatOfPath,
  readFileRecords,
  readStdinRecords,
  type ReadResult,
} from './readers.js';
import { isWarcPath, readWarcFile, type WarcOptions } from './warc/reader.js';

export interface SourceOptions {
  /** How URLs (feeds, their articles, pages) are fetched: politeness, limits, private addresses. */
  fetch?: UrlReadOptions;
  warc?: WarcOptions;
}

/** Names a feed file may have (isFeedFile decides); only these load the fetching code. */
const MAYBE_FEED = /\.(rss|atom|xml|json)$/i;

/** Fetching and feed parsing, loaded on first need: a run over local files starts without them. */
const fetching = (): Promise<typeof import('./fetch/records.js')> => import('./fetch/records.js');

const READABLE = '.txt, .html, .json, .jsonl, .warc, .gz';

/** A target that names a web resource rather than a path. */
export function isUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

const isReadable = (file: string): boolean => formatOfPath(file) !== undefined || isWarcPath(file);

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && isReadable(entry.name))
    .map((entry) => path.join(entry.parentPath ?? directory, entry.name))
    .sort();
}

/** Resolves one user-named path to the files it stands for, or an error saying why there are none. */
/** Characters without which a path cannot be a glob pattern (tinyglobby, with picomatch, loads only for one). */
const GLOB_CHARACTERS = /[*?[\]{}()!+@]/;

export async function expandPath(target: string): Promise<{ files: string[]; error?: InputError }> {
  const tinyglobby = GLOB_CHARACTERS.test(target) ? await import('tinyglobby') : undefined;
  if (tinyglobby?.isDynamicPattern(target)) {
    const files = (await tinyglobby.glob(target, { onlyFiles: true, absolute: false })).sort();
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
      : { files, error: new InputError(target, `directory holds no articles (${READABLE})`) };
  } catch (error) {
    return { files: [], error: new InputError(target, describeFsError(error)) };
  }
}

/**
 * One file's records: WARC files stream their HTML responses; a feed file named by the user (never one
 * met inside a folder, which must not start fetching) leads to its articles; the rest go to the readers.
 */
async function* readPath(file: string, named: boolean, options: SourceOptions): AsyncGenerator<ReadResult> {
  if (isWarcPath(file)) {
    yield* readWarcFile(file, options.warc);
    return;
  }
  if (named && MAYBE_FEED.test(file)) {
    const { isFeedFile, readFeedFile } = await fetching();
    if (await isFeedFile(file)) {
      yield* readFeedFile(file, options.fetch);
      return;
    }
  }
  yield* readFileRecords(file);
}

/** Every record of every input, in order; failures are yielded, never thrown, so a batch goes on. */
export async function* readInputs(
  targets: string[],
  options: SourceOptions = {},
): AsyncGenerator<ReadResult> {
  for (const target of targets) {
    if (target === '-') {
      yield* readStdinRecords();
      continue;
    }
    if (isUrl(target)) {
      yield* (await fetching()).readUrlRecords(target, options.fetch);
      continue;
    }
    const { files, error } = await expandPath(target);
    if (error) yield { ok: false, error };
    const named = files.length === 1 && files[0] === target;
    for (const file of files) yield* readPath(file, named, options);
  }
}
