/**
 * The pipeline: an article flows one way through named stages, each a plain function over the `Doc`,
 * and leaves as an `Analysis` (the public contract). No stage imports another; only this file knows the order.
 */
import { recognizeStage } from './actors/recognize.js';
import { geocodeStage } from './actors/places.js';
import { quotesStage } from './analysis/quotes.js';
import { summaryStage } from './analysis/summary.js';
import { themesStage, themesWithin } from './analysis/themes.js';
import { toneStage } from './analysis/tone.js';
import { codeEventsStage } from './events/coder.js';
import { buildArticle, type ArticleOptions } from './ingest/article.js';
import { isAnalysedLanguage } from './ingest/language.js';
import { readPlainText } from './ingest/readers.js';
import type { Doc, Stage } from './model/doc.js';
import type { Analysis, Article, ArticleInput } from './model/schema.js';
import { timed } from './model/timing.js';
import { ANALYSIS_VERSION } from './model/version.js';
import { tokenizeStage } from './nlp/tokenize.js';

/** The stages in order, by name, so that a benchmark can time each one. */
export const STAGES: ReadonlyArray<readonly [name: string, stage: Stage]> = [
  ['tokenize', tokenizeStage],
  ['entities', recognizeStage],
  ['places', geocodeStage],
  ['events', codeEventsStage],
  ['tone', toneStage],
  ['themes', themesStage],
  ['quotes', quotesStage],
  ['summary', summaryStage],
];

/** Re-exported: the language rule lives with language detection, so the store commands need no pipeline. */
export { isAnalysedLanguage };

export function emptyDoc(article: Article): Doc {
  return {
    article,
    date: article.published?.slice(0, 10) ?? null,
    tokens: [],
    sentences: [],
    mentions: [],
    actors: [],
    places: [],
    events: [],
    tone: {
      tone: 0,
      positive: 0,
      negative: 0,
      polarity: 0,
      activityDensity: 0,
      selfGroupDensity: 0,
      wordCount: 0,
    },
    sentenceTones: [],
    themes: [],
    quotes: [],
    summary: [],
  };
}

export function runStages(doc: Doc): Doc {
  if (!isAnalysedLanguage(doc.article.language)) return doc;
  return STAGES.reduce((current, [name, stage]) => timed(`stage ${name}`, () => stage(current)), doc);
}

/** The public contract: the document without its internal token layer. */
export function toAnalysis(doc: Doc): Analysis {
  return {
    version: ANALYSIS_VERSION,
    article: doc.article,
    sentences: doc.sentences.map(({ start, end }, index) => ({
      start,
      end,
      tone: doc.sentenceTones[index] ?? 0,
      themes: themesWithin(doc.themes, start, end),
    })),
    entities: doc.mentions.map(({ text, type, start, end, actor, resolvedBy }) => ({
      text,
      type,
      start,
      end,
      ...(actor ? { actor } : {}),
      ...(resolvedBy ? { resolvedBy } : {}),
    })),
    actors: doc.actors,
    places: doc.places,
    events: doc.events,
    tone: doc.tone,
    themes: doc.themes,
    quotes: doc.quotes,
    summary: doc.summary,
  };
}

export function analyzeArticle(article: Article): Analysis {
  return toAnalysis(runStages(emptyDoc(article)));
}

export interface AnalyzeOptions extends ArticleOptions {
  /** Names the input in error messages. */
  origin?: string;
}

/**
 * Analyses one article given as text, HTML or a record. Throws an InputError naming the input when it
 * holds no article.
 */
export function analyze(input: string | ArticleInput, options: AnalyzeOptions = {}): Analysis {
  const origin = options.origin ?? 'article';
  const record: ArticleInput = typeof input === 'string' ? recordFromString(input, origin) : input;
  return analyzeArticle(buildArticle(record, origin, options));
}

/** A plain string: HTML if it looks like markup, else text whose first line is the title. */
function recordFromString(input: string, origin: string): ArticleInput {
  if (/^\s*</.test(input)) return { html: input };
  const result = readPlainText(input, origin);
  if (!result.ok) throw result.error;
  return result.record.input;
}
