import { InvalidArgumentError, type Command } from 'commander';
import { openStore } from '../../store/index.js';
import type { CliContext } from '../context.js';
import { ALLOW_PRIVATE_OPTION, DB_OPTION } from '../options.js';

function parsePort(value: string): number {
  const port = Number.parseInt(value, 10);
  if (!(port >= 0 && port <= 65535)) throw new InvalidArgumentError(`--port must be 0–65535, not "${value}"`);
  return port;
}

export function registerServe(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('serve the HTTP API and the dashboard (binds to 127.0.0.1 unless told otherwise)')
    .option(...DB_OPTION)
    .option('--host <host>', 'address to listen on; anything but loopback needs PARLEY_TOKEN', '127.0.0.1')
    .option('--port <port>', 'port (0 = any free port)', parsePort, 8080)
    .option(...ALLOW_PRIVATE_OPTION)
    .addHelpText('after', '\nExample:\n  $ parley serve --db parley.db   # then open http://127.0.0.1:8080/')
    .action(async (options: { db: string; host: string; port: number; allowPrivate?: boolean }) => {
      // The server (fastify, the pipeline for POSTed articles) loads only to serve.
      const { buildServer, isLoopback } = await import('../../server/app.js');
      const token = process.env.PARLEY_TOKEN || undefined;
      if (!isLoopback(options.host) && !token) {
        throw new Error(
          `refusing to listen on ${options.host} without PARLEY_TOKEN: set a token, or use --host 127.0.0.1`,
        );
      }
      const store = await openStore(options.db);
      const app = buildServer(store, {
        token,
        fetch: { allowPrivate: options.allowPrivate ?? false },
        // A diagnostic trace of every request, stall and long GC, only when asked for.
        ...(process.env.PARLEY_TRACE ? { traceFile: process.env.PARLEY_TRACE } : {}),
      });
      const address = await app.listen({ host: options.host, port: options.port });
      context.stdout.write(
        `Parley is serving ${options.db} at ${address}/ (API: ${address}/openapi.json); Ctrl-C stops it\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          void app
            .close()
            .then(() => store.close())
            .then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
