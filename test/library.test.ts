/** The package used as a library, by its own name, exactly as the README shows it. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { tempDir } from './support.js';

describe('import from "parley"', () => {
  it('analyses, ingests and queries as the README says', async () => {
    const { analyze, ingest, openStore, AnalysisSchema } = await import('parley');
    const analysis = analyze({
      title: 'Talks',
      text: 'Antony Blinken met Wang Yi in Beijing.',
      date: '2023-06-18',
    });
    assert.equal(analysis.events[0]?.code, '040');
    assert.ok(AnalysisSchema.safeParse(analysis).success);

    const dir = tempDir();
    const news = path.join(dir, 'news');
    writeFileSync(
      `${news}.jsonl`,
      JSON.stringify({ title: 'Talks', text: 'Antony Blinken met Wang Yi in Beijing.', date: '2023-06-18' }),
    );
    const store = await openStore(path.join(dir, 'parley.db'));
    const errors: string[] = [];
    await ingest([`${news}.jsonl`], store, { onError: (error) => errors.push(error.message) });
    assert.deepEqual(errors, []);
    const events = await store.events({ source: 'USA', target: 'CHN', code: '04' });
    assert.equal(events.length, 1);
    assert.equal(events[0]?.sourceText, 'Antony Blinken');
    await store.close();
  });
});
