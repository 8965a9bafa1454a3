/**
 * A token trie for dictionary names: finds the longest dictionary phrase starting at a token in one
 * walk, whatever the dictionary's size (a regex alternation of ~10,000 names would be far slower).
 */

interface TrieNode<T> {
  /** Children by folded token; a child read from a snapshot stays in its serialized form until visited. */
  next: Map<string, TrieNode<T> | SerializedTrieNode>;
  values: T[];
}

/**
 * Splits a dictionary phrase the way wink-nlp splits running text: on spaces, with hyphens, slashes and a
 * possessive 's or s' as tokens of their own ("U.S.-China" → U.S. | - | China), abbreviations kept whole.
 */
export function phraseTokens(phrase: string): string[] {
  return (
    phrase
      .trim()
      // ("Co-operation" is one word, spelled either way: see fold)
      .replace(/\b(co)-(operation|operative|ordination)\b/gi, '$1$2')
      .split(/\s+/)
      .flatMap((word) => word.split(/(?<=\S)([-/])(?=\S)/))
      .flatMap((word) => {
        // ("Kurdistan Workers' Party": a plural possessive's apostrophe is a token of its own too)
        const possessive = /^(.+)(['’]s)$/.exec(word) ?? /^(.+s)(['’])$/.exec(word);
        return possessive ? [possessive[1]!, possessive[2]!] : [word];
      })
      .filter((token) => token !== '')
  );
}

/**
 * A token without its accents, so that "Erdogan" in a dictionary finds "Erdoğan" in news, and back; and in
 * one spelling where British and American English differ ("Organisation for Security and Co-operation in
 * Europe" is the dictionary's "Organization for Security and Cooperation in Europe"), with an en dash as a
 * hyphen ("ZANU–PF").
 */
function fold(token: string): string {
  const plain = /[^\u0000-\u007f]/.test(token) ? token.normalize('NFD').replace(/\p{M}/gu, '') : token;
  return plain
    .replace(/[–—]/g, '-')
    .replace(/^(\p{L}+)isation(s?)$/u, '$1ization$2')
    .replace(/^(co)-?(operation|operative|ordination)$/i, '$1$2');
}

/**
 * A trie node in a snapshot (src/model/snapshot.ts): its encoded values, then each child's token and node,
 * flattened — `[values, token1, node1, token2, node2, …]`, children in insertion order.
 */
export type SerializedTrieNode = Array<unknown[] | string>;

/** A node from its serialized form: its values decoded, its children left serialized until visited. */
function shallowNode<T>(data: SerializedTrieNode, decode: (value: unknown) => T): TrieNode<T> {
  const next = new Map<string, SerializedTrieNode>();
  for (let i = 1; i < data.length; i += 2) next.set(data[i] as string, data[i + 1] as SerializedTrieNode);
  return { next, values: (data[0] as unknown[]).map(decode) };
}

export class TokenTrie<T> {
  private root: TrieNode<T> = { next: new Map(), values: [] };
  /** How a deserialized trie decodes the values of a node on its first visit. */
  private decode: (value: unknown) => T = (value) => value as T;

  /** The trie as nested arrays, for a snapshot; `encode` turns each value into JSON. */
  serialize(encode: (value: T) => unknown): SerializedTrieNode {
    const visit = (node: TrieNode<T>): SerializedTrieNode => {
      const out: SerializedTrieNode = [node.values.map(encode)];
      for (const token of node.next.keys()) out.push(token, visit(this.child(node, token)!));
      return out;
    };
    return visit(this.root);
  }

  /**
   * A trie from `serialize`'s output, the same nodes in the same order. Nodes are decoded as lookups first
   * reach them: an article visits a few hundred of the ~40,000 nodes of the name trie, so a run does not
   * build them all at start.
   */
  static deserialize<T>(data: SerializedTrieNode, decode: (value: unknown) => T): TokenTrie<T> {
    const trie = new TokenTrie<T>();
    trie.decode = decode;
    trie.root = shallowNode(data, decode);
    return trie;
  }

  /** The child of `node` under a folded token, decoded from its snapshot form on the first visit. */
  private child(node: TrieNode<T>, key: string): TrieNode<T> | undefined {
    const child = node.next.get(key);
    if (!Array.isArray(child)) return child;
    const decoded = shallowNode(child, this.decode);
    node.next.set(key, decoded);
    return decoded;
  }

  add(phrase: string, value: T): void {
    this.addTokens(phraseTokens(phrase), value);
  }

  /** Adds a phrase already split into tokens (lemma files write hyphens as separate words). */
  addTokens(tokens: readonly string[], value: T): void {
    let node = this.root;
    for (const token of tokens) {
      const key = fold(token);
      let child = this.child(node, key);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(key, child);
      }
      node = child;
    }
    node.values.push(value);
  }

  /**
   * The node a hyphenated token reaches when the dictionary wrote it as parts: wink-nlp keeps "Inter-American"
   * whole while phraseTokens splits "Inter-American Development Bank" into Inter | - | American | ….
   */
  private hyphenated(node: TrieNode<T>, key: string): TrieNode<T> | undefined {
    if (!key.includes('-')) return undefined;
    let at: TrieNode<T> | undefined = node;
    for (const part of phraseTokens(key)) {
      at = this.child(at, part);
      if (!at) return undefined;
    }
    return at;
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
      // ("Inter-American": the tagger keeps some prefixed words whole that the dictionary splits)
      const child = this.child(node, key) ?? (key.length > 2 ? this.hyphenated(node, key) : undefined);
      // A hyphen the dictionary writes as a space: "Bashar al-Assad" in news, "Bashar al Assad" in Phoenix.
      if (!child && key === '-' && i > start) continue;
      if (!child) break;
      node = child;
      if (node.values.length > 0) best = { length: i - start + 1, values: node.values };
    }
    return best;
  }
}
