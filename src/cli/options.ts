/** Option parsers and the store helper shared by the read-only commands. */
import { InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { isStoreUrl, openStore, type Store } from '../store/index.js';
import { DEFAULT_DB } from './context.js';

export const DB_OPTION = [
  '--db <file>',
  'SQLite database file or postgres:// URL (or PARLEY_DB)',
  DEFAULT_DB,
] as const;

export async function withStore<T>(db: string, use: (store: Store) => T | Promise<T>): Promise<T> {
  if (!isStoreUrl(db) && !existsSync(db))
    throw new Error(`${db}: no such database (run "parley ingest" first)`);
  const store = await openStore(db, { readonly: true });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

export function parseDate(value: string): string {
  if (!/^\d{4}(-\d{2}){0,2}$/.test(value))
    throw new InvalidArgumentError(`"${value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return value;
}

export const SINCE_OPTION = [
  '--since <date>',
  'from this date (YYYY, YYYY-MM or YYYY-MM-DD)',
  parseDate,
] as const;
export const UNTIL_OPTION = [
  '--until <date>',
  'through this date (a year or month includes all of it)',
  parseDate,
] as const;

export function parseLimit(value: string): number {
  const limit = Number.parseInt(value, 10);
  if (!(limit > 0)) throw new InvalidArgumentError(`--limit must be a positive number, not "${value}"`);
  return limit;
}

export function parseMs(value: string): number {
  const ms = Number(value);
  if (!(ms >= 0)) throw new InvalidArgumentError(`must be a number of milliseconds, not "${value}"`);
  return ms;
}

export function parseSeconds(value: string): number {
  const s = Number(value);
  if (!(s > 0)) throw new InvalidArgumentError(`must be a positive number of seconds, not "${value}"`);
  return s;
}

/** The fetch options of the commands that read URLs (ingest, watch): politeness and private addresses. */
export const DELAY_OPTION = [
  '--delay <ms>',
  'pause between two requests to the same host',
  parseMs,
  1000,
] as const;
export const TIMEOUT_OPTION = [
  '--timeout <seconds>',
  'give up on a request after this long',
  parseSeconds,
  15,
] as const;
export const ALLOW_PRIVATE_OPTION = [
  '--allow-private',
  'allow feeds and pages on loopback or private addresses (an intranet)',
] as const;
