/**
 * Evaluates the shipped named-entity tagger the way conlleval does — entity-level exact match (type and both
 * boundaries), precision, recall and F1 per type and overall — on:
 *   - CoNLL-2003 test (eng.testb; in-domain, 1996 Reuters), and with `--dev` also dev (eng.testa);
 *   - WikiGold (out of domain, Wikipedia, CC BY 4.0), with its own IOB1 tokenization;
 * each twice: sentence by sentence (`tagEntities`, data/ner/model.bin) and document by document
 * (`tagDocument`: the sentence model, then data/ner/model-doc.bin with the first pass's labels of the other
 * occurrences of each word in the document).
 * Then the load time of each model and the tagging speed on one core (this process is single-threaded), in
 * tokens per second over the CoNLL test sentences: with an empty word cache, then warm.
 *
 * Run: npx tsx scripts/eval-ner.ts [--model data/ner/model.bin] [--dev] [--errors N]
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { FeatureExtractor, loadNerResources } from '../src/nlp/ner/features.js';
import { loadNerTagger, tagDocumentWith, tagWith, type NerTagger } from '../src/nlp/ner/index.js';
import type { EntitySpan } from '../src/nlp/ner/perceptron.js';
import {
  addScores,
  chunks,
  emptyScores,
  formatScores,
  readConll,
  type LabelledSentence,
} from './train-ner.js';
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

/** Sentence indices grouped by document. */
function byDocument(sentences: readonly LabelledSentence[]): number[][] {
  const docs: number[][] = [];
  let last = -1;
  sentences.forEach((s, i) => {
    if (s.doc !== last) docs.push([]);
    docs[docs.length - 1]!.push(i);
    last = s.doc;
  });
  return docs;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  let t0 = performance.now();
  const resources = loadNerResources();
  const resourcesMs = performance.now() - t0;
  t0 = performance.now();
  const sentenceTagger = loadNerTagger(opts.model, resources);
  const sentenceMs = performance.now() - t0;
  const docFile = opts.model.replace(/\.bin$/, '') + '-doc.bin';
  let docTagger: NerTagger | null = null;
  let docMs = 0;
  if (existsSync(docFile)) {
    t0 = performance.now();
    // One extractor for both passes, as the pipeline's taggers share one (see loadNerTagger).
    docTagger = { ...loadNerTagger(docFile, resources), extractor: sentenceTagger.extractor };
    docMs = performance.now() - t0;
  }

  const sets: Array<{ name: string; file: string }> = [];
  const conll = path.join(sharedDataDir(), 'conll2003');
  if (opts.dev) sets.push({ name: 'CoNLL-2003 dev (eng.testa)', file: path.join(conll, 'dev.txt') });
  sets.push({ name: 'CoNLL-2003 test (eng.testb)', file: path.join(conll, 'test.txt') });
  sets.push({
    name: 'WikiGold (out of domain)',
    file: path.join(sharedDataDir(), 'wikigold', 'wikigold.conll.txt'),
  });

  let testSentences: LabelledSentence[] = [];
  for (const set of sets) {
    const sentences = readConll(set.file);
    if (set.name.startsWith('CoNLL-2003 test')) testSentences = sentences;
    const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
    const gold = sentences.map((s) => chunks(s.tags));
    const runs: Array<{ how: string; pred: EntitySpan[][] }> = [
      {
        how: 'sentence by sentence (tagEntities)',
        pred: sentences.map((s) => tagWith(sentenceTagger, s.tokens)),
      },
    ];
    if (docTagger) {
      const pred: EntitySpan[][] = new Array<EntitySpan[]>(sentences.length);
      for (const doc of byDocument(sentences)) {
        const tagged = tagDocumentWith(
          sentenceTagger,
          docTagger,
          doc.map((i) => sentences[i]!.tokens),
        );
        doc.forEach((i, k) => (pred[i] = tagged[k]!));
      }
      runs.push({ how: 'document by document (tagDocument)', pred });
    }
    for (const { how, pred } of runs) {
      const scores = emptyScores();
      let shown = 0;
      sentences.forEach((s, i) => {
        addScores(scores, gold[i]!, pred[i]!);
        const show = (spans: EntitySpan[]): string =>
          spans.map((e) => `${s.tokens.slice(e.start, e.end).join(' ')}/${e.type}`).join(', ');
        if (shown < opts.errors && show(gold[i]!) !== show(pred[i]!)) {
          shown++;
          console.error(`  ${s.tokens.join(' ')}\n    gold: ${show(gold[i]!)}\n    pred: ${show(pred[i]!)}`);
        }
      });
      console.log(
        formatScores(`\n### ${set.name}, ${how}: ${sentences.length} sentences, ${tokens} tokens\n`, scores),
      );
    }
  }

  // speed: one core, CoNLL test sentences
  const tokens = testSentences.reduce((n, s) => n + s.tokens.length, 0);
  const rate = (fn: () => void, passes = 1): number => {
    const t = performance.now();
    for (let p = 0; p < passes; p++) fn();
    return (passes * tokens) / ((performance.now() - t) / 1000);
  };
  const fresh = (t: NerTagger): NerTagger => ({ ...t, extractor: new FeatureExtractor(resources) });
  const coldTagger = fresh(sentenceTagger);
  const cold = rate(() => testSentences.forEach((s) => tagWith(coldTagger, s.tokens)));
  const warm = rate(() => testSentences.forEach((s) => tagWith(sentenceTagger, s.tokens)), 5);
  const docs = byDocument(testSentences).map((d) => d.map((i) => testSentences[i]!.tokens));
  let docCold = 0;
  let docWarm = 0;
  if (docTagger) {
    const c1 = fresh(sentenceTagger);
    const c2 = { ...docTagger, extractor: c1.extractor };
    docCold = rate(() => docs.forEach((d) => tagDocumentWith(c1, c2, d)));
    const dt = docTagger;
    docWarm = rate(() => docs.forEach((d) => tagDocumentWith(sentenceTagger, dt, d)), 5);
  }
  const mb = (file: string): string => (statSync(file).size / 1e6).toFixed(2);
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  console.log(`
### Speed and size (one core, Node ${process.version})

| measure | value |
|---|---:|
| load: clusters + gazetteer | ${resourcesMs.toFixed(0)} ms |
| load: sentence model (${mb(opts.model)} MB, ${sentenceTagger.model.header.rows} feature rows × ${sentenceTagger.model.T} tags) | ${sentenceMs.toFixed(0)} ms |
${docTagger ? `| load: document model (${mb(docFile)} MB, ${docTagger.model.header.rows} feature rows) | ${docMs.toFixed(0)} ms |\n` : ''}| tagEntities, empty word cache (first pass over test) | ${n(cold)} tokens/s |
| tagEntities, warm (5 more passes) | ${n(warm)} tokens/s |
${docTagger ? `| tagDocument, empty word caches | ${n(docCold)} tokens/s |\n| tagDocument, warm | ${n(docWarm)} tokens/s |\n` : ''}
Sentence model: epochs ${JSON.stringify(sentenceTagger.model.header.info.epochs)}, dev F1 ${String(sentenceTagger.model.header.info.devF1)} at training.${docTagger ? ` Document model: epochs ${JSON.stringify(docTagger.model.header.info.epochs)}, dev F1 ${String(docTagger.model.header.info.devF1)}.` : ''}`);
}

main();
