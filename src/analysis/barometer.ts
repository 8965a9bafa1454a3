/**
 * The relations barometer: from per-period event aggregates between two actors to a smoothed relations
 * index with an uncertainty band, and the periods where it shifted. Pure functions over numbers, so the
 * arithmetic can be checked by hand (docs/barometer.md gives every formula).
 */

/** What the store aggregates for one period of one pair (both directions together, and each direction). */
export interface PeriodAggregate {
  period: string;
  /** Events A→B and B→A. */
  eventsAB: number;
  eventsBA: number;
  /** Distinct articles reporting events in each direction, and in all. */
  articlesAB: number;
  articlesBA: number;
  articles: number;
  /** Σ goldstein × mentions and Σ mentions over both directions. */
  goldsteinSum: number;
  mentions: number;
  /** Events by quad class 1..4 (verbal coop, material coop, verbal conflict, material conflict). */
  quad: [number, number, number, number];
  /** Mean tone of the articles behind the period's events, or null without articles. */
  tone: number | null;
}

export interface BarometerPoint extends PeriodAggregate {
  /** Mean Goldstein score weighted by mentions, null for an empty period. */
  goldstein: number | null;
  /** The smoothed relations index (Goldstein scale, −10 … +10). */
  index: number;
  /** Half-width of the 95% band around the index. */
  band: number;
  /** Change of the index from the previous period. */
  change: number;
  shift: boolean;
}

export interface BarometerOptions {
  /**
   * Weight, in mentions, of the previous index when a period's events update it: a period backed by k
   * mentions moves the index halfway to its own mean. Small k follows the news; large k smooths it.
   */
  priorMentions?: number;
  /** A change counts as a shift when its robust z-score exceeds this. */
  shiftThreshold?: number;
  /** …and at least this many articles back the period (one article cannot make a shift). */
  minShiftArticles?: number;
}

export const BAROMETER_DEFAULTS: Required<BarometerOptions> = {
  priorMentions: 3,
  shiftThreshold: 2.5,
  minShiftArticles: 2,
};

/**
 * The least spread of changes a shift is measured against, in Goldstein points: in a sparse series most
 * periods do not move at all, the MAD is near 0, and without a floor every small move would be "unusual".
 */
const MIN_SPREAD = 0.5;

/** The index starts neutral: 0 on the Goldstein scale. */
const NEUTRAL = 0;
/** Spread of Goldstein scores assumed before a pair has enough events to measure its own (CAMEO's scale spans 20). */
const DEFAULT_SPREAD = 5;

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median absolute deviation scaled to agree with the standard deviation for normal data. */
export function robustSpread(values: number[]): number {
  const centre = median(values);
  return 1.4826 * median(values.map((value) => Math.abs(value - centre)));
}

/**
 * Spread of single events' scores, from the per-period sums: Σx² is not stored, so the between-period
 * spread of means, scaled back to single mentions, stands in for it; a floor keeps a quiet pair's band honest.
 */
function eventSpread(periods: PeriodAggregate[]): number {
  const means = periods
    .filter((p) => p.mentions > 0)
    .map((p) => ({ mean: p.goldsteinSum / p.mentions, n: p.mentions }));
  if (means.length < 3) return DEFAULT_SPREAD;
  const total = means.reduce((sum, m) => sum + m.n, 0);
  const grand = means.reduce((sum, m) => sum + m.mean * m.n, 0) / total;
  const variance = means.reduce((sum, m) => sum + m.n * (m.mean - grand) ** 2, 0) / (means.length - 1);
  return Math.max(2, Math.min(10, Math.sqrt(variance)));
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * index_p = (Σ goldstein·mentions + k · index_{p−1}) / (mentions_p + k), starting from 0; an empty period
 * keeps the previous index. band_p = 1.96 · σ / √(articles_p + 1), so it is widest when nothing backs a period.
 * A shift is a change whose robust z-score (against the median and MAD of the changes after the first
 * period) exceeds the threshold, in a period backed by at least `minShiftArticles` articles.
 */
export function computeBarometer(
  periods: PeriodAggregate[],
  options: BarometerOptions = {},
): BarometerPoint[] {
  const { priorMentions: k, shiftThreshold, minShiftArticles } = { ...BAROMETER_DEFAULTS, ...options };
  const sigma = eventSpread(periods);
  let previous = NEUTRAL;
  const points: BarometerPoint[] = periods.map((period) => {
    const goldstein = period.mentions > 0 ? period.goldsteinSum / period.mentions : null;
    const index = (period.goldsteinSum + k * previous) / (period.mentions + k);
    const change = index - previous;
    previous = index;
    return {
      ...period,
      goldstein: goldstein === null ? null : round(goldstein),
      index: round(index),
      band: round((1.96 * sigma) / Math.sqrt(period.articles + 1)),
      change: round(change),
      shift: false,
    };
  });
  // The first period moves from the neutral start, not from anything observed: it is no shift and no yardstick.
  const changes = points.slice(1).map((point) => point.change);
  const centre = median(changes);
  // A floor on the spread: when most periods do not move at all, the MAD is 0 and every move would be "unusual".
  const spread = Math.max(robustSpread(changes), MIN_SPREAD);
  for (const point of points.slice(1)) {
    point.shift =
      point.articles >= minShiftArticles && Math.abs(point.change - centre) / spread > shiftThreshold;
  }
  return points;
}

/** Fills the gaps between the first and last period so that a chart shows quiet periods as such. */
export function fillPeriods(periods: PeriodAggregate[], by: PeriodUnit): PeriodAggregate[] {
  if (periods.length === 0) return [];
  const byKey = new Map(periods.map((period) => [period.period, period]));
  const keys = periodRange(periods[0]!.period, periods[periods.length - 1]!.period, by);
  return keys.map((key) => byKey.get(key) ?? emptyPeriod(key));
}

export function emptyPeriod(period: string): PeriodAggregate {
  return {
    period,
    eventsAB: 0,
    eventsBA: 0,
    articlesAB: 0,
    articlesBA: 0,
    articles: 0,
    goldsteinSum: 0,
    mentions: 0,
    quad: [0, 0, 0, 0],
    tone: null,
  };
}

export type PeriodUnit = 'day' | 'week' | 'month' | 'year';

/** The period a YYYY-MM-DD date falls in: 2023-06-19, 2023-W25 (ISO week), 2023-06, 2023. */
export function periodOf(date: string, by: PeriodUnit): string {
  if (by === 'day') return date.slice(0, 10);
  if (by === 'month') return date.slice(0, 7);
  if (by === 'year') return date.slice(0, 4);
  return isoWeek(date);
}

export function isoWeek(date: string): string {
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  // ISO 8601: the week belongs to the year of its Thursday.
  const thursday = new Date(day.getTime() + (4 - (day.getUTCDay() || 7)) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The first day of a period, for stepping through a range. */
function periodStart(period: string, by: PeriodUnit): Date {
  if (by === 'year') return new Date(`${period}-01-01T00:00:00Z`);
  if (by === 'month') return new Date(`${period}-01T00:00:00Z`);
  if (by === 'day') return new Date(`${period}T00:00:00Z`);
  const [year, week] = period.split('-W').map(Number) as [number, number];
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  return new Date(monday.getTime() + (week - 1) * 7 * 86_400_000);
}

/** The first and last day (YYYY-MM-DD) of a period. */
export function periodBounds(period: string, by: PeriodUnit): { since: string; until: string } {
  const start = periodStart(period, by);
  const next = nextPeriodStart(start, by);
  return {
    since: start.toISOString().slice(0, 10),
    until: new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10),
  };
}

function nextPeriodStart(cursor: Date, by: PeriodUnit): Date {
  if (by === 'year') return new Date(Date.UTC(cursor.getUTCFullYear() + 1, 0, 1));
  if (by === 'month') return new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
  return new Date(cursor.getTime() + (by === 'week' ? 7 : 1) * 86_400_000);
}

/** Which unit a period key is written in: 2023, 2023-06, 2023-W25 or 2023-06-19. */
export function unitOfPeriod(period: string): PeriodUnit | undefined {
  if (/^\d{4}$/.test(period)) return 'year';
  if (/^\d{4}-\d{2}$/.test(period)) return 'month';
  if (/^\d{4}-W\d{2}$/.test(period)) return 'week';
  if (/^\d{4}-\d{2}-\d{2}$/.test(period)) return 'day';
  return undefined;
}

export function periodRange(first: string, last: string, by: PeriodUnit): string[] {
  const keys: string[] = [];
  let cursor = periodStart(first, by);
  const end = periodStart(last, by).getTime();
  while (cursor.getTime() <= end && keys.length < 100_000) {
    keys.push(periodOf(cursor.toISOString().slice(0, 10), by));
    cursor = nextPeriodStart(cursor, by);
  }
  return keys;
}
