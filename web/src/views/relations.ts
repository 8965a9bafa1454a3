/**
 * Relations view (the first view): the barometer of two actors over time — the index as a line, its 95%
 * band as an area, shifts and the largest moves marked — and, for a clicked period, the events that moved
 * it, each with its evidence sentence (trigger highlighted) and a link to its article.
 */
import { LineChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { api, describeError, isAbort } from '../api.js';
import { eventName, quadColour, QUAD_CLASSES } from '../cameo.js';
import { CHART_TEXT, echarts, mountChart, type MountedChart } from '../chart.js';
import { actorCode, countryList, countryName } from '../countries.js';
import { errorBox, escapeHtml, field, formValues, h, plural, signed, statusLine } from '../dom.js';
import { evidenceQuote, triggerInEvidence } from '../evidence.js';
import { eventParties } from '../explain.js';
import { replaceHash, routeHash, type ViewContext } from '../router.js';
import type { Analysis, Barometer, BarometerPoint, PeriodUnit, Shift } from '../types.js';

echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, DataZoomComponent, MarkLineComponent]);

const UNITS: PeriodUnit[] = ['day', 'week', 'month', 'year'];
const COLOURS = { index: '#0b4f8a', band: 'rgba(11, 79, 138, 0.16)', shift: '#c2410c', move: '#6b21a8' };

const clamp = (value: number): number => Math.max(-10, Math.min(10, value));

function actorInput(name: string, value: string): HTMLInputElement {
  return h('input', {
    name,
    value,
    required: true,
    list: countryList(),
    pattern: '[A-Za-z]{3,12}',
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'characters',
    size: 8,
    title: 'A CAMEO country or actor code such as USA, CHN or CHNGOV',
  });
}

function pointSummary(point: BarometerPoint, a: string, b: string): string {
  const quad = QUAD_CLASSES.map((q, i) => `${point.quad[i] ?? 0} ${q.label.toLowerCase()}`).join(', ');
  return [
    `Index ${signed(point.index)} ± ${point.band.toFixed(2)}, change ${signed(point.change)}`,
    `${plural(point.eventsAB + point.eventsBA, 'event')} (${point.eventsAB} ${a}→${b}, ${point.eventsBA} ${b}→${a}) in ${plural(point.articles, 'article')}`,
    point.goldstein !== null ? `mean Goldstein ${signed(point.goldstein)}` : 'no events',
    point.tone !== null ? `tone ${signed(point.tone)}` : null,
    quad,
  ]
    .filter(Boolean)
    .join(' · ');
}

function chartOption(data: Barometer, selected: string | null, narrow: boolean): echarts.EChartsCoreOption {
  const periods = data.points.map((point) => point.period);
  const lower = data.points.map((point) => clamp(point.index - point.band));
  const width = data.points.map((point, i) => clamp(point.index + point.band) - lower[i]!);
  const marks = (shifts: Shift[]) =>
    shifts.map((shift) => [shift.period, data.points.find((p) => p.period === shift.period)?.index ?? 0]);
  const byPeriod = new Map(data.points.map((point) => [point.period, point]));
  const shiftSet = new Set(data.shifts.map((s) => s.period));
  const moveSet = new Set(data.largestMoves.map((s) => s.period));
  return {
    animationDuration: 300,
    textStyle: CHART_TEXT,
    aria: {
      enabled: true,
      label: { description: `Relations index of ${data.a} and ${data.b} by ${data.by}.` },
    },
    grid: {
      left: narrow ? 36 : 48,
      right: narrow ? 8 : 16,
      top: narrow ? 64 : 40,
      bottom: periods.length > 40 ? 72 : 32,
    },
    legend: {
      top: 4,
      itemGap: narrow ? 8 : 10,
      data: ['Index', 'Band (95%)', 'Shift', 'Largest move'],
      textStyle: CHART_TEXT,
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'line' },
      formatter: (params: unknown) => {
        const first = (params as Array<{ axisValue?: string }>)[0];
        const point = first?.axisValue ? byPeriod.get(first.axisValue) : undefined;
        if (!point) return '';
        const flags = [
          shiftSet.has(point.period) ? 'shift' : '',
          moveSet.has(point.period) ? 'largest move' : '',
        ]
          .filter(Boolean)
          .join(', ');
        return [
          `<strong>${escapeHtml(point.period)}</strong>${flags ? ` — ${escapeHtml(flags)}` : ''}`,
          `Index ${escapeHtml(signed(point.index))} ± ${point.band.toFixed(2)} (change ${escapeHtml(signed(point.change))})`,
          `${point.eventsAB + point.eventsBA} events in ${point.articles} articles`,
          point.goldstein !== null ? `Mean Goldstein ${escapeHtml(signed(point.goldstein))}` : 'No events',
          '<em>Click to see what moved it</em>',
        ].join('<br>');
      },
    },
    dataZoom:
      periods.length > 40
        ? [
            { type: 'inside', startValue: Math.max(0, periods.length - 120) },
            { type: 'slider', height: 22, bottom: 12, startValue: Math.max(0, periods.length - 120) },
          ]
        : [],
    xAxis: { type: 'category', data: periods, boundaryGap: false, axisLabel: { color: CHART_TEXT.color } },
    yAxis: {
      type: 'value',
      min: -10,
      max: 10,
      interval: 5,
      name: narrow ? '' : 'Goldstein scale',
      nameTextStyle: { color: CHART_TEXT.color, align: 'left' },
      axisLabel: { color: CHART_TEXT.color },
    },
    series: [
      {
        name: 'band-lower',
        type: 'line',
        data: lower,
        stack: 'band',
        stackStrategy: 'all',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        silent: true,
        tooltip: { show: false },
      },
      {
        name: 'Band (95%)',
        type: 'line',
        data: width,
        stack: 'band',
        stackStrategy: 'all',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: COLOURS.band },
        itemStyle: { color: COLOURS.band },
        silent: true,
      },
      {
        id: 'index',
        name: 'Index',
        type: 'line',
        data: data.points.map((point) => point.index),
        symbol: 'circle',
        symbolSize: 4,
        showSymbol: periods.length <= 60,
        lineStyle: { width: 2, color: COLOURS.index },
        itemStyle: { color: COLOURS.index },
        markLine: {
          symbol: 'none',
          silent: true,
          animation: false,
          label: { formatter: '{b}', color: CHART_TEXT.color },
          lineStyle: { color: '#1b1f24', type: 'dashed' },
          data: selected && byPeriod.has(selected) ? [{ name: selected, xAxis: selected }] : [],
        },
      },
      {
        name: 'Shift',
        type: 'scatter',
        data: marks(data.shifts),
        symbol: 'triangle',
        symbolSize: 13,
        itemStyle: { color: COLOURS.shift, borderColor: '#fff', borderWidth: 1 },
        z: 5,
      },
      {
        name: 'Largest move',
        type: 'scatter',
        data: marks(data.largestMoves),
        symbol: 'diamond',
        symbolSize: 15,
        itemStyle: { color: COLOURS.move, borderColor: '#fff', borderWidth: 1 },
        z: 6,
      },
    ],
  };
}

export function relationsView({ container, route, signal }: ViewContext): () => void {
  const a = actorCode(route.params.get('a')) ?? 'USA';
  const b = actorCode(route.params.get('b')) ?? 'CHN';
  const byParam = route.params.get('by') as PeriodUnit | null;
  const by: PeriodUnit = byParam && UNITS.includes(byParam) ? byParam : 'month';
  let selected = route.params.get('period');

  const form = h('form', { class: 'toolbar', 'aria-label': 'Actors and period' });
  const inputA = actorInput('a', a);
  const inputB = actorInput('b', b);
  const unit = h(
    'select',
    { name: 'by' },
    UNITS.map((u) => h('option', { value: u, selected: u === by }, u)),
  );
  form.append(
    field('Actor A', inputA),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary swap',
        'aria-label': 'Swap the two actors',
        title: 'Swap the two actors',
        onclick: () => {
          [inputA.value, inputB.value] = [inputB.value, inputA.value];
        },
      },
      '⇄',
    ),
    field('Actor B', inputB),
    field('Period', unit),
    h('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = formValues(form);
    location.hash = routeHash('relations', {
      a: values.a?.toUpperCase(),
      b: values.b?.toUpperCase(),
      by: values.by,
    });
  });

  const status = statusLine('Loading the barometer…');
  const chartBox = h('div', {
    class: 'chart chart-relations',
    'data-state': 'loading',
  });
  const marked = h('div', { class: 'marked-periods' });
  const explanation = h('section', { class: 'explanation', 'aria-labelledby': 'explanation-title' });

  container.append(
    h('h1', {}, 'Relations barometer'),
    h(
      'p',
      { class: 'lead' },
      'How relations between two actors move: the index is the smoothed mean Goldstein score of the events between them (−10 conflict … +10 cooperation), with its 95% band. Click a period on the chart, or a marked period below, to see the events that moved it.',
    ),
    form,
    status,
    chartBox,
    marked,
    explanation,
  );

  let mounted: MountedChart | null = null;
  let data: Barometer | null = null;
  let themesByPeriod = new Map<string, Array<{ theme: string; articles: number }>>();
  let explainController: AbortController | null = null;
  const analyses = new Map<string, Promise<Analysis | null>>();

  const articleOf = (id: string, requestSignal: AbortSignal): Promise<Analysis | null> => {
    let pending = analyses.get(id);
    if (!pending) {
      pending = api.article(id, requestSignal).catch(() => null);
      analyses.set(id, pending);
    }
    return pending;
  };

  const markButtons = (title: string, shifts: Shift[], kind: string): HTMLElement | null =>
    shifts.length === 0
      ? null
      : h(
          'div',
          { class: 'mark-group' },
          h('h2', { class: 'small-heading' }, title),
          h(
            'ul',
            { class: 'button-row' },
            shifts.map((shift) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: `period-button ${kind}`,
                    'data-period': shift.period,
                    'aria-current': shift.period === selected ? 'true' : false,
                    onclick: () => void explain(shift.period),
                  },
                  `${shift.period} (${signed(shift.change)})`,
                ),
              ),
            ),
          ),
        );

  /** Every period with events, newest first: the keyboard's way to any point of the chart. */
  const periodPicker = (points: BarometerPoint[]): HTMLFormElement => {
    const select = h(
      'select',
      { name: 'period' },
      points
        .filter((point) => point.eventsAB + point.eventsBA > 0)
        .reverse()
        .map((point) =>
          h(
            'option',
            { value: point.period, selected: point.period === selected },
            `${point.period} · ${plural(point.eventsAB + point.eventsBA, 'event')}`,
          ),
        ),
    );
    const picker = h(
      'form',
      { class: 'period-picker', 'aria-label': 'Explain any period' },
      field('Any period with events', select),
      h('button', { type: 'submit', class: 'secondary' }, 'Explain'),
    );
    picker.addEventListener('submit', (event) => {
      event.preventDefault();
      if (select.value) void explain(select.value);
    });
    return picker;
  };

  const renderMarked = (): void => {
    if (!data) return;
    marked.replaceChildren(
      ...[
        markButtons('Largest moves', data.largestMoves, 'move'),
        markButtons('Shifts (beyond the usual range)', data.shifts, 'shift'),
        periodPicker(data.points),
      ].filter((node): node is HTMLElement => node !== null),
    );
  };

  /** Zooms the chart to a period picked from the buttons when it lies outside the visible window. */
  function revealPeriod(period: string): void {
    const chart = mounted?.chart;
    const count = data?.points.length ?? 0;
    const index = data?.points.findIndex((point) => point.period === period) ?? -1;
    if (!chart || index < 0 || count <= 1) return;
    const zoom = (chart.getOption() as { dataZoom?: Array<{ start?: number; end?: number }> }).dataZoom?.[0];
    if (!zoom) return;
    const first = ((zoom.start ?? 0) / 100) * (count - 1);
    const last = ((zoom.end ?? 100) / 100) * (count - 1);
    if (index >= first && index <= last) return;
    const half = Math.max(10, Math.round((last - first) / 2));
    chart.dispatchAction({
      type: 'dataZoom',
      startValue: Math.max(0, index - half),
      endValue: Math.min(count - 1, index + half),
    });
  }

  async function explain(period: string): Promise<void> {
    if (!data) return;
    selected = period;
    replaceHash(routeHash('relations', { a, b, by, period }));
    // Only the marker changes: merging by series id keeps the user's zoom.
    mounted?.chart.setOption({
      series: [{ id: 'index', markLine: { data: [{ name: period, xAxis: period }] } }],
    });
    revealPeriod(period);
    const picker = marked.querySelector<HTMLSelectElement>('select[name="period"]');
    if (picker && [...picker.options].some((option) => option.value === period)) picker.value = period;
    for (const button of marked.querySelectorAll<HTMLButtonElement>('button[data-period]')) {
      if (button.dataset.period === period) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
    explainController?.abort();
    const controller = new AbortController();
    explainController = controller;
    const requestSignal = AbortSignal.any([signal, controller.signal]);

    const title = h('h2', { id: 'explanation-title' }, `What moved ${period}`);
    const explainStatus = statusLine('Loading the events of this period…');
    explanation.replaceChildren(title, explainStatus);
    try {
      const result = await api.explain(a, b, period, by, requestSignal);
      const ids = [...new Set(result.events.map((event) => event.articleId))];
      const found = new Map(
        await Promise.all(ids.map(async (id) => [id, await articleOf(id, signal)] as const)),
      );
      if (requestSignal.aborted) return;
      const point = result.point;
      const themes = themesByPeriod.get(period) ?? [];
      explanation.replaceChildren(
        title,
        point ? h('p', { class: 'figures' }, pointSummary(point, a, b)) : '',
        themes.length > 0
          ? h(
              'p',
              { class: 'themes-line' },
              'Themes of the period: ',
              themes
                .slice(0, 6)
                .map((theme) => `${theme.theme} (${theme.articles})`)
                .join(', '),
            )
          : '',
        explainStatus,
        result.events.length === 0
          ? h('p', { class: 'muted' }, `No events between ${a} and ${b} in ${period}.`)
          : h(
              'ol',
              { class: 'event-cards' },
              result.events.map((event) =>
                h(
                  'li',
                  { class: 'event-card' },
                  h(
                    'p',
                    { class: 'event-head' },
                    h(
                      'span',
                      { class: 'quad-badge', style: `--quad:${quadColour(event.quadClass)}` },
                      event.code,
                    ),
                    ' ',
                    h('strong', {}, eventName(event.code)),
                    ' · ',
                    eventParties(event),
                  ),
                  h(
                    'p',
                    { class: 'muted small' },
                    [
                      event.date,
                      `Goldstein ${signed(event.goldstein, 1)}`,
                      `pull ${signed(event.pull)}`,
                      `confidence ${event.confidence.toFixed(2)}`,
                      event.place,
                      event.negated ? 'negated' : null,
                    ]
                      .filter(Boolean)
                      .join(' · '),
                  ),
                  evidenceQuote(event, triggerInEvidence(event, found.get(event.articleId))),
                  h(
                    'p',
                    { class: 'source-link' },
                    h(
                      'a',
                      { href: routeHash('article', {}, event.articleId) },
                      `Read the article: ${event.title || event.articleId}`,
                    ),
                  ),
                ),
              ),
            ),
      );
      explainStatus.textContent =
        result.events.length > 0
          ? `${plural(result.events.length, 'event')} moved ${period}, largest pull first.`
          : `No events in ${period}.`;
    } catch (error) {
      if (isAbort(error) || requestSignal.aborted) return;
      explanation.replaceChildren(title, errorBox(describeError(error)));
    }
  }

  const load = async (): Promise<void> => {
    try {
      const [barometer, themes] = await Promise.all([
        api.relations(a, b, by, signal),
        api.themes(a, b, by, signal).catch(() => ({ items: [] })),
      ]);
      if (signal.aborted) return;
      data = barometer;
      themesByPeriod = new Map();
      for (const item of themes.items) {
        const list = themesByPeriod.get(item.period) ?? [];
        list.push({ theme: item.theme, articles: item.articles });
        themesByPeriod.set(item.period, list);
      }
      for (const list of themesByPeriod.values()) list.sort((x, y) => y.articles - x.articles);
      const events = barometer.points.reduce((sum, point) => sum + point.eventsAB + point.eventsBA, 0);
      const last = barometer.points[barometer.points.length - 1];
      if (barometer.points.length === 0 || events === 0) {
        status.textContent = `No events between ${countryName(a)} (${a}) and ${countryName(b)} (${b}) are stored.`;
        chartBox.hidden = true;
        chartBox.dataset.state = 'empty';
        return;
      }
      status.textContent = `${countryName(a)} (${a}) and ${countryName(b)} (${b}) by ${by}: ${plural(barometer.points.length, 'period')}, ${plural(events, 'event')}, ${plural(barometer.shifts.length, 'shift')}; index now ${signed(last?.index)}.`;
      mounted = mountChart(chartBox);
      // "drawn" while the chart draws; "ready" once a render and its animation have finished.
      chartBox.dataset.state = 'drawn';
      const chart = mounted.chart;
      chart.setOption(chartOption(barometer, selected, chartBox.clientWidth < 560));
      chart.on('finished', () => {
        chartBox.dataset.state = 'ready';
      });
      chart.getZr().on('click', (event: { offsetX: number; offsetY: number }) => {
        const pixel = [event.offsetX, event.offsetY];
        if (!chart.containPixel('grid', pixel)) return;
        const value = chart.convertFromPixel({ gridIndex: 0 }, pixel) as number[] | number;
        const x = Array.isArray(value) ? value[0] : value;
        const period = typeof x === 'number' ? barometer.points[Math.round(x)]?.period : undefined;
        if (period) void explain(period);
      });
      renderMarked();
      if (selected && barometer.points.some((point) => point.period === selected)) void explain(selected);
      else
        explanation.replaceChildren(
          h('h2', { id: 'explanation-title' }, 'What moved it?'),
          h('p', { class: 'muted' }, 'Pick a period: click the chart, or one of the marked periods above.'),
        );
    } catch (error) {
      if (isAbort(error)) return;
      status.textContent = '';
      chartBox.hidden = true;
      status.after(errorBox(describeError(error)));
    }
  };
  void load();

  return () => {
    explainController?.abort();
    mounted?.dispose();
  };
}
