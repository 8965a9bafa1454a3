/** Running `parley` as a separate process, as a user would: for crashes, locks, permissions and the disk. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { packageRoot } from '../src/model/paths.js';

export const PARLEY_BIN = path.join(packageRoot(), 'bin', 'parley.js');

export interface ProcessRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `parley ARGS…`; `done` resolves when it exits, however it exits. */
export function startParley(
  args: string[],
  options: SpawnOptions = {},
): { child: ChildProcess; done: Promise<ProcessRun> } {
  const child = spawn(process.execPath, [PARLEY_BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<ProcessRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export const runParley = (args: string[], options: SpawnOptions = {}): Promise<ProcessRun> =>
  startParley(args, options).done;

/** What a database holds, for comparing two of them: every article's stored analysis, every event row. */
export interface Contents {
  integrity: string;
  articles: Map<string, string>;
  /** Near-duplicate copies (src/stories.ts): each copy's id → the story it was stored under. */
  copies: Map<string, string>;
  events: string[];
  fts: number;
}

export function contentsOf(file: string): Contents {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((row) => row.integrity_check)
      .join('; ');
    const articles = new Map(
      (
        db.prepare('SELECT id, analysis FROM articles ORDER BY id').all() as Array<{
          id: string;
          analysis: string;
        }>
      ).map((row) => [row.id, row.analysis]),
    );
    const events = (db.prepare('SELECT * FROM events ORDER BY id').all() as object[]).map((row) =>
      JSON.stringify(row),
    );
    const fts = (db.prepare('SELECT count(*) AS n FROM articles_fts').get() as { n: number }).n;
    const copies = new Map(
      (
        db.prepare('SELECT article_id, story_id FROM story_copies ORDER BY article_id').all() as Array<{
          article_id: string;
          story_id: string;
        }>
      ).map((row) => [row.article_id, row.story_id]),
    );
    return { integrity, articles, copies, events, fts };
  } finally {
    db.close();
  }
}

export const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The "ingested N new articles (M already stored, F failed), C near-duplicate copies…" line, as numbers. */
export function ingestCounts(
  stdout: string,
): { stored: number; duplicates: number; failed: number; copies: number } | undefined {
  const match = /ingested (\d+) new articles \((\d+) already stored, (\d+) failed\)/.exec(stdout);
  const copies = /(\d+) near-duplicate copies grouped/.exec(stdout);
  return match
    ? {
        stored: Number(match[1]),
        duplicates: Number(match[2]),
        failed: Number(match[3]),
        copies: Number(copies?.[1] ?? 0),
      }
    : undefined;
}

/** The bundled sample corpus, one JSONL line per article. */
export const SAMPLE = readFileSync(path.join(packageRoot(), 'data', 'sample', 'corpus.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');

export function corpusFile(dir: string, name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
