/**
 * Stories at ingest: a wire story and five lightly edited copies become one story, analysed once, with
 * every copy's source and URL kept and counted by the merged events; another report of the same meeting
 * stays its own story; copies are recognised in a later run too.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ingest } from '../src/batch.js';
import { buildArticle } from '../src/ingest/article.js';
import type { ArticleInput } from '../src/model/schema.js';
import { packageRoot } from '../src/model/paths.js';
import { openStore } from '../src/store/index.js';
import { StoryGrouper } from '../src/stories.js';
import { COPIES, SAME_MEETING, UNRELATED, WIRE } from './stories.js';
import { cli, tempDir } from './support.js';

const DATE = '2024-03-19';
const split = (text: string): { title: string; text: string } => {
  const [title, ...rest] = text.split('\n\n');
  return { title: title!, text: rest.join('\n\n') };
};
const record = (outlet: string, story: string): string =>
  JSON.stringify({
    ...split(story),
    url: `https://${outlet}.test/2024/03/19/japan-korea`,
    source: outlet,
    date: DATE,
  });

function jsonl(dir: string, name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('stories at ingest', () => {
  it('groups a story and five lightly edited copies, analysed once; another report stays apart', async () => {
    const dir = tempDir();
    const outlets = Object.keys(COPIES);
    const file = jsonl(dir, 'wire.jsonl', [
      record('wire', WIRE),
      ...outlets.map((outlet) => record(outlet, COPIES[outlet]!)),
      record('other', SAME_MEETING),
    ]);
    const db = path.join(dir, 'stories.db');
    const store = await openStore(db);
    try {
      const report = await ingest([file], store, { batchSize: 3 });
      assert.deepEqual(
        {
          stored: report.stored,
          copies: report.copies,
          duplicates: report.duplicates,
          failed: report.failed,
        },
        { stored: 2, copies: 5, duplicates: 0, failed: 0 },
      );
      const summary = await store.summary();
      assert.equal(
        summary.articles,
        2,
        'copies are not articles of their own: nothing downstream counts them',
      );
      const wire = (await store.search('Kamikawa hotline navies', 5)).find((hit) => hit.source === 'wire');
      assert.ok(wire, 'the first article of the story is the one analysed');
      const copies = await store.storyCopies(wire.id);
      assert.deepEqual(
        copies.map(({ source, url, published }) => ({ source, url, published })),
        outlets.map((outlet) => ({
          source: outlet,
          url: `https://${outlet}.test/2024/03/19/japan-korea`,
          published: DATE,
        })),
      );
      for (const copy of copies) assert.ok(copy.similarity >= 0.7, `${copy.source}: ${copy.similarity}`);
      const summaryRun = await cli('summary', '--db', db);
      assert.match(
        summaryRun.stdout,
        /\n5 near-duplicate copies of these articles \(kept with their source and URL/,
      );
      const shown = await cli('show', wire.id, '--db', db);
      assert.match(
        shown.stdout,
        /\nAlso printed as \(near-duplicate copies, not analysed again\):\n {2}2024-03-19 · headline {2}https:\/\/headline\.test\/2024\/03\/19\/japan-korea {2}\(similarity [01]\.\d\d\)\n/,
      );
      const other = await store.search('Pyongyang reconciliation unpopular', 5);
      assert.equal(other.length, 1);
      assert.notEqual(other[0]!.id, wire.id);
      assert.deepEqual(
        await store.storyCopies(other[0]!.id),
        [],
        'the same meeting in other words is another story',
      );

      // The story's events are coded once, and carry the number of articles and sources that printed it.
      const events = await store.mergedEvents({ articleId: wire.id });
      assert.ok(events.length > 0, 'the wire story codes events');
      for (const event of events) {
        assert.equal(event.articles, 6);
        assert.equal(event.sources, 6);
        assert.equal(event.mentions % 6, 0);
      }
      assert.equal(
        (await store.events({ limit: 10_000 })).filter((event) => event.articleId === wire.id).length,
        (await store.getArticle(wire.id))!.events.length,
      );
    } finally {
      await store.close();
    }
  });

  it('groups the same way when analysis runs in worker threads (past the first 100 records)', async () => {
    const dir = tempDir();
    const sample = readFileSync(path.join(packageRoot(), 'data', 'sample', 'corpus.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(0, 104);
    const file = jsonl(dir, 'many.jsonl', [
      ...sample,
      record('wire', WIRE),
      ...Object.keys(COPIES).map((outlet) => record(outlet, COPIES[outlet]!)),
      record('other', SAME_MEETING),
    ]);
    const store = await openStore(path.join(dir, 'workers.db'));
    try {
      const report = await ingest([file], store, { workers: 2, batchSize: 50, defaultDate: DATE });
      assert.deepEqual(
        { stored: report.stored, copies: report.copies, failed: report.failed },
        { stored: 106, copies: 5, failed: 0 },
      );
      const wire = (await store.search('Kamikawa hotline navies', 5)).find((hit) => hit.source === 'wire');
      assert.ok(wire);
      assert.equal((await store.storyCopies(wire.id)).length, 5);
    } finally {
      await store.close();
    }
  });

  it('a later run reads back only the window of the most recent signatures', async () => {
    const dir = tempDir();
    const store = await openStore(path.join(dir, 'window.db'));
    try {
      const unrelated = UNRELATED.map((text, i) =>
        JSON.stringify({ ...split(text), url: `https://u.test/${i}`, date: DATE }),
      );
      await ingest([jsonl(dir, 'first.jsonl', [record('wire', WIRE), ...unrelated])], store);
      const copy = buildArticle(JSON.parse(record('dateline', COPIES.dateline!)) as ArticleInput, 'copy');
      const all = await StoryGrouper.open(store);
      assert.ok(all.place(copy).copy, 'the wire story is in the whole store');
      const recent = await StoryGrouper.open(store, { capacity: UNRELATED.length });
      assert.equal(recent.place(copy).copy, undefined, 'the wire story is older than the window');
    } finally {
      await store.close();
    }
  });

  it('recognises a copy in a later run, and a copy read again as already stored', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'later.db');
    const first = jsonl(dir, 'first.jsonl', [record('wire', WIRE), record('dateline', COPIES.dateline!)]);
    const later = jsonl(dir, 'later.jsonl', [
      record('dateline', COPIES.dateline!),
      record('footer', COPIES.footer!),
    ]);
    let store = await openStore(db);
    try {
      const report = await ingest([first], store);
      assert.deepEqual([report.stored, report.copies], [1, 1]);
    } finally {
      await store.close();
    }
    store = await openStore(db);
    try {
      const report = await ingest([later], store);
      assert.deepEqual([report.stored, report.copies, report.duplicates], [0, 1, 1]);
      assert.equal((await store.summary()).articles, 1);
    } finally {
      await store.close();
    }
  });
});
