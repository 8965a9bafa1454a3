/** Opens a store by its address: a SQLite file path, or a `postgres://…` URL for the PostgreSQL backend. */
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
  if (isStoreUrl(address)) {
    throw new Error(
      `${redactAddress(address)}: the PostgreSQL store is not available yet; use a SQLite file`,
    );
  }
  return openSqliteStore(address, options);
}
