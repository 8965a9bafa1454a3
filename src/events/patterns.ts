/**
 * Verb and phrase patterns (data/events/verbs.tsv, plus a user's own with `--verbs FILE`), parsed and
 * indexed by their first word so the coder tries only the patterns that can start at a token.
 */
import { dataPath } from '../model/paths.js';
import { readTsvRows } from '../model/tsv.js';
import { cameoCodes } from './ontology.js';

export type PatternPart = { kind: 'word'; lemma: string } | { kind: 'source' } | { kind: 'target' };

export interface EventPattern {
  code: string;
  /** The pattern as written, reported with each event it codes. */
  text: string;
  parts: PatternPart[];
  /** Number of literal words: longer patterns are more specific and win. */
  specificity: number;
}

function parsePattern(code: string, text: string, origin: string): EventPattern {
  const parts: PatternPart[] = text
    .trim()
    .split(/\s+/)
    .map((word) => {
      if (word === '{S}') return { kind: 'source' };
      if (word === '{T}') return { kind: 'target' };
      return { kind: 'word', lemma: word.toLowerCase() };
    });
  if (parts[0]?.kind !== 'word') throw new Error(`${origin}: a pattern must start with a word, not a slot`);
  return { code, text: text.trim(), parts, specificity: parts.filter((part) => part.kind === 'word').length };
}

export function loadPatterns(file: string): EventPattern[] {
  const codes = cameoCodes();
  return readTsvRows(file).map(({ cells: [code = '', pattern = ''], line }) => {
    const origin = `${file}:${line}`;
    if (!codes.has(code)) throw new Error(`${origin}: unknown CAMEO code "${code}"`);
    if (pattern === '') throw new Error(`${origin}: empty pattern`);
    return parsePattern(code, pattern, origin);
  });
}

let cached: Map<string, EventPattern[]> | undefined;
let extraPatternFiles: string[] = [];

/** Adds a user's own pattern files; they are tried alongside the shipped ones. */
export function usePatternFiles(files: string[]): void {
  if (files.join('\n') === extraPatternFiles.join('\n')) return;
  extraPatternFiles = files;
  cached = undefined;
}

/** Patterns indexed by first lemma, most specific first. */
export function patternIndex(): Map<string, EventPattern[]> {
  if (cached) return cached;
  const all = [dataPath('events/verbs.tsv'), ...extraPatternFiles].flatMap(loadPatterns);
  const index = new Map<string, EventPattern[]>();
  for (const pattern of all) {
    const first = (pattern.parts[0] as { lemma: string }).lemma;
    index.set(first, [...(index.get(first) ?? []), pattern]);
  }
  for (const list of index.values())
    list.sort((a, b) => b.specificity - a.specificity || b.parts.length - a.parts.length);
  cached = index;
  return index;
}
