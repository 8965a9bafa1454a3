/**
 * The API client: one typed function per endpoint. Paths are relative ("api/…") so the dashboard works
 * wherever it is mounted; errors (application/problem+json) become ApiError with the server's own words.
 */
import type {
  Analysis,
  ArticleBody,
  Barometer,
  EventFilter,
  EventsPage,
  Explanation,
  MapResponse,
  NetworkResponse,
  PeriodUnit,
  SearchPage,
  StoreResponse,
  ThemesResponse,
} from './types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** A request cancelled because the user moved on: never an error to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** "Bad request: …", or the message of any other failure, for display. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return `${error.title}: ${error.message}`;
  if (error instanceof TypeError) return 'The Parley server cannot be reached. Is `parley serve` running?';
  return error instanceof Error ? error.message : String(error);
}

type QueryValue = string | number | undefined | null;

/** A query string of the non-empty values, in the order given. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) },
  });
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    let title = response.statusText || 'Error';
    let detail = `the server answered ${response.status}`;
    if (type.includes('json')) {
      const problem = (await response.json().catch(() => ({}))) as { title?: unknown; detail?: unknown };
      if (typeof problem.title === 'string') title = problem.title;
      if (typeof problem.detail === 'string') detail = problem.detail;
    }
    throw new ApiError(response.status, title, detail);
  }
  return (await response.json()) as T;
}

const get = <T>(path: string, signal?: AbortSignal): Promise<T> => request<T>(path, signal ? { signal } : {});
const post = <T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> =>
  request<T>(path, { method: 'POST', body: JSON.stringify(body), ...(signal ? { signal } : {}) });

export interface Range {
  since?: string;
  until?: string;
}

export const api = {
  relations: (a: string, b: string, by: PeriodUnit, signal?: AbortSignal) =>
    get<Barometer>(`api/relations${queryString({ a, b, by })}`, signal),
  explain: (a: string, b: string, period: string, by: PeriodUnit, signal?: AbortSignal) =>
    get<Explanation>(`api/relations/explain${queryString({ a, b, period, by })}`, signal),
  themes: (a: string, b: string, by: PeriodUnit, signal?: AbortSignal) =>
    get<ThemesResponse>(`api/themes${queryString({ a, b, by })}`, signal),
  events: (filter: EventFilter, cursor: string | null, limit: number, signal?: AbortSignal) =>
    get<EventsPage>(`api/events${queryString({ ...filter, limit, cursor })}`, signal),
  /** The download link of the events matching a filter. */
  exportUrl: (filter: EventFilter, format: 'csv' | 'jsonl') =>
    `api/export${queryString({ ...filter, format })}`,
  map: (range: Range & { actor?: string }, signal?: AbortSignal) =>
    get<MapResponse>(`api/map${queryString({ ...range })}`, signal),
  network: (range: Range, limit: number, signal?: AbortSignal) =>
    get<NetworkResponse>(`api/network${queryString({ ...range, limit })}`, signal),
  article: (id: string, signal?: AbortSignal) =>
    get<Analysis>(`api/articles/${encodeURIComponent(id)}`, signal),
  search: (q: string, cursor: string | null, limit: number, signal?: AbortSignal) =>
    get<SearchPage>(`api/search${queryString({ q, limit, cursor })}`, signal),
  analyze: (body: ArticleBody, signal?: AbortSignal) => post<Analysis>('api/analyze', body, signal),
  store: (body: ArticleBody, signal?: AbortSignal) => post<StoreResponse>('api/articles', body, signal),
};
