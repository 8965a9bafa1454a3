/** One event, many articles: mentions merged into one event, and the GDELT 2.0 export of it. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ingest } from '../src/batch.js';
import { GDELT_COLUMNS } from '../src/export/gdelt.js';
import { openStore } from '../src/store/index.js';
import { cli, tempDir } from './support.js';

/** Four outlets report the same sanctions, worded differently, over three days; one reports something else. */
const REPORTS = [
  {
    source: 'Wire A',
    date: '2024-03-04',
    url: 'https://a.example/1',
    text: 'The United States imposed sanctions on Iran over its drone programme.',
  },
  {
    source: 'Wire B',
    date: '2024-03-04',
    url: 'https://b.example/2',
    text: 'Washington on Monday announced new sanctions against Iran, officials said.',
  },
  {
    source: 'Wire B',
    date: '2024-03-05',
    url: 'https://c.example/3',
    text: 'Iran was sanctioned by the United States after weeks of tension.',
  },
  {
    source: 'Paper D',
    date: '2024-03-06',
    url: 'https://d.example/4',
    text: 'The U.S. sanctioned Iran again, the third such step this year.',
  },
  {
    source: 'Paper D',
    date: '2024-03-06',
    url: 'https://d.example/5',
    text: 'Iran condemned the United States for the measures.',
  },
  {
    source: 'Wire A',
    date: '2024-04-20',
    url: 'https://a.example/6',
    text: 'The United States imposed sanctions on Iran over oil shipments.',
  },
];

async function reportsStore(): Promise<string> {
  const dir = tempDir();
  const file = path.join(dir, 'reports.jsonl');
  writeFileSync(file, REPORTS.map((report) => JSON.stringify(report)).join('\n'));
  const db = path.join(dir, 'reports.db');
  const store = await openStore(db);
  const report = await ingest([file], store);
  assert.equal(report.stored, REPORTS.length);
  await store.close();
  return db;
}

describe('event merge and export', () => {
  it('merges mentions of the same event across articles, keeping every mention', async () => {
    const db = await reportsStore();
    const store = await openStore(db, { readonly: true });
    const mentions = await store.events({ code: '163' });
    assert.equal(mentions.length, 5, JSON.stringify(mentions.map((e) => e.evidence)));
    const merged = await store.mergedEvents({ code: '163' });
    assert.equal(merged.length, 2, 'the March sanctions and the April sanctions');
    const march = merged.find((event) => event.date!.startsWith('2024-03'))!;
    assert.deepEqual([march.mentions, march.articles, march.sources], [4, 4, 3]);
    assert.equal(merged.find((event) => event.date!.startsWith('2024-04'))!.mentions, 1);
    assert.equal(
      (await store.mergedEvents({ code: '11' })).length,
      1,
      'the condemnation is an event of its own',
    );
    await store.close();
  });

  it('writes GDELT Events 2.0 rows: the 61 published columns in order, then Parley’s', async () => {
    const db = await reportsStore();
    const run = await cli('export', '--db', db, '--format', 'gdelt', '--header', '--code', '163');
    assert.equal(run.code, 0, run.stderr);
    const [header, ...rows] = run.stdout.trim().split('\n');
    const columns = header!.split('\t');
    assert.equal(GDELT_COLUMNS.length, 61);
    assert.deepEqual(columns.slice(0, 61), [...GDELT_COLUMNS]);
    assert.equal(columns[61], 'ParleyArticleId');
    assert.equal(rows.length, 2);
    const field = (row: string, name: string): string => row.split('\t')[columns.indexOf(name)]!;
    const march = rows.find((row) => field(row, 'Day').startsWith('202403'))!;
    assert.equal(march.split('\t').length, columns.length);
    assert.equal(field(march, 'Actor1CountryCode'), 'USA');
    assert.equal(field(march, 'Actor2CountryCode'), 'IRN');
    assert.equal(field(march, 'EventRootCode'), '16');
    assert.equal(field(march, 'QuadClass'), '4');
    assert.equal(field(march, 'GoldsteinScale'), '-8');
    assert.equal(field(march, 'NumMentions'), '4');
    assert.equal(field(march, 'NumSources'), '3');
    assert.equal(field(march, 'MonthYear'), '202403');
    assert.match(field(march, 'SOURCEURL'), /^https:\/\/[a-d]\.example\//);
    const jsonl = await cli('export', '--db', db, '--format', 'jsonl', '--code', '163');
    assert.deepEqual(
      jsonl.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).mentions)
        .sort(),
      [1, 4],
    );
    const csv = await cli('export', '--db', db, '--format', 'csv');
    assert.match(csv.stdout.split('\n')[0]!, /^groupId,date,sourceCode/);
  });
});
