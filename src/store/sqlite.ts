/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode so readers never block the
 * writer, with every write batch in one transaction (all or nothing: a crash loses no stored article).
 */
import Database from 'better-sqlite3';
import type { Analysis, CodedEvent } from '../model/schema.js';
import { explainFailure } from './failures.js';
import { MIGRATIONS } from './migrations.js';
import type { PeriodAggregate, PeriodUnit } from '../analysis/barometer.js';
import type {
  ActorProfile,
  DateRange,
  EventFilter,
  MapPoint,
  MergedEvent,
  NetworkEdge,
  PairTheme,
  PutResult,
  RelationEvent,
  SearchHit,
  Store,
  StoredEvent,
  StoreSummary,
  StoryCopy,
  StorySignature,
  StoryWrites,
} from './store.js';

type Db = Database.Database;

const DEFAULT_LIMIT = 100;
/** Mentions of the same event may be dated this many days apart (a meeting reported the day after). */
const MERGE_DAYS = 3;
const MAX_LIMIT = 10_000;

function migrate(db: Db): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map(
      (row) => row.version,
    ),
  );
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_migrations VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))").run(
        migration.version,
      );
    })();
  }
}

/**
 * The "country" of a CAMEO actor code: its first three letters, except for international and
 * transnational actors (IGOUNO, NGOAMN, IMGHAM…), whose whole code names them: "IGO" alone is no one.
 */
const countryOf = (code: string): string => (/^(IGO|NGO|IMG|MNC)/.test(code) ? code : code.slice(0, 3));

/**
 * FTS5 query syntax treats quotes, parentheses and operators specially; a user's words are searched
 * as plain terms unless they are already a valid FTS query, so that any input is safe to run.
 */
function ftsQuery(query: string): string {
  const terms = query.match(/[\p{L}\p{N}_]+/gu) ?? [];
  return terms.map((term) => `"${term}"`).join(' ');
}

/** The SQL expression naming an event's period: ISO weeks through SQLite's %G/%V. */
const PERIOD_SQL: Record<PeriodUnit, string> = {
  day: 'substr(date, 1, 10)',
  week: "strftime('%G-W%V', substr(date, 1, 10))",
  month: 'substr(date, 1, 7)',
  year: 'substr(date, 1, 4)',
};

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

class SqliteStore implements Store {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      hasArticle: db.prepare(
        'SELECT 1 FROM articles WHERE id = @id UNION ALL SELECT 1 FROM story_copies WHERE article_id = @id',
      ),
      insertCopy: db.prepare(
        `INSERT OR IGNORE INTO story_copies (article_id, story_id, url, title, published, source, language, similarity)
         SELECT @id, @storyId, @url, @title, @published, @source, @language, @similarity
         WHERE NOT EXISTS (SELECT 1 FROM articles WHERE id = @id)`,
      ),
      insertSignature: db.prepare(
        `INSERT OR REPLACE INTO story_signatures (article_id, story_id, scheme, shingles, signature)
         VALUES (@articleId, @storyId, @scheme, @shingles, @signature)`,
      ),
      storySignatures: db.prepare(
        `SELECT article_id AS articleId, story_id AS storyId, scheme, shingles, signature
         FROM story_signatures WHERE scheme = ? ORDER BY rowid`,
      ),
      storyCopies: db.prepare(
        `SELECT article_id AS id, story_id AS storyId, url, title, published, source, language, similarity
         FROM story_copies WHERE story_id = ? ORDER BY rowid`,
      ),
      insertArticle: db.prepare(
        `INSERT OR IGNORE INTO articles (id, url, title, published, source, language, text, tone, analysis)
         VALUES (@id, @url, @title, @published, @source, @language, @text, @tone, @analysis)`,
      ),
      insertFts: db.prepare(
        'INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles WHERE id = ?',
      ),
      upsertActor: db.prepare(
        `INSERT INTO actors (id, name, code, country, type) VALUES (@id, @name, @code, @country, @type)
         ON CONFLICT(id) DO NOTHING`,
      ),
      insertArticleActor: db.prepare(
        'INSERT OR IGNORE INTO article_actors (article_id, actor_id, code, role, mentions) VALUES (?, ?, ?, ?, ?)',
      ),
      insertEvent: db.prepare(
        `INSERT INTO events (article_id, date, source_code, source_country, source_actor, source_text,
           target_code, target_country, target_actor, target_text, code, root, quad_class, goldstein, plover,
           negated, place, place_country, lat, lon, evidence_start, evidence_end, evidence_text, pattern, confidence, themes, date_precision, background, is_root, trigger_start, trigger_end)
         VALUES (@articleId, @date, @sourceCode, @sourceCountry, @sourceActor, @sourceText,
           @targetCode, @targetCountry, @targetActor, @targetText, @code, @root, @quadClass, @goldstein, @plover,
           @negated, @place, @placeCountry, @lat, @lon, @evidenceStart, @evidenceEnd, @evidenceText, @pattern, @confidence, @themes, @datePrecision, @background, @isRoot, @triggerStart, @triggerEnd)`,
      ),
      insertTheme: db.prepare(
        'INSERT OR IGNORE INTO article_themes (article_id, theme, count) VALUES (?, ?, ?)',
      ),
      getArticle: db.prepare('SELECT analysis FROM articles WHERE id = ?'),
      findGroup: db.prepare(
        `SELECT group_id FROM events
         WHERE source_country = @sourceCountry AND coalesce(target_country, '') = @targetCountry AND root = @root
           AND date BETWEEN @from AND @to AND article_id != @articleId AND negated = 0
           AND (@place IS NULL OR place IS NULL OR place = @place)
         ORDER BY group_id LIMIT 1`,
      ),
      setGroup: db.prepare('UPDATE events SET group_id = ? WHERE id = ?'),
    };
  }

  /**
   * The event this mention reports again, if one is stored: same source and target countries ("Washington"
   * and "the United States" are one side), same CAMEO
   * root, dated within MERGE_DAYS, at a compatible place (the same, or either unknown), from another
   * article. GDELT's Mentions table, in spirit.
   */
  private groupOf(articleId: string, event: CodedEvent): number | null {
    if (!event.date || event.negated) return null;
    const day = Date.parse(`${event.date.slice(0, 10)}T00:00:00Z`);
    const around = (days: number): string => new Date(day + days * 86_400_000).toISOString().slice(0, 10);
    const row = this.statements.findGroup.get({
      articleId,
      sourceCountry: countryOf(event.source.code),
      targetCountry: event.target ? countryOf(event.target.code) : '',
      root: event.root,
      from: around(-MERGE_DAYS),
      to: around(MERGE_DAYS),
      place: event.place?.name ?? null,
    }) as { group_id: number } | undefined;
    return row?.group_id ?? null;
  }

  private insertEvent(articleId: string, event: CodedEvent): void {
    const group = this.groupOf(articleId, event);
    const { lastInsertRowid } = this.statements.insertEvent.run({
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
    });
    this.statements.setGroup.run(group ?? lastInsertRowid, lastInsertRowid);
  }

  /** Returns false when the article was already stored (same identity), storing nothing. */
  private insertAnalysis(analysis: Analysis): boolean {
    const { article } = analysis;
    const { changes } = this.statements.insertArticle.run({
      id: article.id,
      url: article.url,
      title: article.title,
      published: article.published,
      source: article.source,
      language: article.language,
      text: article.text,
      tone: analysis.tone.tone,
      analysis: JSON.stringify(analysis),
    });
    if (changes === 0) return false;
    this.statements.insertFts.run(article.id);
    for (const actor of analysis.actors) {
      this.statements.upsertActor.run({
        id: actor.id,
        name: actor.name,
        code: actor.code,
        country: actor.country,
        type: actor.type,
      });
      this.statements.insertArticleActor.run(
        article.id,
        actor.id,
        actor.code,
        actor.role ?? null,
        actor.mentions,
      );
    }
    for (const event of analysis.events) this.insertEvent(article.id, event);
    for (const theme of analysis.themes) this.statements.insertTheme.run(article.id, theme.id, theme.count);
    return true;
  }

  async putAnalyses(analyses: Analysis[], stories: StoryWrites = {}): Promise<PutResult> {
    try {
      return this.db.transaction(() => {
        let inserted = 0;
        for (const analysis of analyses) if (this.insertAnalysis(analysis)) inserted++;
        let copies = 0;
        for (const copy of stories.copies ?? []) copies += this.statements.insertCopy.run(copy).changes;
        for (const signature of stories.signatures ?? []) this.statements.insertSignature.run(signature);
        return { inserted, copies, duplicates: analyses.length - inserted };
      })();
    } catch (error) {
      throw explainFailure(this.db.name, error, 'write');
    }
  }

  async hasArticle(id: string): Promise<boolean> {
    return this.statements.hasArticle.get({ id }) !== undefined;
  }

  async storySignatures(scheme: string): Promise<StorySignature[]> {
    return this.statements.storySignatures.all(scheme) as StorySignature[];
  }

  async storyCopies(storyId: string): Promise<StoryCopy[]> {
    return this.statements.storyCopies.all(storyId) as StoryCopy[];
  }

  async getArticle(id: string): Promise<Analysis | null> {
    const row = this.statements.getArticle.get(id) as { analysis: string } | undefined;
    if (row) return JSON.parse(row.analysis) as Analysis;
    // A unique prefix of an id is enough, as with git hashes.
    const matches = this.db
      .prepare("SELECT analysis FROM articles WHERE id LIKE ? || '%' LIMIT 2")
      .all(id) as Array<{ analysis: string }>;
    return matches.length === 1 ? (JSON.parse(matches[0]!.analysis) as Analysis) : null;
  }

  async search(query: string, limit = 10, offset = 0): Promise<SearchHit[]> {
    const match = ftsQuery(query);
    if (match === '') return [];
    const rows = this.db
      .prepare(
        `SELECT a.id, a.title, a.published, a.source,
                snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, bm25(articles_fts, 5.0, 1.0) AS rank
         FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
         WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ? OFFSET ?`,
      )
      .all(match, clampLimit(limit), Math.max(0, Math.floor(offset))) as SearchHit[];
    return rows;
  }

  /** The WHERE clause and parameters of an event filter, shared by the event and export queries. */
  private eventWhere(
    filter: EventFilter,
    alias = '',
  ): { where: string; params: Record<string, string | number> } {
    const col = (name: string): string => `${alias}${name}`;
    const where: string[] = [];
    const params: Record<string, string | number> = { ...rangeParams(filter) };
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
    if (filter.theme) where.push(`instr(',' || ${col('themes')} || ',', ',' || @theme || ',') > 0`);
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
    const sql = `SELECT id, article_id AS articleId, date, source_code AS sourceCode, source_text AS sourceText,
        target_code AS targetCode, target_text AS targetText, code, root, quad_class AS quadClass, goldstein, plover,
        negated, place, lat, lon, evidence_text AS evidence, evidence_start AS evidenceStart,
        trigger_start AS triggerStart, trigger_end AS triggerEnd, confidence
      FROM events ${where}
      ORDER BY coalesce(date, '') DESC, id DESC LIMIT @limit`;
    return (
      this.db.prepare(sql).all(params) as Array<Omit<StoredEvent, 'negated'> & { negated: number }>
    ).map((row) => ({ ...row, negated: row.negated === 1 }));
  }

  async mergedEvents(filter: EventFilter = {}): Promise<MergedEvent[]> {
    const { where, params } = this.eventWhere(filter, 'e.');
    // The group's first mention stands for the event; the counts and tone cover all its mentions. A copy
    // of a story (a near-duplicate, not analysed again) reports every event of its story once more, from
    // its own source: GDELT's NumMentions, NumArticles and NumSources count it.
    const sql = `WITH picked AS (
        SELECT e.group_id, e.article_id, coalesce(a.source, a.id) AS source, a.tone
        FROM events e JOIN articles a ON a.id = e.article_id ${where}
      ), reports AS (
        SELECT group_id, article_id, source, tone FROM picked
        UNION ALL
        SELECT p.group_id, c.article_id, coalesce(c.source, c.article_id), p.tone
        FROM picked p JOIN story_copies c ON c.story_id = p.article_id
      ), groups AS (
        SELECT group_id, count(*) AS mentions, count(DISTINCT article_id) AS articles,
          count(DISTINCT source) AS sources, avg(tone) AS tone
        FROM reports GROUP BY group_id
      )
      SELECT e.id, e.group_id AS groupId, e.article_id AS articleId, e.date, e.source_code AS sourceCode,
        e.source_text AS sourceText, e.source_country AS sourceCountry, e.target_code AS targetCode,
        e.target_text AS targetText, e.target_country AS targetCountry, e.code, e.root, e.quad_class AS quadClass,
        e.goldstein, e.plover, e.negated, e.place, e.place_country AS placeCountry, e.lat, e.lon,
        e.evidence_text AS evidence, e.evidence_start AS evidenceStart, e.trigger_start AS triggerStart,
        e.trigger_end AS triggerEnd, e.confidence, e.is_root AS isRoot, e.background, e.pattern,
        g.mentions, g.articles, g.sources, round(g.tone, 3) AS tone, a.url, a.ingested_at AS ingestedAt
      FROM groups g JOIN events e ON e.id = g.group_id JOIN articles a ON a.id = e.article_id
      ORDER BY coalesce(e.date, '') DESC, e.id DESC LIMIT @limit`;
    type Row = Omit<MergedEvent, 'negated' | 'isRoot' | 'background'> & {
      negated: number;
      isRoot: number;
      background: number;
    };
    return (this.db.prepare(sql).all(params) as Row[]).map((row) => ({
      ...row,
      negated: row.negated === 1,
      isRoot: row.isRoot === 1,
      background: row.background === 1,
    }));
  }

  async summary(): Promise<StoreSummary> {
    const count = (sql: string): number => (this.db.prepare(sql).get() as { n: number }).n;
    const range = this.db
      .prepare(
        'SELECT min(substr(published, 1, 10)) AS "from", max(substr(published, 1, 10)) AS "to" FROM articles',
      )
      .get() as StoreSummary['dateRange'];
    return {
      articles: count('SELECT count(*) AS n FROM articles'),
      copies: count('SELECT count(*) AS n FROM story_copies'),
      actors: count('SELECT count(*) AS n FROM actors'),
      events: count('SELECT count(*) AS n FROM events'),
      languages: this.db
        .prepare(
          'SELECT language, count(*) AS articles FROM articles GROUP BY language ORDER BY articles DESC',
        )
        .all() as StoreSummary['languages'],
      dateRange: range,
      // A pair is unordered: USA→CHN and CHN→USA count together, as analysts read "U.S.–China".
      topPairs: this.db
        .prepare(
          `SELECT min(source_country, target_country) || '–' || max(source_country, target_country) AS pair, count(*) AS events
           FROM events WHERE target_country IS NOT NULL AND target_country != source_country
           GROUP BY pair ORDER BY events DESC, pair LIMIT 10`,
        )
        .all() as StoreSummary['topPairs'],
    };
  }

  async relationPeriods(
    a: string,
    b: string,
    by: PeriodUnit,
    range: DateRange = {},
  ): Promise<PeriodAggregate[]> {
    const forward = `${sideColumn('source', a)} = @a AND ${sideColumn('target', b)} = @b`;
    const rows = this.db
      .prepare(
        `SELECT ${PERIOD_SQL[by]} AS period,
           sum(CASE WHEN ${forward} THEN 1 ELSE 0 END) AS eventsAB,
           sum(CASE WHEN ${forward} THEN 0 ELSE 1 END) AS eventsBA,
           count(DISTINCT CASE WHEN ${forward} THEN article_id END) AS articlesAB,
           count(DISTINCT CASE WHEN ${forward} THEN NULL ELSE article_id END) AS articlesBA,
           count(DISTINCT article_id) AS articles,
           sum(goldstein) AS goldsteinSum, count(*) AS mentions,
           sum(quad_class = 1) AS q1, sum(quad_class = 2) AS q2, sum(quad_class = 3) AS q3, sum(quad_class = 4) AS q4,
           avg(articles.tone) AS tone
         FROM events JOIN articles ON articles.id = events.article_id
         WHERE ${pairWhere(a, b, range)}
         GROUP BY period ORDER BY period`,
      )
      .all({ a, b, ...rangeParams(range) }) as Array<
      Omit<PeriodAggregate, 'quad'> & { q1: number; q2: number; q3: number; q4: number }
    >;
    return rows.map(({ q1, q2, q3, q4, ...row }) => ({
      ...row,
      quad: [q1, q2, q3, q4],
      tone: row.tone === null ? null : Math.round(row.tone * 1000) / 1000,
    }));
  }

  async relationEvents(a: string, b: string, range: DateRange = {}, limit = 1000): Promise<RelationEvent[]> {
    const rows = this.db
      .prepare(
        `SELECT e.id, e.article_id AS articleId, e.date, e.source_code AS sourceCode, e.source_text AS sourceText,
           e.target_code AS targetCode, e.target_text AS targetText, e.code, e.root, e.quad_class AS quadClass,
           e.goldstein, e.plover, e.negated, e.place, e.lat, e.lon, e.evidence_text AS evidence,
           e.evidence_start AS evidenceStart, e.trigger_start AS triggerStart, e.trigger_end AS triggerEnd,
           e.confidence, a.title, a.tone, a.url
         FROM events e JOIN articles a ON a.id = e.article_id
         WHERE ${pairWhere(a, b, range).replace(/\b(source_|target_|date\b)/g, 'e.$1')}
         ORDER BY e.date, e.id LIMIT @limit`,
      )
      .all({ a, b, ...rangeParams(range), limit: clampLimit(limit) }) as Array<
      Omit<RelationEvent, 'negated'> & { negated: number }
    >;
    return rows.map((row) => ({ ...row, negated: row.negated === 1 }));
  }

  async actorProfile(actor: string, by: PeriodUnit, range: DateRange = {}): Promise<ActorProfile> {
    const params = { actor, ...rangeParams(range) };
    const asSource = `${sideColumn('source', actor)} = @actor`;
    const asTarget = `${sideColumn('target', actor)} = @actor`;
    const involved = `(${asSource} OR ${asTarget})${rangeWhere(range)}`;
    const countryMatch = actor.length === 3 ? "aa.code LIKE @actor || '%'" : 'aa.code = @actor';
    return {
      actor,
      names: this.db
        .prepare(
          `SELECT ac.name, aa.code, count(*) AS articles FROM article_actors aa JOIN actors ac ON ac.id = aa.actor_id
           WHERE ${countryMatch} GROUP BY ac.id, aa.code ORDER BY articles DESC, ac.name LIMIT 10`,
        )
        .all({ actor }) as ActorProfile['names'],
      byPeriod: this.db
        .prepare(
          `SELECT ${PERIOD_SQL[by]} AS period, sum(${asSource}) AS asSource, sum(${asTarget}) AS asTarget,
             round(avg(goldstein), 3) AS goldstein
           FROM events WHERE ${involved} GROUP BY period ORDER BY period`,
        )
        .all(params) as ActorProfile['byPeriod'],
      partners: this.db
        .prepare(
          `SELECT CASE WHEN ${asSource} THEN target_country ELSE source_country END AS country, count(*) AS events,
             round(avg(goldstein), 3) AS goldstein
           FROM events WHERE ${involved} AND target_country IS NOT NULL AND source_country != target_country
           GROUP BY country ORDER BY events DESC, country LIMIT 10`,
        )
        .all(params) as ActorProfile['partners'],
      codes: this.db
        .prepare(
          `SELECT code, count(*) AS events FROM events WHERE ${involved} GROUP BY code ORDER BY events DESC, code LIMIT 10`,
        )
        .all(params) as ActorProfile['codes'],
      themes: this.db
        .prepare(
          `SELECT theme, count(*) AS articles FROM article_themes
           WHERE article_id IN (SELECT DISTINCT article_id FROM events WHERE ${involved})
           GROUP BY theme ORDER BY articles DESC, theme LIMIT 15`,
        )
        .all(params) as ActorProfile['themes'],
    };
  }

  async pairThemes(a: string, b: string, by: PeriodUnit, range: DateRange = {}): Promise<PairTheme[]> {
    return this.db
      .prepare(
        `WITH pair_articles AS (
           SELECT DISTINCT article_id, ${PERIOD_SQL[by]} AS period FROM events WHERE ${pairWhere(a, b, range)}
         )
         SELECT p.period, t.theme, count(*) AS articles
         FROM pair_articles p JOIN article_themes t ON t.article_id = p.article_id
         GROUP BY p.period, t.theme ORDER BY p.period, articles DESC, t.theme`,
      )
      .all({ a, b, ...rangeParams(range) }) as PairTheme[];
  }

  async network(range: DateRange = {}, limit = 100): Promise<NetworkEdge[]> {
    return this.db
      .prepare(
        `SELECT source_country AS source, target_country AS target, count(*) AS events,
           round(avg(goldstein), 3) AS goldstein,
           (SELECT quad_class FROM events e2 WHERE e2.source_country = events.source_country
              AND e2.target_country = events.target_country GROUP BY quad_class ORDER BY count(*) DESC LIMIT 1) AS quadClass
         FROM events WHERE target_country IS NOT NULL AND source_country != target_country${rangeWhere(range)}
         GROUP BY source_country, target_country ORDER BY events DESC, source, target LIMIT @limit`,
      )
      .all({ ...rangeParams(range), limit: clampLimit(limit) }) as NetworkEdge[];
  }

  async mapPoints(range: DateRange = {}, actor?: string): Promise<MapPoint[]> {
    const actorWhere = actor
      ? ` AND (${sideColumn('source', actor)} = @actor OR ${sideColumn('target', actor)} = @actor)`
      : '';
    return this.db
      .prepare(
        `SELECT place, place_country AS country, lat, lon, count(*) AS events, round(avg(goldstein), 3) AS goldstein
         FROM events WHERE lat IS NOT NULL${actorWhere}${rangeWhere(range)}
         GROUP BY place, place_country, lat, lon ORDER BY events DESC, place LIMIT 2000`,
      )
      .all({ ...rangeParams(range), ...(actor ? { actor } : {}) }) as MapPoint[];
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

function clampLimit(limit: number): number {
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(limit) || DEFAULT_LIMIT));
}

export interface OpenOptions {
  readonly?: boolean;
}

/** Opens (creating if needed) a Parley database file and brings its schema up to date. */
export function openSqliteStore(file: string, options: OpenOptions = {}): Store {
  let db: Db | undefined;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
    // A second writer waits up to 10 s for the lock rather than failing at once.
    db.pragma('busy_timeout = 10000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db);
    }
    return new SqliteStore(db);
  } catch (error) {
    db?.close();
    throw explainFailure(file, error, 'open');
  }
}
