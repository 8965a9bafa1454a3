/**
 * The database survives what a machine does to it: a read-only file and a full disk (two processes
 * writing at once: test/slow/concurrency.test.ts). Each case runs the real CLI in its own process and
 * compares what the database holds before and after.
 */
import assert from 'node:assert/strict';
import { execFileSync, type SpawnOptions } from 'node:child_process';
import { chmodSync, closeSync, existsSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { contentsOf, corpusFile, ingestCounts, runParley, SAMPLE, sha256 } from './processes.js';
import { tempDir } from './support.js';

const isRoot = process.getuid?.() === 0;
/** Root writes through file permissions, so the read-only case runs its writer as "nobody". */
const NOBODY = { uid: 65534, gid: 65534 };

/** `parley ingest FILE --db DB` in one analysis thread, as a process of its own. */
const ingestFile = (file: string, db: string, options: SpawnOptions = {}): ReturnType<typeof runParley> =>
  runParley(['ingest', file, '--db', db, '--workers', '1'], options);

/**
 * The starting point of each case: a database in `dir` holding the sample's first `stored` articles,
 * and a corpus of the `more` articles after them, written now (before the machine turns hostile).
 */
async function sampleDatabase(
  dir: string,
  stored: number,
  more: number,
): Promise<{ db: string; more: string }> {
  const db = path.join(dir, 'parley.db');
  const first = await ingestFile(corpusFile(dir, 'a.jsonl', SAMPLE.slice(0, stored)), db);
  assert.equal(first.code, 0, first.stderr);
  return { db, more: corpusFile(dir, 'b.jsonl', SAMPLE.slice(stored, stored + more)) };
}

describe('the database under a hostile machine', () => {
  it('refuses to write a read-only database file with a clear error, leaving it as it was', async () => {
    const dir = tempDir('parley-readonly-');
    const { db, more } = await sampleDatabase(dir, 20, 20);
    const before = sha256(db);
    chmodSync(db, 0o444);
    chmodSync(more, 0o444);
    chmodSync(dir, 0o555);
    try {
      const run = await ingestFile(more, db, isRoot ? NOBODY : {});
      assert.equal(run.code, 1);
      assert.equal(
        run.stderr,
        `parley: ${db}: cannot write: the database file or its folder is read-only (nothing was changed)\n`,
      );
      assert.equal(sha256(db), before, 'the file is byte for byte as it was');
      assert.equal(existsSync(`${db}-wal`), false);
    } finally {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops with a clear error on a full disk, the database intact and usable once there is room', async (t) => {
    if (!isRoot || process.platform !== 'linux') return t.skip('needs root to mount a small tmpfs');
    const mount = tempDir('parley-full-disk-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount]);
    } catch {
      return t.skip('cannot mount a tmpfs here');
    }
    try {
      const { db, more } = await sampleDatabase(mount, 30, 100);
      const before = contentsOf(db);
      const filler = path.join(mount, 'filler');
      fillDisk(filler);
      const full = await ingestFile(more, db);
      assert.equal(full.code, 1);
      assert.match(
        full.stderr,
        new RegExp(
          `^parley: ${db}: cannot write: the disk is full \\((this batch was not stored; what was stored before is intact|nothing was changed)\\)\\n$`,
        ),
      );
      unlinkSync(filler);
      const after = contentsOf(db);
      assert.equal(after.integrity, 'ok');
      assert.deepEqual(after, before, 'the database holds exactly what it held');
      const retry = await ingestFile(more, db);
      assert.equal(retry.code, 0, retry.stderr);
      assert.equal(contentsOf(db).articles.size, before.articles.size + ingestCounts(retry.stdout)!.stored);
    } finally {
      execFileSync('umount', [mount]);
      rmSync(mount, { recursive: true, force: true });
    }
  });
});

/** Writes zeros until the file system has no room left. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(4096);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}
