/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode so readers never block the
 * writer, with every write batch in one transaction (all or nothing: a crash loses no stored article).
 */
import Database from 'better-sqlite3';
import type { Analysis, CodedEvent } from '../model/schema.js';
import { explainFailure } from './failures.js';
import { MIGRATIONS } from './migrations.js';
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

type Db = Database.Database;

const SQLITE: Dialect = {
  // ISO weeks through SQLite's %G/%V.
  period: {
    day: 'substr(date, 1, 10)',
    week: "strftime('%G-W%V', substr(date, 1, 10))",
    month: 'substr(date, 1, 7)',
    year: 'substr(date, 1, 4)',
  },
  least: (a, b) => `min(${a}, ${b})`,
  greatest: (a, b) => `max(${a}, ${b})`,
  position: (haystack, needle) => `instr(${haystack}, ${needle})`,
  round3: (expr) => `round(${expr}, 3)`,
};

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

/** FTS5 query syntax treats quotes, parentheses and operators specially: each word is quoted as a term. */
function ftsQuery(query: string): string {
  return searchTerms(query)
    .map((term) => `"${term}"`)
    .join(' ');
}

class SqliteStore extends SqlReader implements Store {
  private readonly statements;

  constructor(private readonly db: Db) {
    super(SQLITE);
    this.statements = {
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
        `SELECT articleId, storyId, scheme, shingles, signature FROM (SELECT rowid, article_id AS articleId, story_id AS storyId, scheme, shingles, signature
         FROM story_signatures WHERE scheme = ? ORDER BY rowid DESC LIMIT ?) ORDER BY rowid`,
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
    const { lastInsertRowid } = this.statements.insertEvent.run(eventColumns(articleId, event));
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

  async storySignatures(scheme: string, limit: number): Promise<StorySignature[]> {
    return this.statements.storySignatures.all(scheme, limit) as StorySignature[];
  }

  async storyCopies(storyId: string): Promise<StoryCopy[]> {
    return this.statements.storyCopies.all(storyId) as StoryCopy[];
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

  protected async all<T>(sql: string, params: Params = {}): Promise<T[]> {
    const statement = this.db.prepare(sql);
    // better-sqlite3 refuses a parameter object for a statement that names no parameters.
    return (Object.keys(params).length > 0 ? statement.all(params) : statement.all()) as T[];
  }

  async close(): Promise<void> {
    this.db.close();
  }
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
