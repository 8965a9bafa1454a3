/**
 * `npm run eval:events`: the event coder scored on the hand-coded gold set (test/gold/events), which the
 * coder was not written against. For each split (dev, test) and for the random sample alone, prints:
 *   precision and recall of (source country, target country, CAMEO root) triples,
 *   exact-code agreement among matched triples, and agreement of the PLOVER category.
 * Actors are compared as scripts/event-match.ts says: countries on their first three letters, IGOs and NGOs
 * on six (IGOUNO for every UN body), militant groups as IMG. Joint events (04x consult, 057 sign,
 * 06x cooperate, 193 clash) match in either direction, as "X and Y met" names no first party. Gold events
 * marked negated are not claims: a coder that emits them is wrong. Emitted negated events are not claims either.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/pipeline.js';
import { cameoCodes } from '../src/events/ontology.js';
import { repoRoot } from './paths.js';
import { readGold, sameTriple, triple, type GoldSentence } from './event-match.js';

/** The last id of the original gold set; later ids are the dev extension. */
const LAST_ORIGINAL = 514;

interface Score {
  sentences: number;
  gold: number;
  predicted: number;
  matched: number;
  exact: number;
  plover: number;
}

function score(sentences: GoldSentence[]): Score {
  const plover = cameoCodes();
  const result: Score = {
    sentences: sentences.length,
    gold: 0,
    predicted: 0,
    matched: 0,
    exact: 0,
    plover: 0,
  };
  for (const sentence of sentences) {
    const gold = sentence.events
      .filter((event) => !event.negated)
      .map((event) => triple(event.source, event.target, event.code));
    const predicted = analyze({ text: sentence.sentence, date: sentence.date }, { origin: sentence.id })
      .events.filter((event) => !event.negated)
      .map((event) => triple(event.source.code, event.target?.code, event.code));
    result.gold += gold.length;
    result.predicted += predicted.length;
    const unmatched = [...gold];
    for (const guess of predicted) {
      const index = unmatched.findIndex((truth) => sameTriple(truth, guess));
      if (index < 0) continue;
      const truth = unmatched.splice(index, 1)[0]!;
      result.matched++;
      if (truth.code === guess.code) result.exact++;
      if (plover.get(truth.code)?.plover === plover.get(guess.code)?.plover) result.plover++;
    }
  }
  return result;
}

const ratio = (a: number, b: number): string => (b === 0 ? '   –  ' : (a / b).toFixed(3).padStart(6));

function report(name: string, s: Score): string {
  const precision = s.predicted === 0 ? 0 : s.matched / s.predicted;
  const recall = s.gold === 0 ? 0 : s.matched / s.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return [
    name.padEnd(22),
    String(s.sentences).padStart(9),
    String(s.gold).padStart(5),
    String(s.predicted).padStart(9),
    String(s.matched).padStart(7),
    ratio(s.matched, s.predicted),
    ratio(s.matched, s.gold),
    f1.toFixed(3).padStart(6),
    ratio(s.exact, s.matched),
    ratio(s.plover, s.matched),
  ].join('  ');
}

const file = path.join(repoRoot(), 'test/gold/events/sentences.jsonl');
const gold = readGold(file);
// The training part (README "Training part"): many more sentences the coder was never written against.
const trainFile = path.join(repoRoot(), 'test/gold/events/train.jsonl');
const training = existsSync(trainFile) ? readGold(trainFile) : [];

console.log(`Event coder on ${path.relative(repoRoot(), file)}: (source, target, root) triples\n`);
console.log(
  `${'part'.padEnd(22)}  sentences   gold  predicted  matched  precis  recall      F1   exact  PLOVER`,
);
for (const split of ['dev', 'test'] as const) {
  const part = gold.filter((sentence) => sentence.split === split);
  console.log(report(split, score(part)));
  console.log(
    report(`${split}, random sample`, score(part.filter((sentence) => sentence.selection === 'random'))),
  );
  // The dev extension (g0515 on, README "Dev extension") was coded after the coder's rules were written: it
  // shows how the coder does on dev sentences it was not fitted to.
  const extension = part.filter((sentence) => Number(sentence.id.slice(1)) > LAST_ORIGINAL);
  if (extension.length > 0) console.log(report(`${split}, extension`, score(extension)));
}
if (training.length > 0) {
  console.log(report('train', score(training)));
  console.log(report('train, random sample', score(training.filter((s) => s.selection === 'random'))));
}
console.log(
  '\nexact = same CAMEO code among matched triples; PLOVER = same PLOVER category among matched triples.',
);
