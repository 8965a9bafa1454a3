/**
 * Two builds' analysis stages in one process, passes alternated (old, new, old, new…), so that a shared
 * machine's load falls on both alike; CPU time, not wall time:
 *
 *   node dist/bench/compare.js OLD_ROOT NEW_ROOT [passes, default 5] [corpus.jsonl]
 *
 * Each root is a built checkout (its dist/ and data/). Prints, per build, the CPU ms per article of each
 * stage (min / median over the passes, after one warm-up pass) and `tagDocument`'s tokens/s.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Doc, Stage } from '../src/model/doc.js';
import type { Article, ArticleInput } from '../src/model/schema.js';
import { readJsonl } from './corpus.js';

const ARTICLES = 500;
const TAGGER_ARTICLES = 400;

interface Build {
  root: string;
  emptyDoc: (article: Article) => Doc;
  stages: ReadonlyArray<readonly [string, Stage]>;
  tagDocument: (sentences: string[][]) => unknown;
  articles: Article[];
  sentences: string[][][];
  tokens: number;
  stageMs: Map<string, number[]>;
  totalMs: number[];
  taggerRate: number[];
}

/** Imports a build's modules by file URL: two roots give two independent sets of modules and models. */
async function load(root: string, records: ArticleInput[]): Promise<Build> {
  const module = async <T>(file: string): Promise<T> =>
    (await import(pathToFileURL(path.resolve(root, 'dist/src', file)).href)) as T;
  const pipeline = await module<typeof import('../src/pipeline.js')>('pipeline.js');
  const { buildArticle } = await module<typeof import('../src/ingest/article.js')>('ingest/article.js');
  const { tokenize } = await module<typeof import('../src/nlp/tokenize.js')>('nlp/tokenize.js');
  const { tagDocument } = await module<typeof import('../src/nlp/ner/index.js')>('nlp/ner/index.js');
  const articles = records.map((record, index) =>
    buildArticle({ ...record, date: record.date ?? '2005-01-01' }, `record ${index}`),
  );
  const sentences = articles.slice(0, TAGGER_ARTICLES).map((article) => {
    const { tokens, sentences: spans } = tokenize(article.text);
    const texts = tokens.map((token) => token.text);
    return spans.map((span) => texts.slice(span.firstToken, span.lastToken));
  });
  return {
    root,
    emptyDoc: pipeline.emptyDoc,
    stages: pipeline.STAGES,
    tagDocument,
    articles,
    sentences,
    tokens: sentences.flat(2).length,
    stageMs: new Map(),
    totalMs: [],
    taggerRate: [],
  };
}

/** CPU milliseconds (user + system) of `run`. */
function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** One pass of every stage over the build's articles; adds each stage's CPU time to `stageMs`. */
function stagePass(build: Build, stageMs: Map<string, number>): void {
  for (const article of build.articles) {
    let doc = build.emptyDoc(article);
    for (const [name, stage] of build.stages) {
      stageMs.set(name, (stageMs.get(name) ?? 0) + cpuMs(() => (doc = stage(doc))));
    }
  }
}

function measure(build: Build, record: boolean): void {
  const stageMs = new Map<string, number>();
  const total = cpuMs(() => stagePass(build, stageMs));
  const tagger = cpuMs(() => build.sentences.forEach((sentences) => build.tagDocument(sentences)));
  if (!record) return;
  const n = build.articles.length;
  build.totalMs.push(total / n);
  build.taggerRate.push((build.tokens / tagger) * 1000);
  for (const [name, ms] of stageMs) {
    const list = build.stageMs.get(name) ?? [];
    list.push(ms / n);
    build.stageMs.set(name, list);
  }
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const minMedian = (values: number[]): string =>
  `${Math.min(...values).toFixed(3)} / ${median(values).toFixed(3)}`;

async function main(): Promise<void> {
  const [oldRoot, newRoot, passArg = '5', corpus = '../shared/data/news/bbc-news-2225.jsonl'] =
    process.argv.slice(2);
  if (!oldRoot || !newRoot) {
    console.error('usage: node dist/bench/compare.js OLD_ROOT NEW_ROOT [passes] [corpus.jsonl]');
    process.exitCode = 2;
    return;
  }
  const passes = Number(passArg);
  const records = readJsonl(corpus).slice(0, ARTICLES);
  const builds = [await load(oldRoot, records), await load(newRoot, records)];
  for (let pass = 0; pass <= passes; pass++) for (const build of builds) measure(build, pass > 0);
  for (const build of builds) {
    console.log(
      `\n${build.root}: ${build.articles.length} articles, ${passes} passes (CPU ms/article, min / median)`,
    );
    console.log(`  all stages  ${minMedian(build.totalMs)}`);
    for (const [name, values] of build.stageMs) console.log(`  ${name.padEnd(10)}  ${minMedian(values)}`);
    const rates = build.taggerRate;
    console.log(
      `  tagDocument ${Math.round(Math.max(...rates))} / ${Math.round(median(rates))} tokens/s (max / median, ${build.tokens} tokens)`,
    );
  }
}

await main();
