/**
 * What `parley watch` remembers between rounds, in the same SQLite file as the articles: per feed its
 * ETag / Last-Modified (so an unchanged feed costs one 304), and per item whether it is still pending or
 * done. New items are written as pending together with the feed's new validators, in one transaction;
 * an item becomes done only after its article is stored. So a crash at any point loses nothing (pending
 * items are retried) and stores nothing twice (done items are skipped, and the store knows its articles).
 */
import Database from 'better-sqlite3';
import type { FeedItem } from './parse.js';

type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS feed_state (
  feed_url      TEXT PRIMARY KEY,
  title         TEXT,
  etag          TEXT,
  last_modified TEXT,
  checked_at    TEXT,
  changed_at    TEXT,
  last_error    TEXT
);
CREATE TABLE IF NOT EXISTS feed_items (
  feed_url   TEXT NOT NULL,
  item_key   TEXT NOT NULL,
  url        TEXT NOT NULL,
  title      TEXT,
  published  TEXT,
  source     TEXT,
  status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'stored', 'duplicate', 'failed')),
  attempts   INTEGER NOT NULL DEFAULT 0,
  article_id TEXT,
  last_error TEXT,
  first_seen TEXT NOT NULL,
  done_at    TEXT,
  PRIMARY KEY (feed_url, item_key)
);
CREATE INDEX IF NOT EXISTS feed_items_by_url ON feed_items (feed_url, url);
CREATE INDEX IF NOT EXISTS feed_items_pending ON feed_items (feed_url, status);
`;

export interface FeedRecord {
  feedUrl: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  checkedAt: string | null;
  changedAt: string | null;
  lastError: string | null;
}

export interface PendingItem extends FeedItem {
  attempts: number;
}

export type ItemOutcome = 'stored' | 'duplicate';

const now = (): string => new Date().toISOString();

export class FeedState {
  private readonly ownsDb: boolean;
  private readonly db: Db;
  private readonly statements;

  /** Opens the state in a database: an open better-sqlite3 connection, or a file path (created if missing). */
  constructor(database: Db | string) {
    this.ownsDb = typeof database === 'string';
    this.db = typeof database === 'string' ? new Database(database) : database;
    if (this.ownsDb) {
      this.db.pragma('busy_timeout = 10000');
      this.db.pragma('journal_mode = WAL');
    }
    this.db.exec(SCHEMA);
    this.statements = {
      feed: this.db.prepare(
        `SELECT feed_url AS feedUrl, title, etag, last_modified AS lastModified, checked_at AS checkedAt,
                changed_at AS changedAt, last_error AS lastError FROM feed_state WHERE feed_url = ?`,
      ),
      upsertFeed: this.db.prepare(
        `INSERT INTO feed_state (feed_url, title, etag, last_modified, checked_at, changed_at, last_error)
         VALUES (@feedUrl, @title, @etag, @lastModified, @at, @at, NULL)
         ON CONFLICT (feed_url) DO UPDATE SET title = excluded.title, etag = excluded.etag,
           last_modified = excluded.last_modified, checked_at = excluded.checked_at,
           changed_at = excluded.changed_at, last_error = NULL`,
      ),
      checked: this.db.prepare(
        `INSERT INTO feed_state (feed_url, checked_at, last_error) VALUES (@feedUrl, @at, @error)
         ON CONFLICT (feed_url) DO UPDATE SET checked_at = excluded.checked_at, last_error = excluded.last_error`,
      ),
      known: this.db.prepare(
        'SELECT 1 FROM feed_items WHERE feed_url = ? AND (item_key = ? OR url = ?) LIMIT 1',
      ),
      insertItem: this.db.prepare(
        `INSERT OR IGNORE INTO feed_items (feed_url, item_key, url, title, published, source, first_seen)
         VALUES (@feedUrl, @key, @url, @title, @published, @source, @at)`,
      ),
      pending: this.db.prepare(
        `SELECT item_key AS guid, url, title, published, source, attempts FROM feed_items
         WHERE feed_url = ? AND status = 'pending' ORDER BY rowid`,
      ),
      done: this.db.prepare(
        `UPDATE feed_items SET status = @status, article_id = @articleId, done_at = @at, last_error = NULL
         WHERE feed_url = @feedUrl AND item_key = @key`,
      ),
      failed: this.db.prepare(
        `UPDATE feed_items SET attempts = attempts + 1, last_error = @error,
           status = CASE WHEN attempts + 1 >= @maxAttempts THEN 'failed' ELSE 'pending' END,
           done_at = CASE WHEN attempts + 1 >= @maxAttempts THEN @at ELSE NULL END
         WHERE feed_url = @feedUrl AND item_key = @key RETURNING attempts, status`,
      ),
      seen: this.db.prepare(
        `SELECT 1 FROM feed_items WHERE feed_url = ? AND (item_key = ? OR url = ?)
           AND status IN ('stored', 'duplicate') LIMIT 1`,
      ),
    };
  }

  feed(feedUrl: string): FeedRecord | undefined {
    return this.statements.feed.get(feedUrl) as FeedRecord | undefined;
  }

  /**
   * Records a changed feed: its new validators and title, and its items not met before as pending, in
   * one transaction. Returns how many items are new.
   */
  recordFeed(
    feedUrl: string,
    feed: { title: string; etag?: string; lastModified?: string },
    items: FeedItem[],
  ): number {
    const at = now();
    return this.db.transaction(() => {
      let added = 0;
      for (const item of items) {
        if (this.statements.known.get(feedUrl, item.guid, item.url)) continue;
        added += this.statements.insertItem.run({
          feedUrl,
          key: item.guid,
          url: item.url,
          title: item.title || null,
          published: item.date ?? null,
          source: item.source || null,
          at,
        }).changes;
      }
      this.statements.upsertFeed.run({
        feedUrl,
        title: feed.title || null,
        etag: feed.etag ?? null,
        lastModified: feed.lastModified ?? null,
        at,
      });
      return added;
    })();
  }

  /** Notes a check of the feed that changed nothing (304) or failed (`error`). */
  recordCheck(feedUrl: string, error?: string): void {
    this.statements.checked.run({ feedUrl, at: now(), error: error ?? null });
  }

  /** Items still to store, oldest first: new ones and those whose earlier attempts failed. */
  pending(feedUrl: string): PendingItem[] {
    const rows = this.statements.pending.all(feedUrl) as Array<{
      guid: string;
      url: string;
      title: string | null;
      published: string | null;
      source: string | null;
      attempts: number;
    }>;
    return rows.map((row) => ({
      guid: row.guid,
      url: row.url,
      title: row.title ?? '',
      ...(row.published ? { date: row.published } : {}),
      source: row.source ?? '',
      attempts: row.attempts,
    }));
  }

  /** Marks an item done: call only after its article is in the store. */
  markDone(feedUrl: string, key: string, status: ItemOutcome, articleId?: string): void {
    this.statements.done.run({ feedUrl, key, status, articleId: articleId ?? null, at: now() });
  }

  /** Counts a failed attempt; after `maxAttempts` the item is given up. Returns whether it was. */
  markFailed(
    feedUrl: string,
    key: string,
    error: string,
    maxAttempts: number,
  ): { attempts: number; gaveUp: boolean } {
    const row = this.statements.failed.get({ feedUrl, key, error, maxAttempts, at: now() }) as
      { attempts: number; status: string } | undefined;
    return { attempts: row?.attempts ?? maxAttempts, gaveUp: row?.status === 'failed' };
  }

  /** Whether an item (by id or URL) is done: its article is stored. */
  isSeen(feedUrl: string, key: string, url: string): boolean {
    return this.statements.seen.get(feedUrl, key, url) !== undefined;
  }

  close(): void {
    if (this.ownsDb) this.db.close();
  }
}
