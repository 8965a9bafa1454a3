/**
 * The store interface: everything the CLI, the server and the workers ask of a database. Every method
 * is asynchronous, so that a networked backend (PostgreSQL) implements it as well as embedded SQLite.
 */
import type { PeriodAggregate, PeriodUnit } from '../analysis/barometer.js';
import type { Analysis } from '../model/schema.js';

export interface EventFilter {
  /** Either side's actor code or country, e.g. "USA" or "USAGOV". */
  actor?: string;
  source?: string;
  target?: string;
  /** A CAMEO code or prefix ("04" matches every consult event). */
  code?: string;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quadClass?: number;
  /** Where the event happened: a place name or a country code of the place. */
  place?: string;
  /** A theme matched in the event's evidence sentence. */
  theme?: string;
  articleId?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD; `until` includes the whole period it names. */
  since?: string;
  until?: string;
  limit?: number;
  /** Keyset cursor: continue after this event in the (date desc, id desc) order. */
  after?: { date: string; id: number };
}

export interface StoredEvent {
  id: number;
  articleId: string;
  date: string | null;
  sourceCode: string;
  sourceText: string;
  targetCode: string | null;
  targetText: string | null;
  code: string;
  root: string;
  quadClass: number;
  goldstein: number;
  plover: string;
  negated: boolean;
  place: string | null;
  lat: number | null;
  lon: number | null;
  evidence: string;
  /** Offsets into the article text: where the evidence sentence starts, and the trigger words. */
  evidenceStart: number;
  triggerStart: number | null;
  triggerEnd: number | null;
  confidence: number;
}

export interface SearchHit {
  id: string;
  title: string;
  published: string | null;
  source: string | null;
  snippet: string;
  rank: number;
}

export interface PairCount {
  pair: string;
  events: number;
}

export interface StoreSummary {
  articles: number;
  /** Near-duplicate copies of stored articles (not analysed again). */
  copies?: number;
  actors: number;
  events: number;
  languages: Array<{ language: string; articles: number }>;
  dateRange: { from: string | null; to: string | null };
  topPairs: PairCount[];
}

export interface PutResult {
  inserted: number;
  /** Copies of stories stored (each copy once). */
  copies?: number;
  /** Articles whose identity was already stored: never stored twice. */
  duplicates: number;
}

export interface DateRange {
  since?: string;
  until?: string;
}

/** A stored event with what the barometer explains it by: its article's title and tone. */
export interface RelationEvent extends StoredEvent {
  title: string;
  tone: number | null;
  url: string | null;
}

export interface ActorProfile {
  actor: string;
  /** Names the store knows under this code or country, most mentioned first. */
  names: Array<{ name: string; code: string; articles: number }>;
  byPeriod: Array<{ period: string; asSource: number; asTarget: number; goldstein: number | null }>;
  partners: Array<{ country: string; events: number; goldstein: number }>;
  codes: Array<{ code: string; events: number }>;
  themes: Array<{ theme: string; articles: number }>;
}

export interface PairTheme {
  period: string;
  theme: string;
  articles: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  events: number;
  goldstein: number;
  /** The quad class most of the edge's events fall in. */
  quadClass: number;
}

export interface MapPoint {
  place: string;
  country: string | null;
  lat: number;
  lon: number;
  events: number;
  goldstein: number;
}

/** An event with every article that reported it merged in (GDELT's NumMentions/NumSources/NumArticles). */
export interface MergedEvent extends StoredEvent {
  groupId: number;
  mentions: number;
  articles: number;
  sources: number;
  /** Mean tone of the articles that reported it. */
  tone: number | null;
  isRoot: boolean;
  background: boolean;
  sourceCountry: string;
  targetCountry: string | null;
  placeCountry: string | null;
  pattern: string;
  url: string | null;
  ingestedAt: string;
}

/** A near-duplicate of a stored story: its own address and source, the story's analysis. */
export interface StoryCopy {
  id: string;
  storyId: string;
  url: string | null;
  title: string;
  published: string | null;
  source: string | null;
  language: string;
  /** Estimated Jaccard similarity to the most similar article of the story. */
  similarity: number;
}

/** A stored MinHash signature (src/ingest/dedup.ts), named by the scheme that computed it. */
export interface StorySignature {
  articleId: string;
  storyId: string;
  scheme: string;
  shingles: number;
  signature: Uint8Array;
}

/** What a batch adds besides analyses: copies of stories, and the signatures of both. */
export interface StoryWrites {
  copies?: StoryCopy[];
  signatures?: StorySignature[];
}

export interface Store {
  /**
   * Stores analyses in one transaction: all of them or none, with the story copies and signatures of
   * the same batch (copies after the analyses, so a copy may name a story of its own batch).
   */
  putAnalyses(analyses: Analysis[], stories?: StoryWrites): Promise<PutResult>;
  /** True for a stored article and for a stored copy of a story. */
  hasArticle(id: string): Promise<boolean>;
  /** The `limit` most recent stored signatures of one scheme, oldest first, to rebuild the near-duplicate index. */
  storySignatures(scheme: string, limit: number): Promise<StorySignature[]>;
  /** The copies of a story, in the order they were stored. */
  storyCopies(storyId: string): Promise<StoryCopy[]>;
  getArticle(id: string): Promise<Analysis | null>;
  /** Best matches first (BM25); `offset` pages through them in a stable order. */
  search(query: string, limit?: number, offset?: number): Promise<SearchHit[]>;
  events(filter?: EventFilter): Promise<StoredEvent[]>;
  summary(): Promise<StoreSummary>;
  /** Per-period aggregates of the events between two actors (country codes or full actor codes). */
  relationPeriods(a: string, b: string, by: PeriodUnit, range?: DateRange): Promise<PeriodAggregate[]>;
  /** The events between two actors in a date range, with their articles. */
  relationEvents(a: string, b: string, range?: DateRange, limit?: number): Promise<RelationEvent[]>;
  actorProfile(actor: string, by: PeriodUnit, range?: DateRange): Promise<ActorProfile>;
  /** Themes of the articles behind a pair's events, per period. */
  pairThemes(a: string, b: string, by: PeriodUnit, range?: DateRange): Promise<PairTheme[]>;
  /** Events merged across the articles that reported them, one row per event, newest first. */
  mergedEvents(filter?: EventFilter): Promise<MergedEvent[]>;
  /** Country-to-country edges of the events in a date range, heaviest first. */
  network(range?: DateRange, limit?: number): Promise<NetworkEdge[]>;
  /** Events per place with coordinates, for a map. */
  mapPoints(range?: DateRange, actor?: string): Promise<MapPoint[]>;
  close(): Promise<void>;
}
