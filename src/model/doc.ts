/**
 * The document that flows one way through the pipeline stages (spaCy's `Doc`, in spirit): each stage
 * reads what earlier stages filled in and adds its own layer. The public contract (`Analysis`) is
 * derived from it at the end; tokens stay internal because consumers want spans, not token lists.
 */
import type { Actor, Article, CodedEvent, Entity, Place, Quote, Theme, Tone } from './schema.js';

export interface Token {
  /** The token as written. */
  text: string;
  start: number;
  end: number;
  /** Universal POS tag from wink-nlp. */
  pos: string;
  /** Lowercased lemma from wink-nlp. */
  lemma: string;
  /** Index of the sentence holding the token. */
  sentence: number;
}

export interface TokenizedSentence {
  start: number;
  end: number;
  /** Token indices [firstToken, lastToken). */
  firstToken: number;
  lastToken: number;
}

/** An entity mention with the token range it covers, kept internally for the event coder. */
export interface EntityMention extends Entity {
  firstToken: number;
  lastToken: number;
  /** The CAMEO code this mention contributes to an event (may differ per mention, e.g. metonyms). */
  code?: string;
  /** Set when this mention only qualifies the next one ("Chinese" in "Chinese President Xi"): its actor id. */
  qualifies?: string;
}

export interface Doc {
  article: Article;
  /** The date roles and events are resolved against (YYYY-MM-DD), or null when unknown. */
  date: string | null;
  tokens: Token[];
  sentences: TokenizedSentence[];
  mentions: EntityMention[];
  actors: Actor[];
  places: Place[];
  events: CodedEvent[];
  tone: Tone;
  /** Tone of each sentence, by sentence index. */
  sentenceTones: number[];
  themes: Theme[];
  quotes: Quote[];
  /** The most central sentences, in reading order. */
  summary: Array<{ start: number; end: number; text: string }>;
}

/** A pipeline stage: a plain function from a document to the same document, enriched. */
export type Stage = (doc: Doc) => Doc;
