/**
 * Dev-split diagnosis for the event coder: for each DEV sentence of the gold set, prints the actor
 * mentions the recogniser found, the gold events and the coded events, and marks misses (-) and false
 * alarms (+). It never prints the test split (tune on dev only).
 * Ends with the errors counted by kind (--summary prints only those counts).
 *   npx tsx scripts/diagnose-events.ts [--errors] [--tokens] [--summary] [--id g0123] [--train]
 */
import path from 'node:path';
import { emptyDoc, runStages } from '../src/pipeline.js';
import { buildArticle } from '../src/ingest/article.js';
import { eventParties } from '../src/events/coder.js';
import { repoRoot } from './paths.js';
import { readGold, sameTriple, side, triple, type Triple } from './event-match.js';

const args = process.argv.slice(2);
const onlyErrors = args.includes('--errors');
const showTokens = args.includes('--tokens');
const summaryOnly = args.includes('--summary');
/** Errors by kind, for the summary. */
const kinds = new Map<string, number>();
const count = (kind: string): void => void kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
const idIndex = args.indexOf('--id');
const onlyId = idIndex >= 0 ? args[idIndex + 1] : undefined;

const key = (s: string, t: string | null | undefined, code: string): Triple => triple(s, t, code);
const same = sameTriple;

// --train diagnoses the training part (train.jsonl) instead of dev; the test split is never read.
const onTrain = args.includes('--train');
const file = path.join(repoRoot(), `test/gold/events/${onTrain ? 'train' : 'sentences'}.jsonl`);
const gold = readGold(file).filter((sentence) => sentence.split === (onTrain ? 'train' : 'dev'));

let tp = 0;
let fp = 0;
let fn = 0;
for (const sentence of gold) {
  if (onlyId && sentence.id !== onlyId) continue;
  const doc = runStages(
    emptyDoc(buildArticle({ text: sentence.sentence, date: sentence.date }, sentence.id)),
  );
  const predicted = doc.events.filter((event) => !event.negated);
  const goldEvents = sentence.events.filter((event) => !event.negated);
  const unmatched = goldEvents.map((event) => ({ event, key: key(event.source, event.target, event.code) }));
  const lines: string[] = [];
  const alarms: Triple[] = [];
  let errors = 0;
  for (const event of predicted) {
    const k = key(event.source.code, event.target?.code, event.code);
    const index = unmatched.findIndex((g) => same(g.key, k));
    const ok = index >= 0;
    if (ok) unmatched.splice(index, 1);
    else alarms.push(k);
    if (ok) tp++;
    else fp++;
    if (!ok) errors++;
    lines.push(
      `  ${ok ? '=' : '+'} ${event.source.code}(${event.source.text}) ${event.code} ${event.target?.code ?? '-'}(${event.target?.text ?? ''})  [${event.pattern}] "${event.trigger.text}"`,
    );
  }
  // Whether the coder had both sides of a missed event among its parties (by country).
  // (the coder's own parties: named actors, places, unnamed groups and unknown people)
  const spans = eventParties(doc).flatMap(({ all, places }) =>
    [...all, ...places].map((party) => ({
      start: doc.tokens[party.firstToken]?.start ?? -1,
      end: doc.tokens[party.lastToken - 1]?.end ?? -1,
      code: party.code,
    })),
  );
  const found = (text: string | null | undefined, code: string | null): boolean => {
    if (!text || !code) return true;
    const at = sentence.sentence.indexOf(text);
    return (
      at >= 0 && spans.some((m) => m.start >= at && m.end <= at + text.length && side(m.code) === side(code))
    );
  };
  // Each false alarm paired with a miss it nearly is: the right sides with another root, or the right
  // root with another side; what is left are events the sentence does not assert, and misses outright.
  const paired = new Set<number>();
  for (const k of alarms) {
    const free = (i: number): boolean => !paired.has(i);
    const sides = unmatched.findIndex(
      (g, i) => free(i) && g.key.source === k.source && g.key.target === k.target,
    );
    const root = unmatched.findIndex((g, i) => free(i) && g.key.root === k.root);
    const at = sides >= 0 ? sides : root;
    if (at >= 0) paired.add(at);
    count(
      at < 0
        ? goldEvents.length === 0
          ? 'false alarm in a sentence with no event'
          : 'false alarm: an event the sentence does not assert'
        : sides >= 0
          ? 'miss + false alarm: right actors, another root'
          : 'miss + false alarm: right root, another actor',
    );
  }
  for (const [index, { event }] of unmatched.entries()) {
    fn++;
    errors++;
    const available = found(event.sourceText, event.source) && found(event.targetText, event.target);
    if (!paired.has(index))
      count(
        !available
          ? 'miss: no party of the coder stands for a side (named actor, place, group)'
          : predicted.length === 0
            ? 'miss: nothing coded in the sentence'
            : 'miss: another event of the sentence was coded',
      );
    lines.push(
      `  ${available ? '-' : '_'} ${event.source}(${event.sourceText}) ${event.code} ${event.target ?? '-'}(${event.targetText ?? ''})`,
    );
  }
  for (const event of sentence.events.filter((e) => e.negated))
    lines.push(`  ~ negated gold: ${event.source} ${event.code} ${event.target ?? '-'}`);
  if ((onlyErrors && errors === 0) || summaryOnly) continue;
  console.log(`${sentence.id} [${(sentence.tags ?? []).join(',')}] ${sentence.sentence}`);
  const mentions = doc.mentions.map(
    (mention) => `${mention.text}=${mention.code ?? '∅'}${mention.qualifies ? '(q)' : ''}`,
  );
  console.log(`  actors: ${mentions.join(' | ')}`);
  if (showTokens) {
    console.log('  ' + doc.tokens.map((t) => `${t.text}/${t.pos}/${t.lemma}`).join(' '));
  }
  for (const line of lines) console.log(line);
}
console.log(
  `\ndev: tp ${tp} fp ${fp} fn ${fn} precision ${(tp / (tp + fp)).toFixed(3)} recall ${(tp / (tp + fn)).toFixed(3)}`,
);
console.log('\nerrors by kind (a false alarm that nearly matches a miss is counted once, with it):');
for (const [kind, n] of [...kinds].sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(n).padStart(4)}  ${kind}`);
