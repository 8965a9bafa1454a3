/**
 * Analyse view: paste a text or an HTML page, or give a page's URL for the server to fetch (with an optional
 * title and date), analyse it on the server
 * without storing it, read the result in the reader, then "Store it" if it belongs in the database.
 */
import { api, describeError, isAbort } from '../api.js';
import { errorBox, field, h, statusLine } from '../dom.js';
import { renderReader } from '../reader.js';
import { routeHash, type ViewContext } from '../router.js';
import type { ArticleBody } from '../types.js';

/** A draft survives moving to another view and back (this tab only). */
const DRAFT_KEY = 'parley.analyse.draft';

interface Draft {
  title: string;
  date: string;
  format: string;
  content: string;
  url: string;
}

function loadDraft(): Draft {
  try {
    const saved = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? '{}') as Partial<Draft>;
    return {
      title: saved.title ?? '',
      date: saved.date ?? '',
      format: saved.format ?? 'auto',
      content: saved.content ?? '',
      url: saved.url ?? '',
    };
  } catch {
    return { title: '', date: '', format: 'auto', content: '', url: '' };
  }
}

/** As `parley` reads a .txt file: the first non-empty line is the title, the rest the body. */
function splitTitle(content: string): { title: string; text: string } {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const index = lines.findIndex((line) => line.trim() !== '');
  if (index < 0) return { title: '', text: content };
  const body = lines.slice(index + 1).join('\n');
  return body.trim() === '' ? { title: '', text: content } : { title: lines[index]!.trim(), text: body };
}

const looksLikeHtml = (content: string): boolean =>
  /^\s*</.test(content) && /<\/?(html|body|p|div|article|h1)\b/i.test(content);

export function analyseView({ container, signal }: ViewContext): void {
  const draft = loadDraft();
  const title = h('input', { name: 'title', value: draft.title, maxlength: 2000, autocomplete: 'off' });
  const date = h('input', { name: 'date', type: 'date', value: draft.date });
  const format = h(
    'select',
    { name: 'format' },
    [
      ['auto', 'Detect'],
      ['text', 'Plain text'],
      ['html', 'HTML page'],
    ].map(([value, label]) => h('option', { value, selected: draft.format === value }, label)),
  );
  const url = h('input', {
    name: 'url',
    type: 'url',
    value: draft.url,
    placeholder: 'https://…',
    autocomplete: 'off',
  });
  const content = h('textarea', {
    name: 'content',
    rows: 12,
    spellcheck: 'false',
    placeholder: 'Paste a news article: its text, or the HTML of its page.',
  });
  content.value = draft.content;
  const analyseButton = h('button', { type: 'submit' }, 'Analyse');
  const storeButton = h('button', { type: 'button', class: 'secondary', disabled: true }, 'Store it');
  const form = h(
    'form',
    { class: 'analyse-form', 'aria-label': 'Article to analyse' },
    h(
      'div',
      { class: 'field-row' },
      field('Title (optional)', title),
      field('Date (optional)', date),
      field('Format', format),
    ),
    field(
      'Text or HTML',
      content,
      'Without a title above, the first line of a text is its title (as parley reads .txt files).',
    ),
    field(
      'Or a page’s URL',
      url,
      'Left with no text above, the server fetches the page (public addresses only) and reads it.',
    ),
    h('div', { class: 'form-actions' }, analyseButton, storeButton),
  );
  const status = statusLine();
  const result = h('div', { class: 'analysis-result' });
  container.append(
    h('h1', {}, 'Analyse an article'),
    h(
      'p',
      { class: 'lead' },
      'Parley finds the actors, places, events, themes, quotes and tone of a text. Analysing stores nothing; “Store it” adds the article to the database.',
    ),
    form,
    status,
    result,
  );

  let analysed: ArticleBody | null = null;
  const body = (): ArticleBody => {
    const text = content.value;
    const address = url.value.trim();
    if (text.trim() === '' && address !== '')
      return {
        url: address,
        ...(title.value.trim() ? { title: title.value.trim() } : {}),
        ...(date.value ? { date: date.value } : {}),
      };
    const asHtml = format.value === 'html' || (format.value === 'auto' && looksLikeHtml(text));
    const given = title.value.trim();
    const split = !asHtml && !given ? splitTitle(text) : { title: given, text };
    return {
      ...(split.title ? { title: split.title } : {}),
      ...(date.value ? { date: date.value } : {}),
      ...(asHtml ? { html: text } : { text: split.text }),
    };
  };
  const saveDraft = (): void => {
    const value: Draft = {
      title: title.value,
      date: date.value,
      format: format.value,
      content: content.value,
      url: url.value,
    };
    try {
      sessionStorage.setItem(DRAFT_KEY, JSON.stringify(value));
    } catch {
      // Storage may be full or disabled: the draft is a convenience only.
    }
  };
  form.addEventListener('input', () => {
    saveDraft();
    storeButton.disabled = true;
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (content.value.trim() === '' && url.value.trim() === '') {
      status.textContent = 'Paste a text or an HTML page, or give a page’s URL.';
      return;
    }
    const request = body();
    analyseButton.disabled = true;
    storeButton.disabled = true;
    status.textContent = 'Analysing…';
    result.replaceChildren();
    const started = performance.now();
    api
      .analyze(request, signal)
      .then((analysis) => {
        if (signal.aborted) return;
        analysed = request;
        storeButton.disabled = false;
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        status.textContent = `Analysed in ${seconds} s: ${analysis.actors.length} actors, ${analysis.events.length} events, ${analysis.themes.length} themes, ${analysis.quotes.length} quotes.`;
        result.replaceChildren(renderReader(analysis, { headingLevel: 2 }));
      })
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        status.textContent = '';
        result.replaceChildren(errorBox(describeError(error)));
      })
      .finally(() => {
        analyseButton.disabled = false;
      });
  });

  storeButton.addEventListener('click', () => {
    if (!analysed) return;
    storeButton.disabled = true;
    status.textContent = 'Storing…';
    api
      .store(analysed, signal)
      .then((stored) => {
        if (signal.aborted) return;
        const id = stored.ids[0];
        const link = id ? h('a', { href: routeHash('article', {}, id) }, 'open it in the reader') : '';
        status.replaceChildren(
          stored.errors.length > 0
            ? `Not stored: ${stored.errors.map((e) => e.detail).join('; ')}`
            : stored.stored > 0
              ? 'Stored; '
              : 'Already stored (the same text is in the database); ',
          link,
          '.',
        );
      })
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        status.textContent = '';
        result.prepend(errorBox(describeError(error)));
        storeButton.disabled = false;
      });
  });
}
