/**
 * Named-entity tagging: PER, ORG, LOC and MISC spans in one tokenised sentence.
 *
 * The model (data/ner/model.bin, trained by scripts/train-ner.ts), the word clusters (data/ner/clusters.tsv)
 * and the gazetteer (built from data/actors and data/places) load on first use, in about 100–200 ms, and stay
 * loaded. Tagging is offline and takes a few microseconds a token. See docs/ner.md.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../../model/paths.js';
import { FeatureExtractor, loadNerResources, type NerResources } from './features.js';
import { deserializeModel, type EntitySpan, type EntityType, type NerModel } from './perceptron.js';

export type { EntitySpan, EntityType } from './perceptron.js';
export { ENTITY_TYPES } from './perceptron.js';

export interface NerTagger {
  model: NerModel;
  extractor: FeatureExtractor;
  /** Milliseconds the load took. */
  loadMs: number;
}

let tagger: NerTagger | undefined;

/** Loads a tagger from a model file (default data/ner/model.bin) and the shipped resources. */
export function loadNerTagger(modelFile = dataPath('ner', 'model.bin'), resources?: NerResources): NerTagger {
  const t0 = performance.now();
  const model = deserializeModel(readFileSync(modelFile));
  const info = model.header.info;
  const res =
    resources ?? loadNerResources({ clusters: info.clusters !== false, gazetteer: info.gazetteer !== false });
  return { model, extractor: new FeatureExtractor(res), loadMs: performance.now() - t0 };
}

/** The shared tagger, loaded on first use. */
export function nerTagger(): NerTagger {
  tagger ??= loadNerTagger();
  return tagger;
}

/** Entities of one sentence with a given tagger. */
export function tagWith(t: NerTagger, tokens: readonly string[]): EntitySpan[] {
  if (tokens.length === 0) return [];
  return t.model.tag(t.extractor, tokens);
}

/**
 * The named entities of one sentence, as token-index spans (end exclusive) with a CoNLL type.
 * Tokens are as Parley's tokenizer gives them (wink-nlp: `U.S.`, `'s` split off, curly quotes as tokens)
 * or CoNLL-style; either works.
 */
export function tagEntities(tokens: string[]): Array<{ start: number; end: number; type: EntityType }> {
  return tagWith(nerTagger(), tokens);
}
