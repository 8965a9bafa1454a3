/**
 * A token trie for dictionary names: finds the longest dictionary phrase starting at a token in one
 * walk, whatever the dictionary's size (a regex alternation of ~10,000 names would be far slower).
 */

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

/**
 * Splits a dictionary phrase the way wink-nlp splits running text: on spaces, with hyphens, slashes and a
 * possessive 's as tokens of their own ("U.S.-China" → U.S. | - | China), abbreviations kept whole.
 */
export function phraseTokens(phrase: string): string[] {
  return phrase
    .trim()
    .split(/\s+/)
    .flatMap((word) => word.split(/(?<=\S)([-/])(?=\S)/))
    .flatMap((word) => {
      const possessive = /^(.+)(['’]s)$/.exec(word);
      return possessive ? [possessive[1]!, possessive[2]!] : [word];
    })
    .filter((token) => token !== '');
}

/** A token without its accents, so that "Erdogan" in a dictionary finds "Erdoğan" in news, and back. */
function fold(token: string): string {
  return /[^\u0000-\u007f]/.test(token) ? token.normalize('NFD').replace(/\p{M}/gu, '') : token;
}

export class TokenTrie<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: [] };

  add(phrase: string, value: T): void {
    this.addTokens(phraseTokens(phrase), value);
  }

  /** Adds a phrase already split into tokens (lemma files write hyphens as separate words). */
  addTokens(tokens: readonly string[], value: T): void {
    let node = this.root;
    for (const token of tokens) {
      const key = fold(token);
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(key, child);
      }
      node = child;
    }
    node.values.push(value);
  }

  /** The longest phrase starting at `tokens[start]`, as its length in tokens and its values. */
  longestMatch(
    tokens: readonly string[],
    start: number,
    end = tokens.length,
  ): { length: number; values: T[] } | null {
    let node = this.root;
    let best: { length: number; values: T[] } | null = null;
    for (let i = start; i < end; i++) {
      const key = fold(tokens[i]!);
      const child = node.next.get(key);
      // A hyphen the dictionary writes as a space: "Bashar al-Assad" in news, "Bashar al Assad" in Phoenix.
      if (!child && key === '-' && i > start) continue;
      if (!child) break;
      node = child;
      if (node.values.length > 0) best = { length: i - start + 1, values: node.values };
    }
    return best;
  }
}
