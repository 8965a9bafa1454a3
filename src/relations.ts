/**
 * Relations between two actors, read from the store: the barometer series, its shifts, and the events
 * that moved a period — each with its article and evidence sentence, so every figure can be traced.
 */
import {
  computeBarometer,
  fillPeriods,
  periodBounds,
  type BarometerOptions,
  type BarometerPoint,
  type PeriodUnit,
} from './analysis/barometer.js';
import type { DateRange, RelationEvent, Store } from './store/store.js';

export interface RelationsQuery extends DateRange, BarometerOptions {
  by?: PeriodUnit;
}

export interface MovingEvent extends RelationEvent {
  /** How far this event pulls the index from where it stood before the period, in Goldstein points. */
  pull: number;
}

export interface Shift {
  period: string;
  change: number;
  events: MovingEvent[];
}

export interface Barometer {
  a: string;
  b: string;
  by: PeriodUnit;
  points: BarometerPoint[];
  /** Periods whose change is beyond the usual range, each with the events that moved it. */
  shifts: Shift[];
  /** The largest changes whatever their size, with their events. */
  largestMoves: Shift[];
}

const LARGEST_MOVES = 3;

/** Actors are named by CAMEO country ("USA") or actor code ("USAGOV"), upper-case letters only. */
export function normaliseActor(actor: string): string {
  const code = actor.trim().toUpperCase();
  if (!/^[A-Z]{3,12}$/.test(code))
    throw new Error(`"${actor}" is not a CAMEO country or actor code (e.g. USA, CHNGOV)`);
  return code;
}

/** The events of a period, ranked by how far each pulled the index from its previous value. */
export async function movingEvents(
  store: Store,
  a: string,
  b: string,
  period: string,
  by: PeriodUnit,
  previousIndex: number,
  limit = 5,
): Promise<MovingEvent[]> {
  return (await store.relationEvents(a, b, periodBounds(period, by)))
    .map((event) => ({ ...event, pull: Math.round((event.goldstein - previousIndex) * 1000) / 1000 }))
    .sort((x, y) => Math.abs(y.pull) - Math.abs(x.pull) || x.id - y.id)
    .slice(0, limit);
}

export async function barometer(
  store: Store,
  actorA: string,
  actorB: string,
  query: RelationsQuery = {},
): Promise<Barometer> {
  const a = normaliseActor(actorA);
  const b = normaliseActor(actorB);
  const by = query.by ?? 'month';
  const points = computeBarometer(fillPeriods(await store.relationPeriods(a, b, by, query), by), query);
  const explain = async (index: number): Promise<Shift> => {
    const point = points[index]!;
    const previous = points[index - 1]?.index ?? 0;
    return {
      period: point.period,
      change: point.change,
      events: await movingEvents(store, a, b, point.period, by, previous, 3),
    };
  };
  const shifts = await Promise.all(points.flatMap((point, index) => (point.shift ? [explain(index)] : [])));
  // When nothing moved beyond its usual range, the largest moves still answer "what moved it?".
  const largestMoves = await Promise.all(
    points
      .map((point, index) => ({ index, size: index === 0 ? 0 : Math.abs(point.change) }))
      .filter(({ size }) => size > 0)
      .sort((x, y) => y.size - x.size)
      .slice(0, LARGEST_MOVES)
      .sort((x, y) => x.index - y.index)
      .map(({ index }) => explain(index)),
  );
  return { a, b, by, points, shifts, largestMoves };
}

/** "Why did it move?": a period's figures and the events that moved it most. */
export async function explainPeriod(
  store: Store,
  actorA: string,
  actorB: string,
  period: string,
  query: RelationsQuery = {},
): Promise<{ point: BarometerPoint | undefined; events: MovingEvent[] }> {
  const result = await barometer(store, actorA, actorB, query);
  const index = result.points.findIndex((point) => point.period === period);
  const previous = index > 0 ? result.points[index - 1]!.index : 0;
  return {
    point: result.points[index],
    events: await movingEvents(store, result.a, result.b, period, result.by, previous, 10),
  };
}
