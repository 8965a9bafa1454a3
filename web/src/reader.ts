/**
 * The article reader component: an Analysis rendered as its text with every layer highlighted (actors,
 * other names, places, event sentences and triggers, themes, quotes), layer toggles, side lists that jump
 * to the mentions, and the removed boilerplate shown apart with its reasons. Used by the article view and
 * by the Analyse view.
 */
import { eventName, quadColour, quadLabel } from './cameo.js';
import { countryName } from './countries.js';
import { h, plural, safeUrl, signed } from './dom.js';
import {
  describeActor,
  describeEvent,
  describePlace,
  eventParties,
  fromCoded,
  resolutionText,
} from './explain.js';
import { flashKey, highlight, type Annotation, type AnnotationKind } from './highlight.js';
import type { Analysis } from './types.js';

interface Layer {
  kind: AnnotationKind;
  label: string;
}

const LAYERS: Layer[] = [
  { kind: 'actor', label: 'Actors' },
  { kind: 'entity', label: 'Other names' },
  { kind: 'place', label: 'Places' },
  { kind: 'evidence', label: 'Event sentences' },
  { kind: 'trigger', label: 'Event triggers' },
  { kind: 'theme', label: 'Themes' },
  { kind: 'quote', label: 'Quotes' },
];

/** How each actor was resolved, from its mentions (an actor may be named by several means). */
function resolutions(analysis: Analysis): Map<string, string> {
  const ways = new Map<string, Set<string>>();
  for (const entity of analysis.entities) {
    if (!entity.actor || !entity.resolvedBy) continue;
    const set = ways.get(entity.actor) ?? new Set<string>();
    set.add(entity.resolvedBy);
    ways.set(entity.actor, set);
  }
  return new Map([...ways].map(([actor, set]) => [actor, [...set].join(', ')]));
}

/** Every highlight of an analysis, from its offsets into article.text. */
export function annotate(analysis: Analysis): Annotation[] {
  const actors = new Map(analysis.actors.map((actor) => [actor.id, actor]));
  const annotations: Annotation[] = [];
  for (const entity of analysis.entities) {
    const actor = entity.actor ? actors.get(entity.actor) : undefined;
    if (actor) {
      annotations.push({
        start: entity.start,
        end: entity.end,
        kind: 'actor',
        tip: `${describeActor(actor)}\nThis mention resolved as ${resolutionText(entity.resolvedBy)}`,
        keys: [`actor:${actor.id}`],
        focusable: true,
      });
    } else {
      annotations.push({
        start: entity.start,
        end: entity.end,
        kind: 'entity',
        tip: `“${entity.text}” — ${entity.type} name, not resolved to an actor`,
        keys: [`entity:${entity.text}`],
      });
    }
  }
  analysis.places.forEach((place) => {
    annotations.push({
      start: place.start,
      end: place.end,
      kind: 'place',
      tip: describePlace(place),
      keys: [`place:${place.name}`],
      focusable: true,
    });
  });
  analysis.events.forEach((event, index) => {
    const description = describeEvent(fromCoded(event));
    annotations.push({
      start: event.evidence.start,
      end: event.evidence.end,
      kind: 'evidence',
      tip: `Evidence sentence of:\n${description}`,
      keys: [`event:${index}`],
    });
    annotations.push({
      start: event.trigger.start,
      end: event.trigger.end,
      kind: 'trigger',
      tip: description,
      keys: [`event:${index}`],
      focusable: true,
    });
  });
  for (const theme of analysis.themes) {
    for (const span of theme.spans) {
      annotations.push({
        start: span.start,
        end: span.end,
        kind: 'theme',
        tip: `Theme ${theme.id}`,
        keys: [`theme:${theme.id}`],
      });
    }
  }
  analysis.quotes.forEach((quote, index) => {
    const speaker = quote.speaker
      ? `${quote.speaker.text}${quote.speaker.code ? ` (${quote.speaker.code})` : ''}`
      : 'unknown speaker';
    annotations.push({
      start: quote.start,
      end: quote.end,
      kind: 'quote',
      tip: `${quote.kind === 'direct' ? 'Direct quote' : 'Reported speech'} — ${speaker}`,
      keys: [`quote:${index}`],
    });
  });
  return annotations;
}

function layerToggles(text: HTMLElement): HTMLFieldSetElement {
  return h(
    'fieldset',
    { class: 'layer-toggles' },
    h('legend', {}, 'Highlight'),
    LAYERS.map((layer) =>
      h(
        'label',
        { class: 'toggle' },
        h('input', {
          type: 'checkbox',
          checked: true,
          onchange: (event: Event) =>
            text.classList.toggle(`hide-${layer.kind}`, !(event.target as HTMLInputElement).checked),
        }),
        h('span', { class: `swatch swatch-${layer.kind}`, 'aria-hidden': 'true' }),
        layer.label,
      ),
    ),
  );
}

function jumpButton(label: string, text: HTMLElement, key: string, description?: string): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'link-button',
      title: description ?? 'Show in the text',
      onclick: () => flashKey(text, key),
    },
    label,
  );
}

function section(title: string, level: number, ...content: Array<Node | null>): HTMLElement {
  const heading = document.createElement(`h${Math.min(level, 6)}`);
  heading.textContent = title;
  return h('section', { class: 'side-section' }, heading, ...content);
}

export interface ReaderOptions {
  /** 1 in the article view, 2 inside the Analyse view. */
  headingLevel?: 1 | 2;
}

export function renderReader(analysis: Analysis, options: ReaderOptions = {}): HTMLElement {
  const level = options.headingLevel ?? 1;
  const { article } = analysis;
  const heading = document.createElement(`h${level}`);
  heading.className = 'article-title';
  heading.textContent = article.title || 'Untitled article';

  const original = safeUrl(article.url);
  const meta = h(
    'p',
    { class: 'meta' },
    article.published
      ? h('time', { datetime: article.published }, article.published.slice(0, 10))
      : 'undated',
    article.source ? ` · ${article.source}` : '',
    original
      ? [' · ', h('a', { href: original, rel: 'noopener noreferrer', target: '_blank' }, 'original')]
      : '',
    ` · id ${article.id}`,
  );
  const tone = analysis.tone;
  const toneLine = h(
    'p',
    { class: 'meta' },
    `Tone ${signed(tone.tone)} (positive ${tone.positive.toFixed(1)}%, negative ${tone.negative.toFixed(1)}%) · `,
    `${plural(tone.wordCount, 'word')} · ${plural(analysis.actors.length, 'actor')} · ${plural(analysis.events.length, 'event')}`,
  );

  const text = h('div', {
    class: 'article-text',
    lang: article.language === 'und' ? 'en' : article.language,
  });
  text.appendChild(highlight(article.text, annotate(analysis)));

  const sub = level + 1;
  const byActor = resolutions(analysis);

  const summary =
    analysis.summary.length > 0
      ? section(
          'Summary',
          sub,
          h(
            'ol',
            { class: 'plain-list' },
            analysis.summary.map((span) => h('li', {}, span.text)),
          ),
        )
      : null;

  const actors = section(
    `Actors (${analysis.actors.length})`,
    sub,
    analysis.actors.length === 0
      ? h('p', { class: 'muted' }, 'No actors found.')
      : h(
          'ul',
          { class: 'plain-list actor-list' },
          analysis.actors.map((actor) =>
            h(
              'li',
              {},
              jumpButton(actor.name, text, `actor:${actor.id}`, 'Show the mentions in the text'),
              h('span', { class: 'code' }, actor.code || '—'),
              h(
                'span',
                { class: 'muted small' },
                [
                  actor.role,
                  actor.country ? countryName(actor.country) : null,
                  plural(actor.mentions, 'mention'),
                  byActor.get(actor.id) ? `by ${byActor.get(actor.id)}` : null,
                ]
                  .filter(Boolean)
                  .join(' · '),
              ),
            ),
          ),
        ),
  );

  const events = section(
    `Events (${analysis.events.length})`,
    sub,
    analysis.events.length === 0
      ? h('p', { class: 'muted' }, 'No events coded.')
      : h(
          'ol',
          { class: 'plain-list event-list' },
          analysis.events.map((event, index) =>
            h(
              'li',
              {},
              h('span', { class: 'quad-badge', style: `--quad:${quadColour(event.quadClass)}` }, event.code),
              ' ',
              jumpButton(eventName(event.code), text, `event:${index}`, 'Show the evidence in the text'),
              h(
                'span',
                { class: 'muted small' },
                `${eventParties(fromCoded(event))} · Goldstein ${signed(event.goldstein, 1)} · ${quadLabel(event.quadClass)}${event.negated ? ' · negated' : ''} · “${event.trigger.text}”`,
              ),
            ),
          ),
        ),
  );

  const themes =
    analysis.themes.length > 0
      ? section(
          `Themes (${analysis.themes.length})`,
          sub,
          h(
            'ul',
            { class: 'plain-list inline-list' },
            analysis.themes.map((theme) =>
              h(
                'li',
                {},
                jumpButton(theme.id, text, `theme:${theme.id}`, 'Show the matches in the text'),
                ` ×${theme.count}`,
              ),
            ),
          ),
        )
      : null;

  const quotes =
    analysis.quotes.length > 0
      ? section(
          `Quotes (${analysis.quotes.length})`,
          sub,
          h(
            'ul',
            { class: 'plain-list' },
            analysis.quotes.map((quote, index) =>
              h(
                'li',
                {},
                jumpButton(`“${quote.text}”`, text, `quote:${index}`),
                h(
                  'span',
                  { class: 'muted small' },
                  `${quote.kind === 'direct' ? 'direct' : 'reported'} · ${quote.speaker ? `${quote.speaker.text}${quote.speaker.code ? ` (${quote.speaker.code})` : ''}` : 'speaker unknown'}`,
                ),
              ),
            ),
          ),
        )
      : null;

  const placeNames = [...new Map(analysis.places.map((place) => [place.name, place])).values()];
  const places =
    placeNames.length > 0
      ? section(
          `Places (${placeNames.length})`,
          sub,
          h(
            'ul',
            { class: 'plain-list inline-list' },
            placeNames.map((place) =>
              h('li', {}, jumpButton(place.name, text, `place:${place.name}`, describePlace(place))),
            ),
          ),
        )
      : null;

  const boilerplate = h(
    'section',
    { class: 'boilerplate' },
    (() => {
      const title = document.createElement(`h${sub}`);
      title.textContent = `Removed as boilerplate (${article.boilerplate.length})`;
      return title;
    })(),
    article.boilerplate.length === 0
      ? h('p', { class: 'muted' }, 'Nothing was removed.')
      : h(
          'ul',
          { class: 'plain-list' },
          article.boilerplate.map((line) =>
            h('li', {}, h('s', {}, line.text), h('span', { class: 'reason' }, line.reason)),
          ),
        ),
  );

  return h(
    'article',
    { class: 'reader' },
    h('header', { class: 'reader-header' }, heading, meta, toneLine, layerToggles(text)),
    h(
      'div',
      { class: 'reader-body' },
      h('div', { class: 'reader-main' }, text, boilerplate),
      h(
        'aside',
        { class: 'reader-side', 'aria-label': 'What the analysis found' },
        summary,
        actors,
        events,
        themes,
        quotes,
        places,
      ),
    ),
  );
}
