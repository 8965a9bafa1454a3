/**
 * Ingest from a URL: a feed becomes one record per linked article (each page fetched politely), an HTML
 * page becomes one record. Records and failures are the readers' `ReadResult`s, so a URL can stand
 * wherever a file can; an unreachable article is one error and the rest goes on.
 */
import { open, readFile } from 'node:fs/promises';
import type { ArticleInput } from '../../model/schema.js';
import { InputError } from '../errors.js';
import { FeedError, parseFeed, sniffFeed, type Feed, type FeedItem } from '../feeds/parse.js';
import { describeFsError, type ReadResult } from '../readers.js';
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
  yield* feedArticles(fetched.feed, url, options);
}

/** Each item of a feed as a record, its page fetched; items without an http(s) link are one error. */
async function* feedArticles(
  feed: Feed,
  origin: string,
  options: UrlReadOptions,
): AsyncGenerator<ReadResult> {
  const items = feed.items.slice(0, options.maxItems ?? Infinity);
  if (feed.skipped > 0)
    yield {
      ok: false,
      error: new InputError(origin, `${feed.skipped} feed items have no http(s) link (skipped)`),
    };
  for (const item of items) yield await fetchArticle(item, options);
}

/**
 * A feed saved as a file (RSS, Atom or JSON Feed): parsed here, each linked article fetched as from a
 * feed URL. Relative links cannot be resolved without the feed's address, and are skipped.
 */
export async function* readFeedFile(file: string, options: UrlReadOptions = {}): AsyncGenerator<ReadResult> {
  let feed: Feed;
  try {
    const bytes = await readFile(file);
    const head = bytes.subarray(0, 4096).toString('latin1');
    const text = sniffFeed(head) === 'json' ? bytes.toString('utf8') : decodeXmlBody(bytes, undefined, file);
    feed = parseFeed(text);
  } catch (error) {
    if (error instanceof FeedError) {
      yield { ok: false, error: new InputError(file, `feed: ${error.message}`) };
      return;
    }
    if (error instanceof InputError) {
      yield { ok: false, error };
      return;
    }
    yield { ok: false, error: new InputError(file, describeFsError(error)) };
    return;
  }
  yield* feedArticles(feed, file, options);
}

/** Whether a file named on the command line is a feed: by extension, or a JSON Feed by its version URL. */
export async function isFeedFile(file: string): Promise<boolean> {
  if (/\.(rss|atom|xml)$/i.test(file)) return true;
  if (!/\.json$/i.test(file)) return false;
  try {
    const handle = await open(file);
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
      return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(
        buffer.toString('utf8', 0, bytesRead),
      );
    } finally {
      await handle.close();
    }
  } catch {
    return false; // unreadable: the ordinary reader names the problem
  }
}
