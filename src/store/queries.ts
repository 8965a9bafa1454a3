/**
 * The read queries both SQL backends answer, written once: SQLite and PostgreSQL differ only in a few
 * functions (the Dialect), so every query has one text and both stores return the same rows.
 */
import type { PeriodAggregate, PeriodUnit } from '../analysis/barometer.js';
import type { Analysis, CodedEvent } from '../model/schema.js';
import type {
  ActorProfile,
  DateRange,
  EventFilter,
  MapPoint,
  MergedEvent,
  NetworkEdge,
  PairTheme,
  RelationEvent,
  StoredEvent,
  StoreSummary,
} from './store.js';

export const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;
/** Mentions of the same event may be dated this many days apart (a meeting reported the day after). */
export const MERGE_DAYS = 3;

export type Params = Record<string, string | number | null>;

/** One coded event as the columns both backends store it in (named parameters of their INSERTs). */
export function eventColumns(articleId: string, event: CodedEvent): Params {
  return {
    articleId,
    date: event.date?.slice(0, 10) ?? null,
    sourceCode: event.source.code,
    sourceCountry: countryOf(event.source.code),
    sourceActor: event.source.actor ?? null,
    sourceText: event.source.text,
    targetCode: event.target?.code ?? null,
    targetCountry: event.target ? countryOf(event.target.code) : null,
    targetActor: event.target?.actor ?? null,
    targetText: event.target?.text ?? null,
    code: event.code,
    root: event.root,
    quadClass: event.quadClass,
    goldstein: event.goldstein,
    plover: event.plover,
    negated: event.negated ? 1 : 0,
    place: event.place?.name ?? null,
    placeCountry: event.place?.country ?? null,
    lat: event.place?.lat ?? null,
    lon: event.place?.lon ?? null,
    evidenceStart: event.evidence.start,
    evidenceEnd: event.evidence.end,
    evidenceText: event.evidence.text,
    pattern: event.pattern,
    confidence: event.confidence,
    themes: event.themes.join(','),
    datePrecision: event.datePrecision,
    background: event.background ? 1 : 0,
    isRoot: event.isRoot ? 1 : 0,
    triggerStart: event.trigger.start,
    triggerEnd: event.trigger.end,
  };
}

/** Goldstein scores in tenths, a whole number: CAMEO's scale has one decimal. */
const GOLDSTEIN_TENTHS = 'sum(CAST(round(goldstein * 10) AS INTEGER))';
const SCORED = 'NULLIF(count(goldstein), 0)';
/**
 * The mean Goldstein score rounded to 3 decimals, half away from zero, by the same integer arithmetic in SQLite
 * and PostgreSQL. Rounding the float mean disagreed on exact halves: SQLite rounds the binary double of 0.5375
 * (0.53749…) down, PostgreSQL rounds its 15-digit decimal 0.5375 up, so a profile moved from one to the other
 * changed. The tenths sum exactly; the rest is integer division of the exact ratio.
 */
const MEAN_GOLDSTEIN = `CAST((CASE WHEN ${GOLDSTEIN_TENTHS} < 0 THEN -1 ELSE 1 END)
  * ((abs(${GOLDSTEIN_TENTHS}) * 200 + ${SCORED}) / (2 * ${SCORED})) AS DOUBLE PRECISION) / 1000`;

/**
 * An article's tone in whole thousandths: their integer sum is exact, so a mean of them is the same figure
 * whatever order each backend adds the rows in (floating sums, and SQL rounding of ties, differ).
 */
const toneThousandths = (column: string): string => `CAST(round(${column} * 1000) AS BIGINT)`;

/** The mean tone from a sum of whole thousandths and a count (bigints may come back as strings). */
function meanTone(sum: number | string | null, count: number | string): number | null {
  return Number(count) > 0 && sum !== null ? Math.round(Number(sum) / Number(count)) / 1000 : null;
}

/** What differs between the SQL of SQLite and PostgreSQL. */
export interface Dialect {
  /** The expression naming a 'YYYY-MM-DD…' date column's period. */
  period: Record<PeriodUnit, string>;
  least(a: string, b: string): string;
  greatest(a: string, b: string): string;
  /** 1-based position of `needle` in `haystack`, 0 when absent. */
  position(haystack: string, needle: string): string;
  /** A floating-point expression rounded to 3 decimals, as a number. */
  round3(expr: string): string;
}

/**
 * The "country" of a CAMEO actor code: its first three letters, except for international and
 * transnational actors (IGOUNO, NGOAMN, IMGHAM…), whose whole code names them: "IGO" alone is no one.
 */
export const countryOf = (code: string): string =>
  /^(IGO|NGO|IMG|MNC)/.test(code) ? code : code.slice(0, 3);

/** The search terms of a user's query: words only, so that no input is ever query syntax. */
export function searchTerms(query: string): string[] {
  return query.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

export function clampLimit(limit: number): number {
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit) || DEFAULT_LIMIT));
}

/** An actor is asked for by country ("USA": three letters) or by full code ("USAGOV"). */
function sideColumn(side: 'source' | 'target', actor: string): string {
  return actor.length === 3 ? `${side}_country` : `${side}_code`;
}

/** Both directions between @a and @b, plus the date range. */
function pairWhere(a: string, b: string, range: DateRange): string {
  const ab = `(${sideColumn('source', a)} = @a AND ${sideColumn('target', b)} = @b)`;
  const ba = `(${sideColumn('source', b)} = @b AND ${sideColumn('target', a)} = @a)`;
  return `(${ab} OR ${ba})${rangeWhere(range)}`;
}

function rangeWhere(range: DateRange, column = 'date'): string {
  return `${range.since ? ` AND ${column} >= @since` : ''}${range.until ? ` AND ${column} <= @until` : ''} AND ${column} IS NOT NULL`;
}

/** "--until 2023" means through the end of 2023: dates compare as strings, so the bound is padded. */
function rangeParams(range: DateRange): Record<string, string> {
  return {
    ...(range.since ? { since: range.since } : {}),
    ...(range.until ? { until: `${range.until}\uffff` } : {}),
  };
}

type Flagged<T, K extends keyof T> = Omit<T, K> & Record<K, number>;

/** SQLite and PostgreSQL columns store flags as 0/1 integers; the API speaks booleans. */
function flags<T, K extends keyof T>(row: Flagged<T, K>, keys: readonly K[]): T {
  const out = { ...row } as Record<string, unknown>;
  for (const key of keys) out[key as string] = row[key] === 1;
  return out as T;
}

/**
 * The read side of a SQL store. A backend gives it a dialect and a way to run a query with named
 * (@name) parameters; it implements every read the Store interface asks for but search.
 */
export abstract class SqlReader {
  constructor(protected readonly dialect: Dialect) {}

  protected abstract all<T>(sql: string, params?: Params): Promise<T[]>;

  async hasArticle(id: string): Promise<boolean> {
    // A stored copy of a story (a near-duplicate, src/stories.ts) counts as stored too.
    const sql =
      'SELECT 1 AS found FROM articles WHERE id = @id UNION ALL SELECT 1 FROM story_copies WHERE article_id = @id';
    return (await this.all(sql, { id })).length > 0;
  }

  async getArticle(id: string): Promise<Analysis | null> {
    const exact = await this.all<{ analysis: string }>('SELECT analysis FROM articles WHERE id = @id', {
      id,
    });
    // A unique prefix of an id is enough, as with git hashes.
    const matches =
      exact.length > 0
        ? exact
        : await this.all<{ analysis: string }>(
            "SELECT analysis FROM articles WHERE id LIKE @id || '%' ORDER BY id LIMIT 2",
            { id },
          );
    return matches.length === 1 ? (JSON.parse(matches[0]!.analysis) as Analysis) : null;
  }

  /** The WHERE clause and parameters of an event filter, shared by the event and export queries. */
  private eventWhere(filter: EventFilter, alias = ''): { where: string; params: Params } {
    const col = (name: string): string => `${alias}${name}`;
    const where: string[] = [];
    const params: Params = { ...rangeParams(filter) };
    const codeColumn = (param: string): string => (param.length === 3 ? 'country' : 'code');
    if (filter.actor)
      where.push(
        `(${col(`source_${codeColumn(filter.actor)}`)} = @actor OR ${col(`target_${codeColumn(filter.actor)}`)} = @actor)`,
      );
    if (filter.source) where.push(`${col(`source_${codeColumn(filter.source)}`)} = @source`);
    if (filter.target) where.push(`${col(`target_${codeColumn(filter.target)}`)} = @target`);
    if (filter.code) where.push(`${col('code')} LIKE @code || '%'`);
    if (filter.quadClass) where.push(`${col('quad_class')} = @quadClass`);
    if (filter.place) where.push(`(${col('place')} = @place OR ${col('place_country')} = @place)`);
    if (filter.theme)
      where.push(`${this.dialect.position(`',' || ${col('themes')} || ','`, "',' || @theme || ','")} > 0`);
    if (filter.articleId) where.push(`${col('article_id')} = @articleId`);
    if (filter.since) where.push(`${col('date')} >= @since`);
    if (filter.until) where.push(`${col('date')} <= @until`);
    if (filter.after)
      where.push(
        `(coalesce(${col('date')}, '') < @afterDate OR (coalesce(${col('date')}, '') = @afterDate AND ${col('id')} < @afterId))`,
      );
    for (const key of [
      'actor',
      'source',
      'target',
      'code',
      'quadClass',
      'place',
      'theme',
      'articleId',
    ] as const) {
      const value = filter[key];
      if (value !== undefined && value !== '') params[key] = value;
    }
    if (filter.after) Object.assign(params, { afterDate: filter.after.date, afterId: filter.after.id });
    params.limit = clampLimit(filter.limit ?? DEFAULT_LIMIT);
    return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  async events(filter: EventFilter = {}): Promise<StoredEvent[]> {
    const { where, params } = this.eventWhere(filter);
    const sql = `SELECT id, article_id AS "articleId", date, source_code AS "sourceCode", source_text AS "sourceText",
        target_code AS "targetCode", target_text AS "targetText", code, root, quad_class AS "quadClass", goldstein, plover,
        negated, place, lat, lon, evidence_text AS evidence, evidence_start AS "evidenceStart",
        trigger_start AS "triggerStart", trigger_end AS "triggerEnd", confidence
      FROM events ${where}
      ORDER BY coalesce(date, '') DESC, id DESC LIMIT @limit`;
    const rows = await this.all<Flagged<StoredEvent, 'negated'>>(sql, params);
    return rows.map((row) => flags(row, ['negated']));
  }

  async mergedEvents(filter: EventFilter = {}): Promise<MergedEvent[]> {
    const { where, params } = this.eventWhere(filter, 'e.');
    // The group's first mention stands for the event; the counts and tone cover all its mentions. A copy
    // of a story (a near-duplicate, not analysed again) reports every event of its story once more, from
    // its own source: GDELT's NumMentions, NumArticles and NumSources count it.
    // Tone is summed in whole thousandths and averaged here (toneThousandths, meanTone).
    const sql = `WITH picked AS (
        SELECT e.group_id, e.article_id, coalesce(a.source, a.id) AS source, ${toneThousandths('a.tone')} AS tone
        FROM events e JOIN articles a ON a.id = e.article_id ${where}
      ), reports AS (
        SELECT group_id, article_id, source, tone FROM picked
        UNION ALL
        SELECT p.group_id, c.article_id, coalesce(c.source, c.article_id), p.tone
        FROM picked p JOIN story_copies c ON c.story_id = p.article_id
      ), merged AS (
        SELECT group_id, count(*) AS mentions, count(DISTINCT article_id) AS articles,
          count(DISTINCT source) AS sources, sum(tone) AS tone_sum, count(tone) AS tone_count
        FROM reports GROUP BY group_id
      )
      SELECT e.id, e.group_id AS "groupId", e.article_id AS "articleId", e.date, e.source_code AS "sourceCode",
        e.source_text AS "sourceText", e.source_country AS "sourceCountry", e.target_code AS "targetCode",
        e.target_text AS "targetText", e.target_country AS "targetCountry", e.code, e.root, e.quad_class AS "quadClass",
        e.goldstein, e.plover, e.negated, e.place, e.place_country AS "placeCountry", e.lat, e.lon,
        e.evidence_text AS evidence, e.evidence_start AS "evidenceStart", e.trigger_start AS "triggerStart",
        e.trigger_end AS "triggerEnd", e.confidence, e.is_root AS "isRoot", e.background, e.pattern,
        g.mentions, g.articles, g.sources, g.tone_sum AS "toneSum", g.tone_count AS "toneCount", a.url, a.ingested_at AS "ingestedAt"
      FROM merged g JOIN events e ON e.id = g.group_id JOIN articles a ON a.id = e.article_id
      ORDER BY coalesce(e.date, '') DESC, e.id DESC LIMIT @limit`;
    type Merged = Flagged<MergedEvent, 'negated' | 'isRoot' | 'background'>;
    const rows = await this.all<Merged & { toneSum: number | null; toneCount: number }>(sql, params);
    return rows.map(({ toneSum, toneCount, ...row }) => ({
      ...flags(row as Merged, ['negated', 'isRoot', 'background']),
      tone: meanTone(toneSum, toneCount),
    }));
  }

  async summary(): Promise<StoreSummary> {
    const count = async (table: string): Promise<number> =>
      (await this.all<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n;
    const [range] = await this.all<StoreSummary['dateRange']>(
      'SELECT min(substr(published, 1, 10)) AS "from", max(substr(published, 1, 10)) AS "to" FROM articles',
    );
    const { least, greatest } = this.dialect;
    return {
      articles: await count('articles'),
      copies: await count('story_copies'),
      actors: await count('actors'),
      events: await count('events'),
      languages: await this.all(
        'SELECT language, count(*) AS articles FROM articles GROUP BY language ORDER BY articles DESC, language',
      ),
      dateRange: range!,
      // A pair is unordered: USA→CHN and CHN→USA count together, as analysts read "U.S.–China".
      topPairs: await this.all(
        `SELECT ${least('source_country', 'target_country')} || '–' || ${greatest('source_country', 'target_country')} AS pair, count(*) AS events
         FROM events WHERE target_country IS NOT NULL AND target_country != source_country
         GROUP BY pair ORDER BY events DESC, pair LIMIT 10`,
      ),
    };
  }

  async relationPeriods(
    a: string,
    b: string,
    by: PeriodUnit,
    range: DateRange = {},
  ): Promise<PeriodAggregate[]> {
    const forward = `${sideColumn('source', a)} = @a AND ${sideColumn('target', b)} = @b`;
    const quad = (n: number): string => `sum(CASE WHEN quad_class = ${n} THEN 1 ELSE 0 END) AS q${n}`;
    const rows = await this.all<
      Omit<PeriodAggregate, 'quad' | 'tone'> & {
        q1: number;
        q2: number;
        q3: number;
        q4: number;
        toneSum: number | null;
        toneCount: number;
      }
    >(
      `SELECT ${this.dialect.period[by]} AS period,
         sum(CASE WHEN ${forward} THEN 1 ELSE 0 END) AS "eventsAB",
         sum(CASE WHEN ${forward} THEN 0 ELSE 1 END) AS "eventsBA",
         count(DISTINCT CASE WHEN ${forward} THEN article_id END) AS "articlesAB",
         count(DISTINCT CASE WHEN ${forward} THEN NULL ELSE article_id END) AS "articlesBA",
         count(DISTINCT article_id) AS articles,
         ${this.dialect.round3('sum(goldstein)')} AS "goldsteinSum", count(*) AS mentions,
         ${[1, 2, 3, 4].map(quad).join(', ')},
         sum(${toneThousandths('articles.tone')}) AS "toneSum", count(articles.tone) AS "toneCount"
       FROM events JOIN articles ON articles.id = events.article_id
       WHERE ${pairWhere(a, b, range)}
       GROUP BY period ORDER BY period`,
      { a, b, ...rangeParams(range) },
    );
    return rows.map(({ q1, q2, q3, q4, toneSum, toneCount, ...row }) => ({
      ...row,
      quad: [q1, q2, q3, q4],
      tone: meanTone(toneSum, toneCount),
    }));
  }

  async relationEvents(a: string, b: string, range: DateRange = {}, limit = 1000): Promise<RelationEvent[]> {
    const rows = await this.all<Flagged<RelationEvent, 'negated'>>(
      `SELECT e.id, e.article_id AS "articleId", e.date, e.source_code AS "sourceCode", e.source_text AS "sourceText",
         e.target_code AS "targetCode", e.target_text AS "targetText", e.code, e.root, e.quad_class AS "quadClass",
         e.goldstein, e.plover, e.negated, e.place, e.lat, e.lon, e.evidence_text AS evidence,
         e.evidence_start AS "evidenceStart", e.trigger_start AS "triggerStart", e.trigger_end AS "triggerEnd",
         e.confidence, a.title, a.tone, a.url
       FROM events e JOIN articles a ON a.id = e.article_id
       WHERE ${pairWhere(a, b, range).replace(/\b(source_|target_|date\b)/g, 'e.$1')}
       ORDER BY e.date, e.id LIMIT @limit`,
      { a, b, ...rangeParams(range), limit: clampLimit(limit) },
    );
    return rows.map((row) => flags(row, ['negated']));
  }

  async actorProfile(actor: string, by: PeriodUnit, range: DateRange = {}): Promise<ActorProfile> {
    const params = { actor, ...rangeParams(range) };
    const asSource = `${sideColumn('source', actor)} = @actor`;
    const asTarget = `${sideColumn('target', actor)} = @actor`;
    const involved = `(${asSource} OR ${asTarget})${rangeWhere(range)}`;
    const countryMatch = actor.length === 3 ? "aa.code LIKE @actor || '%'" : 'aa.code = @actor';
    return {
      actor,
      names: await this.all(
        `SELECT ac.name, aa.code, count(*) AS articles FROM article_actors aa JOIN actors ac ON ac.id = aa.actor_id
         WHERE ${countryMatch} GROUP BY ac.id, ac.name, aa.code ORDER BY articles DESC, ac.name, aa.code LIMIT 10`,
        { actor },
      ),
      byPeriod: await this.all(
        `SELECT ${this.dialect.period[by]} AS period, sum(CASE WHEN ${asSource} THEN 1 ELSE 0 END) AS "asSource",
           sum(CASE WHEN ${asTarget} THEN 1 ELSE 0 END) AS "asTarget", ${MEAN_GOLDSTEIN} AS goldstein
         FROM events WHERE ${involved} GROUP BY period ORDER BY period`,
        params,
      ),
      partners: await this.all(
        `SELECT CASE WHEN ${asSource} THEN target_country ELSE source_country END AS country, count(*) AS events,
           ${MEAN_GOLDSTEIN} AS goldstein
         FROM events WHERE ${involved} AND target_country IS NOT NULL AND source_country != target_country
         GROUP BY country ORDER BY events DESC, country LIMIT 10`,
        params,
      ),
      codes: await this.all(
        `SELECT code, count(*) AS events FROM events WHERE ${involved} GROUP BY code ORDER BY events DESC, code LIMIT 10`,
        params,
      ),
      themes: await this.all(
        `SELECT theme, count(*) AS articles FROM article_themes
         WHERE article_id IN (SELECT DISTINCT article_id FROM events WHERE ${involved})
         GROUP BY theme ORDER BY articles DESC, theme LIMIT 15`,
        params,
      ),
    };
  }

  async pairThemes(a: string, b: string, by: PeriodUnit, range: DateRange = {}): Promise<PairTheme[]> {
    return this.all(
      `WITH pair_articles AS (
         SELECT DISTINCT article_id, ${this.dialect.period[by]} AS period FROM events WHERE ${pairWhere(a, b, range)}
       )
       SELECT p.period, t.theme, count(*) AS articles
       FROM pair_articles p JOIN article_themes t ON t.article_id = p.article_id
       GROUP BY p.period, t.theme ORDER BY p.period, articles DESC, t.theme`,
      { a, b, ...rangeParams(range) },
    );
  }

  async network(range: DateRange = {}, limit = 100): Promise<NetworkEdge[]> {
    // Ties between quad classes go to the lower class, so that both backends name the same one.
    return this.all(
      `SELECT source_country AS source, target_country AS target, count(*) AS events,
         ${MEAN_GOLDSTEIN} AS goldstein,
         (SELECT quad_class FROM events e2 WHERE e2.source_country = events.source_country
            AND e2.target_country = events.target_country GROUP BY quad_class ORDER BY count(*) DESC, quad_class LIMIT 1) AS "quadClass"
       FROM events WHERE target_country IS NOT NULL AND source_country != target_country${rangeWhere(range)}
       GROUP BY source_country, target_country ORDER BY events DESC, source, target LIMIT @limit`,
      { ...rangeParams(range), limit: clampLimit(limit) },
    );
  }

  async mapPoints(range: DateRange = {}, actor?: string): Promise<MapPoint[]> {
    const actorWhere = actor
      ? ` AND (${sideColumn('source', actor)} = @actor OR ${sideColumn('target', actor)} = @actor)`
      : '';
    return this.all(
      `SELECT place, place_country AS country, lat, lon, count(*) AS events,
         ${MEAN_GOLDSTEIN} AS goldstein
       FROM events WHERE lat IS NOT NULL${actorWhere}${rangeWhere(range)}
       GROUP BY place, place_country, lat, lon ORDER BY events DESC, place, country, lat, lon LIMIT 2000`,
      { ...rangeParams(range), ...(actor ? { actor } : {}) },
    );
  }
}
