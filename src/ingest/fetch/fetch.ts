/**
 * Polite fetching over Node's global `fetch`: a User-Agent that names us, timeouts, a size limit, redirects
 * followed by hand (each hop checked), one request at a time per host with a pause between them,
 * robots.txt honoured, conditional requests, and no loopback / private / link-local / metadata address
 * unless asked. Every failure is a `FetchError`: one line naming the URL and the reason.
 *
 * Known limit: the address check resolves the host itself, then `fetch` resolves it again to connect, so a
 * DNS server that answers differently within that moment (DNS rebinding) could slip past it. Pinning the
 * checked address needs undici's `Agent` with a `connect.lookup` hook (the `undici` package).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { isIP } from 'node:net';
import { InputError } from '../errors.js';
import { isPrivateAddress, systemLookup, type Lookup } from './address.js';
import { ALLOW_ALL, DISALLOW_ALL, MAX_ROBOTS_BYTES, parseRobots, type Robots } from './robots.js';

export const USER_AGENT = 'Parley/0.1 (+https://github.com/parley-news/parley)';
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'Parley';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_MIN_DELAY_MS = 1_000;
/** A Crawl-delay in robots.txt is honoured up to this many seconds. */
const MAX_CRAWL_DELAY_S = 30;
/** How long a robots.txt is trusted (RFC 9309 asks for no more than 24 hours). */
const ROBOTS_TTL_MS = 60 * 60 * 1000;
/** A robots.txt that failed with a server error is retried after this long. */
const ROBOTS_ERROR_TTL_MS = 5 * 60 * 1000;

export type FetchErrorKind =
  | 'invalid-url'
  | 'timeout'
  | 'too-large'
  | 'redirects'
  | 'robots'
  | 'http'
  | 'dns'
  | 'private'
  | 'network'
  | 'aborted';

/** A failed fetch: `message` is "URL: reason", one line. */
export class FetchError extends InputError {
  constructor(
    readonly url: string,
    reason: string,
    readonly kind: FetchErrorKind,
    readonly status?: number,
  ) {
    super(url, reason);
    this.name = 'FetchError';
  }
}

export interface FetchOptions {
  userAgent?: string;
  /** Whole request (connect, headers, body), per hop. Default 15 s. */
  timeoutMs?: number;
  /** Until the response headers arrive (DNS, connect, TLS, server think time). Default: `timeoutMs`. */
  connectTimeoutMs?: number;
  /** Body bytes (after content decoding) beyond which the download is aborted. Default 10 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Pause between the end of one request and the start of the next to the same host. Default 1 s. */
  minDelayMs?: number;
  /** Honour robots.txt (default true). */
  robots?: boolean;
  /** Allow loopback, private, link-local and metadata addresses (tests on 127.0.0.1; an intranet feed). */
  allowPrivate?: boolean;
  /** Finer grained than `allowPrivate`: addresses this returns true for are allowed even when private. */
  allowAddress?: (address: string, hostname: string) => boolean;
  /** Conditional request: a 304 answer gives `{ kind: 'unchanged' }`. */
  etag?: string;
  lastModified?: string;
  accept?: string;
  /** DNS resolution (default: the system resolver); tests inject their own. */
  lookup?: Lookup;
  signal?: AbortSignal;
  /** Shared politeness state (host queues, robots cache); default: one per process. */
  client?: FetchClient;
}

interface Fetched {
  /** The URL that answered, after redirects. */
  url: string;
  redirects: string[];
  etag?: string;
  lastModified?: string;
}

export interface FetchedBody extends Fetched {
  kind: 'ok';
  status: number;
  contentType?: string;
  body: Buffer;
}

export interface FetchedUnchanged extends Fetched {
  kind: 'unchanged';
  status: 304;
}

export type FetchResult = FetchedBody | FetchedUnchanged;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;
const megabytes = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${Number((bytes / 1024 / 1024).toFixed(1))} MB`
    : `${Number((bytes / 1024).toFixed(1))} KB`;

/** Per-host queues and the robots.txt cache. One per process is the default; tests may make their own. */
export class FetchClient {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastEnd = new Map<string, number>();
  private readonly robotsCache = new Map<string, { robots: Robots; expires: number }>();
  private readonly robotsPending = new Map<string, Promise<Robots>>();

  /** Runs `task` when no other request to `host` is running and the host's pause has passed. */
  async withHost<T>(host: string, delayMs: number, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = this.tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(host, tail);
    try {
      await previous;
      const wait = (this.lastEnd.get(host) ?? 0) + delayMs - Date.now();
      if (wait > 0) await sleep(wait, undefined, { signal });
      return await task();
    } finally {
      this.lastEnd.set(host, Date.now());
      release();
      if (this.tails.get(host) === tail) this.tails.delete(host);
    }
  }

  /** The robots.txt rules of an origin, fetched once and cached. */
  async robotsFor(origin: string, load: () => Promise<{ robots: Robots; ttl: number }>): Promise<Robots> {
    const cached = this.robotsCache.get(origin);
    if (cached && cached.expires > Date.now()) return cached.robots;
    let pending = this.robotsPending.get(origin);
    if (!pending) {
      pending = load()
        .then(({ robots, ttl }) => {
          this.robotsCache.set(origin, { robots, expires: Date.now() + ttl });
          return robots;
        })
        .finally(() => this.robotsPending.delete(origin));
      this.robotsPending.set(origin, pending);
    }
    return pending;
  }

  /** Forgets cached robots.txt files (tests). */
  clearRobots(): void {
    this.robotsCache.clear();
  }
}

const defaultClient = new FetchClient();

interface Settings {
  userAgent: string;
  timeoutMs: number;
  connectTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  minDelayMs: number;
  robots: boolean;
  allowPrivate: boolean;
  allowAddress?: (address: string, hostname: string) => boolean;
  lookup: Lookup;
  signal?: AbortSignal;
  client: FetchClient;
}

function settingsOf(options: FetchOptions): Settings {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    userAgent: options.userAgent ?? USER_AGENT,
    timeoutMs,
    connectTimeoutMs: Math.min(options.connectTimeoutMs ?? timeoutMs, timeoutMs),
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    minDelayMs: options.minDelayMs ?? DEFAULT_MIN_DELAY_MS,
    robots: options.robots ?? true,
    allowPrivate: options.allowPrivate ?? false,
    ...(options.allowAddress ? { allowAddress: options.allowAddress } : {}),
    lookup: options.lookup ?? systemLookup,
    ...(options.signal ? { signal: options.signal } : {}),
    client: options.client ?? defaultClient,
  };
}

function parseHttpUrl(value: string, origin: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FetchError(origin, `not a valid URL${value === origin ? '' : ` (${value})`}`, 'invalid-url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError(
      origin,
      `only http and https URLs can be fetched, not ${url.protocol}`,
      'invalid-url',
    );
  if (url.username || url.password)
    throw new FetchError(origin, 'URLs with a user name or password are not fetched', 'invalid-url');
  url.hash = '';
  return url;
}

/** Refuses hosts that are, or resolve to, an address we must not reach. */
async function checkAddress(url: URL, origin: string, settings: Settings): Promise<void> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const where = url.href === origin ? '' : ` (at ${url.href})`;
  let addresses: string[];
  if (isIP(hostname)) addresses = [hostname];
  else {
    try {
      addresses = (await settings.lookup(hostname)).map((entry) => entry.address);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new FetchError(origin, `DNS lookup failed for ${hostname} (${code})${where}`, 'dns');
    }
    if (addresses.length === 0)
      throw new FetchError(origin, `DNS lookup found no address for ${hostname}${where}`, 'dns');
  }
  if (settings.allowPrivate) return;
  const refused = addresses.find(
    (address) => isPrivateAddress(address) && !settings.allowAddress?.(address, hostname),
  );
  if (refused !== undefined) {
    const resolves = isIP(hostname) ? 'is' : 'resolves to';
    throw new FetchError(
      origin,
      `refused: ${hostname} ${resolves} the private or local address ${refused}${where} (allowPrivate to allow)`,
      'private',
    );
  }
}

function describeNetworkError(error: unknown): { reason: string; kind: FetchErrorKind } {
  const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
  const code = cause?.code ?? (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { reason: `DNS lookup failed (${code})`, kind: 'dns' };
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return { reason: 'connection timed out', kind: 'timeout' };
  const detail = code ?? cause?.message ?? (error as Error).message;
  return { reason: `network error (${detail})`, kind: 'network' };
}

/** Errors of a connection that was closed under us before any answer came. */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/**
 * `fetch`, sent once more when a kept-alive connection turns out closed: the server dropped it while
 * this thread was busy (analysing an article, loading a model) and the reset arrives with our request.
 * Only GETs go through here, which are safe to repeat; a second failure is the answer.
 */
async function fetchOnFreshSocket(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
    if (init.signal?.aborted || !STALE_SOCKET_CODES.has(cause?.code ?? '')) throw error;
    return fetch(url, init);
  }
}

interface HopResult {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** One request and its body, with timeouts and the size limit; no redirect handling. */
async function requestOnce(
  url: URL,
  origin: string,
  headers: Record<string, string>,
  settings: Settings,
  maxBytes: number,
): Promise<HopResult> {
  const controller = new AbortController();
  let timedOut: 'connect' | 'total' | undefined;
  const where = url.href === origin ? '' : ` (at ${url.href})`;
  const onAbort = (): void => controller.abort();
  settings.signal?.addEventListener('abort', onAbort, { once: true });
  const connectTimer = setTimeout(() => {
    timedOut = 'connect';
    controller.abort();
  }, settings.connectTimeoutMs);
  const totalTimer = setTimeout(() => {
    timedOut = 'total';
    controller.abort();
  }, settings.timeoutMs);
  const failure = (error: unknown): FetchError => {
    if (error instanceof FetchError) return error;
    if (timedOut === 'connect')
      return new FetchError(
        origin,
        `timeout: no response within ${seconds(settings.connectTimeoutMs)}${where}`,
        'timeout',
      );
    if (timedOut === 'total')
      return new FetchError(
        origin,
        `timeout: not complete within ${seconds(settings.timeoutMs)}${where}`,
        'timeout',
      );
    if (settings.signal?.aborted) return new FetchError(origin, 'aborted', 'aborted');
    const { reason, kind } = describeNetworkError(error);
    return new FetchError(origin, `${reason}${where}`, kind);
  };
  try {
    if (settings.signal?.aborted) throw new FetchError(origin, 'aborted', 'aborted');
    let response: Response;
    try {
      response = await fetchOnFreshSocket(url, { headers, redirect: 'manual', signal: controller.signal });
    } catch (error) {
      throw failure(error);
    }
    clearTimeout(connectTimer);
    const tooLarge = (): FetchError =>
      new FetchError(
        origin,
        `too large: response exceeds the ${megabytes(maxBytes)} limit${where}`,
        'too-large',
      );
    const declared = Number(response.headers.get('content-length'));
    const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
    if (!encoded && Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    if (response.body) {
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > maxBytes) {
            controller.abort();
            throw tooLarge();
          }
          chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
        }
      } catch (error) {
        throw failure(error);
      } finally {
        reader.releaseLock();
      }
    }
    return { status: response.status, headers: response.headers, body: Buffer.concat(chunks, size) };
  } finally {
    clearTimeout(connectTimer);
    clearTimeout(totalTimer);
    settings.signal?.removeEventListener('abort', onAbort);
  }
}

function effectiveDelay(settings: Settings, robots: Robots | undefined): number {
  const crawlDelay = robots?.crawlDelay(ROBOTS_AGENT);
  return Math.max(settings.minDelayMs, Math.min(crawlDelay ?? 0, MAX_CRAWL_DELAY_S) * 1000);
}

/** Fetches /robots.txt of an origin (following its redirects, which are checked too). */
async function loadRobots(
  origin: URL,
  pageUrl: string,
  settings: Settings,
): Promise<{ robots: Robots; ttl: number }> {
  let url = new URL('/robots.txt', origin);
  for (let hop = 0; hop <= settings.maxRedirects; hop++) {
    await checkAddress(url, pageUrl, settings);
    const result = await settings.client
      .withHost(
        url.host,
        settings.minDelayMs,
        () =>
          requestOnce(
            url,
            url.href,
            { 'user-agent': settings.userAgent, accept: 'text/plain, */*;q=0.5' },
            settings,
            MAX_ROBOTS_BYTES * 4,
          ),
        settings.signal,
      )
      .catch((error: unknown) => {
        // A robots.txt too large to be one is read as absent rather than failing every page.
        if (error instanceof FetchError && error.kind === 'too-large') return undefined;
        if (error instanceof FetchError)
          throw new FetchError(pageUrl, `${error.reason} (fetching robots.txt)`, error.kind);
        throw error;
      });
    if (!result) return { robots: ALLOW_ALL, ttl: ROBOTS_TTL_MS };
    if (REDIRECT_STATUSES.has(result.status)) {
      const location = result.headers.get('location');
      if (!location) return { robots: ALLOW_ALL, ttl: ROBOTS_TTL_MS };
      url = parseHttpUrl(new URL(location, url).href, pageUrl);
      continue;
    }
    if (result.status >= 200 && result.status < 300)
      return { robots: parseRobots(result.body.toString('utf8')), ttl: ROBOTS_TTL_MS };
    // RFC 9309: "unavailable" (4xx) means no rules; "unreachable" (5xx) means disallow everything for now.
    if (result.status >= 400 && result.status < 500) return { robots: ALLOW_ALL, ttl: ROBOTS_TTL_MS };
    return { robots: DISALLOW_ALL, ttl: ROBOTS_ERROR_TTL_MS };
  }
  return { robots: ALLOW_ALL, ttl: ROBOTS_TTL_MS };
}

/**
 * Fetches one URL politely. Resolves with the body (status 2xx) or `{ kind: 'unchanged' }` (304 to a
 * conditional request); rejects with a `FetchError` for everything else, HTTP errors included.
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const settings = settingsOf(options);
  let current = parseHttpUrl(url, url);
  const redirects: string[] = [];
  const headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    accept: options.accept ?? '*/*',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;

  for (;;) {
    const where = current.href === url ? '' : ` (at ${current.href})`;
    await checkAddress(current, url, settings);
    let robots: Robots | undefined;
    if (settings.robots) {
      const origin = current;
      try {
        robots = await settings.client.robotsFor(origin.origin, () => loadRobots(origin, url, settings));
      } catch (error) {
        // Concurrent callers share one robots.txt request: name this caller's URL in the error.
        if (error instanceof FetchError && error.url !== url)
          throw new FetchError(url, error.reason, error.kind);
        throw error;
      }
      if (!robots.isAllowed(current.pathname + current.search, ROBOTS_AGENT))
        throw new FetchError(url, `blocked by robots.txt${where}`, 'robots');
    }
    const target = current;
    const hop = await settings.client.withHost(
      target.host,
      effectiveDelay(settings, robots),
      () => requestOnce(target, url, headers, settings, settings.maxBytes),
      settings.signal,
    );
    const meta = {
      url: current.href,
      redirects,
      ...(hop.headers.get('etag') ? { etag: hop.headers.get('etag')! } : {}),
      ...(hop.headers.get('last-modified') ? { lastModified: hop.headers.get('last-modified')! } : {}),
    };
    if (hop.status === 304) return { kind: 'unchanged', status: 304, ...meta };
    if (REDIRECT_STATUSES.has(hop.status)) {
      const location = hop.headers.get('location');
      if (!location)
        throw new FetchError(
          url,
          `HTTP ${hop.status} redirect without a Location${where}`,
          'http',
          hop.status,
        );
      if (redirects.length >= settings.maxRedirects)
        throw new FetchError(url, `too many redirects (more than ${settings.maxRedirects})`, 'redirects');
      let next: string;
      try {
        next = new URL(location, current).href;
      } catch {
        throw new FetchError(
          url,
          `redirect to an invalid URL (${location.slice(0, 200)})${where}`,
          'invalid-url',
        );
      }
      current = parseHttpUrl(next, url);
      redirects.push(current.href);
      continue;
    }
    if (hop.status < 200 || hop.status >= 300) {
      const text = STATUS_TEXT[hop.status];
      throw new FetchError(url, `HTTP ${hop.status}${text ? ` ${text}` : ''}${where}`, 'http', hop.status);
    }
    const contentType = hop.headers.get('content-type') ?? undefined;
    return {
      kind: 'ok',
      status: hop.status,
      ...(contentType ? { contentType } : {}),
      body: hop.body,
      ...meta,
    };
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
