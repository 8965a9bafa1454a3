/**
 * Speed of the event coder alone on the gold set's dev sentences: the earlier stages (tokenizer, actors,
 * places) run once, then only `codeEventsStage` is timed, over several rounds after a warm-up; the mean,
 * median and best round are printed (the machine's load moves the mean).
 *   npx tsx scripts/bench-coder.ts [rounds]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { geocodeStage } from '../src/actors/places.js';
import { recognizeStage } from '../src/actors/recognize.js';
import { codeEventsStage } from '../src/events/coder.js';
import { buildArticle } from '../src/ingest/article.js';
import { emptyDoc } from '../src/pipeline.js';
import { tokenizeStage } from '../src/nlp/tokenize.js';
import { repoRoot } from './paths.js';

const rounds = Number(process.argv[2] ?? 20);
const file = path.join(repoRoot(), 'test/gold/events/sentences.jsonl');
const sentences = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { id: string; split: string; sentence: string; date: string })
  .filter((record) => record.split === 'dev');
const docs = sentences.map((record) =>
  geocodeStage(
    recognizeStage(
      tokenizeStage(emptyDoc(buildArticle({ text: record.sentence, date: record.date }, record.id))),
    ),
  ),
);
const count = docs.reduce((sum, doc) => sum + doc.sentences.length, 0);
for (let round = 0; round < 5; round++) for (const doc of docs) codeEventsStage(doc); // warm-up: patterns, JIT
const times: number[] = [];
for (let round = 0; round < rounds; round++) {
  const start = process.hrtime.bigint();
  for (const doc of docs) codeEventsStage(doc);
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
}
times.sort((a, b) => a - b);
const rate = (seconds: number): number => Math.round(count / seconds);
const total = times.reduce((sum, t) => sum + t, 0);
console.log(
  `${count} sentences × ${rounds} rounds: mean ${rate(total / rounds)} sentences/s, median ${rate(times[times.length >> 1]!)}, best ${rate(times[0]!)} (one core)`,
);
