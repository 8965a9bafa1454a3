/**
 * The server store: PostgreSQL through node-postgres (`pg`), for archives and teams that outgrow one
 * file. Same schema semantics and the same read queries as SQLite (queries.ts); full-text search on a
 * tsvector with a GIN index; events partitioned by month. Every write batch is one transaction, and an
 * article already stored is skipped inside it, so writing the same analyses twice (a retried worker)
 * stores them once.
 */
import pg from 'pg';
import type { Analysis, CodedEvent } from '../model/schema.js';
import { PG_MIGRATIONS } from './pg-migrations.js';
import {
  clampLimit,
  countryOf,
  eventColumns,
  MERGE_DAYS,
  searchTerms,
  SqlReader,
  type Dialect,
  type Params,
} from './queries.js';
import type { PutResult, SearchHit, Store, StoryCopy, StorySignature, StoryWrites } from './store.js';

const POSTGRES: Dialect = {
  period: {
    day: 'substr(date, 1, 10)',
    week: `to_char(substr(date, 1, 10)::date, 'IYYY-"W"IW')`,
    month: 'substr(date, 1, 7)',
    year: 'substr(date, 1, 4)',
  },
  least: (a, b) => `least(${a}, ${b})`,
  greatest: (a, b) => `greatest(${a}, ${b})`,
  position: (haystack, needle) => `strpos(${haystack}, ${needle})`,
  round3: (expr) => `round((${expr})::numeric, 3)::float8`,
};

/** Counts and sums are BIGINT and NUMERIC in PostgreSQL; as in SQLite, they are plain numbers here. */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return Number;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** A lock key of Parley's own, so that concurrent openers migrate and make partitions one at a time. */
const SCHEMA_LOCK = 0x7061726c; // "parl"

/**
 * Named @parameters to PostgreSQL's $1…$n, each cast to the type of its value: node-postgres sends
 * parameters untyped, and `@code || '%'` or `@place IS NULL` would otherwise leave PostgreSQL guessing.
 */
export function positional(sql: string, params: Params = {}): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const index = new Map<string, number>();
  const text = sql.replace(/@(\w+)/g, (_match, name: string) => {
    if (!(name in params)) throw new Error(`query parameter @${name} has no value`);
    let position = index.get(name);
    if (position === undefined) {
      values.push(params[name]);
      position = values.length;
      index.set(name, position);
    }
    const value = params[name];
    const type = typeof value === 'number' ? (Number.isInteger(value) ? 'bigint' : 'float8') : 'text';
    return `$${position}::${type}`;
  });
  return { text, values };
}

type Queryable = pg.Pool | pg.PoolClient;

async function run<T>(db: Queryable, sql: string, params?: Params): Promise<T[]> {
  const { text, values } = positional(sql, params);
  return (await db.query(text, values)).rows as T[];
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const applied = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
        (row) => row.version,
      ),
    );
    for (const migration of PG_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO schema_migrations VALUES ($1, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
          [migration.version],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** The partition month of an event's date: 'YYYY-MM', or '' for undated events. */
const monthOf = (date: string | null | undefined): string => date?.slice(0, 7) ?? '';

export class PostgresStore extends SqlReader implements Store {
  /** Months whose partition this process knows to exist. */
  private readonly months = new Set<string>(['']);

  constructor(readonly pool: pg.Pool) {
    super(POSTGRES);
  }

  protected async all<T>(sql: string, params?: Params): Promise<T[]> {
    return run<T>(this.pool, sql, params);
  }

  /**
   * Makes the month partitions a batch needs, each in its own short transaction before the batch's
   * own: creating a partition locks the parent table, which inside a write transaction would deadlock
   * two workers each waiting for the other's partition.
   */
  async ensureMonths(months: Iterable<string>): Promise<void> {
    const needed = new Set([...months].filter((month) => !this.months.has(month)));
    if (needed.size === 0) return;
    if ([...needed].some((month) => !/^\d{4}-\d{2}$/.test(month)))
      throw new Error(`event dates must be YYYY-MM-DD, not ${[...needed].join(', ')}`);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      for (const month of needed) {
        const table = `events_${month.replace('-', '_')}`;
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${table} PARTITION OF events FOR VALUES IN ('${month}')`,
        );
      }
      await client.query('COMMIT');
      for (const month of needed) this.months.add(month);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Inserts one mention, in the group of the event it reports again if one is stored (the same rule
   * as SQLite's: same countries and CAMEO root, dated within MERGE_DAYS, a compatible place, another
   * article), else in a group of its own: one statement, so the id is drawn and used at once.
   */
  private async insertEvent(client: pg.PoolClient, articleId: string, event: CodedEvent): Promise<void> {
    const date = event.date?.slice(0, 10) ?? null;
    const day = date ? Date.parse(`${date}T00:00:00Z`) : NaN;
    const around = (days: number): string | null =>
      Number.isNaN(day) ? null : new Date(day + days * 86_400_000).toISOString().slice(0, 10);
    const groupable = date !== null && !event.negated;
    const params: Params = {
      ...eventColumns(articleId, event),
      month: monthOf(date),
      groupable: groupable ? 1 : 0,
      from: around(-MERGE_DAYS),
      to: around(MERGE_DAYS),
      matchTarget: event.target ? countryOf(event.target.code) : '',
    };
    // goldstein, lat, lon and confidence are doubles even when a value happens to be whole.
    const float = (name: string): string => `@${name}::float8`;
    await run(
      client,
      `WITH next AS (SELECT nextval('events_id_seq') AS id),
       found AS (
         SELECT group_id FROM events
         WHERE @groupable = 1 AND source_country = @sourceCountry AND coalesce(target_country, '') = @matchTarget
           AND root = @root AND date BETWEEN @from AND @to AND article_id != @articleId AND negated = 0
           AND (@place IS NULL OR place IS NULL OR place = @place)
         ORDER BY group_id LIMIT 1
       )
       INSERT INTO events (id, month, article_id, date, source_code, source_country, source_actor, source_text,
         target_code, target_country, target_actor, target_text, code, root, quad_class, goldstein, plover,
         negated, place, place_country, lat, lon, evidence_start, evidence_end, evidence_text, pattern, confidence,
         themes, date_precision, background, is_root, trigger_start, trigger_end, group_id)
       SELECT next.id, @month, @articleId, @date, @sourceCode, @sourceCountry, @sourceActor, @sourceText,
         @targetCode, @targetCountry, @targetActor, @targetText, @code, @root, @quadClass, ${float('goldstein')}, @plover,
         @negated, @place, @placeCountry, ${float('lat')}, ${float('lon')}, @evidenceStart, @evidenceEnd, @evidenceText,
         @pattern, ${float('confidence')}, @themes, @datePrecision, @background, @isRoot, @triggerStart, @triggerEnd,
         coalesce((SELECT group_id FROM found), next.id)
       FROM next`,
      params,
    );
  }

  /**
   * The first step of a transaction that writes analyses. It takes the events table's write lock before
   * anything else: making a month partition locks events and then articles, so a writer must lock them
   * in that order too, or the two would deadlock. Then it inserts the analyses' new actors in id
   * order, as two transactions inserting the same new actors in different orders would each wait for
   * the other.
   */
  async beginWrites(client: pg.PoolClient, analyses: Analysis[]): Promise<void> {
    await client.query('LOCK TABLE events IN ROW EXCLUSIVE MODE');
    const byId = new Map(analyses.flatMap((analysis) => analysis.actors.map((actor) => [actor.id, actor])));
    const actors = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (actors.length === 0) return;
    await client.query(
      `INSERT INTO actors (id, name, code, country, type)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT (id) DO NOTHING`,
      [
        actors.map((actor) => actor.id),
        actors.map((actor) => actor.name),
        actors.map((actor) => actor.code),
        actors.map((actor) => actor.country ?? null),
        actors.map((actor) => actor.type),
      ],
    );
  }

  /**
   * Writes one analysis inside the caller's transaction (after prepareFor and beginWrites); returns false when the
   * article was already stored (same identity), storing nothing.
   */
  async writeAnalysis(client: pg.PoolClient, analysis: Analysis): Promise<boolean> {
    const { article } = analysis;
    const inserted = await run(
      client,
      `INSERT INTO articles (id, url, title, published, source, language, text, tone, analysis)
       VALUES (@id, @url, @title, @published, @source, @language, @text, @tone::float8, @analysis)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      {
        id: article.id,
        url: article.url ?? null,
        title: article.title,
        published: article.published ?? null,
        source: article.source ?? null,
        language: article.language,
        text: article.text,
        tone: analysis.tone.tone,
        analysis: JSON.stringify(analysis),
      },
    );
    if (inserted.length === 0) return false;
    // Actors (written by beginWrites), their mentions and the themes: one statement each.
    const { actors, themes } = analysis;
    await client.query(
      `INSERT INTO article_actors (article_id, actor_id, code, role, mentions)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) ON CONFLICT DO NOTHING`,
      [
        article.id,
        actors.map((actor) => actor.id),
        actors.map((actor) => actor.code),
        actors.map((actor) => actor.role ?? null),
        actors.map((actor) => actor.mentions),
      ],
    );
    for (const event of analysis.events) await this.insertEvent(client, article.id, event);
    await client.query(
      `INSERT INTO article_themes (article_id, theme, count)
       SELECT $1, * FROM unnest($2::text[], $3::int[]) ON CONFLICT DO NOTHING`,
      [article.id, themes.map((theme) => theme.id), themes.map((theme) => theme.count)],
    );
    return true;
  }

  async putAnalyses(analyses: Analysis[], stories: StoryWrites = {}): Promise<PutResult> {
    await this.prepareFor(analyses);
    return this.transaction(async (client) => {
      await this.beginWrites(client, analyses);
      let inserted = 0;
      for (const analysis of analyses) if (await this.writeAnalysis(client, analysis)) inserted++;
      const copies = await this.writeStories(client, stories);
      return { inserted, copies, duplicates: analyses.length - inserted };
    });
  }

  /** Copies after the analyses (a copy may name a story of its own batch); returns the copies stored. */
  async writeStories(client: pg.PoolClient, stories: StoryWrites): Promise<number> {
    let copies = 0;
    for (const copy of stories.copies ?? []) {
      const { rowCount } = await client.query(
        `INSERT INTO story_copies (article_id, story_id, url, title, published, source, language, similarity)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8
         WHERE NOT EXISTS (SELECT 1 FROM articles WHERE id = $1)
         ON CONFLICT (article_id) DO NOTHING`,
        [
          copy.id,
          copy.storyId,
          copy.url,
          copy.title,
          copy.published,
          copy.source,
          copy.language,
          copy.similarity,
        ],
      );
      copies += rowCount ?? 0;
    }
    for (const row of stories.signatures ?? [])
      await client.query(
        `INSERT INTO story_signatures (article_id, story_id, scheme, shingles, signature)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (article_id) DO UPDATE SET story_id = EXCLUDED.story_id, scheme = EXCLUDED.scheme,
           shingles = EXCLUDED.shingles, signature = EXCLUDED.signature`,
        [row.articleId, row.storyId, row.scheme, row.shingles, Buffer.from(row.signature)],
      );
    return copies;
  }

  async storySignatures(scheme: string, limit: number): Promise<StorySignature[]> {
    const { rows } = await this.pool.query<StorySignature>(
      `SELECT "articleId", "storyId", scheme, shingles, signature FROM (SELECT seq, article_id AS "articleId", story_id AS "storyId", scheme, shingles, signature
       FROM story_signatures WHERE scheme = $1 ORDER BY seq DESC LIMIT $2) recent ORDER BY seq`,
      [scheme, limit],
    );
    return rows;
  }

  async storyCopies(storyId: string): Promise<StoryCopy[]> {
    const { rows } = await this.pool.query<StoryCopy>(
      `SELECT article_id AS id, story_id AS "storyId", url, title, published, source, language, similarity
       FROM story_copies WHERE story_id = $1 ORDER BY seq`,
      [storyId],
    );
    return rows;
  }

  /** What must exist before analyses are written in a transaction: their months' partitions. */
  async prepareFor(analyses: Analysis[]): Promise<void> {
    await this.ensureMonths(
      analyses.flatMap((analysis) => analysis.events.map((event) => monthOf(event.date))),
    );
  }

  /** Runs `work` in one transaction on one connection: committed if it returns, rolled back if it throws. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async search(query: string, limit = 10, offset = 0): Promise<SearchHit[]> {
    const terms = searchTerms(query);
    if (terms.length === 0) return [];
    // plainto_tsquery ANDs the words, stemmed as the index is, as FTS5 does with quoted terms. Rank:
    // ts_rank with the title weighted above the text, negated so that lower is better, as BM25's is.
    return run<SearchHit>(
      this.pool,
      `WITH q AS (SELECT plainto_tsquery('english', @terms) AS query)
       SELECT a.id, a.title, a.published, a.source,
         ts_headline('english', a.text, q.query,
           'StartSel=[, StopSel=], MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter=…') AS snippet,
         -ts_rank(a.search, q.query) AS rank
       FROM articles a, q WHERE a.search @@ q.query
       ORDER BY rank, a.id LIMIT @limit OFFSET @offset`,
      { terms: terms.join(' '), limit: clampLimit(limit), offset: Math.max(0, Math.floor(offset)) },
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export interface PostgresOptions {
  /** Connections this process may hold at once. */
  maxConnections?: number;
}

/** Connects to a PostgreSQL database by URL and brings its schema up to date. */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 4, types: TYPES });
  // An idle connection the server drops (a restart) must not crash the process: the pool reconnects.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStore(pool);
}
