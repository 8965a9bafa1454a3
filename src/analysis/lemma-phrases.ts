/**
 * Matching lowercase lemma phrases ("impose sanction", "ease tension") over a document's tokens — shared
 * by themes and tone, whose data files are both written as lemma phrases.
 */
import type { Token } from '../model/doc.js';
import { TokenTrie } from '../actors/trie.js';

export interface PhraseHit<T> {
  value: T;
  firstToken: number;
  lastToken: number;
}

export function buildLemmaTrie<T>(entries: Iterable<[phrase: string, value: T]>): TokenTrie<T> {
  const trie = new TokenTrie<T>();
  // Lemma files split hyphens themselves ("military - to - military") and keep prefixed words whole
  // ("non-proliferation") as the tokenizer does, so only spaces separate their tokens.
  for (const [phrase, value] of entries) trie.addTokens(phrase.toLowerCase().trim().split(/\s+/), value);
  return trie;
}

/** Non-overlapping longest matches, left to right. Lemmas and lowercase surface forms are both tried. */
export function findLemmaPhrases<T>(tokens: Token[], trie: TokenTrie<T>): PhraseHit<T>[] {
  const lemmas = tokens.map((token) => token.lemma);
  const lowered = tokens.map((token) => token.text.toLowerCase());
  const hits: PhraseHit<T>[] = [];
  for (let i = 0; i < tokens.length;) {
    const byLemma = trie.longestMatch(lemmas, i);
    const bySurface = trie.longestMatch(lowered, i);
    const match = (byLemma?.length ?? 0) >= (bySurface?.length ?? 0) ? byLemma : bySurface;
    if (match) {
      hits.push({ value: match.values[0]!, firstToken: i, lastToken: i + match.length });
      i += match.length;
    } else i++;
  }
  return hits;
}
