/** Feeds: RSS, Atom and JSON Feed into items; hostile XML refused quickly, with a clear reason. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FeedError, feedDate, htmlToText, parseFeed, sniffFeed } from '../src/ingest/feeds/parse.js';
import { fixture } from './support.js';

const read = (name: string): string => readFileSync(fixture('feeds', name), 'utf8');

/** Runs `parse` and says how long it took and how much the heap grew. */
function measured<T>(parse: () => T): { value?: T; error?: Error; ms: number; heapMb: number } {
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  try {
    const value = parse();
    return { value, ms: performance.now() - started, heapMb: (process.memoryUsage().heapUsed - heap) / 1e6 };
  } catch (error) {
    return {
      error: error as Error,
      ms: performance.now() - started,
      heapMb: (process.memoryUsage().heapUsed - heap) / 1e6,
    };
  }
}

describe('feeds', () => {
  it('parses RSS 2.0: links, guids, dates, summaries, entities and CDATA', () => {
    const feed = parseFeed(read('rss.xml'), { baseUrl: 'https://news.test/rss.xml' });
    assert.equal(feed.format, 'rss');
    assert.equal(feed.title, 'World News & Views');
    assert.equal(feed.link, 'https://news.test/');
    assert.equal(feed.skipped, 1);
    assert.deepEqual(feed.items, [
      {
        url: 'https://news.test/world/blinken-xi?utm=rss&x=1',
        title: 'Blinken meets Xi in Beijing',
        date: '2023-06-19T10:00:00.000Z',
        source: 'World News & Views',
        summary: 'The U.S. Secretary of State met China\u2019s leader.',
        guid: 'news-test-1001',
      },
      {
        url: 'https://news.test/world/talks',
        title: 'Talks & tensions',
        date: '2023-06-18T06:30:00.000Z',
        source: 'World News & Views',
        summary: 'Diplomats met in Geneva.',
        guid: 'https://news.test/world/talks',
      },
      {
        url: 'https://news.test/world/guid-only',
        title: 'Permalink guid only',
        // No date of its own: the channel's.
        date: '2023-06-20T09:00:00.000Z',
        source: 'World News & Views',
        guid: 'https://news.test/world/guid-only',
      },
    ]);
  });

  it('parses Atom: alternate links against xml:base, published before updated, html titles', () => {
    const feed = parseFeed(read('atom.xml'));
    assert.equal(feed.format, 'atom');
    assert.equal(feed.title, 'Atom Wire');
    assert.equal(feed.link, 'https://atom.test/');
    assert.deepEqual(feed.items, [
      {
        url: 'https://atom.test/news/summit.html',
        title: 'Leaders gather for summit',
        date: '2023-06-21T09:15:00.000Z',
        source: 'Atom Wire',
        summary: 'Heads of state meet in Vilnius.',
        guid: 'tag:atom.test,2023:summit',
      },
      {
        url: 'https://elsewhere.test/story',
        title: 'Only updated',
        date: '2023-06-20T00:00:00.000Z',
        source: 'Atom Wire',
        summary: 'Plain content used as summary.',
        guid: 'tag:atom.test,2023:updated',
      },
    ]);
  });

  it('parses JSON Feed 1.1', () => {
    const feed = parseFeed(read('feed.json'));
    assert.equal(feed.format, 'json');
    assert.equal(feed.title, 'JSON Desk');
    assert.equal(feed.skipped, 2);
    assert.deepEqual(feed.items, [
      {
        url: 'https://json.test/2023/06/ceasefire',
        title: 'Ceasefire agreed',
        date: '2023-06-22T18:00:00.000Z',
        source: 'JSON Desk',
        summary: 'Both sides agreed to a ceasefire.',
        guid: '2347',
      },
      {
        url: 'https://json.test/relative/story',
        title: 'External',
        source: 'JSON Desk',
        summary: 'A short summary.',
        guid: '7',
      },
    ]);
  });

  it('refuses a billion-laughs feed at once, in bounded time and memory', () => {
    const { error, ms, heapMb } = measured(() => parseFeed(read('billion-laughs.xml')));
    assert.ok(error instanceof FeedError, 'a FeedError');
    assert.match(error.message, /refers to other entities \(refused: entity expansion attack\)/);
    assert.ok(ms < 500, `took ${ms} ms`);
    assert.ok(heapMb < 50, `heap grew ${heapMb} MB`);
  });

  it('refuses a quadratic blow-up (one big entity used many times) within its budget', () => {
    const big = 'A'.repeat(1000);
    const uses = '&big;'.repeat(5000);
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "${big}">]><rss version="2.0"><channel><title>t</title><item><title>${uses}</title><link>https://x.test/</link></item></channel></rss>`;
    const { error, ms } = measured(() => parseFeed(xml));
    assert.ok(error instanceof FeedError);
    assert.match(error.message, /entity expansion exceeds 1 MB/);
    assert.ok(ms < 1000, `took ${ms} ms`);
  });

  it('refuses external entities (XXE), plain and parameter, without reading anything', () => {
    for (const [name, reason] of [
      ['xxe.xml', /declares an external XML entity "xxe" \(refused: XXE\)/],
      ['xxe-parameter.xml', /declares an XML parameter entity/],
    ] as const) {
      const { error, value } = measured(() => parseFeed(read(name)));
      assert.equal(value, undefined);
      assert.ok(error instanceof FeedError, name);
      assert.match(error.message, reason);
      assert.doesNotMatch(error.message, /root:/);
    }
  });

  it('expands a small, simple internal entity once', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY nbsp "&#160;"><!ENTITY org "United Nations">]><rss version="2.0"><channel><title>&org;&nbsp;feed</title><item><title>&org; vote</title><link>https://x.test/a</link></item></channel></rss>`;
    const feed = parseFeed(xml);
    assert.equal(feed.title, 'United Nations feed'); // the no-break space, then spaces normalised
    assert.equal(feed.items[0]!.title, 'United Nations vote');
  });

  it('gives clear errors for what is not a feed', () => {
    assert.throws(() => parseFeed(''), /empty feed/);
    assert.throws(() => parseFeed('<rss><channel><title>x</channel></rss>'), /not well-formed XML/);
    assert.throws(() => parseFeed('<html><body>hi</body></html>'), /XML is not a feed \(root element <html>/);
    assert.throws(() => parseFeed('{"title": "x"}'), /JSON is not a JSON Feed/);
    assert.throws(() => parseFeed('{nope'), /not valid JSON/);
    assert.throws(() => parseFeed('hello'), /neither XML nor JSON/);
  });

  it('sniffs feeds and reads feed dates', () => {
    assert.equal(sniffFeed(read('rss.xml')), 'xml');
    assert.equal(sniffFeed(read('atom.xml')), 'xml');
    assert.equal(sniffFeed(read('feed.json')), 'json');
    assert.equal(sniffFeed('<!doctype html><html></html>'), undefined);
    assert.equal(feedDate('Mon, 19 Jun 2023 10:00:00 GMT'), '2023-06-19T10:00:00.000Z');
    assert.equal(feedDate('2023-06-19T12:00:00+02:00'), '2023-06-19T10:00:00.000Z');
    assert.equal(feedDate('Mon, 19 Jun 2023 10:00:00 CEST'), '2023-06-19T10:00:00.000Z');
    assert.equal(feedDate('soon'), undefined);
    assert.equal(htmlToText('<p>A&amp;B</p><script>x()</script> &mdash; ok'), 'A&B \u2014 ok');
  });
});
