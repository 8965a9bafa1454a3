/** Search view (`#/search?q=…`): stored articles matching the words, best first, each opening the reader. */
import { api, describeError, isAbort } from '../api.js';
import { errorBox, h, plural, statusLine } from '../dom.js';
import { routeHash, type ViewContext } from '../router.js';
import type { SearchHit } from '../types.js';

const PAGE_SIZE = 20;

/** The snippet with its [hits] as <mark>, built from text nodes only. */
function snippet(text: string): HTMLParagraphElement {
  const paragraph = h('p', { class: 'snippet' });
  for (const [index, part] of text.split(/\[([^\]]*)\]/).entries()) {
    if (part === '') continue;
    paragraph.append(index % 2 === 1 ? h('mark', {}, part) : part);
  }
  return paragraph;
}

function result(hit: SearchHit): HTMLLIElement {
  return h(
    'li',
    { class: 'search-result' },
    h(
      'h2',
      { class: 'result-title' },
      h('a', { href: routeHash('article', {}, hit.id) }, hit.title || hit.id),
    ),
    h('p', { class: 'muted small' }, [hit.published, hit.source].filter(Boolean).join(' · ')),
    snippet(hit.snippet),
  );
}

export function searchView({ container, route, signal }: ViewContext): void {
  const query = route.params.get('q')?.trim() ?? '';
  const input = document.getElementById('search-input');
  if (input instanceof HTMLInputElement && input.value !== query) input.value = query;

  const status = statusLine(query ? 'Searching…' : 'Type words in the search box above.');
  const list = h('ol', { class: 'search-results' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'More results');
  const errors = h('div');
  container.append(h('h1', {}, query ? `Search: ${query}` : 'Search'), status, errors, list, more);
  if (!query) return;

  let cursor: string | null = null;
  let shown = 0;
  const loadPage = async (): Promise<void> => {
    more.disabled = true;
    try {
      const page = await api.search(query, cursor, PAGE_SIZE, signal);
      if (signal.aborted) return;
      list.append(...page.items.map(result));
      shown += page.items.length;
      cursor = page.nextCursor;
      more.hidden = cursor === null;
      status.textContent =
        shown === 0
          ? `No stored article matches “${query}”.`
          : `${plural(shown, 'article')}${cursor ? ' so far' : ''}, best match first.`;
    } catch (error) {
      if (isAbort(error)) return;
      status.textContent = '';
      errors.replaceChildren(errorBox(describeError(error)));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => void loadPage());
  void loadPage();
}
