/**
 * Network view: actors (countries) as nodes and their events as weighted, directed edges coloured by
 * the quad class most of them fall in (ECharts graph, force layout), for a chosen period; the same edges
 * as a table. Clicking an edge or a node lists its events.
 */
import { GraphChart } from 'echarts/charts';
import { api, describeError, isAbort } from '../api.js';
import { quadColour, quadLabel, QUAD_CLASSES } from '../cameo.js';
import { CHART_TEXT, echarts, mountChart, type MountedChart } from '../chart.js';
import { countryName } from '../countries.js';
import { errorBox, escapeHtml, field, formValues, h, plural, signed, statusLine } from '../dom.js';
import { routeHash, type ViewContext } from '../router.js';
import type { NetworkEdge } from '../types.js';

echarts.use([GraphChart]);

const DATE_PATTERN = '\\d{4}(-\\d{2}){0,2}';
const LIMITS = [25, 50, 100, 200];

function option(edges: NetworkEdge[]): echarts.EChartsCoreOption {
  const totals = new Map<string, number>();
  for (const edge of edges) {
    totals.set(edge.source, (totals.get(edge.source) ?? 0) + edge.events);
    totals.set(edge.target, (totals.get(edge.target) ?? 0) + edge.events);
  }
  const heaviestNode = Math.max(1, ...totals.values());
  const heaviestEdge = Math.max(1, ...edges.map((edge) => edge.events));
  return {
    textStyle: CHART_TEXT,
    aria: {
      enabled: true,
      label: { description: `Network of ${totals.size} actors and ${edges.length} directed relations.` },
    },
    tooltip: {
      formatter: (params: unknown) => {
        const item = params as {
          dataType?: string;
          data?: { name?: string; value?: number; edge?: NetworkEdge };
        };
        const edge = item.data?.edge;
        if (item.dataType === 'edge' && edge) {
          return [
            `<strong>${escapeHtml(edge.source)} → ${escapeHtml(edge.target)}</strong>`,
            `${edge.events} events, mean Goldstein ${escapeHtml(signed(edge.goldstein))}`,
            `Mostly ${escapeHtml(quadLabel(edge.quadClass).toLowerCase())}`,
          ].join('<br>');
        }
        const name = item.data?.name ?? '';
        return `<strong>${escapeHtml(countryName(name))}</strong> (${escapeHtml(name)})<br>${item.data?.value ?? 0} events`;
      },
    },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 320, edgeLength: [60, 160], gravity: 0.15, friction: 0.25 },
        label: { show: true, position: 'right', color: CHART_TEXT.color, fontSize: 11 },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: [0, 7],
        emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
        data: [...totals].map(([name, total]) => ({
          name,
          value: total,
          symbolSize: 8 + 30 * Math.sqrt(total / heaviestNode),
          itemStyle: { color: '#3b5b7a', borderColor: '#fff', borderWidth: 1 },
        })),
        links: edges.map((edge) => ({
          source: edge.source,
          target: edge.target,
          edge,
          lineStyle: {
            color: quadColour(edge.quadClass),
            width: 1 + 6 * Math.sqrt(edge.events / heaviestEdge),
            curveness: 0.18,
            opacity: 0.8,
          },
        })),
      },
    ],
  };
}

export function networkView({ container, route, signal }: ViewContext): () => void {
  const since = route.params.get('since') ?? '';
  const until = route.params.get('until') ?? '';
  const limitParam = Number(route.params.get('limit'));
  const limit = LIMITS.includes(limitParam) ? limitParam : 50;

  const form = h(
    'form',
    { class: 'toolbar', 'aria-label': 'Period of the network' },
    field(
      'Since',
      h('input', { name: 'since', value: since, pattern: DATE_PATTERN, size: 10, placeholder: 'YYYY-MM-DD' }),
    ),
    field(
      'Until',
      h('input', { name: 'until', value: until, pattern: DATE_PATTERN, size: 10, placeholder: 'YYYY-MM-DD' }),
    ),
    field(
      'Edges',
      h(
        'select',
        { name: 'limit' },
        LIMITS.map((n) => h('option', { value: String(n), selected: n === limit }, `top ${n}`)),
      ),
    ),
    h('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = routeHash('network', formValues(form));
  });

  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': 'Edge colours' },
    QUAD_CLASSES.map((quad) =>
      h(
        'li',
        {},
        h('span', { class: 'legend-line', style: `--quad:${quad.colour}`, 'aria-hidden': 'true' }),
        quad.label,
      ),
    ),
  );
  const status = statusLine('Loading the network…');
  const chartBox = h('div', { class: 'chart chart-network', 'data-state': 'loading' });
  const tableBody = h('tbody');
  const errors = h('div');
  container.append(
    h('h1', {}, 'Network'),
    h(
      'p',
      { class: 'lead' },
      'Who acts on whom: an arrow per direction, its width the number of events, its colour the quad class most of them fall in. Drag nodes, scroll to zoom, click an arrow to list its events.',
    ),
    form,
    legend,
    status,
    errors,
    chartBox,
    h(
      'details',
      { class: 'table-details' },
      h('summary', {}, 'The edges as a table'),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'data-table compact' },
          h('caption', { class: 'visually-hidden' }, 'Directed relations, heaviest first'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Source', 'Target', 'Events', 'Mean Goldstein', 'Mostly'].map((name) =>
                h('th', { scope: 'col' }, name),
              ),
            ),
          ),
          tableBody,
        ),
      ),
    ),
  );

  let mounted: MountedChart | null = null;
  const load = async (): Promise<void> => {
    try {
      const { edges } = await api.network({ since, until }, limit, signal);
      if (signal.aborted) return;
      const actors = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
      status.textContent =
        edges.length === 0
          ? 'No events between two actors in this period.'
          : `${plural(actors.size, 'actor')}, ${plural(edges.length, 'directed relation')}, ${plural(
              edges.reduce((s, e) => s + e.events, 0),
              'event',
            )}.`;
      mounted = mountChart(chartBox);
      // "drawn" while the chart draws; "ready" once a render and its animation have finished.
      chartBox.dataset.state = 'drawn';
      const chart = mounted.chart;
      chart.on('finished', () => {
        chartBox.dataset.state = 'ready';
      });
      chart.setOption(option(edges));
      chart.on('click', (params: { dataType?: string; name?: string; data?: unknown }) => {
        const edge = (params.data as { edge?: NetworkEdge } | undefined)?.edge;
        const range = { since, until };
        if (params.dataType === 'edge' && edge)
          location.hash = routeHash('events', { source: edge.source, target: edge.target, ...range });
        else if (params.dataType === 'node' && params.name)
          location.hash = routeHash('events', { actor: params.name, ...range });
      });
      tableBody.replaceChildren(
        ...edges.map((edge) =>
          h(
            'tr',
            {},
            h('td', {}, `${countryName(edge.source)} (${edge.source})`),
            h('td', {}, `${countryName(edge.target)} (${edge.target})`),
            h(
              'td',
              { class: 'number' },
              h(
                'a',
                { href: routeHash('events', { source: edge.source, target: edge.target, since, until }) },
                String(edge.events),
              ),
            ),
            h('td', { class: 'number' }, signed(edge.goldstein)),
            h('td', {}, quadLabel(edge.quadClass)),
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
