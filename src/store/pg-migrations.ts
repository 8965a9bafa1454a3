/**
 * PostgreSQL's numbered schema migrations, applied in order at open under an advisory lock (many
 * workers may open one database at once). Version 1 is the schema SQLite reaches after its own
 * migrations 1–6, with the same tables, columns and meanings; never edit a shipped migration: add the
 * next number, and the matching SQLite one.
 *
 * Differences that are PostgreSQL's way of doing the same thing:
 * - text columns compare byte-wise (COLLATE "C"), as SQLite's BINARY does, so that ordering, ranges on
 *   'YYYY-MM-DD' dates and GROUP BY agree between the two backends whatever the database's locale;
 * - full-text search is a generated tsvector (title weighted above text) with a GIN index, in place of
 *   the FTS5 table;
 * - events are partitioned by month (`month`, 'YYYY-MM', '' when undated; partitions are made on demand
 *   by the store), so that a year of queries or a purge touches only its months.
 */
export const PG_MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE articles (
        id          TEXT COLLATE "C" PRIMARY KEY,
        url         TEXT COLLATE "C",
        title       TEXT COLLATE "C" NOT NULL,
        published   TEXT COLLATE "C",
        source      TEXT COLLATE "C",
        language    TEXT COLLATE "C" NOT NULL,
        text        TEXT COLLATE "C" NOT NULL,
        tone        DOUBLE PRECISION,
        analysis    TEXT NOT NULL,
        ingested_at TEXT COLLATE "C" NOT NULL
                    DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        search      tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', text), 'B')
                    ) STORED
      );
      CREATE INDEX articles_published ON articles(published);
      CREATE INDEX articles_search ON articles USING GIN (search);

      CREATE TABLE actors (
        id      TEXT COLLATE "C" PRIMARY KEY,
        name    TEXT COLLATE "C" NOT NULL,
        code    TEXT COLLATE "C" NOT NULL,
        country TEXT COLLATE "C",
        type    TEXT COLLATE "C" NOT NULL
      );

      CREATE TABLE article_actors (
        article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor_id   TEXT COLLATE "C" NOT NULL REFERENCES actors(id),
        code       TEXT COLLATE "C" NOT NULL,
        role       TEXT COLLATE "C",
        mentions   INTEGER NOT NULL,
        PRIMARY KEY (article_id, actor_id)
      );
      CREATE INDEX article_actors_actor ON article_actors(actor_id);
      CREATE INDEX article_actors_code ON article_actors(code text_pattern_ops);

      CREATE SEQUENCE events_id_seq AS BIGINT;
      CREATE TABLE events (
        id             BIGINT NOT NULL DEFAULT nextval('events_id_seq'),
        month          TEXT COLLATE "C" NOT NULL,
        article_id     TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        date           TEXT COLLATE "C",
        source_code    TEXT COLLATE "C" NOT NULL,
        source_country TEXT COLLATE "C" NOT NULL,
        source_actor   TEXT COLLATE "C",
        source_text    TEXT COLLATE "C" NOT NULL,
        target_code    TEXT COLLATE "C",
        target_country TEXT COLLATE "C",
        target_actor   TEXT COLLATE "C",
        target_text    TEXT COLLATE "C",
        code           TEXT COLLATE "C" NOT NULL,
        root           TEXT COLLATE "C" NOT NULL,
        quad_class     INTEGER NOT NULL,
        goldstein      DOUBLE PRECISION NOT NULL,
        plover         TEXT COLLATE "C" NOT NULL,
        negated        INTEGER NOT NULL,
        place          TEXT COLLATE "C",
        place_country  TEXT COLLATE "C",
        lat            DOUBLE PRECISION,
        lon            DOUBLE PRECISION,
        evidence_start INTEGER NOT NULL,
        evidence_end   INTEGER NOT NULL,
        evidence_text  TEXT COLLATE "C" NOT NULL,
        pattern        TEXT COLLATE "C" NOT NULL,
        confidence     DOUBLE PRECISION NOT NULL,
        themes         TEXT COLLATE "C" NOT NULL DEFAULT '',
        date_precision TEXT COLLATE "C" NOT NULL DEFAULT 'day',
        background     INTEGER NOT NULL DEFAULT 0,
        is_root        INTEGER NOT NULL DEFAULT 0,
        group_id       BIGINT,
        trigger_start  INTEGER,
        trigger_end    INTEGER,
        PRIMARY KEY (id, month),
        CHECK (month = coalesce(substr(date, 1, 7), ''))
      ) PARTITION BY LIST (month);
      ALTER SEQUENCE events_id_seq OWNED BY events.id;
      CREATE TABLE events_undated PARTITION OF events FOR VALUES IN ('');
      -- The barometer's pair aggregates, by country and by full code; event filters; merge lookups.
      CREATE INDEX events_pair ON events(source_country, target_country, date);
      CREATE INDEX events_target ON events(target_country, date);
      CREATE INDEX events_code_pair ON events(source_code, target_code, date);
      CREATE INDEX events_code ON events(code text_pattern_ops);
      CREATE INDEX events_date ON events(date);
      CREATE INDEX events_article ON events(article_id);
      CREATE INDEX events_group ON events(group_id);
      CREATE INDEX events_merge ON events(source_country, root, date);
      CREATE INDEX events_id ON events(id);

      CREATE TABLE article_themes (
        article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        theme      TEXT COLLATE "C" NOT NULL,
        count      INTEGER NOT NULL,
        PRIMARY KEY (article_id, theme)
      );
      CREATE INDEX article_themes_theme ON article_themes(theme);
    `,
  },
  {
    version: 2,
    sql: `
      -- The work queue of \`parley ingest --queue\` and \`parley worker\`: a job is claimed with a lease
      -- (FOR UPDATE SKIP LOCKED), and leaves the queue in the transaction that stores its article, so a
      -- worker that dies mid-article loses nothing (the lease runs out) and stores nothing twice.
      CREATE TABLE queue (
        id           BIGSERIAL PRIMARY KEY,
        origin       TEXT NOT NULL,
        input        TEXT NOT NULL,
        options      TEXT NOT NULL DEFAULT '{}',
        attempts     INTEGER NOT NULL DEFAULT 0,
        run_after    TIMESTAMPTZ NOT NULL DEFAULT now(),
        locked_by    TEXT,
        locked_until TIMESTAMPTZ,
        last_error   TEXT,
        enqueued_at  TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX queue_ready ON queue (run_after, id);

      CREATE TABLE queue_done (
        id          BIGINT PRIMARY KEY,
        article_id  TEXT COLLATE "C",
        outcome     TEXT NOT NULL CHECK (outcome IN ('stored', 'duplicate')),
        worker      TEXT NOT NULL,
        attempts    INTEGER NOT NULL,
        finished_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX queue_done_finished ON queue_done (finished_at);

      CREATE TABLE dead_letters (
        id        BIGINT PRIMARY KEY,
        origin    TEXT NOT NULL,
        input     TEXT NOT NULL,
        options   TEXT NOT NULL,
        attempts  INTEGER NOT NULL,
        error     TEXT NOT NULL,
        failed_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );

      CREATE TABLE workers (
        id           TEXT PRIMARY KEY,
        host         TEXT NOT NULL,
        pid          INTEGER NOT NULL,
        started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
        heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        processed    BIGINT NOT NULL DEFAULT 0,
        failed       BIGINT NOT NULL DEFAULT 0
      );
    `,
  },
  {
    version: 3,
    sql: `
      -- SQLite's migration 7: near-duplicate stories. A story is its first article, analysed once; every
      -- later copy is kept here with its own URL and source, and not analysed again.
      CREATE TABLE story_copies (
        article_id  TEXT COLLATE "C" PRIMARY KEY,
        story_id    TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        url         TEXT COLLATE "C",
        title       TEXT COLLATE "C" NOT NULL,
        published   TEXT COLLATE "C",
        source      TEXT COLLATE "C",
        language    TEXT COLLATE "C" NOT NULL,
        similarity  DOUBLE PRECISION NOT NULL,
        ingested_at TEXT COLLATE "C" NOT NULL
                    DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        seq         BIGSERIAL
      );
      CREATE INDEX story_copies_story ON story_copies(story_id);
      -- MinHash signatures of stories and copies, so a later run finds copies of what is stored.
      CREATE TABLE story_signatures (
        article_id TEXT COLLATE "C" PRIMARY KEY,
        story_id   TEXT COLLATE "C" NOT NULL,
        scheme     TEXT COLLATE "C" NOT NULL,
        shingles   INTEGER NOT NULL,
        signature  BYTEA NOT NULL,
        seq        BIGSERIAL
      );
    `,
  },
];
