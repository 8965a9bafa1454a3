/**
 * The HTTP API (fastify): the same library functions the CLI uses, as JSON. Requests are validated with
 * zod (src/server/schemas.ts); every error is application/problem+json with a clear message and never a
 * stack trace; writes and exports need the token when PARLEY_TOKEN is set; lists page with cursors.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { z, ZodError, type ZodType } from 'zod';
import { storeArticle, type StoreOutcome } from '../batch.js';
import { EVENT_CSV_COLUMNS, formatCsv } from '../export/csv.js';
import { buildArticle } from '../ingest/article.js';
import { InputError } from '../ingest/errors.js';
import { fetchFeedOrPage, readUrlRecords, type UrlReadOptions } from '../ingest/fetch/records.js';
import { packageRoot } from '../model/paths.js';
import type { Analysis, ArticleInput } from '../model/schema.js';
import { analyzeArticle } from '../pipeline.js';
import { barometer, explainPeriod } from '../relations.js';
import type { Store, StoredEvent } from '../store/store.js';
import { StoryGrouper } from '../stories.js';
import { openApiDocument } from './openapi.js';
import { traceServer } from './trace.js';
import { takeTurns } from './turns.js';
import {
  ActorQuerySchema,
  ArticleBodySchema,
  EventsQuerySchema,
  ExplainQuerySchema,
  ExportQuerySchema,
  BatchBodySchema,
  MapQuerySchema,
  NetworkQuerySchema,
  PairQuerySchema,
  SearchQuerySchema,
} from './schemas.js';

export interface ServerOptions {
  /** Required for writes and exports when set (PARLEY_TOKEN). */
  token?: string;
  /** Largest request body, in bytes. */
  bodyLimit?: number;
  /**
   * How long one request may take to arrive, headers and body (default 30 s): a client that trickles
   * its request a byte at a time (slowloris) is cut off then, and holds no more than its own socket.
   */
  requestTimeoutMs?: number;
  /**
   * How a body's `url` is fetched: by default the hardened fetcher refuses loopback, private, link-local
   * and metadata addresses (a server must not be a way into its own network); `allowPrivate` for an
   * intranet, and tests on 127.0.0.1.
   */
  fetch?: UrlReadOptions;
  /** The built dashboard to serve at `/` (web/dist), if present. */
  dashboardDir?: string;
  logger?: boolean;
  /** Writes a line per request, event-loop stall and long GC to this file (src/server/trace.ts). */
  traceFile?: string;
}

/** An error the API reports as problem+json with this status. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
  ) {
    super(detail);
  }
}

function parse<T extends ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
  throw new HttpProblem(400, 'Bad request', `${where}${issue.message}`);
}

/** Cursors are opaque to clients: base64url JSON of the last item's sort key. */
export function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T extends ZodType>(cursor: string, schema: T): z.output<T> {
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new HttpProblem(400, 'Bad request', `"cursor": not a cursor this API gave out`);
  }
}

const EventCursorSchema = z.object({ date: z.string().max(40), id: z.number().int() }).strict();
const OffsetCursorSchema = z.object({ offset: z.number().int().min(0).max(100_000) }).strict();

/** Compares tokens in constant time: hashing first makes the lengths equal. */
export function tokenMatches(given: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function requireToken(request: FastifyRequest, token: string | undefined): void {
  if (!token) return;
  const header = request.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  if (!tokenMatches(given, token))
    throw new HttpProblem(401, 'Unauthorized', 'this request needs "Authorization: Bearer <PARLEY_TOKEN>"');
}

function problem(reply: FastifyReply, status: number, title: string, detail: string): FastifyReply {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title, status, detail });
}

/** The API's CSV: each stored mention, with its evidence and article. */
const EXPORT_CSV_COLUMNS: Array<keyof StoredEvent> = [
  'id',
  ...EVENT_CSV_COLUMNS,
  'negated',
  'place',
  'evidence',
  'articleId',
];

/** A body's own fields that a fetched page's metadata must not override (its URL is the page's). */
function withoutUrl(input: ArticleInput): ArticleInput {
  const { url: _url, text: _text, html: _html, ...rest } = input;
  return rest;
}

export function buildServer(store: Store, options: ServerOptions = {}): FastifyInstance {
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 10 * 1024 * 1024,
    requestTimeout,
    // Node checks for overdue requests on this interval, so it bounds how late a timeout is enforced.
    http: { headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(1000, requestTimeout) },
  });

  if (options.traceFile) {
    // First of the hooks, so that a request's arrival is logged before it waits for its turn.
    const trace = traceServer(app, options.traceFile);
    app.addHook('onClose', () => trace.close());
  }
  const takeTurn = takeTurns();
  app.addHook('onRequest', () => takeTurn());

  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    // ECharts sets inline styles; scripts and everything else come from this server only.
    reply.header(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'",
    );
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof HttpProblem) return problem(reply, error.status, error.title, error.message);
    if (error instanceof InputError) return problem(reply, 422, 'Unprocessable article', error.message);
    if (error instanceof ZodError)
      return problem(reply, 400, 'Bad request', error.issues[0]?.message ?? 'invalid request');
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      // fastify's own 4xx: malformed JSON, body too large, wrong content type.
      return problem(
        reply,
        status,
        status === 413 ? 'Payload too large' : 'Bad request',
        (error as Error).message,
      );
    }
    app.log.error(error);
    return problem(reply, 500, 'Internal error', 'the server failed on this request; it has been logged');
  });
  app.setNotFoundHandler((request, reply) =>
    problem(reply, 404, 'Not found', `no such endpoint: ${request.method} ${request.url.split('?')[0]}`),
  );

  const analyse = (input: ArticleInput, origin: string): Analysis =>
    analyzeArticle(buildArticle(input, origin));
  // A request waits for its fetch, so one URL (a feed's items included) is bounded in time and items.
  const fetchOptions: UrlReadOptions = { timeoutMs: 10_000, maxItems: 50, ...options.fetch };
  const wantsFetch = (input: ArticleInput): input is ArticleInput & { url: string } =>
    (input.text ?? '').trim() === '' && (input.html ?? '').trim() === '' && input.url !== undefined;

  /** A body with only a URL is the page it names (fetched), keeping the body's own title, date and source. */
  const fetchPage = async (input: ArticleInput & { url: string }): Promise<ArticleInput> => {
    try {
      const fetched = await fetchFeedOrPage(input.url, fetchOptions);
      if (fetched.kind === 'page') return { ...input, url: fetched.url, html: fetched.html };
      throw new HttpProblem(
        400,
        'Bad request',
        `${input.url} is a feed, not a page: POST it to /api/articles to ingest its items`,
      );
    } catch (error) {
      if (error instanceof InputError) throw new HttpProblem(422, 'Unprocessable content', error.message);
      throw error;
    }
  };

  /** The articles one ingest body stands for: itself, or every article its URL leads to (a page, a feed's items). */
  async function* articlesOf(
    input: ArticleInput,
    origin: string,
  ): AsyncGenerator<{ input: ArticleInput; origin: string } | { error: string }> {
    if (!wantsFetch(input)) {
      yield { input, origin };
      return;
    }
    for await (const result of readUrlRecords(input.url, fetchOptions)) {
      if (!result.ok) yield { error: result.error.message };
      else yield { input: { ...result.record.input, ...withoutUrl(input) }, origin: result.record.origin };
    }
  }

  app.get('/healthz', async () => ({ ok: true }));
  app.get('/openapi.json', async () => openApiDocument());

  app.post('/api/analyze', async (request) => {
    const input = parse(ArticleBodySchema, request.body);
    return analyse(wantsFetch(input) ? await fetchPage(input) : input, input.url ?? 'request body');
  });

  // One story grouper for the server's life, opened at the first write: a near-duplicate posted here is
  // stored as a copy of its story and not analysed again, as `parley ingest` and `parley watch` store it.
  let stories: Promise<StoryGrouper> | undefined;
  const grouper = (): Promise<StoryGrouper> =>
    (stories ??= StoryGrouper.open(store).catch((error: unknown) => {
      stories = undefined;
      throw error;
    }));

  app.post('/api/articles', async (request, reply) => {
    requireToken(request, options.token);
    const isBatch = typeof request.body === 'object' && request.body !== null && 'articles' in request.body;
    const inputs = isBatch
      ? parse(BatchBodySchema, request.body).articles
      : [parse(ArticleBodySchema, request.body)];
    const articles: Array<{ id: string; outcome: StoreOutcome }> = [];
    const errors: Array<{ index: number; detail: string }> = [];
    for (const [index, body] of inputs.entries()) {
      for await (const article of articlesOf(body, `articles[${index}]`)) {
        if ('error' in article) {
          errors.push({ index, detail: article.error });
          continue;
        }
        try {
          const built = buildArticle(article.input, article.origin);
          articles.push({ id: built.id, outcome: await storeArticle(store, await grouper(), built) });
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          errors.push({ index, detail: error.message });
        }
      }
    }
    const count = (outcome: StoreOutcome): number => articles.filter((a) => a.outcome === outcome).length;
    const [stored, copies] = [count('stored'), count('copy')];
    return reply.code(stored + copies > 0 ? 201 : 200).send({
      stored,
      copies,
      duplicates: count('duplicate'),
      ids: articles.map((article) => article.id),
      articles,
      errors,
    });
  });

  app.get('/api/articles/:id', async (request) => {
    const { id } = parse(
      z.object({ id: z.string().regex(/^[0-9a-f]{4,16}$/, 'an article id (hex)') }),
      request.params,
    );
    const analysis = await store.getArticle(id);
    if (!analysis) throw new HttpProblem(404, 'Not found', `no stored article has id ${id}`);
    return analysis;
  });

  app.get('/api/search', async (request) => {
    const query = parse(SearchQuerySchema, request.query);
    const offset = query.cursor ? decodeCursor(query.cursor, OffsetCursorSchema).offset : 0;
    const items = await store.search(query.q, query.limit + 1, offset);
    const more = items.length > query.limit;
    return {
      items: items.slice(0, query.limit),
      nextCursor: more ? encodeCursor({ offset: offset + query.limit }) : null,
    };
  });

  app.get('/api/events', async (request) => {
    const { cursor, article, ...filter } = parse(EventsQuerySchema, request.query);
    const after = cursor ? decodeCursor(cursor, EventCursorSchema) : undefined;
    const items = await store.events({
      ...filter,
      ...(article ? { articleId: article } : {}),
      limit: filter.limit + 1,
      ...(after ? { after } : {}),
    });
    const page = items.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor:
        items.length > filter.limit && last ? encodeCursor({ date: last.date ?? '', id: last.id }) : null,
    };
  });

  app.get('/api/export', async (request, reply) => {
    requireToken(request, options.token);
    const { format, article, ...filter } = parse(ExportQuerySchema, request.query);
    const events = await store.events({ ...filter, ...(article ? { articleId: article } : {}) });
    if (format === 'csv')
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="parley-events.csv"')
        .send(`${formatCsv(events, EXPORT_CSV_COLUMNS)}\n`);
    return reply
      .type('application/x-ndjson; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="parley-events.jsonl"')
      .send(events.map((event) => JSON.stringify(event)).join('\n') + (events.length > 0 ? '\n' : ''));
  });

  app.get('/api/actors/:code', async (request) => {
    const { code } = parse(z.object({ code: EventsQuerySchema.shape.actor.unwrap() }), request.params);
    const query = parse(ActorQuerySchema, request.query);
    return store.actorProfile(code, query.by, query);
  });

  app.get('/api/relations', async (request) => {
    const { a, b, ...query } = parse(PairQuerySchema, request.query);
    return barometer(store, a, b, query);
  });

  app.get('/api/relations/explain', async (request) => {
    const { a, b, period, ...query } = parse(ExplainQuerySchema, request.query);
    return explainPeriod(store, a, b, period, query);
  });

  app.get('/api/themes', async (request) => {
    const { a, b, by, ...range } = parse(PairQuerySchema, request.query);
    return { items: await store.pairThemes(a, b, by, range) };
  });

  app.get('/api/summary', async () => store.summary());
  app.get('/api/network', async (request) => {
    const { limit, ...range } = parse(NetworkQuerySchema, request.query);
    return { edges: await store.network(range, limit) };
  });
  app.get('/api/map', async (request) => {
    const { actor, ...range } = parse(MapQuerySchema, request.query);
    return { points: await store.mapPoints(range, actor) };
  });

  const dashboard = options.dashboardDir ?? path.join(packageRoot(), 'web/dist');
  if (existsSync(path.join(dashboard, 'index.html'))) {
    app.register(fastifyStatic, { root: dashboard, prefix: '/', index: 'index.html' });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('The Parley API is running; the dashboard is not built (npm run build:web).\n'),
    );
  }
  return app;
}

/** Loopback addresses: anything else exposes the server to a network and needs a token. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
