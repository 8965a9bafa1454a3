/**
 * Evaluates the shipped named-entity tagger (data/ner/model.bin) the way conlleval does — entity-level exact
 * match (type and both boundaries), precision, recall and F1 per type and overall — on:
 *   - CoNLL-2003 test (eng.testb; in-domain, 1996 Reuters), and `--dev` also on dev (eng.testa);
 *   - WikiGold (out-of-domain, Wikipedia, CC BY 4.0), tagged with its own IOB1 tokenization.
 * Then measures the model's load time and tagging speed on one core (this process is single-threaded):
 * tokens per second over the CoNLL test sentences, first with an empty word cache, then warm.
 *
 * Run: npx tsx scripts/eval-ner.ts [--model data/ner/model.bin] [--dev] [--errors N]
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { FeatureExtractor } from '../src/nlp/ner/features.js';
import { loadNerTagger, tagWith } from '../src/nlp/ner/index.js';
import { addScores, chunks, emptyScores, formatScores, readConll, type LabelledSentence } from './train-ner.js';
import { repoRoot, sharedDataDir } from './paths.js';

interface Options {
  model: string;
  dev: boolean;
  errors: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { model: path.join(repoRoot(), 'data', 'ner', 'model.bin'), dev: false, errors: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--model') opts.model = path.resolve(argv[++i] ?? '');
    else if (a === '--dev') opts.dev = true;
    else if (a === '--errors') opts.errors = Number(argv[++i] ?? '20');
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const tagger = loadNerTagger(opts.model);
  const loadMs = performance.now() - t0;
  const info = tagger.model.header.info;

  const sets: Array<{ name: string; file: string }> = [];
  const conll = path.join(sharedDataDir(), 'conll2003');
  if (opts.dev) sets.push({ name: 'CoNLL-2003 dev (eng.testa)', file: path.join(conll, 'dev.txt') });
  sets.push({ name: 'CoNLL-2003 test (eng.testb)', file: path.join(conll, 'test.txt') });
  sets.push({ name: 'WikiGold (out of domain)', file: path.join(sharedDataDir(), 'wikigold', 'wikigold.conll.txt') });

  let testSentences: LabelledSentence[] = [];
  for (const set of sets) {
    const sentences = readConll(set.file);
    if (set.name.startsWith('CoNLL-2003 test')) testSentences = sentences;
    const scores = emptyScores();
    let shown = 0;
    for (const s of sentences) {
      const gold = chunks(s.tags);
      const pred = tagWith(tagger, s.tokens);
      addScores(scores, gold, pred);
      if (shown < opts.errors) {
        const g = gold.map((e) => `${s.tokens.slice(e.start, e.end).join(' ')}/${e.type}`).join(', ');
        const p = pred.map((e) => `${s.tokens.slice(e.start, e.end).join(' ')}/${e.type}`).join(', ');
        if (g !== p) {
          shown++;
          console.error(`  ${s.tokens.join(' ')}\n    gold: ${g}\n    pred: ${p}`);
        }
      }
    }
    const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
    console.log(formatScores(`\n### ${set.name}: ${sentences.length} sentences, ${tokens} tokens\n`, scores));
  }

  // speed: one core, CoNLL test sentences
  const tokens = testSentences.reduce((n, s) => n + s.tokens.length, 0);
  const cold = { extractor: new FeatureExtractor(tagger.extractor.resources), model: tagger.model, loadMs: 0 };
  let t = performance.now();
  for (const s of testSentences) tagWith(cold, s.tokens);
  const coldRate = tokens / ((performance.now() - t) / 1000);
  const passes = 5;
  t = performance.now();
  for (let p = 0; p < passes; p++) for (const s of testSentences) tagWith(tagger, s.tokens);
  const warmRate = (passes * tokens) / ((performance.now() - t) / 1000);
  const size = statSync(opts.model).size;
  console.log(`
### Speed and size (one core, Node ${process.version})

| measure | value |
|---|---:|
| load (model + clusters + gazetteer) | ${loadMs.toFixed(0)} ms |
| model file | ${(size / 1e6).toFixed(2)} MB (${tagger.model.header.rows} feature rows × ${tagger.model.T} tags) |
| tagging, empty word cache (first pass over test) | ${Math.round(coldRate).toLocaleString('en-US')} tokens/s |
| tagging, warm (${passes} more passes) | ${Math.round(warmRate).toLocaleString('en-US')} tokens/s |

Model: best epoch ${String(info.bestEpoch)}, dev F1 ${String(info.devF1)} at training.`);
}

main();
