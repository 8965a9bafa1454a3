/**
 * The API's data types, imported (type-only, erased at build) from the server's own definitions so that
 * the dashboard and the API cannot drift apart, plus the few response envelopes the server builds inline.
 */
export type { Actor, Analysis, CodedEvent, Entity, Place, Quote, Theme } from '../../src/model/schema.js';
export type {
  MapPoint,
  NetworkEdge,
  PairTheme,
  SearchHit,
  StoredEvent,
  StoreSummary,
} from '../../src/store/store.js';
export type { Barometer, MovingEvent, Shift } from '../../src/relations.js';
export type { BarometerPoint, PeriodUnit } from '../../src/analysis/barometer.js';

import type { StoredEvent, SearchHit, NetworkEdge, MapPoint, PairTheme } from '../../src/store/store.js';
import type { BarometerPoint } from '../../src/analysis/barometer.js';
import type { MovingEvent } from '../../src/relations.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export type EventsPage = Page<StoredEvent>;
export type SearchPage = Page<SearchHit>;

export interface Explanation {
  point: BarometerPoint | undefined;
  events: MovingEvent[];
}

export interface ThemesResponse {
  items: PairTheme[];
}
export interface NetworkResponse {
  edges: NetworkEdge[];
}
export interface MapResponse {
  points: MapPoint[];
}

export interface StoreResponse {
  stored: number;
  duplicates: number;
  ids: string[];
  errors: Array<{ index: number; detail: string }>;
}

/** The body of POST /api/analyze and POST /api/articles. */
export interface ArticleBody {
  title?: string;
  text?: string;
  html?: string;
  date?: string;
  source?: string;
  url?: string;
}

/** Filters of /api/events and /api/export, as the query string names them. */
export interface EventFilter {
  actor?: string;
  source?: string;
  target?: string;
  code?: string;
  quadClass?: string;
  since?: string;
  until?: string;
  theme?: string;
  place?: string;
}
export const EVENT_FILTER_KEYS = [
  'actor',
  'source',
  'target',
  'code',
  'quadClass',
  'since',
  'until',
  'theme',
  'place',
] as const satisfies ReadonlyArray<keyof EventFilter>;
