/**
 * Query speed at scale: fills a fresh SQLite store with N synthetic events (and N/4 articles) spread over
 * 20 years and 25 countries, then times the queries analysts run — the 20-year monthly barometer for a
 * pair, its --explain, an event filter, an actor profile and a full-text search. The rows go in through
 * SQL rather than the pipeline: what is measured here is the store, not the coder.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { barometer, explainPeriod } from '../src/relations.js';
import { openStore } from '../src/store/index.js';
import { medianMs, seededRandom, type BenchResult } from './util.js';

const COUNTRIES =
  'USA CHN RUS UKR IRN ISR GBR FRA DEU JPN KOR PRK IND PAK TUR SAU SYR IRQ AFG EGY BRA MEX CAN AUS ZAF'.split(
    ' ',
  );
const CODES: Array<[code: string, goldstein: number, quad: number]> = [
  ['040', 1, 1],
  ['042', 1.9, 1],
  ['051', 3.4, 1],
  ['057', 8, 1],
  ['061', 6.4, 2],
  ['071', 7.4, 2],
  ['111', -2, 3],
  ['112', -2, 3],
  ['130', -4.4, 3],
  ['163', -8, 4],
  ['173', -5, 4],
  ['190', -10, 4],
];
const WORDS =
  'talks sanctions summit trade tariffs missile border ceasefire election protest aid nuclear export chips balloon visit treaty navy drills embassy'.split(
    ' ',
  );

function fill(file: string, events: number, random: () => number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const articles = Math.max(1, Math.floor(events / 4));
  const insertArticle = db.prepare(
    "INSERT INTO articles (id, title, published, language, text, tone, analysis) VALUES (?, ?, ?, 'en', ?, ?, '{}')",
  );
  const insertFts = db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
  const insertEvent = db.prepare(
    `INSERT INTO events (article_id, date, source_code, source_country, source_text, target_code, target_country,
       target_text, code, root, quad_class, goldstein, plover, negated, evidence_start, evidence_end, evidence_text, pattern, confidence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'X', 0, 0, 10, ?, 'bench', 0.8)`,
  );
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const dateOf = (index: number): string => {
    const day = new Date(Date.UTC(2006, 0, 1) + Math.floor((index / articles) * 20 * 365.25) * 86_400_000);
    return day.toISOString().slice(0, 10);
  };
  db.transaction(() => {
    for (let a = 0; a < articles; a++) {
      const text = Array.from({ length: 40 }, () => pick(WORDS)).join(' ');
      const { lastInsertRowid } = insertArticle.run(
        `a${a}`,
        `${pick(WORDS)} ${pick(WORDS)}`,
        dateOf(a),
        text,
        random() * 10 - 5,
      );
      insertFts.run(lastInsertRowid, `${pick(WORDS)} ${pick(WORDS)}`, text);
    }
    for (let e = 0; e < events; e++) {
      const article = Math.floor(random() * articles);
      // One event in twenty is U.S.–China, as in world news where a few pairs dominate.
      const [source, target] =
        random() < 0.05
          ? random() < 0.5
            ? ['USA', 'CHN']
            : ['CHN', 'USA']
          : [pick(COUNTRIES), pick(COUNTRIES)];
      const [code, goldstein, quad] = pick(CODES);
      insertEvent.run(
        `a${article}`,
        dateOf(article),
        `${source}GOV`,
        source,
        source,
        target,
        target,
        target,
        code,
        code.slice(0, 2),
        quad,
        goldstein,
        `${source} and ${target}`,
      );
    }
  })();
  db.close();
}

export async function benchQueries(dir: string, scales: number[]): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const events of scales) {
    const file = path.join(dir, `queries-${events}.db`);
    rmSync(file, { force: true });
    await (await openStore(file)).close(); // create the schema through the real migrations
    const started = performance.now();
    fill(file, events, seededRandom(events));
    const fillSeconds = (performance.now() - started) / 1000;
    const store = await openStore(file, { readonly: true });
    const timings = {
      'barometer USA–CHN, 20 years by month': await medianMs(() =>
        barometer(store, 'USA', 'CHN', { by: 'month' }),
      ),
      'barometer --explain one month': await medianMs(() =>
        explainPeriod(store, 'USA', 'CHN', '2016-06', { by: 'month' }),
      ),
      'events --source USA --target CHN --code 04': await medianMs(() =>
        store.events({ source: 'USA', target: 'CHN', code: '04', limit: 100 }),
      ),
      'actor CHN profile by year': await medianMs(() => store.actorProfile('CHN', 'year')),
      'search "sanctions summit"': await medianMs(() => store.search('sanctions summit', 10)),
    };
    await store.close();
    rmSync(file, { force: true });
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
    for (const [query, ms] of Object.entries(timings)) {
      results.push({
        section: 'queries',
        name: query,
        value: ms,
        unit: 'ms (median of 5)',
        scale: `${events} events`,
      });
    }
    results.push({
      section: 'queries',
      name: 'fill (synthetic rows)',
      value: Math.round(fillSeconds * 10) / 10,
      unit: 's',
      scale: `${events} events`,
    });
  }
  return results;
}
