/**
 * The hostile corpus (test/hostile/): every input ends in its clear error or a correct analysis, the
 * batch goes on past each, within bounded time and memory. The inputs of hundreds of megabytes run in
 * test/slow/hostile-big.test.ts.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { readInputs } from '../src/ingest/sources.js';
import { parseFeed } from '../src/ingest/feeds/parse.js';
import { readFile } from 'node:fs/promises';
import {
  HOSTILE_DIR,
  batchProblems,
  loadManifest,
  locate,
  readerProblems,
  runBatch,
  type HostileInput,
} from './hostile/run.js';
import { tempDir } from './support.js';

/** The kinds of input issue 9 names; the corpus must hold each. */
const REQUIRED_KINDS = [
  'binary file',
  '100 MB single line',
  '200 MB file',
  'invalid encoding',
  'mixed encodings',
  'zero-width characters',
  'bidirectional controls',
  'homoglyph names',
  'DOM nested 100,000 deep',
  'gzip bomb',
  'truncated gzip',
  'truncated WARC',
  'WARC length lies',
  'billion laughs',
  'XXE',
  '__proto__ keys',
  'numbers out of range',
  'dates out of range',
  'empty article',
  'one token',
  '10,000 sentences without punctuation',
];

const manifest = loadManifest();
const fast = manifest.filter((input) => !input.slow);

describe('hostile inputs', () => {
  let scratch: string;
  let paths: Map<HostileInput, string>;
  before(async () => {
    scratch = tempDir('parley-hostile-');
    paths = await locate(fast, scratch);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('number at least 60, cover every kind the issue names, and list every committed file', () => {
    assert.ok(manifest.length >= 60, `${manifest.length} inputs`);
    const kinds = new Set(manifest.map((input) => input.kind));
    assert.deepEqual(
      REQUIRED_KINDS.filter((kind) => !kinds.has(kind)),
      [],
    );
    const listed = new Set(manifest.filter((input) => !input.generate).map((input) => input.file));
    const committed = readdirSync(path.join(HOSTILE_DIR, 'files'));
    assert.deepEqual(
      committed.filter((file) => !listed.has(file)),
      [],
      'files without an outcome',
    );
    assert.deepEqual(
      [...listed].filter((file) => !committed.includes(file)),
      [],
      'outcomes without a file',
    );
  });

  it('each end in their error or a correct analysis in one `parley analyze` batch, in bounded time and memory', () => {
    const inputs = fast.filter((input) => input.via === 'cli');
    const run = runBatch(
      inputs.map((input) => paths.get(input)!),
      { heapMb: 1024, timeoutMs: 240_000 },
    );
    assert.equal(run.signal, null, `killed by ${run.signal} after ${run.seconds.toFixed(0)} s (a hang?)`);
    assert.equal(run.status, 1, 'exit code 1: some inputs failed, none crashed the batch');
    assert.deepEqual(batchProblems(inputs, paths, run), []);
    assert.ok(run.maxRssMb < 1024, `peak memory ${run.maxRssMb.toFixed(0)} MB`);
    for (const line of run.errorLines)
      assert.doesNotMatch(line, /\bat .*\.js:\d+|Error:|node:internal/, 'no stack trace');
  });

  it('WARC files and feeds each end in their error or their records, within seconds', async () => {
    for (const input of fast.filter((candidate) => candidate.via !== 'cli')) {
      const { problems, seconds } = await readerProblems(input, paths.get(input)!);
      assert.deepEqual(problems, []);
      assert.ok(seconds < 20, `${input.file}: ${seconds.toFixed(1)} s`);
    }
  });

  it('never let "__proto__" or "constructor" keys reach an object prototype', async () => {
    for (const file of ['proto-keys.jsonl', 'proto-array.json'])
      for await (const result of readInputs([path.join(HOSTILE_DIR, 'files', file)])) {
        assert.ok(result.ok, file);
        assert.equal(Object.getPrototypeOf(result.record.input), Object.prototype);
        assert.deepEqual(
          Object.keys(result.record.input).filter((key) => !['title', 'text'].includes(key)),
          [],
        );
      }
    parseFeed(await readFile(path.join(HOSTILE_DIR, 'files', 'jsonfeed-proto.json'), 'utf8'));
    const probe = {} as Record<string, unknown>;
    assert.equal(probe.polluted, undefined);
    assert.equal(probe.isAdmin, undefined);
  });
});
