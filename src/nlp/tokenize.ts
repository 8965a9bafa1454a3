/**
 * Sentences, tokens, part-of-speech tags and lemmas from wink-nlp, with character offsets into the text.
 * wink keeps each token's preceding whitespace, so walking the tokens in order rebuilds exact offsets.
 */
import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Doc, Token, TokenizedSentence } from '../model/doc.js';
import { timed } from '../model/timing.js';

let nlp: WinkMethods | undefined;

/** The wink model takes ~60 ms to load, so it loads on first use, not at import. */
function winkInstance(): WinkMethods {
  nlp ??= timed('wink-nlp model', () => winkNLP(model, ['sbd', 'pos']));
  return nlp;
}

/**
 * A token before sentence cutting: already the final Token object, its `sentence` set when it is placed.
 * Built whole, all six fields sit in the object; a `{ ...raw, sentence }` copy kept two in a side array,
 * slower for every stage that reads tokens.
 */
type RawToken = Token;

function winkTokens(text: string): { tokens: RawToken[]; sentenceSpans: Array<[number, number]> } {
  const wink = winkInstance();
  const its = wink.its;
  const doc = wink.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's type declarations give its.lemma a signature `out` does not accept; at run time it is a plain its helper.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const tokens: RawToken[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    offset += (spaces[i] ?? '').length;
    tokens.push({
      text: value,
      start: offset,
      end: offset + value.length,
      pos: pos[i] ?? 'X',
      lemma: (lemmas[i] ?? value).toLowerCase(),
      sentence: -1,
    });
    offset += value.length;
  }
  const sentenceSpans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  return { tokens, sentenceSpans };
}

/**
 * wink splits a possessive "'s" from most words but keeps it on a few (5 in the sample corpus: "Iraq's",
 * "Trump's", "Year's" among them). Splitting every possessive here gives the tagger and the event coder one
 * shape to read. (That wink's split once depended on what the process had read before is fixed in wink
 * itself: patches/wink-nlp+2.4.0.patch, test/tokenize.test.ts.)
 */
function splitPossessive(token: RawToken): RawToken[] {
  const match = /^(.+)(['’]s)$/.exec(token.text);
  if (!match || !/\p{L}/u.test(match[1]!)) return [token];
  const head = match[1]!;
  const cut = token.start + head.length;
  const lemma =
    token.lemma.endsWith("'s") || token.lemma.endsWith('’s') ? token.lemma.slice(0, -2) : token.lemma;
  return [
    { text: head, start: token.start, end: cut, pos: token.pos, lemma, sentence: -1 },
    {
      text: match[2]!,
      start: cut,
      end: token.end,
      pos: 'PART',
      lemma: match[2]!.toLowerCase(),
      sentence: -1,
    },
  ];
}

/**
 * wink cuts words at letters outside Latin-1 ("Erdoğan" → Erdo | ğ | an, "Shinzō" → Shinz | ō, "Łódź"):
 * touching letter runs with such a letter at the cut are one word again, a name when capitalised.
 */
function continuesWord(previous: RawToken, token: RawToken): boolean {
  return (
    previous.end === token.start &&
    /\p{L}$/u.test(previous.text) &&
    /^\p{L}/u.test(token.text) &&
    (/[^\u0000-\u00ff]$/u.test(previous.text) || /^[^\u0000-\u00ff]/u.test(token.text))
  );
}

function joinWord(previous: RawToken, token: RawToken): RawToken {
  const text = previous.text + token.text;
  const pos = /^\p{Lu}/u.test(text) ? 'PROPN' : previous.pos === 'X' ? token.pos : previous.pos;
  return { text, start: previous.start, end: token.end, pos, lemma: text.toLowerCase(), sentence: -1 };
}

/**
 * wink's sentence splitter does not know that a line break ends a heading or a caption, so a sentence
 * is also cut wherever a token starts on a new line.
 */
function startsNewLine(text: string, previous: RawToken, token: RawToken): boolean {
  return text.slice(previous.end, token.start).includes('\n');
}

export function tokenize(text: string): { tokens: Token[]; sentences: TokenizedSentence[] } {
  const { tokens: raw, sentenceSpans } = winkTokens(text);
  const tokens: Token[] = [];
  const sentences: TokenizedSentence[] = [];
  let current: RawToken[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const first = tokens.length;
    // The raw tokens become the document's tokens: each is placed once, so no copy is needed.
    for (const t of current) {
      t.sentence = sentences.length;
      tokens.push(t);
    }
    sentences.push({
      start: current[0]!.start,
      end: current[current.length - 1]!.end,
      firstToken: first,
      lastToken: tokens.length,
    });
    current = [];
  };
  for (const [firstIndex, lastIndex] of sentenceSpans) {
    for (let i = firstIndex; i <= lastIndex; i++) {
      let token = raw[i];
      if (!token || token.pos === 'SPACE' || token.text.trim() === '') continue;
      while (raw[i + 1] && i < lastIndex && continuesWord(token, raw[i + 1]!))
        token = joinWord(token, raw[++i]!);
      const previous = current[current.length - 1];
      if (previous && startsNewLine(text, previous, token)) flush();
      // Only a token ending in 's can split: the others skip the one-token array splitPossessive returns.
      if (/['’]s$/.test(token.text)) current.push(...splitPossessive(token));
      else current.push(token);
    }
    flush();
  }
  return { tokens, sentences };
}

/** Pipeline stage: fills `tokens` and `sentences`. */
export function tokenizeStage(doc: Doc): Doc {
  const { tokens, sentences } = tokenize(doc.article.text);
  return { ...doc, tokens, sentences };
}
