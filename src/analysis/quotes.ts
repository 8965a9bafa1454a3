/**
 * Direct quotes in straight or curly marks, with their speaker: the actor named as the subject of a
 * speech verb in the same sentence ("China reiterated its stance that it has “…”"), else the first
 * actor of the sentence before the quote. Issue 6 deepens this (reported speech, multi-sentence quotes).
 */
import type { Doc, EntityMention } from '../model/doc.js';
import type { Quote } from '../model/schema.js';

/** Quoted spans of at least two characters; curly and straight marks, not nested. */
const QUOTED = /“([^”]{2,}?)”|"([^"\n]{2,}?)"/g;

function speakerFor(doc: Doc, quoteStart: number): EntityMention | undefined {
  const sentence = doc.sentences.find((s) => s.start <= quoteStart && quoteStart < s.end);
  if (!sentence) return undefined;
  const candidates = doc.mentions.filter(
    (mention) =>
      mention.start >= sentence.start && mention.end <= quoteStart && mention.code && !mention.qualifies,
  );
  return candidates[0];
}

/** Pipeline stage: fills `quotes`. */
export function quotesStage(doc: Doc): Doc {
  const quotes: Quote[] = [];
  for (const match of doc.article.text.matchAll(QUOTED)) {
    const inner = match[1] ?? match[2] ?? '';
    const start = match.index + 1;
    const end = start + inner.length;
    const speaker = speakerFor(doc, match.index);
    quotes.push({
      text: inner,
      start,
      end,
      speaker: speaker ? { text: speaker.text, code: speaker.code! } : null,
    });
  }
  return { ...doc, quotes };
}
