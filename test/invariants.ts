/**
 * The invariants every analysis keeps, whatever it was given: it validates against the contract, every
 * span lies inside the text and slices back to the words it quotes, every trigger lies inside its
 * evidence, every event has a source that the article names (or that is marked as inferred), and every
 * entity's actor is listed. Returned as a list of violations, so that a property test can print them.
 */
import { AnalysisSchema, type Analysis } from '../src/model/schema.js';

interface Span {
  start: number;
  end: number;
  text?: string;
}

export function analysisViolations(analysis: Analysis): string[] {
  const parsed = AnalysisSchema.safeParse(analysis);
  if (!parsed.success) return [`not a valid analysis: ${JSON.stringify(parsed.error.issues[0])}`];
  const { text } = analysis.article;
  const violations: string[] = [];
  const check = (span: Span, what: string): void => {
    if (!(span.start >= 0 && span.start <= span.end && span.end <= text.length))
      violations.push(`${what} [${span.start}, ${span.end}) is outside the text (${text.length})`);
    else if (span.text !== undefined && text.slice(span.start, span.end) !== span.text)
      violations.push(`${what} [${span.start}, ${span.end}) slices to "${text.slice(span.start, span.end)}"`);
  };
  analysis.sentences.forEach((sentence, index) => check(sentence, `sentence ${index}`));
  analysis.entities.forEach((entity) => check(entity, `entity "${entity.text}"`));
  analysis.places.forEach((place) => check(place, `place "${place.text}"`));
  analysis.quotes.forEach((quote) => check(quote, `quote "${quote.text.slice(0, 40)}"`));
  analysis.summary.forEach((span, index) => check(span, `summary sentence ${index}`));
  for (const theme of analysis.themes) theme.spans.forEach((span) => check(span, `theme ${theme.id}`));
  const actorIds = new Set(analysis.actors.map((actor) => actor.id));
  for (const entity of analysis.entities)
    if (entity.actor !== undefined && !actorIds.has(entity.actor))
      violations.push(`entity "${entity.text}" names actor ${entity.actor}, which is not listed`);
  for (const event of analysis.events) {
    check(event.evidence, `evidence of ${event.code}`);
    check(event.trigger, `trigger of ${event.code}`);
    if (event.trigger.start < event.evidence.start || event.trigger.end > event.evidence.end)
      violations.push(`trigger of ${event.code} lies outside its evidence sentence`);
    if (event.source.code === '' || event.source.text.trim() === '')
      violations.push(`event ${event.code} has no source`);
    else if (!event.source.inferred && !text.includes(event.source.text))
      violations.push(`event ${event.code}: source "${event.source.text}" is not in the text`);
  }
  return violations;
}
