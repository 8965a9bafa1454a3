/**
 * The hash router: `#/<view>/<arg>?<query>` picks a view module, gives it a fresh container and an
 * AbortSignal (aborted when the user moves on, so late answers never render), and marks the nav link.
 */
export interface Route {
  /** The view name: the first path segment ("relations" when the hash is empty). */
  name: string;
  /** The remaining path segments, e.g. the article id. */
  args: string[];
  params: URLSearchParams;
}

export interface ViewContext {
  container: HTMLElement;
  route: Route;
  signal: AbortSignal;
}

/** A view renders into its container; it may return a cleanup (dispose charts, observers). */
export type View = (context: ViewContext) => void | (() => void) | Promise<void | (() => void)>;

export const DEFAULT_VIEW = 'relations';

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', queryPart = ''] = raw.split(/\?(.*)/s, 2);
  const segments = pathPart
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment));
  return {
    name: segments[0] ?? DEFAULT_VIEW,
    args: segments.slice(1),
    params: new URLSearchParams(queryPart),
  };
}

/** `#/events?actor=USA`, skipping empty values. */
export function routeHash(
  name: string,
  params: Record<string, string | undefined> = {},
  ...args: string[]
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  const path = [name, ...args.map((arg) => encodeURIComponent(arg))].join('/');
  return `#/${path}${query ? `?${query}` : ''}`;
}

/** Changes the URL without rendering again (e.g. the selected period), so the state can be shared. */
export function replaceHash(hash: string): void {
  history.replaceState(history.state, '', hash);
}

export interface RouterOptions {
  outlet: HTMLElement;
  views: Record<string, () => Promise<View>>;
  onRoute?: (route: Route) => void;
}

export function startRouter({ outlet, views, onRoute }: RouterOptions): void {
  let cleanup: (() => void) | void = undefined;
  let controller = new AbortController();
  let previousName: string | null = null;

  const render = async (): Promise<void> => {
    // In-page anchors that are not routes (e.g. "#main") leave the view as it is.
    if (location.hash !== '' && !location.hash.startsWith('#/')) return;
    controller.abort();
    controller = new AbortController();
    const { signal } = controller;
    if (typeof cleanup === 'function') cleanup();
    cleanup = undefined;

    let route = parseHash(location.hash);
    if (!views[route.name]) route = { name: 'not-found', args: [route.name], params: route.params };
    onRoute?.(route);
    const load = views[route.name];
    // When the focus was inside the view being replaced (a filter form submitted), it must not fall to <body>.
    const hadFocus = outlet.contains(document.activeElement) && document.activeElement !== outlet;
    const container = document.createElement('div');
    container.className = `view view-${route.name}`;
    outlet.replaceChildren(container);
    if (!load) return;
    const view = await load();
    if (signal.aborted) return;
    const result = await view({ container, route, signal });
    if (signal.aborted) {
      if (typeof result === 'function') result();
      return;
    }
    cleanup = result;
    // Moving to another view puts the focus on its heading, so keyboard and screen-reader users follow.
    if (previousName !== null && (previousName !== route.name || hadFocus)) {
      const heading = container.querySelector<HTMLElement>('h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: false });
      }
    }
    previousName = route.name;
  };

  window.addEventListener('hashchange', () => void render());
  void render();
}
