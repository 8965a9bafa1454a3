/**
 * New connections are not starved by busy ones: the server answers one request per event-loop turn
 * (src/server/turns.ts), and Node accepts one connection per turn, so a connection opened while many
 * requests wait is taken within a few of them, not after all. Counted in requests, not in time.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ingest } from '../src/batch.js';
import { buildServer } from '../src/server/app.js';
import { openStore } from '../src/store/index.js';
import type { Store } from '../src/store/store.js';
import { EXAMPLE_PATH, tempDir } from './support.js';

const BUSY = 40;
const LATE = 3;

/** Opens a socket and resolves once it is connected. */
function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves once a whole HTTP response (headers and a Content-Length body) has come back on a socket. */
function response(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text);
      if (end >= 0 && length && text.length >= end + 4 + Number(length[1])) resolve(text);
    });
  });
}

describe('the server under a burst of connections', () => {
  let app: FastifyInstance;
  let store: Store;
  let port: number;
  /** Requests whose handling has begun (the hook runs once a request has its turn). */
  let begun = 0;
  const acceptedAt: number[] = [];

  before(async () => {
    store = await openStore(path.join(tempDir(), 'turns.db'));
    await ingest([EXAMPLE_PATH], store, { defaultDate: '2023-06-19' });
    app = buildServer(store);
    app.addHook('onRequest', async () => void begun++);
    app.server.on('connection', () => acceptedAt.push(begun));
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  it('accepts connections opened while many requests wait, within a few requests', async () => {
    const busy = await Promise.all(Array.from({ length: BUSY }, () => open(port)));
    const late: Socket[] = [];
    try {
      await acceptedCount(BUSY);
      // In one go: a request on every busy connection, then new connections behind them.
      const answers = busy.map((socket) => {
        const answer = response(socket);
        socket.write('GET /api/relations?a=USA&b=CHN&by=month HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
        return answer;
      });
      late.push(...(await Promise.all(Array.from({ length: LATE }, () => open(port)))));
      const replies = await Promise.all(answers);
      assert.ok(replies.every((reply) => reply.startsWith('HTTP/1.1 200')));
      await acceptedCount(BUSY + LATE);
      const lastAccepted = acceptedAt[BUSY + LATE - 1]!;
      assert.ok(
        lastAccepted < BUSY / 4,
        `the last new connection was accepted after ${lastAccepted} of ${BUSY} waiting requests had begun`,
      );
    } finally {
      for (const socket of [...busy, ...late]) socket.destroy();
    }
  });

  /** Waits, turn by turn, until the server has accepted this many connections. */
  async function acceptedCount(count: number): Promise<void> {
    while (acceptedAt.length < count) await new Promise((resolve) => setImmediate(resolve));
  }
});
