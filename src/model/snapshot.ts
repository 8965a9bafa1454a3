/**
 * Compiled snapshots of the human-editable dictionaries: their parsed entries and tries, written by
 * `npm run build:snapshots` (scripts/build-snapshots.ts) as JSON under data/compiled/, so that a run reads
 * one file instead of parsing TSV and building tries at start (most of a cold start's time). Plain JSON, not
 * gzipped: JSON.parse is V8's fastest way to build data, and inflating the file took as long as parsing it.
 *
 * Each snapshot records a digest of the files it was compiled from. A loader whose sources no longer match
 * (someone edited a TSV and did not rebuild) gets nothing back and builds from the sources as before: an
 * edit is never silently ignored, it only costs the old start-up time. A test checks that the shipped
 * snapshots match the shipped sources, so that the fast path is the one users get.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from './paths.js';

interface SnapshotHeader {
  format: string;
  version: number;
  /** sourcesDigest() of the files the snapshot was compiled from. */
  sources: string;
}

/** Each source's digest, once per process: several snapshots are compiled from the same TSV files. */
const fileDigests = new Map<string, string>();

function fileDigest(source: string): string {
  let digest = fileDigests.get(source);
  if (digest === undefined) {
    const file = dataPath(source);
    digest = existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'missing';
    fileDigests.set(source, digest);
  }
  return digest;
}

/** SHA-256 over each source's name (relative to data/) and the SHA-256 of its bytes ("missing" if none). */
export function sourcesDigest(sources: readonly string[]): string {
  const hash = createHash('sha256');
  for (const source of sources) hash.update(`${source}\0${fileDigest(source)}\0`);
  return hash.digest('hex');
}

/** The JSON text of a snapshot: its header (format, version, digest of `sources`), then its body. */
export function encodeSnapshot(
  format: string,
  version: number,
  sources: readonly string[],
  body: object,
): string {
  const header: SnapshotHeader = { format, version, sources: sourcesDigest(sources) };
  return `${JSON.stringify({ ...header, ...body })}\n`;
}

/**
 * The body of the snapshot in `file` (under data/), or undefined when there is none, it is of another
 * format or version, or its sources have changed since it was compiled.
 */
export function readSnapshot<T extends object>(
  file: string,
  format: string,
  version: number,
  sources: readonly string[],
): T | undefined {
  const path = dataPath(file);
  if (!existsSync(path)) return undefined;
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as Partial<SnapshotHeader> & T;
  if (snapshot.format !== format || snapshot.version !== version) return undefined;
  if (snapshot.sources !== sourcesDigest(sources)) return undefined;
  return snapshot;
}
