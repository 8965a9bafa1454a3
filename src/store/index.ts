/** Opens a store by its address: a SQLite file path, or a `postgres://…` URL for the PostgreSQL backend. */
import { openPostgresStore } from './postgres.js';
import { openSqliteStore, type OpenOptions } from './sqlite.js';
import type { Store } from './store.js';

export type * from './store.js';
export type { OpenOptions } from './sqlite.js';

/** Whether an address names a PostgreSQL server rather than a SQLite file. */
export function isStoreUrl(address: string): boolean {
  return /^postgres(ql)?:\/\//.test(address);
}

/** An address fit for a log line: a URL's password is masked. */
export function redactAddress(address: string): string {
  return address.replace(/:[^:@/]*@/, ':***@');
}

export async function openStore(address: string, options: OpenOptions = {}): Promise<Store> {
  if (!isStoreUrl(address)) return openSqliteStore(address, options);
  try {
    return await openPostgresStore(address);
  } catch (error) {
    // The one line a user reads must name the database, never its password.
    throw new Error(`${redactAddress(address)}: ${(error as Error).message}`, { cause: error });
  }
}
