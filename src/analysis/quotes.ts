/**
 * Quotes and who said them. Direct quotes are the words inside straight or curly double quotation marks
 * (they may span sentences, not paragraphs); reported statements are the clause after a speech verb
 * ("China reiterated its stance that …"). The speaker is resolved by the attribution patterns news
 * writing uses, tried in order, each a small function:
 *   1. after the quote:  “…,” Blinken said  /  “…,” said Blinken  /  “…,” he told reporters
 *   2. before the quote: Blinken said: “…”  /  Blinken said that “…”  /  according to Blinken, “…”
 *   3. the subject of a speech verb in the same sentence (China reiterated its stance that it has “…”)
 * A pronoun speaker ("he said") is the nearest person named before it.
 */
import type { Doc, EntityMention, Token, TokenizedSentence } from '../model/doc.js';
import type { Quote } from '../model/schema.js';

/** Lemmas of verbs that introduce speech. */
const SPEECH_VERBS = new Set(
  'say tell add state reiterate stress warn insist claim announce declare argue note affirm emphasize emphasise maintain deny write ask reply respond acknowledge admit assert explain vow pledge urge caution complain suggest predict confirm repeat signal underline'.split(
    ' ',
  ),
);
/** Nouns that, after a possessive, introduce a reported position ("its stance that"). */
const STANCE_NOUNS = new Set(
  'stance position view claim assertion statement warning argument belief message'.split(' '),
);
const PERSONAL_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we']);
/** How far (in tokens) an attribution may stand from the quote. */
const ATTRIBUTION_WINDOW = 8;

/** Direct quotes: curly pairs may cross sentences; straight pairs stay within a paragraph. */
const QUOTED = /“([^”]{2,}?)”|"([^"\n]{2,}?)"/g;

type Speaker = NonNullable<Quote['speaker']>;

interface QuoteContext {
  doc: Doc;
  /** Party mentions (resolved to an actor, not qualifiers), in order. */
  mentions: EntityMention[];
}

const isSpeechVerb = (token: Token | undefined): boolean => !!token && SPEECH_VERBS.has(token.lemma);

function toSpeaker(mention: EntityMention): Speaker {
  return { text: mention.text, code: mention.code ?? '', ...(mention.actor ? { actor: mention.actor } : {}) };
}

/** The token index at or after a character offset. */
function tokenAt(tokens: Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * "he said" → the person who was last a subject: the first person named in the nearest sentence before
 * the quote that names one. Objects are rarely the next speaker ("Blinken met Qin Gang. … he said"),
 * and names inside the quote itself are not its speaker.
 */
function resolvePronoun(context: QuoteContext, quoteStart: number): Speaker | null {
  const before = context.mentions.filter((mention) => mention.end <= quoteStart && mention.type === 'PER');
  const nearest = before[before.length - 1];
  if (!nearest) return null;
  const sentence = context.doc.tokens[nearest.firstToken]!.sentence;
  const subject = before.find((mention) => context.doc.tokens[mention.firstToken]!.sentence === sentence)!;
  return toSpeaker(subject);
}

/** Who is named (or pronoun-referred) at a token: a mention covering it, or a personal pronoun. */
function speakerAt(context: QuoteContext, index: number, quoteStart: number): Speaker | null {
  const mention = context.mentions.find((m) => m.firstToken <= index && index < m.lastToken);
  if (mention) return toSpeaker(mention);
  const token = context.doc.tokens[index];
  if (token && PERSONAL_PRONOUNS.has(token.text.toLowerCase())) return resolvePronoun(context, quoteStart);
  return null;
}

/**
 * The speaker named after a speech verb ("said White House spokesman Scott McClellan"): the first person
 * before the next punctuation, else the first actor there ("said a spokesman for the State Department, …").
 */
function speakerFollowing(context: QuoteContext, from: number, quoteStart: number): Speaker | null {
  const { tokens } = context.doc;
  let firstActor: Speaker | null = null;
  for (let i = from; i < Math.min(tokens.length, from + ATTRIBUTION_WINDOW); i++) {
    if (/^[,.;:!?“”"]$/.test(tokens[i]!.text)) break;
    const mention = context.mentions.find((m) => m.firstToken === i);
    if (mention?.type === 'PER') return toSpeaker(mention);
    firstActor ??= speakerAt(context, i, quoteStart);
  }
  return firstActor;
}

function speakerBetween(context: QuoteContext, from: number, to: number, quoteStart: number): Speaker | null {
  for (let i = to - 1; i >= from; i--) {
    const speaker = speakerAt(context, i, quoteStart);
    if (speaker) return speaker;
  }
  return null;
}

/** 1. “…,” X said / “…,” said X / “…,” he told reporters / “…,” according to X. */
function speakerAfter(context: QuoteContext, quoteStart: number, quoteEnd: number): Speaker | null {
  const { tokens } = context.doc;
  const first = tokenAt(tokens, quoteEnd + 1);
  for (let i = first; i < Math.min(tokens.length, first + ATTRIBUTION_WINDOW); i++) {
    const token = tokens[i]!;
    if (token.text === '“' || token.text === '"' || token.text === '.') break;
    if (token.lemma === 'accord' && tokens[i + 1]?.lemma === 'to')
      return speakerFollowing(context, i + 2, quoteStart);
    if (isSpeechVerb(token)) {
      // "Blinken said" names the speaker before the verb; "said Blinken" after it.
      return speakerBetween(context, first, i, quoteStart) ?? speakerFollowing(context, i + 1, quoteStart);
    }
  }
  return null;
}

/** 2. X said: “…” / X said that “…” / according to X, “…”. */
function speakerBefore(
  context: QuoteContext,
  quoteStart: number,
  sentence: TokenizedSentence,
): Speaker | null {
  const { tokens } = context.doc;
  const last = tokenAt(tokens, quoteStart) - 1;
  for (let i = last; i >= Math.max(sentence.firstToken, last - ATTRIBUTION_WINDOW); i--) {
    const token = tokens[i]!;
    if (token.lemma === 'accord' && tokens[i + 1]?.lemma === 'to')
      return speakerFollowing(context, i + 2, quoteStart);
    if (isSpeechVerb(token)) {
      return (
        speakerBetween(context, sentence.firstToken, i, quoteStart) ??
        speakerFollowing(context, i + 1, quoteStart)
      );
    }
  }
  return null;
}

/** 3. The subject of a speech verb, or of a possessive stance noun, anywhere earlier in the sentence. */
function sentenceSubject(
  context: QuoteContext,
  sentence: TokenizedSentence,
  quoteStart: number,
): Speaker | null {
  const { tokens } = context.doc;
  const before = tokenAt(tokens, quoteStart);
  for (let i = sentence.firstToken; i < before; i++) {
    const token = tokens[i]!;
    const possessive = ['its', 'their', 'his', 'her'].includes(token.lemma);
    const stance = possessive && STANCE_NOUNS.has(tokens[i + 1]?.lemma ?? '');
    if (isSpeechVerb(token) || stance) return speakerBetween(context, sentence.firstToken, i, quoteStart);
  }
  return null;
}

function sentenceOf(doc: Doc, offset: number): TokenizedSentence | undefined {
  return doc.sentences.find((sentence) => sentence.start <= offset && offset < sentence.end);
}

function directQuotes(context: QuoteContext): Quote[] {
  const { doc } = context;
  const quotes: Quote[] = [];
  for (const match of doc.article.text.matchAll(QUOTED)) {
    const quoted = match[1] ?? match[2] ?? '';
    if (quoted.includes('\n\n')) continue;
    // News puts the comma before "he said" inside the marks; it is punctuation, not the speaker's words.
    const inner = quoted.replace(/[,\s]+$/, '');
    const start = match.index + 1;
    const end = start + inner.length;
    const sentence = sentenceOf(doc, match.index) ?? sentenceOf(doc, start);
    const speaker =
      speakerAfter(context, match.index, start + quoted.length) ??
      (sentence
        ? (speakerBefore(context, match.index, sentence) ?? sentenceSubject(context, sentence, match.index))
        : null);
    quotes.push({ text: inner, start, end, kind: 'direct', speaker });
  }
  return quotes;
}

/**
 * Reported statements: "<actor> <speech verb> (that) <clause>." or "<actor> … its stance that <clause>".
 * The clause runs to the end of the sentence; a speaker is required (a statement nobody made is not one).
 */
function reportedStatements(context: QuoteContext): Quote[] {
  const { doc } = context;
  const { tokens } = doc;
  const quotes: Quote[] = [];
  for (const sentence of doc.sentences) {
    for (let i = sentence.firstToken; i < sentence.lastToken - 2; i++) {
      const token = tokens[i]!;
      const stanceThat = STANCE_NOUNS.has(token.lemma) && tokens[i + 1]?.lemma === 'that';
      const verbThat = isSpeechVerb(token) && tokens[i + 1]?.lemma === 'that';
      if (!stanceThat && !verbThat) continue;
      const speaker = speakerBetween(context, sentence.firstToken, i, tokens[sentence.firstToken]!.start);
      if (!speaker) break;
      const clauseStart = tokens[i + 2]!.start;
      const last = tokens[sentence.lastToken - 1]!;
      const clauseEnd = /^[.!?]$/.test(last.text) ? tokens[sentence.lastToken - 2]!.end : last.end;
      if (clauseEnd > clauseStart) {
        quotes.push({
          text: doc.article.text.slice(clauseStart, clauseEnd),
          start: clauseStart,
          end: clauseEnd,
          kind: 'reported',
          speaker,
        });
      }
      break;
    }
  }
  return quotes;
}

/** Pipeline stage: fills `quotes`, in text order. */
export function quotesStage(doc: Doc): Doc {
  const context: QuoteContext = {
    doc,
    // A pronoun the recogniser linked is left to the attribution rules here, which name the person.
    mentions: doc.mentions.filter(
      (mention) => mention.actor && !mention.qualifies && !PERSONAL_PRONOUNS.has(mention.text.toLowerCase()),
    ),
  };
  const quotes = [...directQuotes(context), ...reportedStatements(context)].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  return { ...doc, quotes };
}
