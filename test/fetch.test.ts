/**
 * Polite fetching and reading URLs, against a local server on 127.0.0.1 only: robots.txt, redirects,
 * timeouts, size limits, conditional requests, private addresses, one request per host at a time.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { after, before, describe, it } from 'node:test';
import {
  FetchClient,
  FetchError,
  fetchUrl,
  USER_AGENT,
  type FetchOptions,
} from '../src/ingest/fetch/fetch.js';
import { isPrivateAddress } from '../src/ingest/fetch/address.js';
import { parseRobots } from '../src/ingest/fetch/robots.js';
import { readUrlRecords } from '../src/ingest/fetch/records.js';
import type { ReadResult } from '../src/ingest/readers.js';
import { readInputs } from '../src/ingest/sources.js';
import { cli, tempDir } from './support.js';

const ROBOTS = `# Everyone else stays out; Parley has its own group.
User-agent: *
Disallow: /

User-agent: Parley
Disallow: /private
Allow: /private/open
`;

const article = (title: string, text: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1><p>${text}</p></article></body></html>`;

interface Hit {
  path: string;
  userAgent: string | undefined;
  at: number;
}

let server: Server;
let base: string;
const hits: Hit[] = [];
let inFlight = 0;
let maxInFlight = 0;
const openTimers = new Set<NodeJS.Timeout>();

function later(ms: number, task: () => void): void {
  const timer = setTimeout(() => {
    openTimers.delete(timer);
    task();
  }, ms);
  openTimers.add(timer);
}

function feedXml(): string {
  const item = (title: string, path: string, date: string): string =>
    `<item><title>${title}</title><link>${base}${path}</link><guid>${base}${path}</guid><pubDate>${date}</pubDate></item>`;
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Local Wire</title><link>${base}/</link>
${item('First story', '/articles/1', 'Mon, 19 Jun 2023 10:00:00 GMT')}
${item('Blocked story', '/private/secret', 'Mon, 19 Jun 2023 11:00:00 GMT')}
${item('Slow story', '/slow', 'Mon, 19 Jun 2023 12:00:00 GMT')}
${item('Gone story', '/missing', 'Mon, 19 Jun 2023 13:00:00 GMT')}
${item('Second story', '/articles/2', 'Tue, 20 Jun 2023 09:30:00 GMT')}
</channel></rss>`;
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', base);
  hits.push({ path: url.pathname, userAgent: request.headers['user-agent'], at: Date.now() });
  const send = (
    status: number,
    type: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ): void => {
    response.writeHead(status, { 'content-type': type, ...headers });
    response.end(body);
  };
  const path = url.pathname;
  if (path === '/robots.txt') return send(200, 'text/plain', ROBOTS);
  if (path === '/page' || path === '/private/open' || path === '/private/secret')
    return send(200, 'text/html; charset=utf-8', article('A page', `You asked for ${path}.`));
  if (path === '/articles/1')
    return send(
      200,
      'text/html; charset=utf-8',
      article('Talks in Beijing', 'China and the United States held talks in Beijing.'),
    );
  if (path === '/articles/2')
    return send(
      200,
      'text/html; charset=iso-8859-1',
      Buffer.from(article('Sommet à Genève', 'Les ministres se sont réunis à Genève.'), 'latin1'),
    );
  if (path === '/feed.xml') return send(200, 'application/rss+xml', feedXml());
  if (path === '/image.png') return send(200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const redirect = /^\/r\/(\d+)$/.exec(path);
  if (redirect) {
    const left = Number(redirect[1]);
    return left === 0
      ? send(200, 'text/html', article('End of chain', 'Arrived.'))
      : send(302, 'text/plain', '', { location: `/r/${left - 1}` });
  }
  if (path === '/to-metadata')
    return send(302, 'text/plain', '', { location: 'http://169.254.169.254/latest/meta-data/' });
  if (path === '/to-ipv6-loopback')
    return send(301, 'text/plain', '', {
      location: `http://[::1]:${(server.address() as AddressInfo).port}/page`,
    });
  if (path === '/to-file') return send(302, 'text/plain', '', { location: 'file:///etc/passwd' });
  if (path === '/slow') {
    later(3000, () => send(200, 'text/html', article('Slow', 'Finally.')));
    return;
  }
  if (path === '/slow-body') {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.write('<html><body>');
    later(3000, () => response.end('</body></html>'));
    return;
  }
  if (path === '/huge') {
    // No Content-Length: the limit must stop the stream itself.
    response.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = (): void => {
      while (sent < 50 * 1024 * 1024) {
        sent += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      response.end();
    };
    response.on('close', () => (sent = Infinity));
    pump();
    return;
  }
  if (path === '/huge-declared') {
    response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(20 * 1024 * 1024) });
    response.write('<html>');
    later(3000, () => response.destroy());
    return;
  }
  if (path === '/conditional') {
    const etag = '"v1"';
    const lastModified = 'Mon, 19 Jun 2023 10:00:00 GMT';
    if (request.headers['if-none-match'] === etag || request.headers['if-modified-since'] === lastModified) {
      response.writeHead(304, { etag, 'last-modified': lastModified });
      response.end();
      return;
    }
    return send(200, 'text/html', article('Versioned', 'Version one.'), {
      etag,
      'last-modified': lastModified,
    });
  }
  if (path === '/busy') {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    later(40, () => {
      inFlight--;
      send(200, 'text/html', article('Busy', 'Served.'));
    });
    return;
  }
  send(404, 'text/html', '<h1>Not found</h1>');
}

/** Options every test uses: loopback allowed (the server is on 127.0.0.1), no politeness pause. */
const local = (extra: FetchOptions = {}): FetchOptions => ({
  allowPrivate: true,
  minDelayMs: 0,
  client: new FetchClient(),
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, `a FetchError, not ${String(error)}`);
    assert.ok(!error.message.includes('\n'), 'one line');
    return error;
  }
  assert.fail('expected the fetch to fail');
}

const hitsOf = (path: string): number => hits.filter((hit) => hit.path === path).length;

before(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const timer of openTimers) clearTimeout(timer);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('fetch', () => {
  it('fetches a page with a User-Agent naming Parley', async () => {
    const result = await fetchUrl(`${base}/page`, local());
    assert.equal(result.kind, 'ok');
    assert.ok(result.kind === 'ok' && result.body.toString().includes('You asked for /page'));
    assert.equal(result.url, `${base}/page`);
    assert.equal(hits.find((hit) => hit.path === '/page')?.userAgent, USER_AGENT);
    assert.equal(USER_AGENT, 'Parley/0.1 (+https://github.com/parley-news/parley)');
  });

  it('honours robots.txt (the Parley group), fetching it once per host', async () => {
    const options = local();
    const before = hitsOf('/robots.txt');
    const blocked = await failure(fetchUrl(`${base}/private/secret`, options));
    assert.equal(blocked.kind, 'robots');
    assert.equal(blocked.message, `${base}/private/secret: blocked by robots.txt`);
    assert.equal(hitsOf('/private/secret'), 0, 'a blocked page is never requested');
    const open = await fetchUrl(`${base}/private/open`, options);
    assert.equal(open.kind, 'ok');
    await fetchUrl(`${base}/page`, options);
    assert.equal(hitsOf('/robots.txt') - before, 1);
  });

  it('follows a chain of redirects, checking each hop', async () => {
    const result = await fetchUrl(`${base}/r/3`, local());
    assert.equal(result.url, `${base}/r/0`);
    assert.deepEqual(result.redirects, [`${base}/r/2`, `${base}/r/1`, `${base}/r/0`]);
  });

  it('stops after 5 redirects', async () => {
    const error = await failure(fetchUrl(`${base}/r/9`, local()));
    assert.equal(error.kind, 'redirects');
    assert.equal(error.message, `${base}/r/9: too many redirects (more than 5)`);
    assert.ok((await fetchUrl(`${base}/r/5`, local())).url.endsWith('/r/0'), 'exactly 5 is fine');
  });

  it('times out a slow server, and a slow body', async () => {
    for (const path of ['/slow', '/slow-body']) {
      const started = performance.now();
      const error = await failure(fetchUrl(`${base}${path}`, local({ timeoutMs: 300 })));
      assert.equal(error.kind, 'timeout');
      assert.match(
        error.message,
        new RegExp(`^${base}${path}: timeout: (no response|not complete) within 0\\.3 s$`),
      );
      assert.ok(performance.now() - started < 2000);
    }
    const connect = await failure(
      fetchUrl(`${base}/slow`, local({ connectTimeoutMs: 200, timeoutMs: 5000 })),
    );
    assert.equal(connect.message, `${base}/slow: timeout: no response within 0.2 s`);
  });

  it('aborts a response beyond the size limit, streamed or declared', async () => {
    for (const path of ['/huge', '/huge-declared']) {
      const started = performance.now();
      const error = await failure(fetchUrl(`${base}${path}`, local({ maxBytes: 100 * 1024 })));
      assert.equal(error.kind, 'too-large');
      assert.equal(error.message, `${base}${path}: too large: response exceeds the 100 KB limit`);
      assert.ok(performance.now() - started < 2000);
    }
  });

  it('makes conditional requests: 304 is "unchanged"', async () => {
    const first = await fetchUrl(`${base}/conditional`, local());
    assert.equal(first.kind, 'ok');
    assert.equal(first.etag, '"v1"');
    const byEtag = await fetchUrl(`${base}/conditional`, local({ etag: first.etag }));
    assert.equal(byEtag.kind, 'unchanged');
    const byDate = await fetchUrl(`${base}/conditional`, local({ lastModified: first.lastModified }));
    assert.equal(byDate.kind, 'unchanged');
  });

  it('names HTTP errors', async () => {
    const error = await failure(fetchUrl(`${base}/missing`, local()));
    assert.equal(error.message, `${base}/missing: HTTP 404 Not Found`);
    assert.equal(error.status, 404);
  });

  it('refuses loopback, private and metadata addresses unless allowed', async () => {
    const before = hits.length;
    const loopback = await failure(fetchUrl(`${base}/page`, { minDelayMs: 0 }));
    assert.equal(loopback.kind, 'private');
    assert.equal(
      loopback.message,
      `${base}/page: refused: 127.0.0.1 is the private or local address 127.0.0.1 (allowPrivate to allow)`,
    );
    const metadata = await failure(fetchUrl('http://169.254.169.254/latest/meta-data/', { minDelayMs: 0 }));
    assert.equal(metadata.kind, 'private');
    const ipv6 = await failure(fetchUrl('http://[::1]:9/', { minDelayMs: 0 }));
    assert.equal(ipv6.kind, 'private');
    // A name is checked by what it resolves to (an injected resolver: no DNS traffic in tests).
    const named = await failure(
      fetchUrl('http://intranet.example/', {
        minDelayMs: 0,
        lookup: async () => [{ address: '10.0.0.7', family: 4 }],
      }),
    );
    assert.equal(
      named.message,
      'http://intranet.example/: refused: intranet.example resolves to the private or local address 10.0.0.7 (allowPrivate to allow)',
    );
    assert.equal(hits.length, before, 'nothing reached the server');
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      assert.ok(isPrivateAddress(address), address);
    for (const address of ['8.8.8.8', '93.184.216.34', '2606:4700::1111'])
      assert.ok(!isPrivateAddress(address), address);
  });

  it('checks every redirect hop against private addresses and schemes', async () => {
    const onlyThisServer = local({ allowPrivate: false, allowAddress: (address) => address === '127.0.0.1' });
    const metadata = await failure(fetchUrl(`${base}/to-metadata`, onlyThisServer));
    assert.equal(metadata.kind, 'private');
    assert.match(
      metadata.message,
      /^http:\/\/127\.0\.0\.1:\d+\/to-metadata: refused: 169\.254\.169\.254 is the private or local address 169\.254\.169\.254 \(at http:\/\/169\.254\.169\.254\/latest\/meta-data\/\)/,
    );
    const ipv6 = await failure(fetchUrl(`${base}/to-ipv6-loopback`, onlyThisServer));
    assert.equal(ipv6.kind, 'private');
    const file = await failure(fetchUrl(`${base}/to-file`, onlyThisServer));
    assert.equal(file.message, `${base}/to-file: only http and https URLs can be fetched, not file:`);
  });

  it('names DNS failures and bad URLs', async () => {
    const dns = await failure(
      fetchUrl('http://no-such-host.invalid/', {
        minDelayMs: 0,
        lookup: async () => {
          throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
        },
      }),
    );
    assert.equal(
      dns.message,
      'http://no-such-host.invalid/: DNS lookup failed for no-such-host.invalid (ENOTFOUND)',
    );
    assert.equal((await failure(fetchUrl('not a url'))).message, 'not a url: not a valid URL');
    assert.equal((await failure(fetchUrl('ftp://x.test/'))).kind, 'invalid-url');
  });

  it('sends one request at a time to a host, with the pause between them', async () => {
    maxInFlight = 0;
    const options = local({ minDelayMs: 60 });
    await fetchUrl(`${base}/page`, options); // robots.txt and a first request, out of the way
    const started = hits.length;
    await Promise.all(Array.from({ length: 4 }, () => fetchUrl(`${base}/busy`, options)));
    assert.equal(maxInFlight, 1);
    const times = hits
      .slice(started)
      .filter((hit) => hit.path === '/busy')
      .map((hit) => hit.at);
    assert.equal(times.length, 4);
    // 40 ms of work plus a 60 ms pause: starts are at least ~100 ms apart.
    for (let index = 1; index < times.length; index++)
      assert.ok(times[index]! - times[index - 1]! >= 95, `gap ${times[index]! - times[index - 1]!} ms`);
  });
});

describe('readUrlRecords', () => {
  const readAll = async (url: string, options: FetchOptions): Promise<ReadResult[]> => {
    const results: ReadResult[] = [];
    for await (const result of readUrlRecords(url, options)) results.push(result);
    return results;
  };

  it('reads every article of a feed; an unreachable one is one error and the rest goes on', async () => {
    const results = await readAll(`${base}/feed.xml`, local({ timeoutMs: 400 }));
    assert.equal(results.length, 5);
    const [first, blocked, slow, gone, second] = results;
    assert.ok(first?.ok && second?.ok);
    assert.deepEqual(
      { ...first.record.input, html: undefined },
      {
        url: `${base}/articles/1`,
        html: undefined,
        title: 'First story',
        date: '2023-06-19T10:00:00.000Z',
        source: 'Local Wire',
      },
    );
    assert.match(first.record.input.html ?? '', /held talks in Beijing/);
    assert.match(second.record.input.html ?? '', /réunis à Genève/, 'charset from the Content-Type header');
    assert.equal(second.record.input.date, '2023-06-20T09:30:00.000Z');
    assert.ok(blocked && !blocked.ok && slow && !slow.ok && gone && !gone.ok);
    assert.equal(blocked.error.message, `${base}/private/secret: blocked by robots.txt`);
    assert.match(slow.error.message, /\/slow: timeout/);
    assert.equal(gone.error.message, `${base}/missing: HTTP 404 Not Found`);
  });

  it('is what readInputs does with an http(s) target', async () => {
    const results: ReadResult[] = [];
    for await (const result of readInputs([`${base}/page`], { fetch: local() })) results.push(result);
    assert.equal(results.length, 1);
    assert.ok(results[0]?.ok);
    assert.equal(results[0].record.input.url, `${base}/page`);
  });

  it('is what `parley ingest URL` and `parley ingest feed.rss` store, end to end: feed date and source kept', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'local-wire.rss');
    writeFileSync(file, feedXml());
    for (const target of [`${base}/feed.xml`, file]) {
      const db = path.join(dir, `${path.basename(target)}.db`);
      const run = await cli(
        ...['ingest', target, '--db', db, '--allow-private', '--delay', '0'],
        ...['--timeout', '0.4', '--workers', '1'],
      );
      assert.equal(run.code, 1, 'three linked pages fail, so the exit code says so');
      assert.match(run.stdout, /^ingested 2 new articles \(0 already stored, 3 failed\)/);
      assert.deepEqual(
        run.stderr
          .trim()
          .split('\n')
          .map((line) => line.replace(/:\d+/, ':PORT')),
        [
          'parley: http://127.0.0.1:PORT/private/secret: blocked by robots.txt',
          'parley: http://127.0.0.1:PORT/slow: timeout: no response within 0.4 s',
          'parley: http://127.0.0.1:PORT/missing: HTTP 404 Not Found',
        ],
      );
      const rows = new Database(db, { readonly: true })
        .prepare('SELECT url, title, published, source FROM articles ORDER BY published')
        .all();
      assert.deepEqual(rows, [
        {
          url: `${base}/articles/1`,
          title: 'First story',
          published: '2023-06-19T10:00:00.000Z',
          source: 'Local Wire',
        },
        {
          url: `${base}/articles/2`,
          title: 'Second story',
          published: '2023-06-20T09:30:00.000Z',
          source: 'Local Wire',
        },
      ]);
    }
  });

  it('reads a JSON Feed file named on the command line, but never fetches for a feed met in a folder', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'wire.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'JSON Wire',
        items: [{ id: '1', url: `${base}/articles/1`, date_published: '2023-06-19T10:00:00Z' }],
      }),
    );
    const named: ReadResult[] = [];
    for await (const result of readInputs([file], { fetch: local() })) named.push(result);
    assert.equal(named.length, 1);
    assert.ok(named[0]?.ok, named[0]?.ok ? '' : named[0]?.error.message);
    assert.deepEqual(
      { url: named[0].record.input.url, source: named[0].record.input.source },
      { url: `${base}/articles/1`, source: 'JSON Wire' },
    );
    const inFolder: ReadResult[] = [];
    for await (const result of readInputs([dir], { fetch: local() })) inFolder.push(result);
    assert.equal(inFolder.length, 1);
    assert.ok(inFolder[0] && !inFolder[0].ok);
    assert.match(
      inFolder[0].error.message,
      /wire\.json: record has no "text" or "html"$/,
      'read as an article record, not fetched',
    );
  });

  it('reads an HTML page as one record, and refuses what is neither page nor feed', async () => {
    const [page] = await readAll(`${base}/page`, local());
    assert.ok(page?.ok);
    assert.equal(page.record.input.url, `${base}/page`);
    const [image] = await readAll(`${base}/image.png`, local());
    assert.ok(image && !image.ok);
    assert.equal(
      image.error.message,
      `${base}/image.png: neither a feed nor an HTML page (Content-Type image/png)`,
    );
  });
});

describe('robots.txt', () => {
  it('picks the most specific group, the longest rule, Allow on a tie, and * and $ patterns', () => {
    const robots = parseRobots(
      [
        'User-agent: *',
        'Disallow: /',
        '',
        'User-agent: GoogleBot',
        'User-agent: parley',
        'Disallow: /news/',
        'Allow: /news/public',
        'Disallow: /*.pdf$',
        'Allow: /same',
        'Disallow: /same',
        'Crawl-delay: 2',
      ].join('\n'),
    );
    assert.ok(robots.isAllowed('/', 'Parley'));
    assert.ok(!robots.isAllowed('/news/secret', 'Parley'));
    assert.ok(robots.isAllowed('/news/public/1', 'Parley'));
    assert.ok(!robots.isAllowed('/files/report.pdf', 'Parley'));
    assert.ok(robots.isAllowed('/files/report.pdf?download=1', 'Parley'));
    assert.ok(robots.isAllowed('/same', 'Parley'));
    assert.ok(!robots.isAllowed('/', 'OtherBot'));
    assert.ok(robots.isAllowed('/robots.txt', 'OtherBot'));
    assert.equal(robots.crawlDelay('Parley'), 2);
    assert.ok(parseRobots('').isAllowed('/anything', 'Parley'));
    assert.ok(parseRobots('User-agent: *\nDisallow:\n').isAllowed('/anything', 'Parley'));
  });
});
