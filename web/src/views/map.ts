/**
 * Map view: events per place on a world map drawn from the bundled country shapes — one circle per place,
 * sized by its events and coloured by their mean Goldstein score — with the same figures as a table.
 * Clicking a place lists its events.
 */
import { ScatterChart } from 'echarts/charts';
import { GeoComponent, VisualMapContinuousComponent } from 'echarts/components';
import { api, describeError, isAbort } from '../api.js';
import { CHART_TEXT, echarts, mountChart, type MountedChart } from '../chart.js';
import { actorCode, countryList, countryName } from '../countries.js';
import { errorBox, escapeHtml, field, formValues, h, plural, signed, statusLine } from '../dom.js';
import { routeHash, type ViewContext } from '../router.js';
import type { MapPoint } from '../types.js';
import { registerWorld } from '../world.js';

echarts.use([ScatterChart, GeoComponent, VisualMapContinuousComponent]);

const DATE_PATTERN = '\\d{4}(-\\d{2}){0,2}';
/** Diverging, colour-blind safe: conflict red … neutral grey … cooperation blue. */
const GOLDSTEIN_COLOURS = ['#b2182b', '#ef8a62', '#9e9e9e', '#67a9cf', '#2166ac'];

function option(points: MapPoint[]): echarts.EChartsCoreOption {
  const largest = Math.max(1, ...points.map((point) => point.events));
  return {
    textStyle: CHART_TEXT,
    aria: { enabled: true, label: { description: `World map of events at ${points.length} places.` } },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const value = (params as { value?: number[]; name?: string }).value ?? [];
        const name = (params as { name?: string }).name ?? '';
        return `<strong>${escapeHtml(name)}</strong><br>${value[2] ?? 0} events<br>Mean Goldstein ${escapeHtml(signed(value[3] ?? 0))}`;
      },
    },
    geo: {
      map: registerWorld(),
      roam: true,
      top: 8,
      bottom: 52,
      left: 8,
      right: 8,
      scaleLimit: { min: 1, max: 12 },
      itemStyle: { areaColor: '#eef1f4', borderColor: '#9aa5b1', borderWidth: 0.5 },
      emphasis: { disabled: true },
      silent: true,
    },
    visualMap: {
      type: 'continuous',
      dimension: 3,
      min: -10,
      max: 10,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemHeight: 160,
      text: ['cooperation +10', 'conflict −10'],
      textStyle: CHART_TEXT,
      inRange: { color: GOLDSTEIN_COLOURS },
    },
    series: [
      {
        name: 'Events',
        type: 'scatter',
        coordinateSystem: 'geo',
        data: points.map((point) => ({
          name: point.place,
          value: [point.lon, point.lat, point.events, point.goldstein],
        })),
        symbolSize: (value: number[]) => 5 + 30 * Math.sqrt((value[2] ?? 0) / largest),
        itemStyle: { borderColor: '#1b1f24', borderWidth: 0.5, opacity: 0.85 },
        emphasis: { scale: 1.3 },
      },
    ],
  };
}

export function mapView({ container, route, signal }: ViewContext): () => void {
  const since = route.params.get('since') ?? '';
  const until = route.params.get('until') ?? '';
  const actor = actorCode(route.params.get('actor')) ?? '';

  const form = h(
    'form',
    { class: 'toolbar', 'aria-label': 'Map filters' },
    field(
      'Actor',
      h('input', {
        name: 'actor',
        value: actor,
        list: countryList(),
        pattern: '[A-Za-z]{3,12}',
        size: 8,
        autocomplete: 'off',
      }),
    ),
    field(
      'Since',
      h('input', { name: 'since', value: since, pattern: DATE_PATTERN, size: 10, placeholder: 'YYYY-MM-DD' }),
    ),
    field(
      'Until',
      h('input', { name: 'until', value: until, pattern: DATE_PATTERN, size: 10, placeholder: 'YYYY-MM-DD' }),
    ),
    h('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = formValues(form);
    location.hash = routeHash('map', { ...values, actor: values.actor?.toUpperCase() });
  });

  const status = statusLine('Loading places…');
  const chartBox = h('div', { class: 'chart chart-map', 'data-state': 'loading' });
  const tableBody = h('tbody');
  const table = h(
    'table',
    { class: 'data-table compact' },
    h('caption', {}, 'Places with the most events'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Place', 'Country', 'Events', 'Mean Goldstein'].map((name) => h('th', { scope: 'col' }, name)),
      ),
    ),
    tableBody,
  );
  const errors = h('div');
  container.append(
    h('h1', {}, 'Map'),
    h(
      'p',
      { class: 'lead' },
      'Where events happened: circle size is the number of events, colour their mean Goldstein score. Drag to pan, scroll to zoom, click a place to list its events.',
    ),
    form,
    status,
    errors,
    chartBox,
    h('div', { class: 'table-wrap' }, table),
  );

  let mounted: MountedChart | null = null;
  const load = async (): Promise<void> => {
    try {
      const { points } = await api.map({ since, until, ...(actor ? { actor } : {}) }, signal);
      if (signal.aborted) return;
      const events = points.reduce((sum, point) => sum + point.events, 0);
      status.textContent =
        points.length === 0
          ? 'No events with a known place match.'
          : `${plural(events, 'event')} at ${plural(points.length, 'place')}${actor ? ` involving ${countryName(actor)}` : ''}.`;
      mounted = mountChart(chartBox);
      // "drawn" while the chart draws; "ready" once a render and its animation have finished.
      chartBox.dataset.state = 'drawn';
      const chart = mounted.chart;
      chart.on('finished', () => {
        chartBox.dataset.state = 'ready';
      });
      chart.setOption(option(points));
      chart.on('click', (params: { name?: string }) => {
        if (params.name)
          location.hash = routeHash('events', { place: params.name, ...(actor ? { actor } : {}) });
      });
      tableBody.replaceChildren(
        ...points
          .slice(0, 25)
          .map((point) =>
            h(
              'tr',
              {},
              h('td', {}, h('a', { href: routeHash('events', { place: point.place }) }, point.place)),
              h('td', {}, point.country ? countryName(point.country) : '—'),
              h('td', { class: 'number' }, String(point.events)),
              h('td', { class: 'number' }, signed(point.goldstein)),
            ),
          ),
      );
    } catch (error) {
      if (isAbort(error)) return;
      status.textContent = '';
      errors.replaceChildren(errorBox(describeError(error)));
    }
  };
  void load();
  return () => mounted?.dispose();
}
