/** Reading inputs of every supported format, and the one-line errors for bad ones. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readInputs } from '../src/ingest/sources.js';
import type { ReadResult } from '../src/ingest/readers.js';
import { EXAMPLE_PATH, exampleText, tempDir } from './support.js';

async function readAll(...targets: string[]): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for await (const result of readInputs(targets)) results.push(result);
  return results;
}

function errorsOf(results: ReadResult[]): string[] {
  return results.flatMap((result) => (result.ok ? [] : [result.error.message]));
}

describe('readers', () => {
  it('reads a .txt file: first non-empty line is the title', async () => {
    const [result] = await readAll(EXAMPLE_PATH);
    assert.ok(result?.ok);
    assert.equal(
      result.record.input.title,
      'Xi-Blinken Meeting in Beijing Shows Signs of Progress in U.S.-China Relations',
    );
    assert.match(result.record.input.text ?? '', /^\s*In a significant diplomatic development/);
  });

  it('reads .jsonl line by line, naming each bad line and going on', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'dump.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', title: 'One', text: 'China and Russia held talks.' }),
        '{not json',
        JSON.stringify({ id: 'b', title: 'No text' }),
        '',
        JSON.stringify({ id: 'c', html: '<p>Japan protested.</p>' }),
        JSON.stringify({ id: 'd', text: 42 }),
      ].join('\n'),
    );
    const results = await readAll(file);
    assert.deepEqual(
      results.filter((r) => r.ok).map((r) => (r.ok ? r.record.input.id : '')),
      ['a', 'c'],
    );
    const errors = errorsOf(results);
    assert.equal(errors.length, 3);
    assert.match(errors[0]!, /dump\.jsonl:2: not valid JSON/);
    assert.match(errors[1]!, /dump\.jsonl:3: record has no "text" or "html"/);
    assert.match(errors[2]!, /dump\.jsonl:6: field "text"/);
  });

  it('reads .json holding one object or an array, and .gz of any format', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'one.json'), JSON.stringify({ title: 'T', text: 'Iran condemned Israel.' }));
    writeFileSync(path.join(dir, 'many.json'), JSON.stringify([{ text: 'A b c.' }, { text: 'D e f.' }]));
    writeFileSync(path.join(dir, 'story.txt.gz'), gzipSync(exampleText()));
    writeFileSync(path.join(dir, 'lines.jsonl.gz'), gzipSync(`${JSON.stringify({ text: 'G h i.' })}\n`));
    const results = await readAll(dir);
    assert.equal(errorsOf(results).length, 0);
    assert.equal(results.length, 5);
  });

  it('expands globs and reads stdin-like sniffed formats', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'Title\nBody text here.');
    writeFileSync(path.join(dir, 'b.txt'), 'Title\nOther body.');
    const results = await readAll(path.join(dir, '*.txt'));
    assert.equal(results.length, 2);
  });

  it('gives one clear error for each kind of bad input', async () => {
    const dir = tempDir();
    const emptyDir = path.join(dir, 'nothing-here');
    mkdirSync(emptyDir);
    writeFileSync(path.join(emptyDir, 'notes.bin'), 'not an article format');
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'blank.txt'), '  \n\n  ');
    writeFileSync(
      path.join(dir, 'binary.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]),
    );
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Title\nCaf\xe9 society', 'latin1'));
    writeFileSync(path.join(dir, 'broken.txt.gz'), gzipSync('Title\nBody').subarray(0, 12));
    const targets = [
      'missing.txt',
      emptyDir,
      'empty.txt',
      'blank.txt',
      'binary.txt',
      'latin1.txt',
      'broken.txt.gz',
    ].map((name) => (path.isAbsolute(name) ? name : path.join(dir, name)));
    const errors = errorsOf(await readAll(...targets));
    assert.equal(errors.length, 7, errors.join('\n'));
    const expected = [
      /missing\.txt: no such file or directory/,
      /nothing-here: directory holds no articles/,
      /empty\.txt: empty file/,
      /blank\.txt: empty file/,
      /binary\.txt: binary file, not text/,
      /latin1\.txt: invalid UTF-8 at byte 9/,
      /broken\.txt\.gz: broken gzip/,
    ];
    expected.forEach((pattern, index) => assert.match(errors[index]!, pattern));
    for (const error of errors) assert.ok(!error.includes('\n'), 'errors are one line');
  });
});
