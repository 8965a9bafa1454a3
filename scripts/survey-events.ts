/**
 * Survey of the coder on unlabeled news: one-line items of Wikipedia's Current events portal that are NOT in
 * the gold set (neither split), so that rules can be checked on text the evaluation never scores.
 * Prints, for items naming at least two actors of different countries where nothing was coded, the most
 * frequent verb lemmas (candidate patterns), and, with --show LEMMA, those items.
 *   npx tsx scripts/survey-events.ts [--items 4000] [--show LEMMA | --coded | --uncoded] [--seed 1]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { emptyDoc, runStages } from '../src/pipeline.js';
import { buildArticle } from '../src/ingest/article.js';
import { repoRoot, sharedDataDir } from './paths.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const limit = Number(option('--items') ?? 4000);
const show = option('--show');
const coded = args.includes('--coded');
const uncoded = args.includes('--uncoded');
let seed = Number(option('--seed') ?? 1);
const random = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

const gold = readFileSync(path.join(repoRoot(), 'test/gold/events/sentences.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { sentence: string }).sentence);

interface Digest {
  date: string;
  text: string;
}
const items: Array<{ date: string; text: string }> = [];
for (const line of readFileSync(
  path.join(sharedDataDir(), 'news-free/wikipedia_current_events_2002-2026.jsonl'),
  'utf8',
).split('\n')) {
  if (!line.trim()) continue;
  const digest = JSON.parse(line) as Digest;
  for (const item of digest.text.split('\n')) {
    if (!item.startsWith('- ')) continue;
    const text = item.slice(2).trim();
    items.push({ date: digest.date, text });
  }
}
const sample = items
  .map((item) => ({ item, key: random() }))
  .sort((a, b) => a.key - b.key)
  .map(({ item }) => item)
  // Never an item holding a gold sentence: the test split is scored, not read.
  .filter(({ text }) => !gold.some((sentence) => text.includes(sentence) || sentence.includes(text)))
  .slice(0, limit);

const verbs = new Map<string, number>();
let eligible = 0;
let withEvents = 0;
for (const item of sample) {
  const doc = runStages(emptyDoc(buildArticle({ text: item.text, date: item.date }, 'survey')));
  const countries = new Set(
    doc.mentions.filter((m) => m.code && !m.qualifies).map((m) => m.code!.slice(0, 3)),
  );
  if (countries.size < 2) continue;
  eligible++;
  const events = doc.events.filter((event) => !event.negated);
  if (events.length > 0) withEvents++;
  if (coded && events.length > 0) {
    console.log(`${item.text}`);
    for (const e of events)
      console.log(
        `    ${e.source.code}(${e.source.text}) ${e.code} ${e.target?.code ?? '-'}(${e.target?.text ?? ''}) [${e.pattern}]`,
      );
  }
  if (events.length > 0) continue;
  const lemmas = new Set(doc.tokens.filter((t) => t.pos === 'VERB').map((t) => t.lemma.toLowerCase()));
  for (const lemma of lemmas) verbs.set(lemma, (verbs.get(lemma) ?? 0) + 1);
  // --uncoded: only items that open with a coded actor (a main-clause source the coder had at hand).
  const opens = doc.mentions.some((m) => m.code && !m.qualifies && m.firstToken <= 1);
  if ((show && lemmas.has(show)) || (uncoded && opens)) console.log(`${item.date} ${item.text}`);
}
if (!show && !coded && !uncoded) {
  const top = [...verbs].sort((a, b) => b[1] - a[1]).slice(0, 120);
  console.log(top.map(([lemma, count]) => `${lemma} ${count}`).join('\n'));
}
console.log(`\n${sample.length} items; ${eligible} with two countries; ${withEvents} of them coded`);
