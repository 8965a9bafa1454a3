/**
 * Moves a SQLite database into PostgreSQL without loss: every row of every table, ids and event groups
 * kept, in batched transactions; then each table's row count and a checksum of its rows (SHA-256 over
 * the rows in primary-key order) are computed on both sides and compared.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { openPostgresStore } from './postgres.js';

interface TableSpec {
  name: string;
  key: string[];
  columns: string[];
}

/** The tables of the schema, parents before children, with the columns both backends share. */
const TABLES: TableSpec[] = [
  {
    name: 'articles',
    key: ['id'],
    columns: [
      'id',
      'url',
      'title',
      'published',
      'source',
      'language',
      'text',
      'tone',
      'analysis',
      'ingested_at',
    ],
  },
  { name: 'actors', key: ['id'], columns: ['id', 'name', 'code', 'country', 'type'] },
  {
    name: 'article_actors',
    key: ['article_id', 'actor_id'],
    columns: ['article_id', 'actor_id', 'code', 'role', 'mentions'],
  },
  {
    name: 'events',
    key: ['id'],
    columns: [
      'id',
      'article_id',
      'date',
      'source_code',
      'source_country',
      'source_actor',
      'source_text',
      'target_code',
      'target_country',
      'target_actor',
      'target_text',
      'code',
      'root',
      'quad_class',
      'goldstein',
      'plover',
      'negated',
      'place',
      'place_country',
      'lat',
      'lon',
      'evidence_start',
      'evidence_end',
      'evidence_text',
      'pattern',
      'confidence',
      'themes',
      'date_precision',
      'background',
      'is_root',
      'group_id',
      'trigger_start',
      'trigger_end',
    ],
  },
  { name: 'article_themes', key: ['article_id', 'theme'], columns: ['article_id', 'theme', 'count'] },
  {
    name: 'story_copies',
    key: ['article_id'],
    columns: [
      'article_id',
      'story_id',
      'url',
      'title',
      'published',
      'source',
      'language',
      'similarity',
      'ingested_at',
    ],
  },
  {
    name: 'story_signatures',
    key: ['article_id'],
    columns: ['article_id', 'story_id', 'scheme', 'shingles', 'signature'],
  },
];

const BATCH = 2000;

type Row = Record<string, unknown>;

export interface TableReport {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
  ok: boolean;
}

export interface MigrateOptions {
  onTable?: (report: TableReport) => void;
}

/** The array type each PostgreSQL column is sent as, from the target's own catalogue. */
async function arrayTypes(pool: pg.Pool, table: string): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ column_name: string; data_type: string }>(
    'SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1',
    [table],
  );
  const array: Record<string, string> = {
    text: 'text[]',
    integer: 'int[]',
    bigint: 'bigint[]',
    'double precision': 'float8[]',
    bytea: 'bytea[]',
  };
  return new Map(rows.map((row) => [row.column_name, array[row.data_type] ?? 'text[]']));
}

async function insertRows(
  client: pg.PoolClient,
  spec: TableSpec,
  types: Map<string, string>,
  rows: Row[],
): Promise<void> {
  const casts = spec.columns.map((column, index) => `$${index + 1}::${types.get(column)}`);
  // Events live in month partitions; the month is derived from the date, as the store does.
  const month = spec.name === 'events' ? ', month' : '';
  const monthValue = spec.name === 'events' ? ", coalesce(substr(date, 1, 7), '')" : '';
  await client.query(
    `INSERT INTO ${spec.name} (${spec.columns.join(', ')}${month})
     SELECT *${monthValue} FROM unnest(${casts.join(', ')}) AS t(${spec.columns.join(', ')})`,
    spec.columns.map((column) => rows.map((row) => row[column] ?? null)),
  );
}

/** Rows of a table in primary-key order, a batch at a time, from either side. */
type Pages = (spec: TableSpec, after: Row | undefined) => Promise<Row[]>;

function keyset(spec: TableSpec, after: Row | undefined, placeholder: (index: number) => string): string {
  const where = after
    ? `WHERE (${spec.key.join(', ')}) > (${spec.key.map((_, index) => placeholder(index)).join(', ')})`
    : '';
  return `SELECT ${spec.columns.join(', ')} FROM ${spec.name} ${where} ORDER BY ${spec.key.join(', ')} LIMIT ${BATCH}`;
}

/** Row count and SHA-256 of every row (its values as JSON, in column order), in primary-key order. */
async function checksum(spec: TableSpec, pages: Pages): Promise<{ rows: number; sum: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  let after: Row | undefined;
  for (;;) {
    const page = await pages(spec, after);
    for (const row of page) hash.update(`${JSON.stringify(spec.columns.map((column) => row[column]))}\n`);
    rows += page.length;
    if (page.length < BATCH) break;
    after = page[page.length - 1];
  }
  return { rows, sum: hash.digest('hex') };
}

export async function migrateSqliteToPostgres(
  file: string,
  url: string,
  options: MigrateOptions = {},
): Promise<TableReport[]> {
  const source = new Database(file, { readonly: true, fileMustExist: true });
  const target = await openPostgresStore(url);
  try {
    const { rows } = await target.pool.query<{ n: number }>('SELECT count(*) AS n FROM articles');
    if (rows[0]!.n > 0)
      throw new Error('the target database already holds articles: migrate into an empty database');
    const fromSqlite: Pages = async (spec, after) =>
      source
        .prepare(keyset(spec, after, () => '?'))
        .all(...(after ? spec.key.map((key) => after[key]) : [])) as Row[];
    const fromPostgres: Pages = async (spec, after) =>
      (
        await target.pool.query(
          keyset(spec, after, (index) => `$${index + 1}`),
          after ? spec.key.map((key) => after[key]) : [],
        )
      ).rows as Row[];
    // Partitions first, outside the copy: making one locks the events table the copy writes.
    const months = source
      .prepare("SELECT DISTINCT coalesce(substr(date, 1, 7), '') AS month FROM events")
      .all() as Array<{ month: string }>;
    await target.ensureMonths(months.map((row) => row.month));
    const types = new Map<string, Map<string, string>>();
    for (const spec of TABLES) types.set(spec.name, await arrayTypes(target.pool, spec.name));
    // One transaction: a copy that fails half-way leaves the target empty, ready to try again.
    await target.transaction(async (client) => {
      for (const spec of TABLES) {
        let after: Row | undefined;
        for (;;) {
          const page = await fromSqlite(spec, after);
          if (page.length > 0) await insertRows(client, spec, types.get(spec.name)!, page);
          if (page.length < BATCH) break;
          after = page[page.length - 1];
        }
      }
      // New events continue after the highest id moved, never reusing one.
      await client.query("SELECT setval('events_id_seq', greatest((SELECT max(id) FROM events), 1))");
    });
    const reports: TableReport[] = [];
    for (const spec of TABLES) {
      const [before, moved] = [await checksum(spec, fromSqlite), await checksum(spec, fromPostgres)];
      const report = {
        table: spec.name,
        sourceRows: before.rows,
        targetRows: moved.rows,
        sourceChecksum: before.sum,
        targetChecksum: moved.sum,
        ok: before.rows === moved.rows && before.sum === moved.sum,
      };
      options.onTable?.(report);
      reports.push(report);
    }
    return reports;
  } finally {
    source.close();
    await target.close();
  }
}
