/**
 * Extractive summary by TextRank (Mihalcea & Tarau, 2004): sentences are nodes, edges weigh the content
 * words two sentences share, normalised by their lengths; PageRank finds the most central sentences,
 * which are returned in reading order. Hand-written: it is thirty lines, and the libraries that offer it
 * bring their own tokenizer when ours (wink's lemmas) is already there.
 */
import type { Doc, Token } from '../model/doc.js';

const SUMMARY_SENTENCES = 3;
const DAMPING = 0.85;
const ITERATIONS = 30;
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);

function contentWords(tokens: Token[], first: number, last: number): Set<string> {
  const words = new Set<string>();
  for (let i = first; i < last; i++) {
    const token = tokens[i]!;
    if (CONTENT_POS.has(token.pos) && token.lemma.length > 1) words.add(token.lemma);
  }
  return words;
}

/** TextRank's similarity: shared words over the log lengths of both sentences. */
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size < 2 || b.size < 2) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (Math.log(a.size) + Math.log(b.size));
}

export function textRank(weights: number[][]): number[] {
  const n = weights.length;
  const outSums = weights.map((row) => row.reduce((sum, w) => sum + w, 0));
  let scores = new Array<number>(n).fill(1 / Math.max(n, 1));
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    scores = scores.map((_, i) => {
      let incoming = 0;
      for (let j = 0; j < n; j++)
        if (outSums[j]! > 0) incoming += (weights[j]![i]! / outSums[j]!) * scores[j]!;
      return (1 - DAMPING) / n + DAMPING * incoming;
    });
  }
  return scores;
}

/** Pipeline stage: fills `summary` with the three most central sentences. */
export function summaryStage(doc: Doc): Doc {
  const { tokens, sentences, article } = doc;
  const words = sentences.map((sentence) => contentWords(tokens, sentence.firstToken, sentence.lastToken));
  const weights = words.map((a, i) => words.map((b, j) => (i === j ? 0 : similarity(a, b))));
  const scores = textRank(weights);
  const chosen = scores
    .map((score, index) => ({ score, index }))
    .filter(({ index }) => words[index]!.size >= 4)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, SUMMARY_SENTENCES)
    .map(({ index }) => index)
    .sort((a, b) => a - b);
  const summary = chosen.map((index) => {
    const { start, end } = sentences[index]!;
    return { start, end, text: article.text.slice(start, end) };
  });
  return { ...doc, summary };
}
