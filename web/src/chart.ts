/**
 * ECharts, core only: each view registers just the charts and components it draws (see `echarts.use` in
 * the views), so the bundle holds no more of ECharts than the dashboard uses. `mountChart` sizes a chart to
 * its container and disposes of it with the view.
 */
import * as echarts from 'echarts/core';
import { AriaComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([CanvasRenderer, TooltipComponent, AriaComponent]);

export { echarts };

export interface MountedChart {
  chart: echarts.ECharts;
  dispose: () => void;
}

/** Text and lines of the charts, matching the page. */
export const CHART_TEXT = {
  color: '#1b1f24',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
};

export function mountChart(container: HTMLElement): MountedChart {
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(container);
  return {
    chart,
    dispose: () => {
      observer.disconnect();
      chart.dispose();
    },
  };
}
