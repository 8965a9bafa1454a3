/**
 * Verb and phrase patterns, parsed and indexed by their first word so the coder tries only the patterns
 * that can start at a token. Three sources, in order of precedence when two patterns of the same length
 * start at the same word: a user's own files (`--verbs FILE`), Parley's hand-written
 * data/events/verbs.tsv, and data/events/verbs-petrarch.tsv, converted from PETRARCH2's CAMEO dictionary
 * by scripts/convert-petrarch-verbs.ts.
 */
import { existsSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import { timed } from '../model/timing.js';
import { readTsvRows } from '../model/tsv.js';
import { cameoCodes } from './ontology.js';

export type PatternPart = { kind: 'word'; lemma: string } | { kind: 'source' } | { kind: 'target' };

/** Where a pattern comes from: user files win ties over Parley's own, which win over PETRARCH's. */
export type PatternOrigin = 'user' | 'parley' | 'petrarch';

/** The code of a blocker: a pattern that matches and codes nothing ("draw picture" is not "draw"). */
export const NO_EVENT = '---';

export interface EventPattern {
  code: string;
  /** The pattern as written, reported with each event it codes. */
  text: string;
  parts: PatternPart[];
  /** Number of literal words: longer patterns are more specific and win. */
  specificity: number;
  origin: PatternOrigin;
  /** The second word, when the second part is a word: the coder skips patterns whose second word is not near. */
  second: string | null;
  /** Position in its first word's list, most specific first. */
  rank: number;
}

/** The patterns starting with one word, split by their second word for a quick look-up. */
export interface PatternGroup {
  all: EventPattern[];
  /** Patterns whose second part is a word, by that word. */
  bySecond: Map<string, EventPattern[]>;
  /** One-word patterns and patterns whose second part is a slot. */
  rest: EventPattern[];
}

const PRECEDENCE: Record<PatternOrigin, number> = { user: 2, parley: 1, petrarch: 0 };

function parsePattern(code: string, text: string, origin: string, from: PatternOrigin): EventPattern {
  const parts: PatternPart[] = text
    .trim()
    .split(/\s+/)
    .map((word) => {
      if (word === '{S}') return { kind: 'source' };
      if (word === '{T}') return { kind: 'target' };
      return { kind: 'word', lemma: word.toLowerCase() };
    });
  if (parts[0]?.kind !== 'word') throw new Error(`${origin}: a pattern must start with a word, not a slot`);
  return {
    code,
    text: text.trim(),
    parts,
    specificity: parts.filter((part) => part.kind === 'word').length,
    origin: from,
    second: parts[1]?.kind === 'word' ? parts[1].lemma : null,
    rank: 0,
  };
}

export function loadPatterns(file: string, from: PatternOrigin = 'user'): EventPattern[] {
  const codes = cameoCodes();
  return readTsvRows(file).map(({ cells: [code = '', pattern = ''], line }) => {
    const origin = `${file}:${line}`;
    if (code !== NO_EVENT && !codes.has(code)) throw new Error(`${origin}: unknown CAMEO code "${code}"`);
    if (pattern === '') throw new Error(`${origin}: empty pattern`);
    return parsePattern(code, pattern, origin, from);
  });
}

let cached: Map<string, EventPattern[]> | undefined;
let groups: Map<string, PatternGroup> | undefined;
let extraPatternFiles: string[] = [];

/** Adds a user's own pattern files; they are tried alongside the shipped ones. */
export function usePatternFiles(files: string[]): void {
  if (files.join('\n') === extraPatternFiles.join('\n')) return;
  extraPatternFiles = files;
  cached = undefined;
  groups = undefined;
}

/** The user's pattern files in use, for worker threads that must load the same patterns. */
export const patternFiles = (): string[] => [...extraPatternFiles];

/** Patterns indexed by first lemma, most specific first, then by precedence of their origin. */
export function patternIndex(): Map<string, EventPattern[]> {
  cached ??= timed('event patterns', loadPatternIndex);
  return cached;
}

function loadPatternIndex(): Map<string, EventPattern[]> {
  const petrarch = dataPath('events/verbs-petrarch.tsv');
  const all = [
    ...loadPatterns(dataPath('events/verbs.tsv'), 'parley'),
    ...(existsSync(petrarch) ? loadPatterns(petrarch, 'petrarch') : []),
    ...extraPatternFiles.flatMap((file) => loadPatterns(file, 'user')),
  ];
  const index = new Map<string, EventPattern[]>();
  for (const pattern of all) {
    const first = (pattern.parts[0] as { lemma: string }).lemma;
    const list = index.get(first);
    if (list) list.push(pattern);
    else index.set(first, [pattern]);
  }
  for (const list of index.values()) {
    list.sort(
      (a, b) =>
        b.specificity - a.specificity ||
        b.parts.length - a.parts.length ||
        PRECEDENCE[b.origin] - PRECEDENCE[a.origin],
    );
    list.forEach((pattern, rank) => (pattern.rank = rank));
  }
  return index;
}

/** The patterns starting with `first`, grouped by second word. */
export function patternGroup(first: string): PatternGroup | undefined {
  const index = patternIndex();
  if (!groups) {
    groups = new Map();
    for (const [word, all] of index) {
      const bySecond = new Map<string, EventPattern[]>();
      const rest: EventPattern[] = [];
      for (const pattern of all) {
        if (pattern.second === null) rest.push(pattern);
        else {
          const list = bySecond.get(pattern.second);
          if (list) list.push(pattern);
          else bySecond.set(pattern.second, [pattern]);
        }
      }
      groups.set(word, { all, bySecond, rest });
    }
  }
  return groups.get(first);
}
