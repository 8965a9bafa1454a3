/**
 * Named-entity tagging: PER, ORG, LOC and MISC spans in tokenised sentences.
 *
 * - `tagEntities(tokens)` tags one sentence on its own (the sentence model, data/ner/model.bin).
 * - `tagDocument(sentences)` tags the sentences of one article in two passes: the sentence model first, then
 *   the document model (data/ner/model-doc.bin), which also sees how the first pass labelled the other
 *   occurrences of each capitalised word in the article, so "Rotor" agrees with "Rotor Volgograd" and a
 *   surname with the full name. About twice the work, and more accurate (docs/ner.md).
 *
 * Models (trained by scripts/train-ner.ts), the word clusters (data/ner/clusters.tsv) and the gazetteer
 * (built from data/actors and data/places) load on first use and stay loaded. Tagging is offline.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dataPath } from '../../model/paths.js';
import { timed } from '../../model/timing.js';
import { FeatureExtractor, documentFeatures, loadNerResources, type NerResources } from './features.js';
import { deserializeModel, type EntitySpan, type EntityType, type NerModel } from './perceptron.js';

export type { EntitySpan, EntityType } from './perceptron.js';
export { ENTITY_TYPES } from './perceptron.js';

export interface NerTagger {
  model: NerModel;
  /** Each tagger has its own extractor: it caches per-word scores of its model. */
  extractor: FeatureExtractor;
  /** Milliseconds the load took. */
  loadMs: number;
}

let resources: NerResources | undefined;
let sharedExtractor: FeatureExtractor | undefined;
let sentenceTagger: NerTagger | undefined;
let documentTagger: NerTagger | null | undefined;

function sharedResources(): NerResources {
  resources ??= loadNerResources();
  return resources;
}

/**
 * Loads a tagger from a model file (default data/ner/model.bin) and the shipped resources. Taggers loaded
 * without `res` that use the shipped resources share one extractor, so that the two passes of
 * `tagDocumentWith` prepare each sentence once (an extractor holds the scores of two models).
 */
export function loadNerTagger(modelFile = dataPath('ner', 'model.bin'), res?: NerResources): NerTagger {
  const t0 = performance.now();
  const model = timed(`NER model ${path.basename(modelFile)}`, () =>
    deserializeModel(readFileSync(modelFile)),
  );
  const info = model.header.info;
  const r =
    res ??
    (info.clusters === false || info.gazetteer === false
      ? loadNerResources({ clusters: info.clusters !== false, gazetteer: info.gazetteer !== false })
      : sharedResources());
  const extractor = r === resources ? (sharedExtractor ??= new FeatureExtractor(r)) : new FeatureExtractor(r);
  return { model, extractor, loadMs: performance.now() - t0 };
}

/** The shared sentence tagger, loaded on first use. */
export function nerTagger(): NerTagger {
  sentenceTagger ??= loadNerTagger();
  return sentenceTagger;
}

/** The shared document tagger (second pass), loaded on first use; null when model-doc.bin is absent. */
export function nerDocumentTagger(): NerTagger | null {
  if (documentTagger === undefined) {
    const file = dataPath('ner', 'model-doc.bin');
    documentTagger = existsSync(file) ? loadNerTagger(file) : null;
  }
  return documentTagger;
}

/** Entities of one sentence with a given tagger; `extra` = per-token document features. */
export function tagWith(
  t: NerTagger,
  tokens: readonly string[],
  extra?: ReadonlyArray<ArrayLike<number>>,
): EntitySpan[] {
  if (tokens.length === 0) return [];
  return t.model.tag(t.extractor, tokens, extra);
}

/**
 * Two-pass tagging of a document's sentences with given taggers. When both share an extractor, the
 * second pass reuses each sentence's context from the first (normalised words, word facts, gazetteer
 * matches) with the document features added, which gives the same features as preparing it again.
 */
export function tagDocumentWith(
  first: NerTagger,
  second: NerTagger | null,
  sentences: ReadonlyArray<readonly string[]>,
): EntitySpan[][] {
  if (!second || second.extractor !== first.extractor) {
    const pass1 = sentences.map((s) => tagWith(first, s));
    if (!second) return pass1;
    const extras = documentFeatures(sentences, pass1);
    return sentences.map((s, i) => tagWith(second, s, extras[i]));
  }
  const { extractor } = first;
  // Both models take their score slots before any context is made, so no context can go stale.
  extractor.scoreSlot(first.model);
  extractor.scoreSlot(second.model);
  const contexts = sentences.map((s) => extractor.context(s));
  const pass1 = contexts.map((ctx) => first.model.tagContext(extractor, ctx));
  const extras = documentFeatures(sentences, pass1);
  return contexts.map((ctx, i) => second.model.tagContext(extractor, extractor.withExtra(ctx, extras[i]!)));
}

/**
 * The named entities of one sentence, as token-index spans (end exclusive) with a CoNLL type.
 * Tokens are as Parley's tokenizer gives them (wink-nlp: `U.S.`, `'s` split off, curly quotes as tokens)
 * or CoNLL-style; either works.
 */
export function tagEntities(tokens: string[]): Array<{ start: number; end: number; type: EntityType }> {
  return tagWith(nerTagger(), tokens);
}

/**
 * The named entities of every sentence of one document (article), tagged in two passes so that repeated
 * names are labelled consistently. Returns one span list per sentence, in order.
 */
export function tagDocument(
  sentences: string[][],
): Array<Array<{ start: number; end: number; type: EntityType }>> {
  return tagDocumentWith(nerTagger(), nerDocumentTagger(), sentences);
}
