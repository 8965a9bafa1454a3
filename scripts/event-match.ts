/**
 * How a coded event is compared with a gold event, shared by scripts/eval-events.ts and
 * scripts/diagnose-events.ts so that the diagnosis counts exactly what the evaluation scores; and the gold
 * files both read (test/gold/events/README.md, "Fields").
 */
import { readFileSync } from 'node:fs';

export interface GoldEvent {
  source: string;
  target: string | null;
  code: string;
  negated: boolean;
  sourceText?: string;
  targetText?: string | null;
}

export interface GoldSentence {
  id: string;
  split: 'dev' | 'test' | 'train';
  date: string;
  sentence: string;
  events: GoldEvent[];
  tags?: string[];
  selection?: 'random' | 'targeted';
}

/** The sentences of a gold file (sentences.jsonl, train.jsonl), one JSON object a line. */
export function readGold(file: string): GoldSentence[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldSentence);
}

/** Joint events (04x consult, 057 sign, 06x cooperate, 193 clash): "X and Y met" names no first party. */
export const JOINT = /^(04|057|06|193)/;

/**
 * The side of an actor code that is scored: its country (first three letters); international organisations
 * (IGO, NGO, MNC) on their first six letters (IGOUNO for every UN body). Militant groups are compared as IMG
 * alone: the letters after IMG are a religion and group code that differ between dictionary versions
 * (PETRARCH/Phoenix IMGMUSALQ, the codebook's example IMGMOSALQ; the gold README codes the Islamic State
 * as bare IMG), so comparing them would score dictionary spelling, not coding (gold README, "Scoring tip").
 */
export function side(code: string | null | undefined): string {
  if (!code) return '';
  if (code.startsWith('IMG')) return 'IMG';
  return /^(IGO|NGO|MNC)/.test(code) ? code.slice(0, 6) : code.slice(0, 3);
}

export interface Triple {
  source: string;
  target: string;
  root: string;
  code: string;
}

export const triple = (source: string, target: string | null | undefined, code: string): Triple => ({
  source: side(source),
  target: side(target),
  root: code.slice(0, 2),
  code,
});

/** Same root and sides; joint events match in either direction. */
export const sameTriple = (a: Triple, b: Triple): boolean =>
  a.root === b.root &&
  ((a.source === b.source && a.target === b.target) ||
    (JOINT.test(a.code) && JOINT.test(b.code) && a.source === b.target && a.target === b.source));
