/**
 * `parley watch` killed with SIGKILL while it fetches a feed's articles, then started again, several
 * times: every item of the feed ends stored exactly once, none is lost, the file is sound. The feed and
 * its pages are served on 127.0.0.1 (a port the system picks), each page a little slowly, so that kills
 * land between fetching, storing and marking items done.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { contentsOf, runParley, SAMPLE, startParley } from '../processes.js';
import { tempDir } from '../support.js';

const ITEMS = 40;
const STORIES = SAMPLE.map((line) => JSON.parse(line) as { title: string; text: string })
  // Full articles, not the sample's one-line items (a page of one line is boilerplate, not an article).
  .filter((story) => story.text.length > 600)
  .slice(0, ITEMS);

function feedXml(base: string): string {
  const items = STORIES.map(
    (story, index) =>
      `<item><title>${escapeXml(story.title)}</title><link>${base}/story/${index}</link><guid>story-${index}</guid>` +
      `<pubDate>Mon, 19 Jun 2023 10:00:00 GMT</pubDate></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title>${items.join('')}</channel></rss>`;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(index: number): string {
  const story = STORIES[index]!;
  const paragraphs = story.text
    .split(/\n+/)
    .map((paragraph) => `<p>${escapeXml(paragraph)}</p>`)
    .join('');
  return `<!doctype html><html lang="en"><head><title>${escapeXml(story.title)}</title></head><body><article><h1>${escapeXml(story.title)}</h1>${paragraphs}</article></body></html>`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGKILL during watch', () => {
  let server: Server;
  let base: string;
  let pagesServed = 0;
  let dir: string;

  before(async () => {
    dir = tempDir('parley-watch-crash-');
    server = createServer((request, response) => {
      const url = request.url ?? '/';
      if (url === '/feed.xml') {
        response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedXml(base));
        return;
      }
      const story = /^\/story\/(\d+)$/.exec(url);
      if (!story) {
        response.writeHead(404).end();
        return;
      }
      setTimeout(() => {
        pagesServed++;
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(Number(story[1])));
      }, 60);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no item and stores none twice across kills and restarts', async () => {
    const db = path.join(dir, 'watch.db');
    const args = [
      'watch',
      `${base}/feed.xml`,
      '--db',
      db,
      '--allow-private',
      '--delay',
      '0',
      '--every',
      '1s',
    ];
    const killsAfterPages = [3, 9, 17, 26, 33];
    for (const pages of killsAfterPages) {
      const { child, done } = startParley(args);
      let exited = false;
      void done.then(() => (exited = true));
      while (!exited && pagesServed < pages) await sleep(10);
      assert.equal(exited, false, 'watch runs until it is killed');
      await sleep(Math.floor(Math.random() * 60));
      child.kill('SIGKILL');
      assert.equal((await done).signal, 'SIGKILL');
    }
    // A round that meets a network error retries the item next round: a few rounds finish the feed.
    let last = await runParley([...args.slice(0, -2), '--once']);
    for (let round = 1; round < 3 && last.code !== 0; round++)
      last = await runParley([...args.slice(0, -2), '--once']);
    assert.equal(last.code, 0, last.stderr);

    const contents = contentsOf(db);
    assert.equal(contents.integrity, 'ok');
    const state = new Database(db, { readonly: true });
    const items = state
      .prepare('SELECT item_key, status, article_id, last_error FROM feed_items')
      .all() as Array<{
      item_key: string;
      status: string;
      article_id: string | null;
      last_error: string | null;
    }>;
    state.close();
    assert.equal(items.length, ITEMS);
    assert.deepEqual(
      items.filter((item) => item.status !== 'stored' && item.status !== 'duplicate'),
      [],
      'no item left pending or failed',
    );
    assert.deepEqual(
      [...new Set(items.map((item) => item.article_id))].sort(),
      [...contents.articles.keys()].sort(),
      'each item is one stored article',
    );
    assert.equal(contents.articles.size, ITEMS, `every item stored, once: ${JSON.stringify(items)}`);
  });
});
