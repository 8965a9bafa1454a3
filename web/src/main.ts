/**
 * The dashboard's entry point: wires the header (navigation, search), the tooltips and the hash router.
 * The first view (relations) is bundled with the entry; the other views load on demand, so the map's
 * shapes and the graph layout are fetched only when wanted.
 */
import './styles.css';
import { routeHash, startRouter, type Route, type View } from './router.js';
import { installTooltips } from './tooltip.js';
import { relationsView } from './views/relations.js';

const TITLES: Record<string, string> = {
  relations: 'Relations',
  events: 'Events',
  map: 'Map',
  network: 'Network',
  article: 'Article',
  analyse: 'Analyse',
  search: 'Search',
  'not-found': 'Not found',
};

const views: Record<string, () => Promise<View>> = {
  relations: async () => relationsView,
  events: () => import('./views/events.js').then((module) => module.eventsView),
  map: () => import('./views/map.js').then((module) => module.mapView),
  network: () => import('./views/network.js').then((module) => module.networkView),
  article: () => import('./views/article.js').then((module) => module.articleView),
  analyse: () => import('./views/analyse.js').then((module) => module.analyseView),
  search: () => import('./views/search.js').then((module) => module.searchView),
  'not-found': () => import('./views/not-found.js').then((module) => module.notFoundView),
};

function markNavigation(route: Route): void {
  document.title = `${TITLES[route.name] ?? 'Parley'} · Parley`;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.site-nav a[data-route]')) {
    if (link.dataset.route === route.name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

const outlet = document.getElementById('main')!;
const tooltip = document.getElementById('tooltip')!;
installTooltips(tooltip);

document.getElementById('skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  outlet.focus();
});

const searchForm = document.getElementById('search-form') as HTMLFormElement;
searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = (new FormData(searchForm).get('q') ?? '').toString().trim();
  if (query) location.hash = routeHash('search', { q: query });
});

startRouter({ outlet, views, onRoute: markNavigation });
