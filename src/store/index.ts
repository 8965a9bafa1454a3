/** Opens a store by its address: a file path today; `postgres://…` joins when that backend lands (issue 10). */
import { openSqliteStore, type OpenOptions } from './sqlite.js';
import type { Store } from './store.js';

export type * from './store.js';

export function openStore(address: string, options: OpenOptions = {}): Store {
  if (/^postgres(ql)?:\/\//.test(address)) {
    throw new Error(
      `${address.replace(/:[^:@/]*@/, ':***@')}: the PostgreSQL store is not available yet; use a SQLite file`,
    );
  }
  return openSqliteStore(address, options);
}
