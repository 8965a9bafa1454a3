/**
 * Speed of the entity tagger alone, on one core, over the benchmark corpus's own sentences (wink tokens):
 * the sentence model (`tagEntities`) and the two-pass document model the pipeline uses (`tagDocument`).
 * The first pass warms the word caches and is not counted; the best of three timed passes is reported.
 */
import { buildArticle } from '../src/ingest/article.js';
import type { ArticleInput } from '../src/model/schema.js';
import { tokenize } from '../src/nlp/tokenize.js';
import { tagDocument, tagEntities } from '../src/nlp/ner/index.js';
import type { BenchResult } from './util.js';

const ARTICLES = 400;
const PASSES = 3;

function bestTokensPerSecond(tokens: number, pass: () => void): number {
  pass();
  let best = Infinity;
  for (let i = 0; i < PASSES; i++) {
    const started = performance.now();
    pass();
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return Math.round(tokens / best);
}

export function benchTagger(records: ArticleInput[]): BenchResult[] {
  const articles = records.slice(0, ARTICLES).map((record, index) => {
    const article = buildArticle({ ...record, date: record.date ?? '2005-01-01' }, `record ${index}`);
    const { tokens, sentences } = tokenize(article.text);
    const texts = tokens.map((token) => token.text);
    return sentences.map((sentence) => texts.slice(sentence.firstToken, sentence.lastToken));
  });
  const tokens = articles.flat(2).length;
  const scale = `${tokens} tokens, ${articles.length} articles`;
  return [
    {
      section: 'ner',
      name: 'tagEntities (sentence model), one core',
      value: bestTokensPerSecond(tokens, () => {
        for (const article of articles) for (const sentence of article) tagEntities(sentence);
      }),
      unit: 'tokens/s',
      scale,
    },
    {
      section: 'ner',
      name: 'tagDocument (pipeline tagger), one core',
      value: bestTokensPerSecond(tokens, () => {
        for (const article of articles) tagDocument(article);
      }),
      unit: 'tokens/s',
      scale,
    },
  ];
}
