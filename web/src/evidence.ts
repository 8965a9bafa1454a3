/**
 * An event's evidence sentence with its source, target and trigger highlighted. Stored events carry the
 * sentence but not the trigger's offsets, so the trigger is found in the event's article analysis.
 */
import { h } from './dom.js';
import { describeEvent, type EventLike } from './explain.js';
import { findAll, highlight, type Annotation } from './highlight.js';
import type { Analysis, StoredEvent } from './types.js';

export interface Span {
  start: number;
  end: number;
}

/** The trigger's range inside the evidence sentence, from the article's own analysis of the event. */
export function triggerInEvidence(event: StoredEvent, analysis: Analysis | null | undefined): Span | null {
  const match = analysis?.events.find(
    (coded) =>
      coded.evidence.text === event.evidence &&
      coded.code === event.code &&
      coded.source.text === event.sourceText &&
      (coded.target?.text ?? null) === event.targetText,
  );
  if (!match) return null;
  return { start: match.trigger.start - match.evidence.start, end: match.trigger.end - match.evidence.start };
}

export function evidenceQuote(event: EventLike & { evidence: string }, trigger: Span | null): HTMLElement {
  const annotations: Annotation[] = [];
  for (const range of findAll(event.evidence, event.sourceText)) {
    annotations.push({ ...range, kind: 'source', tip: `Source: ${event.sourceText} (${event.sourceCode})` });
  }
  if (event.targetText) {
    for (const range of findAll(event.evidence, event.targetText)) {
      annotations.push({
        ...range,
        kind: 'target',
        tip: `Target: ${event.targetText} (${event.targetCode ?? '—'})`,
      });
    }
  }
  if (trigger) annotations.push({ ...trigger, kind: 'trigger', tip: describeEvent(event), focusable: true });
  const quote = h('blockquote', { class: 'evidence' });
  quote.appendChild(highlight(event.evidence, annotations));
  return quote;
}
