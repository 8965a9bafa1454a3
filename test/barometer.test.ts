/** The relations barometer on a hand-made set of events, with every figure computed by hand. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  computeBarometer,
  isoWeek,
  periodBounds,
  periodRange,
  type PeriodAggregate,
} from '../src/analysis/barometer.js';
import { ingest } from '../src/batch.js';
import { barometer, explainPeriod } from '../src/relations.js';
import { openStore } from '../src/store/index.js';
import { cli, tempDir } from './support.js';

/**
 * Six articles, USA–CHN, coded by the shipped patterns (Goldstein scores from the CAMEO table):
 *   Jan: praise both ways (051, +3.4 twice)   Feb: nothing   Mar: sanctions (163, −8)   Apr: three criticisms (111, −2 each)
 */
const ARTICLES = [
  { date: '2023-01-10', text: 'The United States praised China.' },
  { date: '2023-01-20', text: 'China praised the United States.' },
  { date: '2023-03-05', text: 'The United States imposed sanctions on China.' },
  { date: '2023-04-02', text: 'China criticized the United States over trade.' },
  { date: '2023-04-03', text: 'China criticized the United States over Taiwan.' },
  { date: '2023-04-04', text: 'China criticized the United States again.' },
];

async function handMadeStore(): Promise<{ db: string }> {
  const dir = tempDir();
  const file = path.join(dir, 'events.jsonl');
  writeFileSync(file, ARTICLES.map((article) => JSON.stringify(article)).join('\n'));
  const db = path.join(dir, 'parley.db');
  const store = await openStore(db);
  await ingest([file], store);
  await store.close();
  return { db };
}

const close = (actual: number, expected: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) < 0.001, `${what}: ${actual} ≠ ${expected}`);

describe('barometer arithmetic', () => {
  it('smooths the index, keeps it through an empty period, and widens the band when few articles back it', () => {
    const period = (
      name: string,
      goldsteinSum: number,
      mentions: number,
      articles: number,
    ): PeriodAggregate => ({
      period: name,
      eventsAB: mentions,
      eventsBA: 0,
      articlesAB: articles,
      articlesBA: 0,
      articles,
      goldsteinSum,
      mentions,
      quad: [0, 0, 0, 0],
      tone: null,
    });
    const points = computeBarometer(
      [
        period('2023-01', 6.8, 2, 2),
        period('2023-02', 0, 0, 0),
        period('2023-03', -8, 1, 1),
        period('2023-04', -6, 3, 3),
      ],
      { priorMentions: 3 },
    );
    // index = (Σ goldstein + 3 · previous) / (mentions + 3), from 0:
    close(points[0]!.index, 6.8 / 5, 'Jan'); // 1.36
    close(points[1]!.index, 1.36, 'Feb keeps January');
    close(points[2]!.index, (-8 + 3 * 1.36) / 4, 'Mar'); // −0.98
    close(points[3]!.index, (-6 + 3 * -0.98) / 6, 'Apr'); // −1.49
    close(points[2]!.change, -2.34, 'March change');
    assert.equal(points[1]!.goldstein, null);
    // σ from the period means 3.4 (n 2), −8 (n 1), −2 (n 3): grand mean −4/3·… → band = 1.96 σ / √(articles + 1)
    const grand = (6.8 - 8 - 6) / 6;
    const sigma = Math.sqrt((2 * (3.4 - grand) ** 2 + (-8 - grand) ** 2 + 3 * (-2 - grand) ** 2) / 2);
    close(points[0]!.band, (1.96 * sigma) / Math.sqrt(3), 'Jan band');
    close(points[1]!.band, 1.96 * sigma, 'an empty period has the widest band');
    assert.ok(points[1]!.band > points[3]!.band);
  });

  it('flags as a shift only a change far outside the usual ones, backed by enough articles', () => {
    const period = (name: string, goldsteinSum: number, mentions: number): PeriodAggregate => ({
      period: name,
      eventsAB: mentions,
      eventsBA: 0,
      articlesAB: mentions,
      articlesBA: 0,
      articles: mentions,
      goldsteinSum,
      mentions,
      quad: [0, 0, 0, 0],
      tone: null,
    });
    // Ten quiet months of mild cooperation (+1 each, 3 mentions), then a month of heavy conflict.
    const quiet = Array.from({ length: 10 }, (_, i) =>
      period(`2022-${String(i + 1).padStart(2, '0')}`, 3, 3),
    );
    const points = computeBarometer([...quiet, period('2022-11', -50, 5)]);
    assert.deepEqual(
      points.filter((p) => p.shift).map((p) => p.period),
      ['2022-11'],
    );
    // The same move backed by one article is not a shift.
    const thin = computeBarometer([...quiet, { ...period('2022-11', -10, 1), articles: 1 }]);
    assert.deepEqual(
      thin.filter((p) => p.shift).map((p) => p.period),
      [],
    );
  });

  it('names periods as ISO weeks, months and years, and steps through ranges', () => {
    assert.equal(isoWeek('2023-06-19'), '2023-W25');
    assert.equal(isoWeek('2021-01-03'), '2020-W53');
    assert.deepEqual(periodRange('2023-11', '2024-02', 'month'), [
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    assert.deepEqual(periodBounds('2024-02', 'month'), { since: '2024-02-01', until: '2024-02-29' });
    assert.deepEqual(periodBounds('2023-W25', 'week'), { since: '2023-06-19', until: '2023-06-25' });
  });
});

describe('barometer from the store', () => {
  it('aggregates events per period and direction, as computed by hand', async () => {
    const { db } = await handMadeStore();
    const store = await openStore(db, { readonly: true });
    const result = await barometer(store, 'usa', 'CHN', { by: 'month' });
    assert.deepEqual(
      result.points.map((p) => p.period),
      ['2023-01', '2023-02', '2023-03', '2023-04'],
    );
    const [jan, feb, mar, apr] = result.points as [
      (typeof result.points)[0],
      (typeof result.points)[0],
      (typeof result.points)[0],
      (typeof result.points)[0],
    ];
    assert.deepEqual([jan.eventsAB, jan.eventsBA, jan.articles], [1, 1, 2]);
    assert.deepEqual([feb.eventsAB + feb.eventsBA, feb.articles], [0, 0]);
    assert.deepEqual([mar.eventsAB, mar.eventsBA], [1, 0]);
    assert.deepEqual([apr.eventsAB, apr.eventsBA, apr.articlesBA], [0, 3, 3]);
    assert.deepEqual(jan.quad, [2, 0, 0, 0]);
    assert.deepEqual(mar.quad, [0, 0, 0, 1]);
    assert.deepEqual(apr.quad, [0, 0, 3, 0]);
    close(jan.goldstein!, 3.4, 'Jan mean');
    close(jan.index, 1.36, 'Jan index');
    close(mar.index, -0.98, 'Mar index');
    close(apr.index, -1.49, 'Apr index');
    // Why did March move? The sanctions, pulling 9.36 points below January's index.
    const why = await explainPeriod(store, 'USA', 'CHN', '2023-03', { by: 'month' });
    assert.equal(why.events[0]?.code, '163');
    close(why.events[0]!.pull, -8 - 1.36, 'pull');
    assert.match(why.events[0]!.evidence, /imposed sanctions on China/);
    // Actor codes work too, and the same pair asked the other way round gives the same index.
    close((await barometer(store, 'CHN', 'USA')).points[3]!.index, -1.49, 'symmetric');
    assert.equal((await barometer(store, 'USAGOV', 'CHN')).points.length, 0);
    await store.close();
  });

  it('answers `parley relations`, `--explain`, `parley actor` and `parley themes` on the command line', async () => {
    const { db } = await handMadeStore();
    const chart = await cli('relations', 'USA', 'CHN', '--db', db);
    assert.equal(chart.code, 0, chart.stderr);
    assert.match(chart.stdout, /Relations barometer USA–CHN, by month/);
    assert.match(chart.stdout, /2023-03 .*-0\.98/);
    const explain = await cli('relations', 'USA', 'CHN', '--db', db, '--explain', '2023-03');
    assert.match(explain.stdout, /USA–CHN in 2023-03: index -0\.98/);
    assert.match(explain.stdout, /“The United States imposed sanctions on China\.”/);
    const csv = await cli('relations', 'USA', 'CHN', '--db', db, '--format', 'csv');
    assert.equal(csv.stdout.trim().split('\n').length, 5);
    const actor = await cli('actor', 'CHN', '--db', db);
    assert.match(actor.stdout, /main partners:[\s\S]*USA\s+6/);
    const themes = await cli('themes', '--pair', 'USA', 'CHN', '--db', db, '--by', 'year');
    assert.match(themes.stdout, /2023\s+SANCTIONS 1/);
    const bad = await cli('relations', 'USA', 'C1N', '--db', db);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /"C1N" is not a CAMEO country or actor code/);
  });
});
