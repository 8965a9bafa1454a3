/**
 * How the lookup-only gazetteer tier (data/places/towns.tsv) reads real news: runs the pipeline on a sample
 * of free news articles and lists every place it geocoded from towns.tsv, with the sentence around it, so
 * that false matches (a word, a person, the wrong country) can be counted by hand.
 *   npx tsx scripts/survey-towns.ts [--articles 300] [--skip 0]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dictionaries } from '../src/actors/dictionary.js';
import { placesNamed } from '../src/actors/lexicon.js';
import { buildArticle } from '../src/ingest/article.js';
import { emptyDoc, runStages } from '../src/pipeline.js';
import { sharedDataDir } from './paths.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const count = option('--articles', 300);
const skip = option('--skip', 0);
const file = path.join(sharedDataDir(), 'news-free/wikinews_en_2004-2018.jsonl');
const lines = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');
const towns = new Set(dictionaries().towns);
let places = 0;
let fromTowns = 0;
for (const [index, line] of lines.slice(skip, skip + count).entries()) {
  const { text, date } = JSON.parse(line) as { text: string; date?: string };
  const doc = runStages(
    emptyDoc(buildArticle({ text, date: date ?? undefined }, `wikinews-${skip + index}`)),
  );
  for (const place of doc.places) {
    places++;
    const entry = placesNamed(place.text).find(
      (candidate) => candidate.name === place.name && candidate.lat === place.lat,
    );
    if (!entry || !towns.has(entry)) continue;
    fromTowns++;
    const around = text.slice(Math.max(0, place.start - 60), place.end + 40).replace(/\s+/g, ' ');
    console.log(
      `${skip + index}\t${place.text}\t${place.name}\t${place.country}\t${place.kind}\t…${around}…`,
    );
  }
}
console.log(`\n${count} articles: ${places} places, ${fromTowns} from towns.tsv`);
