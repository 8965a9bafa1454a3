/** The HTTP API, called over real HTTP on 127.0.0.1 with a port the system chose. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ingest } from '../src/batch.js';
import { buildServer, isLoopback, tokenMatches } from '../src/server/app.js';
import { openStore } from '../src/store/index.js';
import type { UrlReadOptions } from '../src/ingest/fetch/records.js';
import type { Store } from '../src/store/store.js';
import { COPIES, UNRELATED, WIRE } from './stories.js';
import { EXAMPLE_PATH, exampleText, tempDir } from './support.js';

const TOKEN = 'test-token-1234';
const PAGE = `<html><head><title>Delhi and Tokyo</title></head><body><nav>Home | World</nav><article><h1>Delhi and Tokyo</h1>
<p>India praised Japan on Tuesday for its support of a regional infrastructure plan, and the two governments agreed to
hold talks on maritime security in the coming months, officials in New Delhi said after the meeting of their ministers.</p>
</article></body></html>`;

interface Running {
  base: string;
  app: FastifyInstance;
  store: Store;
}

async function start(token?: string, fetch?: UrlReadOptions): Promise<Running> {
  const dir = tempDir();
  const corpus = path.join(dir, 'corpus.jsonl');
  writeFileSync(
    corpus,
    [
      { date: '2023-01-10', text: 'The United States praised China.' },
      {
        date: '2023-03-05',
        text: 'The United States imposed sanctions on China over export controls on chips.',
      },
      { date: '2023-04-02', text: 'China criticized the United States on Monday.' },
      { date: '2023-04-03', text: 'China criticized the United States on Tuesday.' },
      { date: '2023-04-04', text: 'Russian troops attacked Kharkiv, officials said.' },
    ]
      .map((record) => JSON.stringify(record))
      .join('\n'),
  );
  const store = await openStore(path.join(dir, 'api.db'));
  await ingest([corpus, EXAMPLE_PATH], store, { defaultDate: '2023-06-19' });
  const app = buildServer(store, { token, bodyLimit: 256 * 1024, ...(fetch ? { fetch } : {}) });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { base, app, store };
}

async function call(
  base: string,
  route: string,
  init: RequestInit = {},
): Promise<{ status: number; type: string; body: any }> {
  const response = await fetch(`${base}${route}`, init);
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  return {
    status: response.status,
    type,
    body: type.includes('json') && !type.includes('ndjson') ? JSON.parse(text) : text,
  };
}

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

function assertProblem(
  result: { status: number; type: string; body: any },
  status: number,
  detail: RegExp,
): void {
  assert.equal(result.status, status, JSON.stringify(result.body));
  assert.match(result.type, /application\/problem\+json/);
  assert.match(result.body.detail, detail);
  assert.ok(!JSON.stringify(result.body).includes('    at '), 'no stack trace');
}

describe('HTTP API', () => {
  let server: Running;
  before(async () => {
    server = await start();
  });
  after(async () => {
    await server.app.close();
    await server.store.close();
  });

  it('serves its OpenAPI document, generated from the zod schemas', async () => {
    const { status, body } = await call(server.base, '/openapi.json');
    assert.equal(status, 200);
    assert.equal(body.openapi, '3.1.0');
    for (const route of [
      '/api/analyze',
      '/api/articles',
      '/api/events',
      '/api/relations',
      '/api/relations/explain',
      '/api/search',
      '/api/export',
      '/api/themes',
      '/api/network',
      '/api/map',
    ]) {
      assert.ok(body.paths[route], route);
    }
    const eventParams = body.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name);
    for (const name of ['actor', 'code', 'quadClass', 'since', 'until', 'place', 'theme', 'cursor'])
      assert.ok(eventParams.includes(name), name);
  });

  it('analyses an article without storing it', async () => {
    const before = (await call(server.base, '/api/summary')).body.articles;
    const { status, body } = await call(
      server.base,
      '/api/analyze',
      post({ title: 'Talks', text: 'Antony Blinken met Wang Yi in Beijing.', date: '2023-06-18' }),
    );
    assert.equal(status, 200);
    assert.equal(body.events[0].code, '040');
    assert.equal((await call(server.base, '/api/summary')).body.articles, before);
  });

  it('ingests one article or a batch, each once', async () => {
    const first = await call(
      server.base,
      '/api/articles',
      post({ articles: [{ text: 'Japan protested to China.', date: '2024-01-01' }, { text: '' }] }),
    );
    assertProblem(first, 400, /"articles.1": give "text", "html", or an http\(s\) "url"/);
    const stored = await call(
      server.base,
      '/api/articles',
      post({
        articles: [
          { text: 'Japan protested to China.', date: '2024-01-01' },
          { html: PAGE, date: '2024-01-02' },
        ],
      }),
    );
    assert.equal(stored.status, 201);
    assert.equal(stored.body.stored, 2);
    const again = await call(
      server.base,
      '/api/articles',
      post({ text: 'Japan protested to China.', date: '2024-01-01' }),
    );
    assert.equal(again.status, 200);
    assert.deepEqual([again.body.stored, again.body.duplicates], [0, 1]);
    const article = await call(server.base, `/api/articles/${stored.body.ids[0]}`);
    assert.equal(article.body.article.text, 'Japan protested to China.');
  });

  it('stores a lightly edited copy of a posted story as its copy, not as a second analysis', async () => {
    const articles = async (): Promise<number> => (await call(server.base, '/api/summary')).body.articles;
    const before = await articles();
    const outcomes = (reply: { body: any }): string[] =>
      reply.body.articles.map((article: { outcome: string }) => article.outcome);
    const wire = { date: '2024-05-07', source: 'wire.example' };
    const story = await call(server.base, '/api/articles', post({ ...wire, text: WIRE }));
    assert.equal(story.status, 201);
    assert.deepEqual(outcomes(story), ['stored']);
    const copy = await call(server.base, '/api/articles', post({ ...wire, text: COPIES.dateline }));
    assert.equal(copy.status, 201);
    assert.deepEqual(outcomes(copy), ['copy']);
    assert.deepEqual([copy.body.stored, copy.body.copies, copy.body.duplicates], [0, 1, 0]);
    assert.equal(await articles(), before + 1, 'one analysis for the story and its copy');
    const copies = await server.store.storyCopies(story.body.ids[0]);
    assert.deepEqual(
      copies.map((stored) => stored.id),
      copy.body.ids,
    );
    const again = await call(server.base, '/api/articles', post({ ...wire, text: COPIES.dateline }));
    assert.equal(again.status, 200);
    assert.deepEqual(outcomes(again), ['duplicate']);
    const batch = await call(
      server.base,
      '/api/articles',
      post({
        articles: [
          { ...wire, text: COPIES.droppedParagraph },
          { ...wire, text: UNRELATED[0] },
        ],
      }),
    );
    assert.deepEqual(outcomes(batch), ['copy', 'stored']);
    assert.equal(await articles(), before + 2);
  });

  it('pages events with a cursor, in a stable order, and filters them', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: any } = await call(
        server.base,
        `/api/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(page.status, 200);
      seen.push(...page.body.items.map((event: { id: number }) => event.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = (await call(server.base, '/api/events?limit=1000')).body.items.map(
      (event: { id: number }) => event.id,
    );
    assert.deepEqual(seen, all);
    assert.equal(new Set(seen).size, seen.length);
    const sanctions = await call(
      server.base,
      '/api/events?source=usa&target=CHN&code=163&quadClass=4&since=2023&until=2023-03',
    );
    assert.deepEqual(
      sanctions.body.items.map((event: { code: string }) => event.code),
      ['163'],
    );
    const byTheme = await call(server.base, '/api/events?theme=EXPORT_CONTROLS_TECH');
    assert.ok(
      byTheme.body.items.every((event: { evidence: string }) =>
        /export controls|technology/.test(event.evidence),
      ),
    );
    const inBeijing = await call(server.base, '/api/events?place=Beijing');
    assert.ok(inBeijing.body.items.length >= 1);
  });

  it('searches with snippets and pages the results', async () => {
    const first = await call(server.base, '/api/search?q=China&limit=1');
    assert.equal(first.body.items.length, 1);
    assert.ok(first.body.nextCursor);
    const second = await call(server.base, `/api/search?q=China&limit=1&cursor=${first.body.nextCursor}`);
    assert.notEqual(second.body.items[0].id, first.body.items[0].id);
  });

  it('answers the barometer, its explanation, actor profiles, theme trends, network and map', async () => {
    const relations = await call(server.base, '/api/relations?a=USA&b=CHN&by=month');
    assert.deepEqual(
      relations.body.points.slice(0, 4).map((p: { period: string }) => p.period),
      ['2023-01', '2023-02', '2023-03', '2023-04'],
    );
    const explain = await call(server.base, '/api/relations/explain?a=USA&b=CHN&period=2023-03');
    assert.equal(explain.body.events[0].code, '163');
    assert.match(explain.body.events[0].evidence, /imposed sanctions on China/);
    const actor = await call(server.base, '/api/actors/CHN?by=year');
    assert.ok(actor.body.partners.some((partner: { country: string }) => partner.country === 'USA'));
    const themes = await call(server.base, '/api/themes?a=USA&b=CHN&by=year');
    assert.ok(themes.body.items.some((item: { theme: string }) => item.theme === 'EXPORT_CONTROLS_TECH'));
    const network = await call(server.base, '/api/network');
    assert.ok(
      network.body.edges.some(
        (edge: { source: string; target: string }) => edge.source === 'USA' && edge.target === 'CHN',
      ),
    );
    const map = await call(server.base, '/api/map');
    assert.ok(map.body.points.some((point: { place: string }) => point.place === 'Beijing'));
  });

  it('exports the events of a filter as CSV and JSONL', async () => {
    const csv = await call(server.base, '/api/export?format=csv&actor=USA');
    assert.equal(csv.status, 200);
    assert.match(csv.type, /text\/csv/);
    assert.match(csv.body.split('\n')[0], /^id,date,sourceCode/);
    const jsonl = await call(server.base, '/api/export?format=jsonl&code=163');
    assert.equal(JSON.parse(jsonl.body.trim().split('\n')[0]).code, '163');
  });

  it('answers bad requests with problem+json: wrong types, unknown fields, bad cursors, huge and malformed bodies', async () => {
    assertProblem(await call(server.base, '/api/events?limit=abc'), 400, /"limit"/);
    assertProblem(await call(server.base, '/api/events?quadClass=9'), 400, /"quadClass"/);
    assertProblem(await call(server.base, '/api/events?colour=blue'), 400, /colour/);
    assertProblem(await call(server.base, '/api/events?cursor=not-a-cursor'), 400, /cursor/);
    assertProblem(
      await call(server.base, '/api/events?actor=US%27%3B%20DROP%20TABLE%20events'),
      400,
      /CAMEO/,
    );
    assertProblem(await call(server.base, '/api/relations?a=USA'), 400, /"b"/);
    assertProblem(await call(server.base, '/api/analyze', post({ text: 'x', bogus: 1 })), 400, /bogus/);
    assertProblem(await call(server.base, '/api/analyze', post({ text: 42 })), 400, /"text"/);
    assertProblem(await call(server.base, '/api/analyze', post('{"text": "unterminated')), 400, /JSON/i);
    assertProblem(
      await call(server.base, '/api/analyze', post({ text: 'x'.repeat(300 * 1024) })),
      413,
      /body/i,
    );
    assertProblem(await call(server.base, '/api/articles/ffffffffffff'), 404, /no stored article/);
    assertProblem(await call(server.base, '/api/articles/..%2F..%2Fetc%2Fpasswd'), 400, /article id/);
    assertProblem(await call(server.base, '/api/nothing-here'), 404, /no such endpoint/);
    assertProblem(
      await call(server.base, '/api/analyze', post({ text: '   ', title: 'empty' })),
      400,
      /give "text", "html", or an http\(s\) "url"/,
    );
  });

  it('sends security headers', async () => {
    const response = await fetch(`${server.base}/api/summary`);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  });
});

describe('HTTP API with a token', () => {
  let server: Running;
  before(async () => {
    server = await start(TOKEN);
  });
  after(async () => {
    await server.app.close();
    await server.store.close();
  });

  it('needs the token for writes and exports, not for reads', async () => {
    assertProblem(
      await call(server.base, '/api/articles', post({ text: exampleText() })),
      401,
      /Authorization: Bearer/,
    );
    assertProblem(
      await call(
        server.base,
        '/api/articles',
        post({ text: exampleText() }, { authorization: 'Bearer wrong' }),
      ),
      401,
      /Bearer/,
    );
    assertProblem(await call(server.base, '/api/export'), 401, /Bearer/);
    const allowed = await call(
      server.base,
      '/api/articles',
      post({ text: 'Chile praised Peru.', date: '2024-02-02' }, { authorization: `Bearer ${TOKEN}` }),
    );
    assert.equal(allowed.status, 201);
    assert.equal(
      (await call(server.base, '/api/export', { headers: { authorization: `Bearer ${TOKEN}` } })).status,
      200,
    );
    assert.equal((await call(server.base, '/api/events')).status, 200);
  });

  it('compares tokens in constant time and knows loopback addresses', () => {
    assert.ok(tokenMatches(TOKEN, TOKEN));
    assert.ok(!tokenMatches(`${TOKEN}x`, TOKEN));
    assert.ok(!tokenMatches('', TOKEN));
    assert.ok(isLoopback('127.0.0.1') && isLoopback('localhost') && isLoopback('::1'));
    assert.ok(!isLoopback('0.0.0.0') && !isLoopback('192.168.1.10'));
  });
});

describe('HTTP API fetching a URL', () => {
  const FEED = (base: string): string => `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><title>Delhi and Tokyo</title><link>${base}/news</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>${base}/missing</link></item></channel></rss>`;
  let pages: Server;
  let pagesBase: string;
  let open: Running;
  let guarded: Running;
  before(async () => {
    // The pages live on a server of the test's own, on 127.0.0.1: the only address a test may call.
    pages = createServer((request, response) => {
      if (request.url === '/news') response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      else if (request.url === '/feed.xml')
        response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED(pagesBase));
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    pagesBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
    open = await start(undefined, { allowPrivate: true, minDelayMs: 0 });
    guarded = await start();
  });
  after(async () => {
    for (const running of [open, guarded]) {
      await running.app.close();
      await running.store.close();
    }
    await new Promise((resolve) => pages.close(resolve));
  });

  it('analyses the page a URL names, keeping the title and date given with it', async () => {
    const { status, body } = await call(
      open.base,
      '/api/analyze',
      post({ url: `${pagesBase}/news`, date: '2024-03-05' }),
    );
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.article.url, `${pagesBase}/news`);
    assert.equal(body.article.published, '2024-03-05');
    assert.match(body.article.text, /India praised Japan/);
    assert.ok(!body.article.text.includes('Home | World'), 'the navigation is not the article');
    assert.ok(body.events.some((event: { source: { code: string } }) => event.source.code.startsWith('IND')));
  });

  it('ingests every article of a feed URL, each failure listed', async () => {
    const { status, body } = await call(open.base, '/api/articles', post({ url: `${pagesBase}/feed.xml` }));
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.stored, 1);
    assert.equal(body.errors.length, 1);
    assert.match(body.errors[0].detail, /missing/);
    const stored = await call(open.base, `/api/articles/${body.ids[0]}`);
    assert.match(stored.body.article.published, /^2024-03-05/, "the feed item's date");
  });

  it('refuses a loopback address unless the server allows private addresses', async () => {
    assertProblem(
      await call(guarded.base, '/api/analyze', post({ url: `${pagesBase}/news` })),
      422,
      /private|loopback/i,
    );
    assertProblem(
      await call(open.base, '/api/analyze', post({ url: `${pagesBase}/feed.xml` })),
      400,
      /is a feed/,
    );
    assertProblem(await call(open.base, '/api/analyze', post({ url: 'ftp://example.org/x' })), 400, /url/);
  });
});
