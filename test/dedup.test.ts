/**
 * Near-duplicates: one wire story reprinted with light edits is one story; two reports of the same meeting
 * in different words, and unrelated stories, are not. The stories below were written for this test.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BANDS,
  NUM_HASHES,
  NearDuplicateIndex,
  SIGNATURE_SCHEME,
  bandKeys,
  estimatedContainment,
  estimatedJaccard,
  normalisedWords,
  shingleHashes,
  signature,
  signatureFromBuffer,
  signatureToBuffer,
} from '../src/ingest/dedup.js';
import { COPIES, SAME_MEETING, UNRELATED, WIRE, paragraphs } from './stories.js';

describe('near-duplicate signatures', () => {
  it('normalises case, accents and punctuation before shingling', () => {
    assert.deepEqual(normalisedWords('Milošević’s “TALKS” — in Belgrade!'), [
      'milosevic',
      's',
      'talks',
      'in',
      'belgrade',
    ]);
    assert.deepEqual(normalisedWords('习近平会见布林肯'), ['习', '近', '平', '会', '见', '布', '林', '肯']);
    assert.equal(
      estimatedJaccard(
        signature('Talks in Geneva, said the minister.'),
        signature('talks in geneva said the MINISTER'),
      ),
      1,
    );
  });

  it('is deterministic and round-trips through a 512-byte buffer', () => {
    const a = signature(WIRE);
    const b = signature(WIRE);
    assert.deepEqual(a.hashes, b.hashes);
    assert.equal(a.hashes.length, NUM_HASHES);
    assert.equal(a.shingles, shingleHashes(WIRE).length);
    const buffer = signatureToBuffer(a);
    assert.equal(buffer.byteLength, 512);
    const back = signatureFromBuffer(buffer, a.shingles);
    assert.deepEqual(back.hashes, a.hashes);
    assert.equal(estimatedJaccard(a, back), 1);
    assert.equal(bandKeys(a).length, BANDS);
    assert.match(SIGNATURE_SCHEME, /^minhash-v1-w5-h128/);
    assert.throws(() => signatureFromBuffer(buffer.subarray(0, 100), 1), /512 bytes/);
  });

  it('estimates Jaccard close to the exact value', () => {
    const exact = (x: string, y: string): number => {
      const a = new Set(shingleHashes(x));
      const b = new Set(shingleHashes(y));
      const shared = [...a].filter((h) => b.has(h)).length;
      return shared / (a.size + b.size - shared);
    };
    for (const copy of Object.values(COPIES)) {
      const estimate = estimatedJaccard(signature(WIRE), signature(copy));
      assert.ok(Math.abs(estimate - exact(WIRE, copy)) < 0.12, `${estimate} vs ${exact(WIRE, copy)}`);
    }
  });

  it('sees a cut copy as contained in the full story', () => {
    const firstPart = paragraphs.slice(0, 5).join('\n\n');
    const full = signature(WIRE);
    const cut = signature(firstPart);
    assert.ok(estimatedJaccard(full, cut) < 0.7);
    assert.ok(estimatedContainment(full, cut) > 0.85);
  });

  it('treats empty text as similar to nothing', () => {
    const empty = signature('  — ');
    assert.equal(empty.shingles, 0);
    assert.equal(estimatedJaccard(empty, signature('')), 0);
    assert.equal(estimatedJaccard(empty, signature(WIRE)), 0);
  });
});

describe('NearDuplicateIndex', () => {
  it('groups a wire story and five lightly edited copies into one story', () => {
    const index = new NearDuplicateIndex();
    assert.deepEqual(index.add('wire', WIRE), { groupId: 'wire' });
    for (const [name, text] of Object.entries(COPIES)) {
      const result = index.add(name, text);
      assert.equal(result.groupId, 'wire', `${name} should join the wire story`);
      assert.ok(result.duplicateOf, name);
      assert.ok(result.similarity! >= 0.7, `${name}: ${result.similarity}`);
    }
    assert.equal(index.size, 6);
  });

  it('groups copies whatever order they arrive in: the first one names the story', () => {
    const index = new NearDuplicateIndex();
    const names = Object.keys(COPIES).reverse();
    for (const name of names) assert.equal(index.add(name, COPIES[name]!).groupId, names[0]);
    assert.equal(index.add('wire', WIRE).groupId, names[0]);
  });

  it('keeps a different report of the same meeting, and unrelated stories, apart', () => {
    const index = new NearDuplicateIndex();
    index.add('wire', WIRE);
    for (const [name, text] of Object.entries(COPIES)) index.add(name, text);
    const other = index.add('same-meeting', SAME_MEETING);
    assert.deepEqual(other, { groupId: 'same-meeting' });
    assert.ok(estimatedJaccard(signature(WIRE), signature(SAME_MEETING)) < 0.2);
    UNRELATED.forEach((text, i) =>
      assert.deepEqual(index.add(`unrelated-${i}`, text), { groupId: `unrelated-${i}` }),
    );
  });

  it('adds a known id once, and rebuilds from stored signatures keeping their groups', () => {
    const index = new NearDuplicateIndex();
    index.add('wire', WIRE);
    assert.deepEqual(index.add('wire', UNRELATED[0]!), { groupId: 'wire' });

    const rebuilt = new NearDuplicateIndex();
    const stored = signatureFromBuffer(signatureToBuffer(signature(WIRE)), signature(WIRE).shingles);
    rebuilt.addSignature('wire', stored, 'wire');
    rebuilt.addSignature('old-copy', signature(COPIES.footer!), 'wire');
    assert.equal(rebuilt.groupOf('old-copy'), 'wire');
    const result = rebuilt.add('new-copy', COPIES.dateline!);
    assert.equal(result.groupId, 'wire');
    assert.ok(['wire', 'old-copy'].includes(result.duplicateOf!));
    assert.equal(rebuilt.has('new-copy'), true);
  });

  it('can join a cut copy by containment when asked to', () => {
    const firstPart = paragraphs.slice(0, 5).join('\n\n');
    const strict = new NearDuplicateIndex();
    strict.add('wire', WIRE);
    assert.deepEqual(strict.add('cut', firstPart), { groupId: 'cut' });
    const lenient = new NearDuplicateIndex({ containment: 0.85 });
    lenient.add('wire', WIRE);
    assert.equal(lenient.add('cut', firstPart).groupId, 'wire');
  });

  it('remembers only its window of the most recent articles, and forgets the oldest', () => {
    const index = new NearDuplicateIndex({ capacity: UNRELATED.length });
    index.add('wire', WIRE);
    UNRELATED.forEach((text, i) => index.add(`unrelated-${i}`, text));
    assert.equal(index.size, UNRELATED.length);
    assert.equal(index.has('wire'), false);
    // The wire story has left the window: its copy starts a story of its own.
    assert.deepEqual(index.add('late-copy', COPIES.dateline!), { groupId: 'late-copy' });
    assert.equal(index.has('unrelated-0'), false);
    assert.equal(index.add('copy-of-copy', COPIES.footer!).groupId, 'late-copy');
  });

  it('finds a copy only among the window when many copies share band keys and slots are reused', () => {
    const index = new NearDuplicateIndex({ capacity: 3 });
    const texts = [WIRE, ...Object.values(COPIES)];
    for (let i = 0; i < 4 * texts.length; i++) {
      const result = index.add(`copy-${i}`, texts[i % texts.length]!);
      if (i === 0) continue;
      // Every earlier copy shares bands with this one: the match is one of the three still remembered.
      const window = [i - 3, i - 2, i - 1].filter((j) => j >= 0).map((j) => `copy-${j}`);
      assert.ok(window.includes(result.duplicateOf!), `copy-${i} matched ${result.duplicateOf}`);
      assert.ok(index.size <= 3);
    }
  });

  it('refuses a window that is not a positive whole number', () => {
    assert.throws(() => new NearDuplicateIndex({ capacity: 0 }), /positive whole number, not 0/);
  });

  it('never groups many unrelated short texts', () => {
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 300; i++) {
      const text = `Report ${i}: officials in region ${i * 7} said ${i % 13} people were hurt when ${i % 5} buildings collapsed on day ${i}.`;
      assert.equal(index.add(`n${i}`, text).groupId, `n${i}`);
    }
  });
});
