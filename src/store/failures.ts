/**
 * SQLite's failures said plainly, naming the database file and what became of the data: a write is one
 * transaction, so a failed write changed nothing, and what was stored before is intact. Errors that are
 * not SQLite's, or that no user can act on, pass through unchanged.
 */
import { SqliteError } from 'better-sqlite3';

/** What each SQLite result code means to someone running Parley (primary codes; extended ones map to them). */
const MEANINGS: Record<string, string> = {
  SQLITE_READONLY: 'cannot write: the database file or its folder is read-only',
  SQLITE_FULL: 'cannot write: the disk is full',
  SQLITE_IOERR: 'cannot write: the disk reported an input/output error',
  SQLITE_BUSY: 'another process kept the database locked for more than 10 s',
  SQLITE_LOCKED: 'another process kept the database locked for more than 10 s',
  SQLITE_CANTOPEN: 'cannot open the database file (a missing folder, or no permission)',
  SQLITE_NOTADB: 'not a Parley database (not an SQLite file)',
  SQLITE_CORRUPT: 'the database file is damaged (run "sqlite3 FILE .recover" on a copy)',
  SQLITE_PERM: 'cannot write: no permission',
};

export class StoreError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** The error to report for a failure of `action` ("write", "open") on `file`. */
export function explainFailure(file: string, error: unknown, action: 'open' | 'write'): unknown {
  if (!(error instanceof SqliteError)) return error;
  const primary = error.code.replace(/^(SQLITE_[A-Z]+).*$/, '$1');
  const meaning = MEANINGS[primary];
  if (!meaning) return error;
  const outcome =
    action === 'write'
      ? 'this batch was not stored; what was stored before is intact'
      : 'nothing was changed';
  return new StoreError(file, error.code, `${file}: ${meaning} (${outcome})`);
}
