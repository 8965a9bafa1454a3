/**
 * The HTTP API against hostile clients: SQL injection through every free-text parameter, path traversal
 * out of the dashboard folder, oversized, malformed, deeply nested and prototype-polluting JSON, clients
 * that trickle their requests, and failures that must not reveal stack traces or paths. Over real HTTP on
 * 127.0.0.1 with a port the system chose.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ingest } from '../src/batch.js';
import { buildServer } from '../src/server/app.js';
import { openStore } from '../src/store/index.js';
import type { Store } from '../src/store/store.js';
import { EXAMPLE_PATH, tempDir } from './support.js';

const TOKEN = 'security-test-token';

interface Reply {
  status: number;
  headers: Headers;
  body: string;
}

describe('the server against hostile clients', () => {
  let app: FastifyInstance;
  let store: Store;
  let base: string;
  let articles: number;

  before(async () => {
    store = await openStore(path.join(tempDir(), 'security.db'));
    await ingest([EXAMPLE_PATH], store, { defaultDate: '2023-06-19' });
    articles = (await store.summary()).articles;
    app = buildServer(store, { token: TOKEN, bodyLimit: 64 * 1024, requestTimeoutMs: 1500 });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  const call = async (url: string, init: RequestInit = {}): Promise<Reply> => {
    const response = await fetch(`${base}${url}`, init);
    return { status: response.status, headers: response.headers, body: await response.text() };
  };
  const post = (url: string, body: string, token = TOKEN): Promise<Reply> =>
    call(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });

  it('treats SQL in every free-text parameter as data', async () => {
    const attacks = [
      "' OR 1=1 --",
      '"; DROP TABLE articles; --',
      "x' UNION SELECT analysis, 1, 1, 1, 1, 1 FROM articles --",
      'NEAR(a b) OR * "',
      '1); DELETE FROM events; --',
    ];
    for (const attack of attacks) {
      const q = encodeURIComponent(attack);
      for (const url of [`/api/search?q=${q}`, `/api/events?place=${q}`, `/api/events?article=${q}`]) {
        const reply = await call(url);
        assert.ok(reply.status === 200 || reply.status === 400, `${url}: ${reply.status}`);
        if (reply.status === 200) assert.ok(!reply.body.includes('"analysis"'), `${url} leaks rows`);
      }
      for (const url of [`/api/articles/${q}`, `/api/actors/${q}`, `/api/relations?a=${q}&b=CHN`])
        assert.equal((await call(url)).status, 400, url);
    }
    assert.equal((await store.summary()).articles, articles, 'nothing dropped or deleted');
    assert.ok((await store.events({})).length > 0);
  });

  it('serves nothing outside the dashboard folder', async () => {
    for (const url of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/%252e%252e/package.json',
      '/....//....//etc/passwd',
      '/index.html%00.png',
    ]) {
      const reply = await call(url);
      assert.ok([400, 403, 404].includes(reply.status), `${url}: ${reply.status}`);
      assert.doesNotMatch(reply.body, /root:x:0|"devDependencies"/, url);
    }
  });

  it('answers oversized, malformed, deeply nested and prototype-polluting JSON with problem+json', async () => {
    const cases: Array<[string, number]> = [
      [JSON.stringify({ text: 'x'.repeat(100 * 1024) }), 413],
      ['{"text": "Iran condemned', 400],
      ['['.repeat(20_000) + ']'.repeat(20_000), 400],
      ['{"text":"Iran condemned Israel.","__proto__":{"admin":true}}', 400],
      ['{"constructor":{"prototype":{"admin":true}},"text":"Iran condemned Israel."}', 400],
      ['', 400],
    ];
    for (const [body, status] of cases) {
      const reply = await post('/api/analyze', body);
      assert.equal(reply.status, status, `${body.slice(0, 40)} → ${reply.body.slice(0, 200)}`);
      assert.match(reply.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(({} as Record<string, unknown>).admin, undefined);
    }
    const wrongType = await call('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: '<x/>',
    });
    assert.equal(wrongType.status, 415);
  });

  it('cuts off a client that trickles its request, while serving others', async () => {
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(base).port) });
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now())));
    socket.on('error', () => {}); // the server resetting the connection is the point
    const started = performance.now();
    const request = 'GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(200);
    let sent = 0;
    const drip = setInterval(() => {
      if (sent < request.length && !socket.destroyed) socket.write(request[sent++]!);
    }, 50);
    // Meanwhile the server answers everyone else.
    assert.equal((await call('/api/summary')).status, 200);
    const at = await closed;
    clearInterval(drip);
    assert.ok(at - started < 6000, `closed after ${(at - started).toFixed(0)} ms`);
    assert.ok(sent < request.length, 'cut off before the request was complete');
  });

  it('never reveals a stack trace or a path when it fails', async () => {
    const broken = buildServer(
      new Proxy(store, {
        get: (target, key) =>
          key === 'summary'
            ? () => {
                throw new Error(
                  `SQLITE_IOERR at ${path.resolve('security.db')}\n    at SqliteStore.summary (/work/src/store/sqlite.ts:1:1)`,
                );
              }
            : Reflect.get(target, key),
      }),
    );
    const reply = await broken.inject({ method: 'GET', url: '/api/summary' });
    await broken.close();
    assert.equal(reply.statusCode, 500);
    assert.doesNotMatch(reply.body, /SQLITE|\/work|sqlite\.ts|\bat\b.*:\d+/);
    assert.equal(JSON.parse(reply.body).detail, 'the server failed on this request; it has been logged');
    for (const url of ['/api/nothing', '/api/articles/zz', '/api/events?limit=-1']) {
      const other = await call(url);
      assert.doesNotMatch(other.body, /\/work|node_modules|\.ts:\d+|\.js:\d+/, url);
    }
  });

  it('sends its security headers on answers, errors and the dashboard alike', async () => {
    for (const url of ['/api/summary', '/api/nothing', '/', '/api/search?q=']) {
      const { headers } = await call(url);
      assert.equal(headers.get('x-content-type-options'), 'nosniff', url);
      assert.equal(headers.get('x-frame-options'), 'DENY', url);
      assert.equal(headers.get('referrer-policy'), 'no-referrer', url);
      assert.match(headers.get('content-security-policy') ?? '', /default-src 'self'/, url);
    }
  });

  it('needs the token for writes and exports', async () => {
    assert.equal((await post('/api/articles', '{"text":"Chile praised Peru."}', 'wrong')).status, 401);
    assert.equal((await call('/api/export')).status, 401);
    assert.equal((await store.summary()).articles, articles);
  });
});
