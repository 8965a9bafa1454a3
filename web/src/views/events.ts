/**
 * Events view: the stored events as a filterable table (actor, source, target, CAMEO code, quad class,
 * dates, theme, place), newest first, paged with the API's cursor ("Load more"), each row with its
 * evidence sentence and article; "Export CSV" downloads exactly the current filter.
 */
import { api, describeError, isAbort } from '../api.js';
import { eventName, quadColour, quadLabel, QUAD_CLASSES } from '../cameo.js';
import { countryList } from '../countries.js';
import { errorBox, field, formValues, h, plural, signed, statusLine } from '../dom.js';
import { evidenceQuote } from '../evidence.js';
import { routeHash, type ViewContext } from '../router.js';
import { EVENT_FILTER_KEYS, type EventFilter, type StoredEvent } from '../types.js';

const PAGE_SIZE = 100;
const DATE_PATTERN = '\\d{4}(-\\d{2}){0,2}';

function readFilter(params: URLSearchParams): EventFilter {
  const filter: EventFilter = {};
  for (const key of EVENT_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

function textInput(name: string, value: string | undefined, extra: Record<string, string | number> = {}) {
  return h('input', { name, value: value ?? '', autocomplete: 'off', spellcheck: 'false', ...extra });
}

function partyCell(text: string | null, code: string | null): HTMLTableCellElement {
  if (!text) return h('td', { 'data-label': 'Target', class: 'muted' }, '—');
  return h(
    'td',
    {},
    text,
    code
      ? [
          ' ',
          h(
            'a',
            { class: 'code', href: routeHash('events', { actor: code }), title: `Events of ${code}` },
            code,
          ),
        ]
      : '',
  );
}

function eventRow(event: StoredEvent): HTMLTableRowElement {
  const source = partyCell(event.sourceText, event.sourceCode);
  source.dataset.label = 'Source';
  const target = partyCell(event.targetText, event.targetCode);
  target.dataset.label = 'Target';
  return h(
    'tr',
    {},
    h('td', { 'data-label': 'Date', class: 'nowrap' }, event.date ?? '—'),
    source,
    h(
      'td',
      { 'data-label': 'Event' },
      h('span', { class: 'quad-badge', style: `--quad:${quadColour(event.quadClass)}` }, event.code),
      ' ',
      eventName(event.code),
      h(
        'span',
        { class: 'muted small block' },
        `${quadLabel(event.quadClass)}${event.negated ? ' · negated' : ''}`,
      ),
    ),
    target,
    h('td', { 'data-label': 'Goldstein', class: 'number' }, signed(event.goldstein, 1)),
    h(
      'td',
      { 'data-label': 'Place' },
      event.place ? h('a', { href: routeHash('events', { place: event.place }) }, event.place) : '—',
    ),
    h('td', { 'data-label': 'Evidence', class: 'evidence-cell' }, evidenceQuote(event, null)),
    h(
      'td',
      { 'data-label': 'Article' },
      h(
        'a',
        {
          href: routeHash('article', {}, event.articleId),
          'aria-label': `Read the article of event ${event.id}`,
        },
        'Read',
      ),
    ),
  );
}

export function eventsView({ container, route, signal }: ViewContext): void {
  const filter = readFilter(route.params);

  const quadSelect = h(
    'select',
    { name: 'quadClass' },
    h('option', { value: '' }, 'Any'),
    QUAD_CLASSES.map((quad) =>
      h(
        'option',
        { value: String(quad.value), selected: filter.quadClass === String(quad.value) },
        `${quad.value} ${quad.label}`,
      ),
    ),
  );
  const actorAttributes = { list: countryList(), pattern: '[A-Za-z]{3,12}', size: 8, placeholder: 'USA' };
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Event filters' },
    field('Actor (either side)', textInput('actor', filter.actor, actorAttributes)),
    field('Source', textInput('source', filter.source, { ...actorAttributes, placeholder: '' })),
    field('Target', textInput('target', filter.target, { ...actorAttributes, placeholder: '' })),
    field(
      'CAMEO code',
      textInput('code', filter.code, {
        pattern: '\\d{2,4}',
        size: 5,
        inputmode: 'numeric',
        placeholder: '04',
      }),
    ),
    field('Quad class', quadSelect),
    field(
      'Since',
      textInput('since', filter.since, { pattern: DATE_PATTERN, size: 10, placeholder: 'YYYY-MM-DD' }),
    ),
    field(
      'Until',
      textInput('until', filter.until, { pattern: DATE_PATTERN, size: 10, placeholder: 'YYYY-MM-DD' }),
    ),
    field(
      'Theme',
      textInput('theme', filter.theme, { pattern: '[A-Za-z0-9_]{2,60}', size: 12, placeholder: 'TAIWAN' }),
    ),
    field('Place', textInput('place', filter.place, { maxlength: 200, size: 12, placeholder: 'Beijing' })),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit' }, 'Apply filters'),
      h('a', { class: 'button secondary', href: '#/events' }, 'Clear'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = formValues(form);
    for (const key of ['actor', 'source', 'target', 'theme'] as const) {
      if (values[key]) values[key] = values[key].toUpperCase();
    }
    location.hash = routeHash('events', values);
  });

  const exportLinks = h(
    'p',
    { class: 'export-links' },
    h(
      'a',
      { class: 'button secondary', href: api.exportUrl(filter, 'csv'), download: 'parley-events.csv' },
      'Export CSV',
    ),
    ' ',
    h(
      'a',
      { class: 'button secondary', href: api.exportUrl(filter, 'jsonl'), download: 'parley-events.jsonl' },
      'Export JSONL',
    ),
  );
  const status = statusLine('Loading events…');
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'data-table events-table' },
    h('caption', { class: 'visually-hidden' }, 'Events, newest first'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Date', 'Source', 'Event', 'Target', 'Goldstein', 'Place', 'Evidence', 'Article'].map((name) =>
          h('th', { scope: 'col' }, name),
        ),
      ),
    ),
    body,
  );
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Load more');
  const errors = h('div');

  container.append(
    h('h1', {}, 'Events'),
    h(
      'p',
      { class: 'lead' },
      'Every coded event with the sentence it was coded from. Codes are CAMEO; Goldstein runs from −10 (conflict) to +10 (cooperation).',
    ),
    form,
    exportLinks,
    status,
    errors,
    h('div', { class: 'table-wrap' }, table),
    more,
  );

  let cursor: string | null = null;
  let shown = 0;
  const loadPage = async (): Promise<void> => {
    more.disabled = true;
    try {
      const page = await api.events(filter, cursor, PAGE_SIZE, signal);
      if (signal.aborted) return;
      body.append(...page.items.map(eventRow));
      shown += page.items.length;
      cursor = page.nextCursor;
      more.hidden = cursor === null;
      status.textContent =
        shown === 0
          ? 'No events match these filters.'
          : `Showing ${plural(shown, 'event')}${cursor ? '; more are available' : ', all that match'}.`;
    } catch (error) {
      if (isAbort(error)) return;
      status.textContent = '';
      if (shown === 0) table.hidden = true;
      errors.replaceChildren(errorBox(describeError(error)));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => void loadPage());
  void loadPage();
}
