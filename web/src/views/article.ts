/** Article view (`#/article/<id>`): a stored article in the reader, with every finding highlighted. */
import { api, ApiError, describeError, isAbort } from '../api.js';
import { errorBox, h, statusLine } from '../dom.js';
import { renderReader } from '../reader.js';
import type { ViewContext } from '../router.js';

export function articleView({ container, route, signal }: ViewContext): void {
  const id = route.args[0] ?? '';
  const heading = h('h1', {}, 'Article');
  const status = statusLine('Loading the article…');
  container.append(heading, status);
  if (!/^[0-9a-f]{4,16}$/.test(id)) {
    status.textContent = '';
    container.append(errorBox(`“${id}” is not an article id (hex digits, from search or the events).`));
    return;
  }
  void api
    .article(id, signal)
    .then((analysis) => {
      if (signal.aborted) return;
      const reader = renderReader(analysis, { headingLevel: 1 });
      // The reader's own h1 (the article's title) replaces the placeholder, keeping the focus target.
      container.replaceChildren(reader);
      document.title = `${analysis.article.title || 'Article'} · Parley`;
      const title = reader.querySelector<HTMLElement>('h1');
      if (title && document.activeElement === heading) {
        title.tabIndex = -1;
        title.focus();
      }
    })
    .catch((error: unknown) => {
      if (isAbort(error)) return;
      status.textContent = '';
      container.append(
        errorBox(
          error instanceof ApiError && error.status === 404
            ? `No stored article has id ${id}.`
            : describeError(error),
        ),
      );
    });
}
