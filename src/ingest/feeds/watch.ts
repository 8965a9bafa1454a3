/**
 * One round of watching a feed: a conditional request (an unchanged feed costs one 304), new items noted
 * as pending, then each pending item's page fetched and handed to `store`; only once `store` returns is
 * the item marked done. Storing itself (build, analyse, write) is the caller's, so this stays in the
 * ingest layer. A network error is one line and the next round tries again.
 */
import { InputError } from '../errors.js';
import { fetchArticle, fetchFeedOrPage } from '../fetch/records.js';
import type { FetchOptions } from '../fetch/fetch.js';
import type { RawRecord } from '../readers.js';
import type { FeedState, ItemOutcome } from './state.js';

export interface StoredItem {
  outcome: ItemOutcome;
  articleId?: string;
}

export interface PollOptions extends FetchOptions {
  state: FeedState;
  /** Stores one article; throws an `InputError` when it cannot (no article text, a bad date…). */
  store: (record: RawRecord) => StoredItem | Promise<StoredItem>;
  /** Failed attempts after which an item is given up (default 5). */
  maxAttempts?: number;
  onError?: (error: InputError) => void;
}

export interface PollReport {
  feed: string;
  /** The feed answered 304 (or its content held nothing new). */
  unchanged: boolean;
  /** Items met for the first time this round. */
  newItems: number;
  stored: number;
  duplicates: number;
  failed: number;
  /** Items given up after too many failed attempts. */
  gaveUp: number;
  /** Why the feed itself could not be read this round. */
  error?: InputError;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

export async function pollFeed(feedUrl: string, options: PollOptions): Promise<PollReport> {
  const { state, store, maxAttempts = DEFAULT_MAX_ATTEMPTS, onError, ...fetchOptions } = options;
  const report: PollReport = {
    feed: feedUrl,
    unchanged: false,
    newItems: 0,
    stored: 0,
    duplicates: 0,
    failed: 0,
    gaveUp: 0,
  };
  const known = state.feed(feedUrl);
  try {
    const fetched = await fetchFeedOrPage(feedUrl, {
      ...fetchOptions,
      ...(known?.etag ? { etag: known.etag } : {}),
      ...(known?.lastModified ? { lastModified: known.lastModified } : {}),
    });
    if (fetched.kind === 'unchanged') {
      report.unchanged = true;
      state.recordCheck(feedUrl);
    } else if (fetched.kind === 'page') {
      throw new InputError(feedUrl, 'is an HTML page, not a feed');
    } else {
      report.newItems = state.recordFeed(
        feedUrl,
        {
          title: fetched.feed.title,
          ...(fetched.etag ? { etag: fetched.etag } : {}),
          ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
        },
        fetched.feed.items,
      );
      report.unchanged = report.newItems === 0;
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    report.error = error;
    state.recordCheck(feedUrl, error.reason);
    onError?.(error);
    // Items left pending by an earlier round are still worth trying: they live on other URLs.
  }

  for (const item of state.pending(feedUrl)) {
    if (fetchOptions.signal?.aborted) break;
    const result = await fetchArticle(item, fetchOptions);
    let error: InputError;
    if (result.ok) {
      try {
        const { outcome, articleId } = await store(result.record);
        state.markDone(feedUrl, item.guid, outcome, articleId);
        if (outcome === 'stored') report.stored++;
        else report.duplicates++;
        continue;
      } catch (caught) {
        if (!(caught instanceof InputError)) throw caught;
        error = caught;
      }
    } else error = result.error;
    if (fetchOptions.signal?.aborted) break; // stopped: not a failed attempt, the item stays pending
    report.failed++;
    const { attempts, gaveUp } = state.markFailed(feedUrl, item.guid, error.reason, maxAttempts);
    if (gaveUp) {
      report.gaveUp++;
      onError?.(new InputError(error.origin, `${error.reason} (attempt ${attempts}, given up)`));
    } else
      onError?.(
        new InputError(
          error.origin,
          `${error.reason} (attempt ${attempts} of ${maxAttempts}, retried next round)`,
        ),
      );
  }
  return report;
}

export { parseDuration } from './duration.js';
