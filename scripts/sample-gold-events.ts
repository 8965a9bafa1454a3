// Draws the candidate sentences of the gold set's training part (test/gold/events/train.jsonl) from the
// Current-events file, so that the draw can be repeated and checked: `npx tsx scripts/sample-gold-events.ts
// [--coders 5] [--per 240] [--seed 20261203] [--first 1] [--exclude candidates-1.jsonl,…]`. A later draw excludes the candidates of earlier ones and numbers
// its files from --first (the training part was drawn twice: seed 20261203 for files 1-5, then seed 20261204
// with --first 6 excluding files 1-5).
// Writes one candidate file per coder (candidates-K.jsonl in --out, default /tmp/parley-train) whose sentences
// are disjoint from each other and from every sentence of sentences.jsonl (dev and test). Nothing here reads the
// gold codes; the overlap filter compares only sentence words, so no test sentence is ever shown.
//
// Each candidate is the first sentence of one Current-events item (trailing outlet citations removed, 40-260
// characters), from the categories where CAMEO events live. About 40 % of each coder's share is a random draw;
// the rest is targeted: for each CAMEO root, random items matching one regular expression for that root, as the
// dev extension was drawn (README, "Dev extension"), so every root is represented.
import fs from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../src/model/random.js';
import { repoRoot, sharedDataDir } from './paths.js';

const here = path.join(repoRoot(), 'test/gold/events');
const option = (name: string, fallback: string | number): string => {
  const at = process.argv.indexOf(`--${name}`);
  return String(at > 0 ? process.argv[at + 1] : fallback);
};
const coders = Number(option('coders', 5));
const perCoder = Number(option('per', 240));
const seed = Number(option('seed', 20261203));
const outDir = option('out', '/tmp/parley-train');
const firstFile = Number(option('first', 1));
const excluded = new Set(
  (option('exclude', '') || '')
    .split(',')
    .filter(Boolean)
    .flatMap((file) => fs.readFileSync(path.resolve(outDir, file), 'utf8').split('\n'))
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { sentence: string }).sentence),
);
const currentEvents = path.join(sharedDataDir(), 'news-free', 'wikipedia_current_events_2002-2026.jsonl');

const CATEGORIES = new Set([
  'International relations',
  'Armed conflicts and attacks',
  'Armed conflict and attacks',
  'Politics and elections',
  'Law and crime',
]);

/** One regular expression per CAMEO root, matched case-insensitively on the sentence. */
const ROOT_PATTERNS: Record<string, RegExp> = {
  '01': /\b(says|stated?s?|comments?|claims? responsibility|announces?)\b/,
  '02': /\b(urges?|appeals? to|calls? on|asks?|requests?)\b/,
  '03': /\b(pledges?|promises?|offers? to|vows? to|agrees? to|will)\b/,
  '04': /\b(meets?|holds? talks|visits?|hosts?|telephone|phone call|summit)\b/,
  '05': /\b(praises?|welcomes?|apologi[sz]es?|recogni[sz]es?|signs?|normali[sz]es?)\b/,
  '06': /\b(cooperat\w*|intelligence sharing|joint (military )?exercises?)\b/,
  '07': /\b(aid|donates?|loans?|humanitarian assistance|grants?)\b/,
  '08': /\b(releases?|ceasefire|lifts?|withdraws?|eases?|frees?|pardons?)\b/,
  '09': /\b(investigat\w+|inquiry|probe)\b/,
  10: /\b(demands?|insists?)\b/,
  11: /\b(critici[sz]es?|condemns?|accuses?|denounces?|blames?|summons?)\b/,
  12: /\b(rejects?|refuses?|vetoe?s?|denies|declines?)\b/,
  13: /\b(threatens?|warns?|ultimatum)\b/,
  14: /\b(protests?|protesters|demonstrat\w+|hunger strike|boycotts?)\b/,
  15: /\b(mobili[sz]\w+|military exercises?|on alert|missile test|test-fires?|deploys?)\b/,
  16: /\b(expels?|sanctions?|suspends?|cuts? (diplomatic )?ties|recalls?|embargo|breaks? off)\b/,
  17: /\b(arrests?|detains?|seizes?|deports?|convicts?|sentenced?|raids?)\b/,
  18: /\b(bomb\w*|kills?|assassinat\w+|suicide|abducts?|kidnaps?|tortur\w+)\b/,
  19: /\b(attacks?|clash\w*|airstrikes?|shell\w*|invades?|fighting|offensive)\b/,
  20: /\b(massacres?|chemical weapons?|ethnic cleansing|genocide)\b/,
};

function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** The first sentence of an item: up to the first ". " before a capital that does not follow an initial or "U.S". */
function firstSentence(item: string): string {
  const text = item.replace(/(\s*\([A-Z][^()]{1,40}\))+\s*$/, '').trim();
  const boundary = /(?<![A-Z]|\b(?:Mr|Mrs|Dr|St|Gen|Sen|Rep|Lt|Col|Jr|No|U\.S|U\.N|U\.K))\.\s+(?=[A-Z"])/g;
  const match = boundary.exec(text);
  return match ? text.slice(0, match.index + 1) : text;
}

const words = (sentence: string): Set<string> => new Set(sentence.toLowerCase().match(/[a-z0-9]+/g) ?? []);
function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

interface CurrentEventsRecord {
  id: string;
  date: string;
  url: string;
  text: string;
}
interface Candidate {
  record: CurrentEventsRecord;
  category: string;
  sentence: string;
  selection?: 'random' | 'targeted';
}

function candidates(): Candidate[] {
  const found: Candidate[] = [];
  for (const line of fs.readFileSync(currentEvents, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as CurrentEventsRecord;
    let category = '';
    for (const raw of record.text.split('\n')) {
      const header = /^\[(.+)\]$/.exec(raw.trim());
      if (header) {
        category = header[1]!;
        continue;
      }
      if (!CATEGORIES.has(category) || !raw.startsWith('- ')) continue;
      const sentence = firstSentence(raw.slice(2));
      if (sentence.length < 40 || sentence.length > 260 || !record.text.includes(sentence)) continue;
      found.push({ record, category, sentence });
    }
  }
  return found;
}

function goldSentences(): Array<Set<string>> {
  return fs
    .readFileSync(path.join(here, 'sentences.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => words((JSON.parse(line) as { sentence: string }).sentence));
}

const next = seededRandom(seed);
const gold = goldSentences();
const seen = new Set();
const pool = shuffle(
  candidates().filter(({ sentence }) => {
    if (seen.has(sentence) || excluded.has(sentence)) return false;
    seen.add(sentence);
    const own = words(sentence);
    // Near-copies of a gold sentence (the same story on another day) would leak it into training.
    return gold.every((other) => jaccard(own, other) < 0.5);
  }),
  next,
);

const randomShare = Math.round(perCoder * 0.4);
const perRoot = Math.ceil((perCoder - randomShare) / Object.keys(ROOT_PATTERNS).length);
const taken = new Set();
const shares: Candidate[][] = Array.from({ length: coders }, () => []);
const take = (coder: number, item: Candidate, selection: 'random' | 'targeted'): void => {
  taken.add(item.sentence);
  shares[coder]!.push({ ...item, selection });
};
for (const [, pattern] of Object.entries(ROOT_PATTERNS)) {
  const matching = pool.filter(
    (item) => !taken.has(item.sentence) && new RegExp(pattern, 'i').test(item.sentence),
  );
  for (let coder = 0; coder < coders; coder++)
    for (const item of matching.slice(coder * perRoot, (coder + 1) * perRoot)) take(coder, item, 'targeted');
}
const rest = pool.filter((item) => !taken.has(item.sentence));
for (let coder = 0; coder < coders; coder++)
  for (const item of rest.slice(coder * randomShare, (coder + 1) * randomShare)) take(coder, item, 'random');

fs.mkdirSync(outDir, { recursive: true });
shares.forEach((share, coder) => {
  shuffle(share, next);
  const lines = share.map(({ record, category, sentence }, i) =>
    JSON.stringify({
      candidate: `c${coder + firstFile}-${String(i + 1).padStart(3, '0')}`,
      source: `wcep:${record.id}`,
      date: record.date,
      url: record.url,
      category,
      selection: share[i]!.selection,
      sentence,
    }),
  );
  fs.writeFileSync(path.join(outDir, `candidates-${coder + firstFile}.jsonl`), lines.join('\n') + '\n');
});
console.log(
  `${pool.length} eligible items; ${shares.map((s) => s.length).join(' + ')} candidates written to ${outDir}`,
);
