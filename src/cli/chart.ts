/** Terminal charts for the barometer: one row per period, a bar from the neutral line. */
import type { BarometerPoint } from '../analysis/barometer.js';

const HALF_WIDTH = 20;

/** A bar of `value` on a scale of ±`scale`, drawn left or right of a centre line. */
export function divergingBar(value: number, scale: number): string {
  const cells = Math.min(HALF_WIDTH, Math.round((Math.abs(value) / scale) * HALF_WIDTH));
  const left = value < 0 ? `${' '.repeat(HALF_WIDTH - cells)}${'█'.repeat(cells)}` : ' '.repeat(HALF_WIDTH);
  const right = value > 0 ? `${'█'.repeat(cells)}${' '.repeat(HALF_WIDTH - cells)}` : ' '.repeat(HALF_WIDTH);
  return `${left}│${right}`;
}

const signed = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;

export function barometerChart(points: BarometerPoint[]): string {
  const scale = Math.max(1, Math.ceil(Math.max(...points.map((point) => Math.abs(point.index)), 0)));
  const header = `${'period'.padEnd(10)} ${`−${scale}`.padEnd(HALF_WIDTH)}0${`+${scale}`.padStart(HALF_WIDTH)}   index  ±band  events  articles   tone`;
  const rows = points.map((point) =>
    [
      point.period.padEnd(10),
      divergingBar(point.index, scale),
      ` ${signed(point.index).padStart(6)}`,
      `±${point.band.toFixed(1)}`.padStart(6),
      String(point.eventsAB + point.eventsBA).padStart(7),
      String(point.articles).padStart(9),
      point.tone === null ? '     ' : signed(point.tone).padStart(6),
      point.shift ? ' ◆ shift' : '',
    ].join(' '),
  );
  return [header, ...rows].join('\n');
}
