/**
 * wink-nlp keeps one lexicon cache per process and adds every new word to it. Its tokenizer used to consult
 * those learned words, so the same article could be split and tagged differently depending on what the
 * process had read before it (9 of the 4,686 sample articles differed between forward and reverse order;
 * 39 of 2,225 BBC articles). patches/wink-nlp+2.4.0.patch makes the tokenizer look up only the model's own
 * lexemes; this test fails without it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { dataPath } from '../src/model/paths.js';
import { tokenize } from '../src/nlp/tokenize.js';

interface SampleRecord {
  id: string;
  text: string;
}

const sample = readFileSync(dataPath('sample/corpus.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as SampleRecord);

/** Sample articles whose tokens or tags changed once the rest of the corpus had been read (before the patch). */
const ORDER_SENSITIVE = [
  'wikinews-72942',
  'wikinews-88985',
  'wikinews-114853',
  'wikinews-146924',
  'wcep-2012-02-27-2',
  'wcep-2012-04-13-11',
  'wikinews-434040',
  'wcep-2018-05-23-7',
];

const signature = (text: string): string =>
  tokenize(text)
    .tokens.map((token) => `${token.text}/${token.start}/${token.pos}/${token.lemma}`)
    .join(' ');

describe('tokenize', () => {
  it('gives an article the same tokens and tags whatever the process read before it', () => {
    const articles = ORDER_SENSITIVE.map((id) => sample.find((record) => record.id === id));
    assert.ok(articles.every(Boolean), 'the order-sensitive articles are in the sample corpus');
    // This test file runs in a process of its own, so these are the tokens of a fresh process.
    const fresh = articles.map((article) => signature(article!.text));
    for (const record of sample) tokenize(record.text);
    const later = articles.map((article) => signature(article!.text));
    const changed = ORDER_SENSITIVE.filter((_, k) => fresh[k] !== later[k]);
    assert.deepEqual(changed, [], 'articles tokenized differently after reading the corpus');
  });
});
