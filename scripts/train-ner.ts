/**
 * Trains Parley's named-entity tagger (src/nlp/ner) on CoNLL-2003 and writes data/ner/model.bin (sentence
 * model) and data/ner/model-doc.bin (document model, the second pass of `tagDocument`).
 *
 * Data: ../shared/data/conll2003/{train,dev}.txt (research use: only the trained weights are shipped, never
 * the data). Each model is an averaged structured perceptron over BILOU tags with Viterbi decoding. Sentences
 * are visited in a seeded shuffle, so a run is reproducible. After each epoch the averaged weights are scored
 * on dev (entity-level F1, conlleval rules); a run stops when dev F1 has not improved for `--patience` epochs
 * and keeps its best epoch. `--ensemble` runs (different seeded orders) are averaged into one weight vector,
 * which is pruned, quantised and written.
 *
 * The document model adds features saying how a first pass labelled the other occurrences of each word in the
 * document. Its training documents get those first-pass labels from sentence models that did not see them
 * (`--folds` jackknifing), so it learns how far to trust labels that are as wrong as they will be on new text.
 *
 * Augmentation (robustness to Parley's wink tokenization and casing; `--no-augment` turns it off):
 *   - every training sentence with a hyphenated token is added once more with the hyphens split off as wink
 *     splits them (`Jean-Pierre` → `Jean - Pierre`, one PER span; sentences with a hyphenated MISC token such
 *     as `U.S.-led` are not copied, since their parts would carry other types);
 *   - 5 % of sentences are added in ALL CAPS and 5 % in Title Case (headline styles).
 *
 * Run: npx tsx scripts/train-ner.ts [--max-epochs 20] [--patience 4] [--ensemble 3] [--folds 5 | --no-doc]
 *        [--seed 7] [--scheme BILOU|BIO] [--min-count 1] [--min-weight 0.05] [--no-clusters]
 *        [--no-gazetteer] [--no-augment] [--clusters FILE] [--out data/ner/model.bin] [--dry-run] [--test]
 * (`--test` also scores test, for ablation tables; every choice is made on dev.)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  FeatureExtractor,
  HISTORY_FEATURES,
  buildGazetteer,
  documentFeatures,
  historyHash,
  loadParleyGazetteer,
  parseClusters,
  type NerResources,
  type SentenceFeatures,
} from '../src/nlp/ner/features.js';
import {
  AveragedPerceptron,
  ENTITY_TYPES,
  FeatureIndex,
  deserializeModel,
  resolveRows,
  serializeModel,
  tagScheme,
  viterbi,
  type EntitySpan,
  type EntityType,
  type NerModel,
  type RowSentence,
  type TagScheme,
} from '../src/nlp/ner/perceptron.js';
import { seededRandom as mulberry32 } from '../src/model/random.js';
import { repoRoot, sharedDataDir } from './paths.js';

// ---------------------------------------------------------------------------------------------------------
// CoNLL files and conlleval scoring (exported for scripts/eval-ner.ts)

export interface LabelledSentence {
  /** Index of the document (-DOCSTART- section) the sentence is in. */
  doc: number;
  tokens: string[];
  /** Tag column as written (IOB1 or IOB2). */
  tags: string[];
}

/** Reads a CoNLL file: token in the first column, NER tag in the last; `-DOCSTART-` lines skipped. */
export function readConll(file: string): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  let doc = 0;
  let cur: LabelledSentence = { doc, tokens: [], tags: [] };
  const flush = (): void => {
    if (cur.tokens.length > 0) out.push(cur);
    cur = { doc, tokens: [], tags: [] };
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') {
      flush();
      continue;
    }
    const cols = trimmed.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flush();
      doc++;
      cur.doc = doc;
      continue;
    }
    cur.tokens.push(cols[0]!);
    cur.tags.push(cols[cols.length - 1]!);
  }
  flush();
  return out;
}

/**
 * Entity chunks of a tag sequence by conlleval's rules (works for IOB1 and IOB2): a chunk starts at B-X, or at
 * I-X after O or after a tag of another type; it ends before O, B-anything, or a tag of another type.
 */
export function chunks(tags: readonly string[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let start = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i]! : 'O';
    const prefix = tag === 'O' ? 'O' : tag.slice(0, 1);
    const t = tag === 'O' ? '' : tag.slice(2);
    const endsChunk = start >= 0 && (prefix === 'O' || prefix === 'B' || t !== type);
    if (endsChunk) {
      spans.push({ start, end: i, type: type as EntityType });
      start = -1;
    }
    if (prefix !== 'O' && start < 0) {
      start = i;
      type = t;
    }
  }
  return spans;
}

export interface Scores {
  byType: Record<string, { tp: number; fp: number; fn: number }>;
  tp: number;
  fp: number;
  fn: number;
}

export function emptyScores(): Scores {
  const byType: Scores['byType'] = {};
  for (const t of ENTITY_TYPES) byType[t] = { tp: 0, fp: 0, fn: 0 };
  return { byType, tp: 0, fp: 0, fn: 0 };
}

/** Adds one sentence to the counts: an entity is right only with both boundaries and the type right. */
export function addScores(s: Scores, gold: readonly EntitySpan[], pred: readonly EntitySpan[]): void {
  const key = (e: EntitySpan): string => `${e.start}:${e.end}:${e.type}`;
  const goldKeys = new Set(gold.map(key));
  const predKeys = new Set(pred.map(key));
  for (const e of pred) {
    const c = (s.byType[e.type] ??= { tp: 0, fp: 0, fn: 0 });
    if (goldKeys.has(key(e))) {
      c.tp++;
      s.tp++;
    } else {
      c.fp++;
      s.fp++;
    }
  }
  for (const e of gold)
    if (!predKeys.has(key(e))) {
      (s.byType[e.type] ??= { tp: 0, fp: 0, fn: 0 }).fn++;
      s.fn++;
    }
}

export function prf(c: { tp: number; fp: number; fn: number }): { p: number; r: number; f: number } {
  const p = c.tp + c.fp === 0 ? 0 : (100 * c.tp) / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : (100 * c.tp) / (c.tp + c.fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f };
}

/** A conlleval-like table. */
export function formatScores(title: string, s: Scores): string {
  const lines = [
    title,
    '| type | precision | recall | F1 | gold | predicted |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  const row = (name: string, c: { tp: number; fp: number; fn: number }): void => {
    const { p, r, f } = prf(c);
    lines.push(
      `| ${name} | ${p.toFixed(2)} | ${r.toFixed(2)} | ${f.toFixed(2)} | ${c.tp + c.fn} | ${c.tp + c.fp} |`,
    );
  };
  for (const t of ENTITY_TYPES) row(t, s.byType[t]!);
  row('**overall**', s);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Augmentation

export interface TrainSentence {
  tokens: string[];
  spans: EntitySpan[];
  /** Document index; augmented copies have none. */
  doc?: number;
}

const HYPHENATED = /[\p{L}\p{N}.]-[\p{L}\p{N}]/u;

/** The sentence with hyphens split off as wink splits them, or undefined when that would blur a MISC span. */
function hyphenSplit(s: TrainSentence): TrainSentence | undefined {
  if (!s.tokens.some((t) => HYPHENATED.test(t))) return undefined;
  const typeAt = new Array<EntityType | undefined>(s.tokens.length).fill(undefined);
  for (const e of s.spans) for (let i = e.start; i < e.end; i++) typeAt[i] = e.type;
  const tokens: string[] = [];
  const newStart: number[] = [];
  const newEnd: number[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    const t = s.tokens[i]!;
    newStart.push(tokens.length);
    // wink keeps all-letter prefixes like "e-mail"; we split every hyphen between word characters
    if (HYPHENATED.test(t) && !/^-|-$/.test(t)) {
      if (typeAt[i] === 'MISC') return undefined;
      t.split('-').forEach((part, k) => {
        if (k > 0) tokens.push('-');
        if (part !== '') tokens.push(part);
      });
    } else tokens.push(t);
    newEnd.push(tokens.length);
  }
  const spans = s.spans.map((e) => ({ start: newStart[e.start]!, end: newEnd[e.end - 1]!, type: e.type }));
  return { tokens, spans };
}

const SMALL = new Set('a an the of in on at to for and but or nor by with from as'.split(' '));

function titleCased(s: TrainSentence): TrainSentence {
  return {
    tokens: s.tokens.map((t, i) =>
      (i === 0 || !SMALL.has(t)) && /^\p{Ll}/u.test(t) ? t.charAt(0).toUpperCase() + t.slice(1) : t,
    ),
    spans: s.spans,
  };
}

function upperCased(s: TrainSentence): TrainSentence {
  return { tokens: s.tokens.map((t) => t.toUpperCase()), spans: s.spans };
}

export function augment(
  train: readonly TrainSentence[],
  seed: number,
): { extra: TrainSentence[]; counts: Record<string, number> } {
  const rand = mulberry32(seed ^ 0x5eed);
  const extra: TrainSentence[] = [];
  const counts = { hyphen: 0, upper: 0, title: 0 };
  for (const s of train) {
    const split = hyphenSplit(s);
    if (split) {
      extra.push(split);
      counts.hyphen++;
    }
    const lettered = s.tokens.filter((t) => /\p{Ll}/u.test(t)).length;
    const r = rand();
    if (lettered >= 3 && r < 0.05) {
      extra.push(upperCased(s));
      counts.upper++;
    } else if (lettered >= 3 && r < 0.1) {
      extra.push(titleCased(s));
      counts.title++;
    }
  }
  return { extra, counts };
}

// ---------------------------------------------------------------------------------------------------------
// Training

interface Options {
  maxEpochs: number;
  patience: number;
  seed: number;
  scheme: 'BILOU' | 'BIO';
  minCount: number;
  minWeight: number;
  clusters: boolean;
  clustersFile: string;
  gazetteer: boolean;
  augment: boolean;
  out: string;
  dryRun: boolean;
  /** Also score the final model on test (for ablation tables; choices are made on dev only). */
  test: boolean;
  /** Folds for the jackknifed first pass of the document model; below 2, no document model. */
  folds: number;
  /** Number of training runs (different seeded orders) whose averaged weights are averaged into the model. */
  ensemble: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    maxEpochs: 20,
    patience: 4,
    seed: 7,
    scheme: 'BILOU',
    minCount: 1,
    minWeight: 0.05,
    clusters: true,
    clustersFile: path.join(repoRoot(), 'data', 'ner', 'clusters.tsv'),
    gazetteer: true,
    augment: true,
    out: path.join(repoRoot(), 'data', 'ner', 'model.bin'),
    dryRun: false,
    test: false,
    ensemble: 3,
    folds: 5,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--max-epochs') opts.maxEpochs = Number(next());
    else if (a === '--patience') opts.patience = Number(next());
    else if (a === '--seed') opts.seed = Number(next());
    else if (a === '--scheme') opts.scheme = next() === 'BIO' ? 'BIO' : 'BILOU';
    else if (a === '--min-count') opts.minCount = Number(next());
    else if (a === '--min-weight') opts.minWeight = Number(next());
    else if (a === '--no-clusters') opts.clusters = false;
    else if (a === '--clusters') opts.clustersFile = path.resolve(next());
    else if (a === '--no-gazetteer') opts.gazetteer = false;
    else if (a === '--no-augment') opts.augment = false;
    else if (a === '--out') opts.out = path.resolve(next());
    else if (a === '--dry-run') opts.dryRun = true;
    else if (a === '--test') opts.test = true;
    else if (a === '--ensemble') opts.ensemble = Number(next());
    else if (a === '--folds') opts.folds = Number(next());
    else if (a === '--no-doc') opts.folds = 0;
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

const log = (msg: string): void =>
  console.error(`[train-ner ${(performance.now() / 1000).toFixed(1)}s] ${msg}`);

function toTrain(s: LabelledSentence): TrainSentence {
  return { tokens: s.tokens, spans: chunks(s.tags), doc: s.doc };
}

function shuffle(order: number[], rand: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

/** Groups sentence indices by document (sentences without a document are alone). */
function documents(sentences: readonly TrainSentence[]): number[][] {
  const docs: number[][] = [];
  let last: number | undefined;
  sentences.forEach((s, i) => {
    if (s.doc === undefined || s.doc !== last) docs.push([]);
    docs[docs.length - 1]!.push(i);
    last = s.doc;
  });
  return docs;
}

/** Per sentence, per token, the document features computed from first-pass spans. */
function docExtras(sentences: readonly TrainSentence[], predicted: readonly EntitySpan[][]): number[][][] {
  const out: number[][][] = new Array<number[][]>(sentences.length);
  for (const doc of documents(sentences)) {
    const feats = documentFeatures(
      doc.map((i) => sentences[i]!.tokens),
      doc.map((i) => predicted[i]!),
    );
    doc.forEach((i, k) => (out[i] = feats[k]!));
  }
  return out;
}

/** The feature index: every feature seen on the gold paths at least `minCount` times. */
function buildIndex(
  feats: readonly SentenceFeatures[],
  gold: readonly Int32Array[],
  T: number,
  minCount: number,
): FeatureIndex {
  const counter = new FeatureIndex(1 << 20);
  let counts = new Int32Array(1 << 20);
  const count = (h: number): void => {
    const r = counter.add(h);
    if (r >= counts.length) {
      const bigger = new Int32Array(counts.length * 2);
      bigger.set(counts);
      counts = bigger;
    }
    counts[r]!++;
  };
  feats.forEach((sf, s) => {
    for (let f = 0; f < sf.feats.length; f++) count(sf.feats[f]!);
    const g = gold[s]!;
    for (let i = 0; i < sf.n; i++) {
      const prev = i === 0 ? T : g[i - 1]!;
      for (let k = 0; k < HISTORY_FEATURES; k++)
        count(historyHash(sf.history[i * HISTORY_FEATURES + k]!, prev));
    }
  });
  const hashes = counter.hashesByRow();
  const index = new FeatureIndex(counter.size);
  for (let r = 0; r < hashes.length; r++) if (counts[r]! >= minCount) index.add(hashes[r]!);
  log(`${counter.size} distinct features, ${index.size} with count ≥ ${minCount}`);
  return index;
}

interface EpochRecord {
  run: number;
  epoch: number;
  trainErrors: number;
  devF1: number;
  seconds: number;
}

/**
 * Trains `ensemble` perceptrons (each its own seeded order; each stopped on dev, or run for `fixedEpochs`
 * without looking at dev) and averages their best averaged weights.
 */
function trainWeights(
  scheme: TagScheme,
  rows: number,
  train: ReadonlyArray<{ rows: RowSentence; gold: Int32Array }>,
  devF1: ((w: Float32Array) => number) | undefined,
  opts: Options,
  label: string,
  fixedEpochs?: number,
): { weights: Float32Array; epochs: number[]; history: EpochRecord[] } {
  const history: EpochRecord[] = [];
  const runs: Array<{ epoch: number; f1: number; weights: Float32Array }> = [];
  const ensemble = fixedEpochs === undefined ? opts.ensemble : 1;
  for (let run = 1; run <= ensemble; run++) {
    const rand = mulberry32(opts.seed + 1000 * (run - 1));
    const perceptron = new AveragedPerceptron(scheme, rows);
    const order = train.map((_, i) => i);
    let best = { epoch: 0, f1: -1, weights: new Float32Array(0) as Float32Array };
    const maxEpochs = fixedEpochs ?? opts.maxEpochs;
    for (let epoch = 1; epoch <= maxEpochs; epoch++) {
      const t0 = performance.now();
      shuffle(order, rand);
      let wrong = 0;
      for (const s of order) wrong += perceptron.learn(train[s]!.rows, train[s]!.gold);
      if (fixedEpochs !== undefined || !devF1) {
        if (epoch === maxEpochs) best = { epoch, f1: NaN, weights: perceptron.averaged() };
        continue;
      }
      const avg = perceptron.averaged();
      const f1 = devF1(avg);
      const seconds = (performance.now() - t0) / 1000;
      history.push({
        run,
        epoch,
        trainErrors: wrong,
        devF1: Number(f1.toFixed(2)),
        seconds: Number(seconds.toFixed(1)),
      });
      log(
        `${label} run ${run} epoch ${epoch}: ${wrong} wrong training tags, dev F1 ${f1.toFixed(2)} (${seconds.toFixed(1)} s)`,
      );
      if (f1 > best.f1) best = { epoch, f1, weights: avg };
      else if (epoch - best.epoch >= opts.patience) break;
    }
    log(
      `${label} run ${run}: best epoch ${best.epoch}${Number.isNaN(best.f1) ? '' : `, dev F1 ${best.f1.toFixed(2)}`}`,
    );
    runs.push(best);
  }
  const weights = new Float32Array(runs[0]!.weights.length);
  for (const r of runs) for (let j = 0; j < weights.length; j++) weights[j]! += r.weights[j]! / runs.length;
  return { weights, epochs: runs.map((r) => r.epoch), history };
}

interface Stage {
  index: FeatureIndex;
  weights: Float32Array;
  epochs: number[];
  history: EpochRecord[];
  devF1: number;
}

/** Trains one model (sentence model, or document model when `extras` are given) with dev early stopping. */
function trainStage(
  label: string,
  all: readonly TrainSentence[],
  dev: readonly TrainSentence[],
  extractor: FeatureExtractor,
  scheme: TagScheme,
  opts: Options,
  extras?: { train: Array<number[][] | undefined>; dev: number[][][] },
): Stage {
  const T = scheme.tags.length;
  const feats = all.map((s, i) => extractor.sentence(s.tokens, extras?.train[i]));
  const gold = all.map((s) => scheme.fromSpans(s.tokens.length, s.spans));
  const index = buildIndex(feats, gold, T, opts.minCount);
  const train = feats.map((sf, i) => ({ rows: resolveRows(sf, index, T), gold: gold[i]! }));
  const devRows = dev.map((s, i) => resolveRows(extractor.sentence(s.tokens, extras?.dev[i]), index, T));
  const devF1 = (weights: Float32Array): number => {
    const scores = emptyScores();
    devRows.forEach((rs, i) =>
      addScores(scores, dev[i]!.spans, scheme.toSpans(viterbi(rs, weights, scheme))),
    );
    return prf(scores).f;
  };
  const { weights, epochs, history } = trainWeights(scheme, index.size, train, devF1, opts, label);
  const f1 = devF1(weights);
  log(`${label}: dev F1 ${f1.toFixed(2)} (epochs ${epochs.join('+')})`);
  return { index, weights, epochs, history, devF1: f1 };
}

/**
 * First-pass spans for every training sentence from models that did not see its document: the documents are
 * split into `folds` parts and each part is tagged by a sentence model trained on the others (jackknifing), so
 * the document model learns how far to trust first-pass labels that are as wrong as they will be on new text.
 * Augmented sentences (no document) take no part: they get no document features.
 */
function jackknife(
  train: readonly TrainSentence[],
  extractor: FeatureExtractor,
  scheme: TagScheme,
  opts: Options,
  epochs: number,
): EntitySpan[][] {
  const T = scheme.tags.length;
  const docs = documents(train);
  const foldOf = new Int32Array(train.length);
  docs.forEach((d, k) => d.forEach((i) => (foldOf[i] = k % opts.folds)));
  const feats = train.map((s) => extractor.sentence(s.tokens));
  const gold = train.map((s) => scheme.fromSpans(s.tokens.length, s.spans));
  const predicted: EntitySpan[][] = train.map(() => []);
  for (let fold = 0; fold < opts.folds; fold++) {
    // augmented copies are left out: a copy of a held-out sentence would leak it into its fold's model
    const keep = train.map((_, i) => i).filter((i) => foldOf[i] !== fold);
    const index = buildIndex(
      keep.map((i) => feats[i]!),
      keep.map((i) => gold[i]!),
      T,
      opts.minCount,
    );
    const rows = keep.map((i) => ({ rows: resolveRows(feats[i]!, index, T), gold: gold[i]! }));
    const { weights } = trainWeights(scheme, index.size, rows, undefined, opts, `fold ${fold + 1}`, epochs);
    for (let i = 0; i < train.length; i++)
      if (foldOf[i] === fold)
        predicted[i] = scheme.toSpans(viterbi(resolveRows(feats[i]!, index, T), weights, scheme));
  }
  return predicted;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const dir = path.join(sharedDataDir(), 'conll2003');
  const train = readConll(path.join(dir, 'train.txt')).map(toTrain);
  const dev = readConll(path.join(dir, 'dev.txt')).map(toTrain);
  log(`train ${train.length} sentences, dev ${dev.length}`);

  let clustersSha = '';
  let clusters = new Map<string, string>();
  if (opts.clusters) {
    const text = readFileSync(opts.clustersFile, 'utf8');
    clustersSha = createHash('sha256').update(text).digest('hex').slice(0, 16);
    clusters = parseClusters(text);
  }
  const resources: NerResources = {
    clusters,
    gazetteer: opts.gazetteer ? loadParleyGazetteer() : buildGazetteer([]),
  };
  log(`${clusters.size} clustered words, ${resources.gazetteer.entries} gazetteer entries`);

  let all = train;
  let augCounts: Record<string, number> = {};
  if (opts.augment) {
    const { extra, counts } = augment(train, opts.seed);
    all = [...train, ...extra];
    augCounts = counts;
    log(`augmented: ${JSON.stringify(counts)} → ${all.length} sentences`);
  }
  const scheme = tagScheme(opts.scheme);
  const T = scheme.tags.length;
  const extractor = new FeatureExtractor(resources);
  const testSet = opts.test ? readConll(path.join(dir, 'test.txt')).map(toTrain) : [];

  const baseInfo = {
    trainedOn: 'CoNLL-2003 English train (eng.train); epochs chosen on dev (eng.testa)',
    seed: opts.seed,
    ensemble: opts.ensemble,
    augment: opts.augment ? augCounts : false,
    clusters: opts.clusters,
    clustersSha256: clustersSha || undefined,
    gazetteer: opts.gazetteer,
    gazetteerEntries: resources.gazetteer.entries,
    minCount: opts.minCount,
    minWeight: opts.minWeight,
    date: new Date().toISOString().slice(0, 10),
  };
  const write = (stage: Stage, kind: 'sentence' | 'document', out: string): NerModel => {
    const info = {
      ...baseInfo,
      kind,
      epochs: stage.epochs,
      devF1: Number(stage.devF1.toFixed(2)),
      history: stage.history,
    };
    const { bytes, rows } = serializeModel(
      { format: 'parley-ner', version: 1, scheme: opts.scheme, historyFeatures: HISTORY_FEATURES, info },
      stage.index.hashesByRow(),
      stage.weights,
      T,
      opts.minWeight,
    );
    log(
      `${kind} model: ${rows} of ${stage.index.size} feature rows kept, ${(bytes.length / 1e6).toFixed(2)} MB`,
    );
    if (!opts.dryRun) {
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, bytes);
      log(`wrote ${out}`);
    }
    return deserializeModel(bytes);
  };
  const report = (title: string, sentences: readonly TrainSentence[], spans: EntitySpan[][]): void => {
    const scores = emptyScores();
    sentences.forEach((s, i) => addScores(scores, s.spans, spans[i]!));
    log(`${title}: F1 ${prf(scores).f.toFixed(2)}`);
    console.log(formatScores(`\n${title}`, scores));
  };
  const epochTable = (stage: Stage): string =>
    '| run | epoch | wrong training tags | dev F1 |\n|---:|---:|---:|---:|\n' +
    stage.history
      .map((h) => `| ${h.run} | ${h.epoch} | ${h.trainErrors} | ${h.devF1.toFixed(2)} |`)
      .join('\n');

  // 1. the sentence model
  const sentenceStage = trainStage('sentence', all, dev, extractor, scheme, opts);
  const sentenceModel = write(sentenceStage, 'sentence', opts.out);
  const devPass1 = dev.map((s) => sentenceModel.spans(extractor.sentence(s.tokens)));
  report('dev (eng.testa), sentence model (quantised)', dev, devPass1);
  const testPass1 = testSet.map((s) => sentenceModel.spans(extractor.sentence(s.tokens)));
  if (opts.test) report('test (eng.testb), sentence model (quantised)', testSet, testPass1);
  console.log(`\nSentence model, dev F1 by epoch:\n\n${epochTable(sentenceStage)}`);
  if (opts.folds < 2) return;

  // 2. the document model: first-pass labels of the other occurrences of each word as extra features
  const epochs = Math.max(...sentenceStage.epochs);
  const trainPass1 = jackknife(train, extractor, scheme, opts, epochs);
  const trainExtras: Array<number[][] | undefined> = docExtras(train, trainPass1);
  for (let i = train.length; i < all.length; i++) trainExtras.push(undefined);
  const devExtras = docExtras(dev, devPass1);
  const docStage = trainStage('document', all, dev, extractor, scheme, opts, {
    train: trainExtras,
    dev: devExtras,
  });
  const docModel = write(docStage, 'document', opts.out.replace(/\.bin$/, '') + '-doc.bin');
  report(
    'dev (eng.testa), document model (quantised)',
    dev,
    dev.map((s, i) => docModel.spans(extractor.sentence(s.tokens, devExtras[i]))),
  );
  if (opts.test) {
    const testExtras = docExtras(testSet, testPass1);
    report(
      'test (eng.testb), document model (quantised)',
      testSet,
      testSet.map((s, i) => docModel.spans(extractor.sentence(s.tokens, testExtras[i]))),
    );
  }
  console.log(`\nDocument model, dev F1 by epoch:\n\n${epochTable(docStage)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
