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

/**
 * A trie node in a snapshot (src/model/snapshot.ts): its encoded values, then each child's token and node,
 * flattened — `[values, token1, node1, token2, node2, …]`, children in insertion order.
 */
export type SerializedTrieNode = Array<unknown[] | string>;

function serializeNode<T>(node: TrieNode<T>, encode: (value: T) => unknown): SerializedTrieNode {
  const out: SerializedTrieNode = [node.values.map(encode)];
  for (const [token, child] of node.next) out.push(token, serializeNode(child, encode));
  return out;
}

function deserializeNode<T>(data: SerializedTrieNode, decode: (value: unknown) => T): TrieNode<T> {
  const node: TrieNode<T> = { next: new Map(), values: (data[0] as unknown[]).map(decode) };
  for (let i = 1; i < data.length; i += 2)
    node.next.set(data[i] as string, deserializeNode(data[i + 1] as SerializedTrieNode, decode));
  return node;
}

export class TokenTrie<T> {
  private root: TrieNode<T> = { next: new Map(), values: [] };

  /** The trie as nested arrays, for a snapshot; `encode` turns each value into JSON. */
  serialize(encode: (value: T) => unknown): SerializedTrieNode {
    return serializeNode(this.root, encode);
  }

  /** A trie from `serialize`'s output, the same nodes in the same order. */
  static deserialize<T>(data: SerializedTrieNode, decode: (value: unknown) => T): TokenTrie<T> {
    const trie = new TokenTrie<T>();
    trie.root = deserializeNode(data, decode);
    return trie;
  }

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
      const child = node.next.get(fold(tokens[i]!));
      if (!child) break;
      node = child;
      if (node.values.length > 0) best = { length: i - start + 1, values: node.values };
    }
    return best;
  }
}
