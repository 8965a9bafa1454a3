/**
 * `parley watch --once` against a local feed (127.0.0.1 only): conditional requests, new items only,
 * failed items retried next round, nothing stored twice even when the watch state is lost.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { FeedState } from '../src/ingest/feeds/state.js';
import { parseDuration, pollFeed } from '../src/ingest/feeds/watch.js';
import { openStore } from '../src/store/index.js';
import { cli, tempDir, type CliRun } from './support.js';

/** Runs `parley watch …` in-process, through the real CLI. */
const watch = (...args: string[]): Promise<CliRun> => cli('watch', ...args);

const STORIES: Record<string, { title: string; text: string }> = {
  '1': {
    title: 'Talks in Beijing',
    text: 'China and the United States held talks in Beijing on Monday. Both sides called the meeting candid.',
  },
  '2': {
    title: 'Summit in Vilnius',
    text: 'NATO leaders met in Vilnius to discuss support for Ukraine. The talks lasted two days.',
  },
  '3': {
    title: 'Trade deal signed',
    text: 'Japan and India signed a trade agreement in Tokyo on Friday, officials said.',
  },
  '4': {
    title: 'Ceasefire agreed',
    text: 'Israel and Hamas agreed to a ceasefire brokered by Egypt and Qatar, mediators said.',
  },
};

let server: Server;
let base: string;
let feedItems = ['1', '2', '3'];
let feedVersion = 1;
let story3Fails = true;
const hits = new Map<string, number>();
let notModified = 0;

function feedXml(): string {
  const items = feedItems
    .map(
      (id) =>
        `<item><title>${STORIES[id]!.title}</title><link>${base}/articles/${id}</link><guid isPermaLink="false">story-${id}</guid><pubDate>Mon, 19 Jun 2023 1${id}:00:00 GMT</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title><link>${base}/</link>${items}</channel></rss>`;
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', base);
  hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
  if (url.pathname === '/robots.txt') {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('User-agent: *\nDisallow: /admin\n');
    return;
  }
  if (url.pathname === '/feed.xml') {
    const etag = `"feed-v${feedVersion}"`;
    if (request.headers['if-none-match'] === etag) {
      notModified++;
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag });
    response.end(feedXml());
    return;
  }
  const match = /^\/articles\/(\d)$/.exec(url.pathname);
  const story = match ? STORIES[match[1]!] : undefined;
  if (story) {
    if (match![1] === '3' && story3Fails) {
      response.writeHead(503, { 'content-type': 'text/plain' });
      response.end('try later');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html><head><title>${story.title}</title></head><body><article><h1>${story.title}</h1><p>${story.text}</p></article></body></html>`,
    );
    return;
  }
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('not found');
}

async function articleCount(db: string): Promise<number> {
  const store = await openStore(db, { readonly: true });
  try {
    return (await store.summary()).articles;
  } finally {
    await store.close();
  }
}

function itemStatuses(db: string): Record<string, string> {
  const connection = new Database(db, { readonly: true });
  try {
    const rows = connection
      .prepare('SELECT item_key AS key, status FROM feed_items ORDER BY item_key')
      .all() as Array<{
      key: string;
      status: string;
    }>;
    return Object.fromEntries(rows.map((row) => [row.key, row.status]));
  } finally {
    connection.close();
  }
}

before(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('parley watch', () => {
  const db = path.join(tempDir(), 'watch.db');
  const args = (): string[] => [`${base}/feed.xml`, '--once', '--db', db, '--allow-private', '--delay', '0'];

  it('first round: stores the new items; a failing one is one line and stays pending', async () => {
    const run = await watch(...args());
    assert.equal(run.code, 1, run.stderr);
    assert.equal(
      run.stderr,
      `parley: ${base}/articles/3: HTTP 503 Service Unavailable (attempt 1 of 5, retried next round)\n`,
    );
    assert.equal(run.stdout, `${base}/feed.xml: 3 new items, 2 stored, 0 already stored, 1 failed\n`);
    assert.equal(await articleCount(db), 2);
    assert.deepEqual(itemStatuses(db), { 'story-1': 'stored', 'story-2': 'stored', 'story-3': 'pending' });
  });

  it('second round: the unchanged feed costs a 304, and only the pending item is fetched', async () => {
    story3Fails = false;
    const before = {
      feed: hits.get('/feed.xml'),
      one: hits.get('/articles/1'),
      two: hits.get('/articles/2'),
    };
    const run = await watch(...args());
    assert.equal(run.code, 0, run.stderr);
    assert.equal(notModified, 1);
    assert.equal(hits.get('/feed.xml'), before.feed! + 1);
    assert.equal(hits.get('/articles/1'), before.one, 'stored items are not fetched again');
    assert.equal(hits.get('/articles/2'), before.two);
    assert.equal(run.stdout, `${base}/feed.xml: 0 new items, 1 stored, 0 already stored, 0 failed\n`);
    assert.equal(await articleCount(db), 3);
    assert.deepEqual(itemStatuses(db), { 'story-1': 'stored', 'story-2': 'stored', 'story-3': 'stored' });
  });

  it('an unchanged feed with nothing pending costs one request and stores nothing', async () => {
    // Each `--once` is a new process, which reads robots.txt once; the loop keeps it for an hour.
    const requests = (): number =>
      [...hits].filter(([path]) => path !== '/robots.txt').reduce((sum, [, count]) => sum + count, 0);
    const before = requests();
    const run = await watch(...args());
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${base}/feed.xml: unchanged\n`);
    assert.equal(requests(), before + 1);
    assert.equal(await articleCount(db), 3);
  });

  it('a changed feed: only its new item is fetched and stored', async () => {
    feedItems = ['4', '1', '2', '3'];
    feedVersion = 2;
    const run = await watch(...args());
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${base}/feed.xml: 1 new items, 1 stored, 0 already stored, 0 failed\n`);
    assert.equal(hits.get('/articles/4'), 1);
    assert.equal(await articleCount(db), 4);
  });

  it('stores nothing twice even when the watch state is lost after storing (a crash)', async () => {
    const connection = new Database(db);
    connection.exec('DELETE FROM feed_items; DELETE FROM feed_state;');
    connection.close();
    const run = await watch(...args());
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${base}/feed.xml: 4 new items, 0 stored, 4 already stored, 0 failed\n`);
    assert.equal(await articleCount(db), 4);
    assert.deepEqual(Object.values(itemStatuses(db)), ['duplicate', 'duplicate', 'duplicate', 'duplicate']);
  });

  it('survives an unreachable feed: one line, the next feed still polled', async () => {
    // A port nobody listens on, on 127.0.0.1: the connection is refused at once.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dead = `http://127.0.0.1:${deadPort}/feed.xml`;
    const run = await watch(
      dead,
      `${base}/feed.xml`,
      '--once',
      '--db',
      db,
      '--allow-private',
      '--delay',
      '0',
    );
    assert.equal(run.code, 1);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(
      run.stderr,
      new RegExp(`^parley: ${dead}: network error \\(ECONNREFUSED\\) \\(fetching robots.txt\\)\\n$`),
    );
    assert.match(
      run.stdout,
      new RegExp(`^${dead}: not read this round \\(will retry\\)\\n${base}/feed.xml: unchanged\\n$`),
    );
  });

  it('refuses a private address without --allow-private, and a bad --every', async () => {
    const refused = await watch(`${base}/feed.xml`, '--once', '--db', db, '--delay', '0');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /refused: 127\.0\.0\.1 is the private or local address 127\.0\.0\.1/);
    const bad = await watch(`${base}/feed.xml`, '--every', 'often', '--db', db);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--every must be a duration/);
  });
});

describe('feed state', () => {
  it('gives an item up after too many failed attempts', async () => {
    const connection = new Database(':memory:');
    const state = new FeedState(connection);
    const feed = 'http://feeds.test/rss';
    const item = { url: 'http://feeds.test/a', title: 'A', source: 'Feeds', guid: 'a' };
    assert.equal(state.recordFeed(feed, { title: 'Feeds', etag: '"1"' }, [item, { ...item }]), 1);
    assert.equal(
      state.recordFeed(feed, { title: 'Feeds' }, [{ ...item, guid: 'other-id' }]),
      0,
      'same URL, same item',
    );
    assert.deepEqual(state.markFailed(feed, 'a', 'HTTP 500', 2), { attempts: 1, gaveUp: false });
    assert.equal(state.pending(feed).length, 1);
    assert.deepEqual(state.markFailed(feed, 'a', 'HTTP 500', 2), { attempts: 2, gaveUp: true });
    assert.equal(state.pending(feed).length, 0);
    assert.equal(state.isSeen(feed, 'a', item.url), false);
    assert.equal(state.feed(feed)?.etag, null, 'the last changed fetch had no ETag');
    state.close();
    connection.close();
  });

  it('pollFeed marks an item done only after the store returns', async () => {
    const connection = new Database(':memory:');
    const state = new FeedState(connection);
    feedItems = ['1'];
    feedVersion = 3;
    let calls = 0;
    const report = await pollFeed(`${base}/feed.xml`, {
      state,
      allowPrivate: true,
      minDelayMs: 0,
      store: () => {
        calls++;
        throw new Error('disk full');
      },
    }).catch((error: Error) => error);
    assert.ok(report instanceof Error && report.message === 'disk full', 'a store failure is not swallowed');
    assert.equal(calls, 1);
    assert.equal(state.pending(`${base}/feed.xml`).length, 1, 'still pending: retried next round');
    state.close();
    connection.close();
  });

  it('parses durations', () => {
    assert.equal(parseDuration('15m'), 900_000);
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('1h'), 3_600_000);
    assert.equal(parseDuration('often'), undefined);
  });
});
