/** Opens a store by its address: a SQLite file path, or a `postgres://…` URL for the PostgreSQL backend. */
import type { OpenOptions } from './sqlite.js';
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

/** Each backend (better-sqlite3, pg) loads only when a store of its kind is opened: a CLI starts faster. */
export async function openStore(address: string, options: OpenOptions = {}): Promise<Store> {
  if (!isStoreUrl(address)) {
    const { openSqliteStore } = await import('./sqlite.js');
    return openSqliteStore(address, options);
  }
  const { openPostgresStore } = await import('./postgres.js');
  try {
    return await openPostgresStore(address);
  } catch (error) {
    // The one line a user reads must name the database, never its password.
    throw new Error(`${redactAddress(address)}: ${(error as Error).message}`, { cause: error });
  }
}
