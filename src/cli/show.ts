/** `parley show`: one analysis laid out for a person reading a terminal. */
import type { Analysis } from '../model/schema.js';
import { cameoCodes } from '../events/ontology.js';
import type { StoryCopy } from '../store/store.js';

const QUAD_NAMES = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : ['', `${title}:`, ...lines.map((line) => `  ${line}`)];
}

export function formatArticle(analysis: Analysis, copies: StoryCopy[] = []): string {
  const { article, tone } = analysis;
  const names = cameoCodes();
  const header = [
    article.title || '(untitled)',
    [article.published?.slice(0, 10), article.source, article.language].filter(Boolean).join(' · '),
    ...(article.url ? [article.url] : []),
    `id ${article.id} · ${analysis.sentences.length} sentences · tone ${tone.tone.toFixed(2)} (+${tone.positive.toFixed(1)}% / -${tone.negative.toFixed(1)}%)`,
  ];
  const actors = analysis.actors.map(
    (actor) =>
      `${actor.name} [${actor.code || '?'}]${actor.role ? `, ${actor.role}` : ''} — ${actor.mentions} mention${actor.mentions > 1 ? 's' : ''}`,
  );
  const events = analysis.events.flatMap((event) => [
    `${event.date ?? '?'}  ${event.source.text} [${event.source.code}] —${event.code} ${names.get(event.code)?.name ?? ''}${event.negated ? ' (negated)' : ''}→ ${event.target ? `${event.target.text} [${event.target.code}]` : '(no target)'}` +
      `  · ${QUAD_NAMES[event.quadClass]}, Goldstein ${event.goldstein}${event.place ? ` · in ${event.place.name}` : ''}`,
    `    “${event.evidence.text}”`,
  ]);
  const places = [...new Map(analysis.places.map((place) => [place.name, place])).values()].map(
    (place) =>
      `${place.name} (${place.kind}, ${place.country ?? '?'}) ${place.lat.toFixed(2)}, ${place.lon.toFixed(2)}`,
  );
  const themes = analysis.themes.map((theme) => `${theme.id} ×${theme.count}`);
  const quotes = analysis.quotes.map(
    (quote) =>
      `${quote.kind === 'direct' ? `“${quote.text}”` : `(reported) ${quote.text}`} — ${quote.speaker ? `${quote.speaker.text} [${quote.speaker.code || '?'}]` : 'unattributed'}`,
  );
  const summary = analysis.summary.map((sentence) => sentence.text);
  // Near-duplicates of this story, stored as its copies: who else printed it, and where.
  const printed = copies.map(
    (copy) =>
      `${[copy.published?.slice(0, 10), copy.source].filter(Boolean).join(' · ') || copy.id}${copy.url ? `  ${copy.url}` : ''}  (similarity ${copy.similarity.toFixed(2)})`,
  );
  const boilerplate = article.boilerplate.map((item) => `${item.text}  (${item.reason})`);
  return `${[
    ...header,
    ...section('Summary', summary),
    ...section('Actors', actors),
    ...section('Events', events),
    ...section('Places', places),
    ...section('Themes', themes.length > 0 ? [themes.join(', ')] : []),
    ...section('Quotes', quotes),
    ...section('Also printed as (near-duplicate copies, not analysed again)', printed),
    ...section('Removed as boilerplate', boilerplate),
  ].join('\n')}\n`;
}
