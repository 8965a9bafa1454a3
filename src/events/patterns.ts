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
import { encodeSnapshot, readSnapshot } from '../model/snapshot.js';
import { cameoCodes } from './ontology.js';

export type PatternPart = { kind: 'word'; lemma: string } | { kind: 'source' } | { kind: 'target' };

/**
 * Where a pattern comes from: user files win ties over Parley's own, which win over PETRARCH's, which win
 * over those learned from the gold training part (scripts/learn-patterns.ts): a learned pattern codes only
 * where no written one of its length matches.
 */
export type PatternOrigin = 'user' | 'parley' | 'petrarch' | 'learned';

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

const PRECEDENCE: Record<PatternOrigin, number> = { user: 3, parley: 2, petrarch: 1, learned: 0 };

/** A checked row of a pattern file, not yet parsed. */
interface PatternRow {
  code: string;
  pattern: string;
  /** The lowercased first word, which indexes the pattern. */
  first: string;
}

function parsePattern({ code, pattern }: PatternRow, from: PatternOrigin): EventPattern {
  const parts: PatternPart[] = pattern
    .trim()
    .split(/\s+/)
    .map((word) => {
      if (word === '{S}') return { kind: 'source' };
      if (word === '{T}') return { kind: 'target' };
      return { kind: 'word', lemma: word.toLowerCase() };
    });
  return {
    code,
    text: pattern.trim(),
    parts,
    specificity: parts.filter((part) => part.kind === 'word').length,
    origin: from,
    second: parts[1]?.kind === 'word' ? parts[1].lemma : null,
    rank: 0,
  };
}

/** The rows of a pattern file, each checked (a known code, a pattern that starts with a word), unparsed. */
function readPatternRows(file: string): PatternRow[] {
  const codes = cameoCodes();
  return readTsvRows(file).map(({ cells: [code = '', pattern = ''], line }) => {
    const origin = `${file}:${line}`;
    if (code !== NO_EVENT && !codes.has(code)) throw new Error(`${origin}: unknown CAMEO code "${code}"`);
    if (pattern === '') throw new Error(`${origin}: empty pattern`);
    const first = pattern.trim().split(/\s+/)[0]!;
    if (first === '{S}' || first === '{T}')
      throw new Error(`${origin}: a pattern must start with a word, not a slot`);
    return { code, pattern, first: first.toLowerCase() };
  });
}

export function loadPatterns(file: string, from: PatternOrigin = 'user'): EventPattern[] {
  return readPatternRows(file).map((row) => parsePattern(row, from));
}

/** One source's rows by first word, in file order. */
interface PatternSource {
  from: PatternOrigin;
  /** Rows by first word; from a snapshot, a word's rows stay one `code TAB pattern` line each until asked for. */
  byFirst: Map<string, PatternRow[] | string>;
}

let sources: PatternSource[] | undefined;
/** Parsed groups by first word; null for a word that starts no pattern. */
let groups = new Map<string, PatternGroup | null>();
let extraPatternFiles: string[] = [];

/** Adds a user's own pattern files; they are tried alongside the shipped ones. */
export function usePatternFiles(files: string[]): void {
  if (files.join('\n') === extraPatternFiles.join('\n')) return;
  extraPatternFiles = files;
  sources = undefined;
  groups = new Map();
}

/** The user's pattern files in use, for worker threads that must load the same patterns. */
export const patternFiles = (): string[] => [...extraPatternFiles];

function bySource(from: PatternOrigin, rows: PatternRow[]): PatternSource {
  const byFirst = new Map<string, PatternRow[]>();
  for (const row of rows) {
    const list = byFirst.get(row.first);
    if (list) list.push(row);
    else byFirst.set(row.first, [row]);
  }
  return { from, byFirst };
}

/** The shipped pattern files (and the codebook they are checked against), relative to data/. */
const SHIPPED_SOURCES = [
  'events/verbs.tsv',
  'events/verbs-petrarch.tsv',
  'events/verbs-learned.tsv',
  'cameo/cameo.json',
] as const;
export const PATTERN_SNAPSHOT_FILE = 'compiled/patterns.json';
const SNAPSHOT_FORMAT = 'parley-patterns';

/** The snapshot of the shipped files' rows: per source, [first word, [[code, pattern], …]] in file order. */
interface PatternSnapshot {
  /** Per source, [first word, its rows as `code TAB pattern` lines]: TSV cells hold no tab or newline. */
  files: Array<{ from: PatternOrigin; rows: Array<[string, string]> }>;
}

/** The learned patterns' file, when the learning script tries candidates in place of the shipped one. */
let learnedFile: string | undefined;

/** For scripts/learn-patterns.ts: use `file` as the learned patterns (undefined: the shipped file again). */
export function useLearnedPatternFile(file: string | undefined): void {
  learnedFile = file;
  sources = undefined;
  groups = new Map();
}

/** Parley's, PETRARCH's and the learned rows, read and checked from the TSV files. */
function readShippedSources(): PatternSource[] {
  const optional = (file: string): PatternRow[] => (existsSync(file) ? readPatternRows(file) : []);
  return [
    bySource('parley', readPatternRows(dataPath('events/verbs.tsv'))),
    bySource('petrarch', optional(dataPath('events/verbs-petrarch.tsv'))),
    bySource('learned', optional(learnedFile ?? dataPath('events/verbs-learned.tsv'))),
  ];
}

/** The snapshot's JSON for today's shipped files (scripts/build-snapshots.ts writes it). */
export function compilePatternSnapshot(): string {
  const body: PatternSnapshot = {
    files: readShippedSources().map(({ from, byFirst }) => ({
      from,
      rows: [...byFirst].map(([first, rows]) => [
        first,
        rowsOf(rows, first)
          .map(({ code, pattern }) => `${code}\t${pattern}`)
          .join('\n'),
      ]),
    })),
  };
  return encodeSnapshot(SNAPSHOT_FORMAT, 2, SHIPPED_SOURCES, body);
}

/** The shipped rows from their snapshot, already checked, while the files are the ones it was built from. */
function snapshotSources(): PatternSource[] | undefined {
  const snapshot = readSnapshot<PatternSnapshot>(PATTERN_SNAPSHOT_FILE, SNAPSHOT_FORMAT, 2, SHIPPED_SOURCES);
  return snapshot?.files.map(({ from, rows }) => ({ from, byFirst: new Map(rows) }));
}

/** A word's rows, split from their snapshot lines the first time they are needed. */
function rowsOf(rows: PatternRow[] | string | undefined, first: string): PatternRow[] {
  if (typeof rows !== 'string') return rows ?? [];
  return rows.split('\n').map((line) => {
    const tab = line.indexOf('\t');
    return { code: line.slice(0, tab), pattern: line.slice(tab + 1), first };
  });
}

/**
 * Every pattern file's rows, checked, by first word, in the order ties were listed before precedence:
 * Parley's, PETRARCH's, the user's. Only the rows are read at start (from the snapshot, else the TSV): a
 * pattern is parsed when a text first has its first word (an article meets a few hundred of ~30,000).
 */
function patternSources(): PatternSource[] {
  sources ??= timed('event patterns', () => [
    ...((learnedFile === undefined ? snapshotSources() : undefined) ?? readShippedSources()),
    bySource(
      'user',
      extraPatternFiles.flatMap((file) => readPatternRows(file)),
    ),
  ]);
  return sources;
}

/** The patterns starting with `first`, most specific first, then by precedence of their origin. */
function parseGroup(first: string): PatternGroup | null {
  const all = patternSources().flatMap(({ from, byFirst }) =>
    rowsOf(byFirst.get(first), first).map((row) => parsePattern(row, from)),
  );
  if (all.length === 0) return null;
  all.sort(
    (a, b) =>
      b.specificity - a.specificity ||
      b.parts.length - a.parts.length ||
      PRECEDENCE[b.origin] - PRECEDENCE[a.origin],
  );
  all.forEach((pattern, rank) => (pattern.rank = rank));
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
  return { all, bySecond, rest };
}

/** The patterns starting with `first`, grouped by second word. */
export function patternGroup(first: string): PatternGroup | undefined {
  let group = groups.get(first);
  if (group === undefined) {
    group = parseGroup(first);
    groups.set(first, group);
  }
  return group ?? undefined;
}

/** Every pattern indexed by first lemma, most specific first (parses them all: for tests and tools). */
export function patternIndex(): Map<string, EventPattern[]> {
  const words = new Set(patternSources().flatMap(({ byFirst }) => [...byFirst.keys()]));
  return new Map([...words].map((word) => [word, patternGroup(word)!.all]));
}

/** Whether a PETRARCH pattern starts with `word`: a verb, which the tagger sometimes reads as a noun. */
export function startsPetrarchPattern(word: string): boolean {
  return patternSources().some(({ from, byFirst }) => from === 'petrarch' && byFirst.has(word));
}
