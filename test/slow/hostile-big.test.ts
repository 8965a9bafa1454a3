/**
 * The hostile inputs of hundreds of megabytes (generated at test time, never committed): a 100 MB single
 * line, a 200 MB file, 1 GB gzip bombs, 10,000 sentences without punctuation. Each ends in its clear error
 * or a correct analysis, in one `parley analyze` batch whose memory stays far below the inputs' size.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { batchProblems, loadManifest, locate, runBatch, type HostileInput } from '../hostile/run.js';
import { tempDir } from '../support.js';

const slow = loadManifest().filter((input) => input.slow);

describe('hostile inputs of hundreds of megabytes', () => {
  let scratch: string;
  let paths: Map<HostileInput, string>;
  before(async () => {
    scratch = tempDir('parley-hostile-big-');
    paths = await locate(slow, scratch);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('each end in their error or a correct analysis, the batch going on, in bounded time and memory', () => {
    const run = runBatch(
      slow.map((input) => paths.get(input)!),
      { heapMb: 1024, timeoutMs: 600_000 },
    );
    assert.equal(run.signal, null, `killed by ${run.signal} after ${run.seconds.toFixed(0)} s (a hang?)`);
    assert.equal(run.status, 1);
    assert.deepEqual(batchProblems(slow, paths, run), []);
    // Far below the 1.5 GB of input: nothing of hundreds of megabytes is ever held whole.
    assert.ok(run.maxRssMb < 768, `peak memory ${run.maxRssMb.toFixed(0)} MB`);
  });
});
