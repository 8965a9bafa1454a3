/**
 * Ingest from a URL: a feed becomes one record per linked article (each page fetched politely), an HTML
 * page becomes one record. Records and failures are the readers' `ReadResult`s, so a URL can stand
 * wherever a file can; an unreachable article is one error and the rest goes on.
 */
import type { ArticleInput } from '../../model/schema.js';
import { InputError } from '../errors.js';
import { FeedError, parseFeed, sniffFeed, type Feed, type FeedItem } from '../feeds/parse.js';
import type { ReadResult } from '../readers.js';
import { decodeHtmlBody, decodeXmlBody, mediaTypeOf } from './body.js';
import { fetchUrl, type FetchedBody, type FetchOptions } from './fetch.js';

export interface UrlReadOptions extends FetchOptions {
  /** Articles read from one feed at most (default: all of them). */
  maxItems?: number;
}

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';
const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/xml',
  'text/xml',
  'application/json',
]);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export type Fetched =
  | { kind: 'feed'; url: string; feed: Feed }
  | { kind: 'page'; url: string; html: string }
  | { kind: 'unchanged'; url: string };

/** What a fetched body is: a feed, a page, or neither (an error). */
export function classify(
  result: FetchedBody,
  origin: string,
): { kind: 'feed'; feed: Feed } | { kind: 'page'; html: string } {
  const type = mediaTypeOf(result.contentType);
  const head = result.body.subarray(0, 4096).toString('latin1');
  const looksHtml = /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype html|<html)/i.test(head);
  const sniffed = looksHtml ? undefined : sniffFeed(head);
  if (sniffed || (FEED_TYPES.has(type) && !HTML_TYPES.has(type))) {
    const text =
      sniffed === 'json' || type.endsWith('json')
        ? result.body.toString('utf8')
        : decodeXmlBody(result.body, result.contentType, origin);
    try {
      return { kind: 'feed', feed: parseFeed(text, { baseUrl: result.url }) };
    } catch (error) {
      if (error instanceof FeedError) throw new InputError(origin, `feed: ${error.message}`);
      throw error;
    }
  }
  if (HTML_TYPES.has(type) || ((type === '' || type === 'text/plain') && looksHtml))
    return { kind: 'page', html: decodeHtmlBody(result.body, result.contentType, origin) };
  throw new InputError(origin, `neither a feed nor an HTML page (Content-Type ${type || 'missing'})`);
}

/** Fetches a URL that should be a feed or a page; conditional when `etag` / `lastModified` are given. */
export async function fetchFeedOrPage(
  url: string,
  options: FetchOptions = {},
): Promise<Fetched & { etag?: string; lastModified?: string }> {
  const result = await fetchUrl(url, { accept: FEED_ACCEPT, ...options });
  const validators = {
    ...(result.etag ? { etag: result.etag } : {}),
    ...(result.lastModified ? { lastModified: result.lastModified } : {}),
  };
  if (result.kind === 'unchanged') return { kind: 'unchanged', url: result.url, ...validators };
  return { ...classify(result, url), url: result.url, ...validators };
}

/** Fetches the page a feed item links to, as a record carrying the item's title, date and the feed's title. */
export async function fetchArticle(item: FeedItem, options: FetchOptions = {}): Promise<ReadResult> {
  try {
    const { etag: _etag, lastModified: _lastModified, ...unconditional } = options;
    const result = await fetchUrl(item.url, { accept: HTML_ACCEPT, ...unconditional });
    if (result.kind !== 'ok') throw new InputError(item.url, 'unexpected 304 to an unconditional request');
    const type = mediaTypeOf(result.contentType);
    if (type !== '' && !HTML_TYPES.has(type))
      throw new InputError(item.url, `not an HTML page (Content-Type ${type})`);
    const input: ArticleInput = {
      url: result.url,
      html: decodeHtmlBody(result.body, result.contentType, item.url),
      ...(item.title ? { title: item.title } : {}),
      ...(item.date ? { date: item.date } : {}),
      ...(item.source ? { source: item.source } : {}),
    };
    return { ok: true, record: { origin: item.url, input } };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error };
    throw error;
  }
}

/**
 * Every article a URL leads to: each item of a feed (its page fetched), or the page itself. Failures are
 * yielded, never thrown: a bad feed is one error, an unreachable article is one error and the rest goes on.
 */
export async function* readUrlRecords(url: string, options: UrlReadOptions = {}): AsyncGenerator<ReadResult> {
  let fetched: Fetched;
  try {
    fetched = await fetchFeedOrPage(url, options);
  } catch (error) {
    if (error instanceof InputError) {
      yield { ok: false, error };
      return;
    }
    throw error;
  }
  if (fetched.kind === 'unchanged') return;
  if (fetched.kind === 'page') {
    yield { ok: true, record: { origin: url, input: { url: fetched.url, html: fetched.html } } };
    return;
  }
  const items = fetched.feed.items.slice(0, options.maxItems ?? Infinity);
  if (items.length === 0 && fetched.feed.skipped === 0) return;
  if (fetched.feed.skipped > 0)
    yield {
      ok: false,
      error: new InputError(url, `${fetched.feed.skipped} feed items have no http(s) link (skipped)`),
    };
  for (const item of items) yield await fetchArticle(item, options);
}
