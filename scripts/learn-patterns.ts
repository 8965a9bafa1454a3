/**
 * Learns verb patterns from the training part of the gold events (test/gold/events/train.jsonl) and writes
 * data/events/verbs-learned.tsv. The dev and test parts are never read: dev stays the held-out check of what
 * is learned here, test the final score.
 *
 * 1. Candidates. For each training event whose source is named before its target in an active clause
 *    ("Congo suspends its military cooperation with Belgium"), the words between the two are read with
 *    Parley's tagger: a verb, or a noun right before a preposition ("crackdown on"), then the nouns and the final preposition of
 *    its object phrase, modifiers left out as the coder skips them. That gives "suspend cooperation with {T}"
 *    for the event's code. Gaps holding a name, a comma, a clause or a verb governed by another ("agrees
 *    to help", which the coder frames itself) give nothing.
 * 2. Selection. All candidates are loaded beside the shipped patterns and the coder is run over the
 *    training part. A candidate is kept when the events it codes match the gold more often than not:
 *    at least two matched events, or one in a sentence it was not mined from, and at most one false alarm
 *    per two matches. A pattern that only ever fires on the sentence it came from says nothing new.
 *
 *   npx tsx scripts/learn-patterns.ts [--dry-run]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildArticle } from '../src/ingest/article.js';
import { patternGroup, useLearnedPatternFile } from '../src/events/patterns.js';
import { emptyDoc, runStages } from '../src/pipeline.js';
import type { Doc } from '../src/model/doc.js';
import { repoRoot } from './paths.js';
import { readGold, sameTriple, triple, type GoldSentence } from './event-match.js';

const OUTPUT = path.join(repoRoot(), 'data/events/verbs-learned.tsv');
const MAX_GAP = 8;
/** Part-of-speech tags the coder skips between pattern words (clauses.ts MODIFIER_POS and the like). */
const SKIPPED = new Set(['DET', 'ADJ', 'ADV', 'NUM', 'PRON', 'SYM', 'PART', 'AUX']);
/** Verbs that govern another act: the coder frames these itself ("agrees to help", "says it will"). */
const GOVERNORS = new Set([
  'say',
  'agree',
  'plan',
  'threaten',
  'vow',
  'promise',
  'pledge',
  'decide',
  'refuse',
  'offer',
  'seek',
  'want',
  'try',
  'announce',
  'claim',
  'accuse',
  'urge',
  'call',
  'ask',
  'demand',
  'begin',
  'start',
  'continue',
  'resume',
  'be',
  'have',
  'do',
]);

interface Candidate {
  code: string;
  pattern: string;
  /** Ids of the sentences it was mined from. */
  minedFrom: Set<string>;
}

/** Token range [first, last) of the first occurrence of `text` in the sentence, if it aligns with tokens. */
function tokenSpan(doc: Doc, text: string): [number, number] | undefined {
  const at = doc.article.text.indexOf(text);
  if (at < 0) return undefined;
  const first = doc.tokens.findIndex((token) => token.start >= at);
  let last = first;
  while (last < doc.tokens.length && doc.tokens[last]!.end <= at + text.length) last++;
  return first >= 0 && last > first ? [first, last] : undefined;
}

/** The pattern the words between a source and its target spell, if they are a plain verb phrase. */
function gapPattern(doc: Doc, from: number, to: number): string | undefined {
  const gap = doc.tokens.slice(from, to);
  if (gap.length === 0 || gap.length > MAX_GAP) return undefined;
  if (gap.some((token) => token.pos === 'PROPN' || /^[,;:()"“”]$/.test(token.text))) return undefined;
  const words: string[] = [];
  for (const [index, token] of gap.entries()) {
    if (SKIPPED.has(token.pos) || /^['’]s?$/.test(token.text)) continue;
    if (token.pos === 'VERB') {
      // One verb, first: a second verb is a governed act or another clause.
      if (words.length > 0 || GOVERNORS.has(token.lemma)) return undefined;
      words.push(token.lemma);
    } else if (token.pos === 'NOUN') {
      // After the verb, only the head of the object phrase counts (the last noun before the preposition
      // or the target). A noun may open the gap when it carries the event and a preposition links it to
      // the target ("crackdown on", "aid to"); a bare noun before a name ("request Serbia") is not one.
      const next = gap[index + 1];
      if (words.length === 0 && (next?.pos !== 'ADP' || index + 1 !== gap.length - 1)) return undefined;
      if (!next || next.pos !== 'NOUN') words.push(token.lemma);
    } else if (token.pos === 'ADP' && index === gap.length - 1 && words.length > 0) {
      words.push(token.lemma);
    } else return undefined;
  }
  if (words.length === 0 || words.length > 4) return undefined;
  if (!/^[a-z][a-z-]*$/.test(words[0]!)) return undefined;
  return `${words.join(' ')} {T}`;
}

/** Candidates by pattern text; a pattern mined with several codes keeps the one mined most often. */
function mineCandidates(gold: GoldSentence[]): Map<string, Candidate> {
  const mined = new Map<string, Map<string, Set<string>>>();
  for (const sentence of gold) {
    const doc = runStages(
      emptyDoc(buildArticle({ text: sentence.sentence, date: sentence.date }, sentence.id)),
    );
    for (const event of sentence.events) {
      if (event.negated || !event.sourceText || !event.targetText) continue;
      const source = tokenSpan(doc, event.sourceText);
      const target = tokenSpan(doc, event.targetText);
      if (!source || !target || source[1] > target[0]) continue;
      const pattern = gapPattern(doc, source[1], target[0]);
      if (!pattern) continue;
      const byCode = mined.get(pattern) ?? new Map<string, Set<string>>();
      byCode.set(event.code, (byCode.get(event.code) ?? new Set()).add(sentence.id));
      mined.set(pattern, byCode);
    }
  }
  const candidates = new Map<string, Candidate>();
  for (const [pattern, byCode] of mined) {
    const [code, minedFrom] = [...byCode].sort((a, b) => b[1].size - a[1].size)[0]!;
    candidates.set(pattern, { code, pattern, minedFrom });
  }
  return candidates;
}

interface Gain {
  /** Gold events matched with the candidates loaded and not without them, in sentences where it fired. */
  tp: number;
  /** False alarms added there. */
  fp: number;
  /** Of `tp`, those in sentences it was not mined from. */
  tpElsewhere: number;
}

/** Matched and false events of the coder on one sentence, and the patterns of its events. */
function codeSentence(sentence: GoldSentence): { tp: number; fp: number; patterns: Set<string> } {
  const doc = runStages(
    emptyDoc(buildArticle({ text: sentence.sentence, date: sentence.date }, sentence.id)),
  );
  const unmatched = sentence.events
    .filter((event) => !event.negated)
    .map((event) => triple(event.source, event.target, event.code));
  let tp = 0;
  let fp = 0;
  const patterns = new Set<string>();
  for (const event of doc.events.filter((e) => !e.negated)) {
    patterns.add(event.pattern);
    const index = unmatched.findIndex((g) =>
      sameTriple(g, triple(event.source.code, event.target?.code, event.code)),
    );
    if (index >= 0) {
      unmatched.splice(index, 1);
      tp++;
    } else fp++;
  }
  return { tp, fp, patterns };
}

/**
 * What each candidate adds: the coder is run over the training part without and with the candidates (as
 * learned patterns, so that they code only where no written pattern of their length matches), and each
 * sentence's change in matched and false events is credited to the candidates that fired in it.
 */
function scoreCandidates(gold: GoldSentence[], candidates: Map<string, Candidate>): Map<string, Gain> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parley-learn-'));
  const file = path.join(dir, 'candidates.tsv');
  const gains = new Map<string, Gain>();
  try {
    useLearnedPatternFile(path.join(dir, 'none.tsv'));
    const baseline = gold.map(codeSentence);
    writeFileSync(file, [...candidates.values()].map((c) => `${c.code}\t${c.pattern}`).join('\n') + '\n');
    useLearnedPatternFile(file);
    for (const [index, sentence] of gold.entries()) {
      const before = baseline[index]!;
      const after = codeSentence(sentence);
      for (const pattern of after.patterns) {
        const candidate = candidates.get(pattern);
        if (!candidate || before.patterns.has(pattern)) continue;
        const gain = gains.get(pattern) ?? { tp: 0, fp: 0, tpElsewhere: 0 };
        gain.tp += after.tp - before.tp;
        gain.fp += after.fp - before.fp;
        if (!candidate.minedFrom.has(sentence.id)) gain.tpElsewhere += after.tp - before.tp;
        gains.set(pattern, gain);
      }
    }
  } finally {
    useLearnedPatternFile(undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  return gains;
}

/** Whether a shipped pattern already says the same: the learned one would add nothing. */
function alreadyShipped(code: string, pattern: string): boolean {
  const first = pattern.split(' ')[0]!;
  return (patternGroup(first)?.all ?? []).some(
    (known) => known.origin !== 'learned' && known.text === pattern && known.code === code,
  );
}

const dryRun = process.argv.includes('--dry-run');
const train = readGold(path.join(repoRoot(), 'test/gold/events/train.jsonl'));
const candidates = mineCandidates(train);
for (const [key, candidate] of candidates)
  if (alreadyShipped(candidate.code, candidate.pattern)) candidates.delete(key);
const gains = scoreCandidates(train, candidates);
const kept = [...candidates]
  .map(([key, candidate]) => ({ key, candidate, count: gains.get(key) ?? { tp: 0, fp: 0, tpElsewhere: 0 } }))
  .filter(({ count }) => (count.tp >= 2 || count.tpElsewhere >= 1) && Math.max(0, count.fp) * 2 <= count.tp)
  .sort((a, b) => a.candidate.pattern.localeCompare(b.candidate.pattern));
console.log(
  `${candidates.size} candidates mined from ${train.length} training sentences; ${kept.length} kept`,
);
for (const { candidate, count } of kept)
  console.log(`  ${candidate.code}\t${candidate.pattern}\t(${count.tp} matched, ${count.fp} false)`);
if (!dryRun) {
  const header = [
    '# Patterns learned from the training part of the gold events (test/gold/events/train.jsonl) by',
    '# scripts/learn-patterns.ts; regenerate with it, do not edit by hand. Same format as verbs.tsv.',
    '# Each was mined from the words between a coded source and target and kept because, on the training part,',
    '# the events it codes match the gold at least twice as often as not. Derived from CC BY-SA 4.0 text.',
  ];
  const rows = kept.map(
    ({ candidate, count }) =>
      `${candidate.code}\t${candidate.pattern}\tlearned: ${count.tp} matched, ${count.fp} false`,
  );
  writeFileSync(OUTPUT, [...header, ...rows].join('\n') + '\n');
  console.log(`wrote ${path.relative(repoRoot(), OUTPUT)}`);
}
