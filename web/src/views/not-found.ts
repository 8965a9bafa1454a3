/** The view for a hash no view answers to. */
import { h } from '../dom.js';
import type { ViewContext } from '../router.js';

export function notFoundView({ container, route }: ViewContext): void {
  container.append(
    h('h1', {}, 'Not found'),
    h(
      'p',
      {},
      `There is no “${route.args[0] ?? ''}” view. `,
      h('a', { href: '#/relations' }, 'Back to the relations barometer'),
      '.',
    ),
  );
}
