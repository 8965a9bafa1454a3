/**
 * A request trace for diagnosing the server under load, off unless asked for (PARLEY_TRACE=file on
 * `parley serve`): one JSON line per finished request (path, arrival in wall-clock ms and duration, status, socket), one when it arrives, and one per event-loop stall or long garbage collection, so that a client's
 * time-out can be matched with what the server saw, or did not see, at that moment.
 */
import { createWriteStream } from 'node:fs';
import type { Socket } from 'node:net';
import { PerformanceObserver } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';

/** A timer this late has been held up by synchronous work (or a pause): worth a line. */
const STALL_MS = 100;
const TICK_MS = 20;

export interface Trace {
  close(): Promise<void>;
}

export function traceServer(app: FastifyInstance, file: string): Trace {
  const out = createWriteStream(file, { flags: 'a' });
  // Wall-clock milliseconds, so that lines from a client process can be laid beside these.
  const now = (): number => Math.round((performance.timeOrigin + performance.now()) * 10) / 10;
  const write = (line: object): boolean => out.write(`${JSON.stringify(line)}\n`);
  const sockets = new WeakMap<Socket, number>();
  let nextSocket = 0;
  const socketOf = (socket: Socket): number => {
    let id = sockets.get(socket);
    if (id === undefined) {
      sockets.set(socket, (id = ++nextSocket));
      write({ at: now(), kind: 'connect', socket: id });
      socket.once('close', () => write({ at: now(), kind: 'close', socket: id }));
    }
    return id;
  };
  const arrivals = new WeakMap<object, number>();
  // Accepted sockets are logged as they arrive, so that a connection the server took but never read shows.
  app.server.on('connection', (socket: Socket) => {
    const id = socketOf(socket);
    write({ at: now(), kind: 'accept', socket: id });
  });

  app.addHook('onRequest', async (request) => {
    const at = now();
    arrivals.set(request, at);
    write({ at, kind: 'arrive', path: request.url, socket: socketOf(request.raw.socket) });
  });
  app.addHook('onResponse', async (request, reply) => {
    const at = arrivals.get(request) ?? now();
    write({
      at,
      kind: 'request',
      path: request.url,
      ms: Math.round((now() - at) * 10) / 10,
      status: reply.statusCode,
      socket: socketOf(request.raw.socket),
    });
  });

  let last = performance.now();
  const ticker = setInterval(() => {
    const late = performance.now() - last - TICK_MS;
    if (late > STALL_MS) write({ at: now(), kind: 'stall', ms: Math.round(late) });
    last = performance.now();
  }, TICK_MS);
  ticker.unref();
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.duration > STALL_MS)
        write({
          at: Math.round(performance.timeOrigin + entry.startTime),
          kind: 'gc',
          ms: Math.round(entry.duration),
        });
  });
  gc.observe({ entryTypes: ['gc'] });

  return {
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ticker);
        gc.disconnect();
        out.end(resolve);
      }),
  };
}
