/**
 * Numbered schema migrations, applied in order at open inside a transaction. Never edit a shipped
 * migration: add the next number.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE articles (
        id          TEXT PRIMARY KEY,
        url         TEXT,
        title       TEXT NOT NULL,
        published   TEXT,
        source      TEXT,
        language    TEXT NOT NULL,
        text        TEXT NOT NULL,
        tone        REAL,
        analysis    TEXT NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE INDEX articles_published ON articles(published);

      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
      );

      CREATE TABLE actors (
        id      TEXT PRIMARY KEY,
        name    TEXT NOT NULL,
        code    TEXT NOT NULL,
        country TEXT,
        type    TEXT NOT NULL
      );

      CREATE TABLE article_actors (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor_id   TEXT NOT NULL REFERENCES actors(id),
        code       TEXT NOT NULL,
        role       TEXT,
        mentions   INTEGER NOT NULL,
        PRIMARY KEY (article_id, actor_id)
      );
      CREATE INDEX article_actors_actor ON article_actors(actor_id);

      CREATE TABLE events (
        id             INTEGER PRIMARY KEY,
        article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        date           TEXT,
        source_code    TEXT NOT NULL,
        source_country TEXT NOT NULL,
        source_actor   TEXT,
        source_text    TEXT NOT NULL,
        target_code    TEXT,
        target_country TEXT,
        target_actor   TEXT,
        target_text    TEXT,
        code           TEXT NOT NULL,
        root           TEXT NOT NULL,
        quad_class     INTEGER NOT NULL,
        goldstein      REAL NOT NULL,
        plover         TEXT NOT NULL,
        negated        INTEGER NOT NULL,
        place          TEXT,
        place_country  TEXT,
        lat            REAL,
        lon            REAL,
        evidence_start INTEGER NOT NULL,
        evidence_end   INTEGER NOT NULL,
        evidence_text  TEXT NOT NULL,
        pattern        TEXT NOT NULL,
        confidence     REAL NOT NULL
      );
      CREATE INDEX events_pair ON events(source_country, target_country, date);
      CREATE INDEX events_target ON events(target_country, date);
      CREATE INDEX events_code ON events(code);
      CREATE INDEX events_date ON events(date);
      CREATE INDEX events_article ON events(article_id);

      CREATE TABLE article_themes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        theme      TEXT NOT NULL,
        count      INTEGER NOT NULL,
        PRIMARY KEY (article_id, theme)
      );
      CREATE INDEX article_themes_theme ON article_themes(theme);
    `,
  },
  {
    version: 2,
    sql: `
      -- Relations asked for by full actor code ("USAGOV CHNGOV") rather than by country.
      CREATE INDEX events_code_pair ON events(source_code, target_code, date);
    `,
  },
  {
    version: 3,
    sql: `
      -- Themes matched in each event's evidence sentence, comma-separated, for filtering events by theme.
      ALTER TABLE events ADD COLUMN themes TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 4,
    sql: `
      -- When an event is dated from a relative expression, how precisely; recalled events; the lead's events.
      ALTER TABLE events ADD COLUMN date_precision TEXT NOT NULL DEFAULT 'day';
      ALTER TABLE events ADD COLUMN background INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE events ADD COLUMN is_root INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 5,
    sql: `
      -- One event, many articles: every stored event (a mention) belongs to a group, the event it reports.
      ALTER TABLE events ADD COLUMN group_id INTEGER;
      UPDATE events SET group_id = id WHERE group_id IS NULL;
      CREATE INDEX events_group ON events(group_id);
      CREATE INDEX events_merge ON events(source_country, root, date);
    `,
  },
  {
    version: 6,
    sql: `
      -- The trigger words' offsets in the article text, so that a reader can highlight them.
      ALTER TABLE events ADD COLUMN trigger_start INTEGER;
      ALTER TABLE events ADD COLUMN trigger_end INTEGER;
    `,
  },
  {
    version: 7,
    sql: `
      -- Near-duplicates: a story is its first article, analysed once; every later copy (a wire story
      -- reprinted with small edits) is kept here with its own URL and source, and not analysed again.
      CREATE TABLE story_copies (
        article_id  TEXT PRIMARY KEY,
        story_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        url         TEXT,
        title       TEXT NOT NULL,
        published   TEXT,
        source      TEXT,
        language    TEXT NOT NULL,
        similarity  REAL NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE INDEX story_copies_story ON story_copies(story_id);
      -- MinHash signatures of stories and copies, so a later run finds copies of what is stored.
      CREATE TABLE story_signatures (
        article_id TEXT PRIMARY KEY,
        story_id   TEXT NOT NULL,
        scheme     TEXT NOT NULL,
        shingles   INTEGER NOT NULL,
        signature  BLOB NOT NULL
      );
    `,
  },
];
