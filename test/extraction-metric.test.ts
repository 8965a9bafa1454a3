/** The article-extraction metric, on cases small enough to count by hand. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregate, scoreCorpus, scorePage, shingles, tokenize } from '../scripts/extraction-metric.js';

const close = (actual: number, expected: number): void =>
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} is not ${expected}`);

describe('extraction metric: tokens and units', () => {
  it('tokenizes maximal runs of letters, digits and underscores, keeping case', () => {
    assert.deepEqual(tokenize("Hello, world! It's 2024_x — Ünïcode 北京。"), [
      'Hello',
      'world',
      'It',
      's',
      '2024_x',
      'Ünïcode',
      '北京',
    ]);
    assert.deepEqual(tokenize(' … — ! '), []);
  });

  it('cuts a text into 4-token windows; 1–3 tokens make one unit; an empty text none', () => {
    assert.deepEqual(
      [...shingles('a b c d e f').entries()],
      [
        ['a b c d', 1],
        ['b c d e', 1],
        ['c d e f', 1],
      ],
    );
    assert.deepEqual([...shingles('a b c d').entries()], [['a b c d', 1]]);
    assert.deepEqual([...shingles('just two').entries()], [['just two', 1]]);
    assert.deepEqual([...shingles('').entries()], []);
    assert.deepEqual([...shingles('...').entries()], []);
  });

  it('counts repeated windows as a multiset', () => {
    // x y z w x y z w: windows xyzw, yzwx, zwxy, wxyz, xyzw.
    const units = shingles('x y z w x y z w');
    assert.equal(units.get('x y z w'), 2);
    assert.equal(units.size, 4);
  });
});

describe('extraction metric: one page', () => {
  it('scores a prediction that has half the truth', () => {
    // truth units: "a b c d", "b c d e"; prediction: "a b c d" → tp 1, fp 0, fn 1.
    const score = scorePage('a b c d e', 'a b c d');
    assert.deepEqual([score.tp, score.fp, score.fn], [1, 0, 1]);
    close(score.precision, 1);
    close(score.recall, 0.5);
    assert.equal(score.predicted, true);
  });

  it('scores extra predicted text as false positives', () => {
    // truth "a b c d" (1 unit); prediction "a b c d e f" → units abcd, bcde, cdef: tp 1, fp 2.
    const score = scorePage('a b c d', 'a b c d e f');
    assert.deepEqual([score.tp, score.fp, score.fn], [1, 2, 0]);
    close(score.precision, 1 / 3);
    close(score.recall, 1);
  });

  it('compares multisets: a window predicted once but true twice is one hit and one miss', () => {
    const score = scorePage('x y z w x y z w', 'x y z w');
    assert.deepEqual([score.tp, score.fp, score.fn], [1, 0, 4]);
    close(score.recall, 1 / 5);
  });

  it('keeps case: "Hello world" does not match "hello world"', () => {
    const score = scorePage('Hello world', 'hello world');
    assert.deepEqual([score.tp, score.fp, score.fn], [0, 1, 1]);
    assert.equal(score.precision, 0);
  });

  it('gives precision and recall 1 when nothing is missing or extra, even for two empty texts', () => {
    const both = scorePage('', '');
    assert.deepEqual([both.precision, both.recall, both.predicted], [1, 1, false]);
    const same = scorePage('One two three.', 'One, two; three!');
    assert.deepEqual([same.precision, same.recall], [1, 1]);
  });

  it('gives an empty prediction recall 0 and marks it as not predicted', () => {
    const score = scorePage('a b c d e', '');
    assert.deepEqual([score.tp, score.fp, score.fn, score.recall, score.predicted], [0, 0, 2, 0, false]);
  });
});

describe('extraction metric: corpus', () => {
  it('averages precision over predicted pages, recall over all pages, and takes F1 of the two means', () => {
    const corpus = aggregate([scorePage('a b c d e', 'a b c d'), scorePage('a b c d e', '')]);
    close(corpus.precision, 1); // only the first page predicted anything
    close(corpus.recall, 0.25); // (0.5 + 0) / 2
    close(corpus.f1, (2 * 1 * 0.25) / 1.25);
    assert.deepEqual([corpus.pages, corpus.predicted], [2, 1]);
  });

  it('counts a page missing from the predictions as an empty prediction', () => {
    const { corpus, pages } = scoreCorpus({ p1: 'a b c d', p2: 'e f g h' }, { p1: 'a b c d' });
    assert.equal(pages.p2?.predicted, false);
    close(corpus.precision, 1);
    close(corpus.recall, 0.5);
    close(corpus.f1, 2 / 3);
  });

  it('scores zero when nothing at all is predicted', () => {
    const corpus = aggregate([scorePage('a b c d', '')]);
    assert.deepEqual([corpus.precision, corpus.recall, corpus.f1], [0, 0, 0]);
  });
});
