/** What the store tests compare between backends: every read query's answer over a store. */
import type { Store } from '../src/store/store.js';

/** Everything a store answers about its contents, minus what is the moment of writing (ingestedAt). */
export async function everyAnswer(store: Store): Promise<Record<string, unknown>> {
  const summary = await store.summary();
  const pairs = summary.topPairs.slice(0, 4).map(({ pair }) => pair.split('–') as [string, string]);
  const answers: Record<string, unknown> = {
    summary,
    events: await store.events({ limit: 10_000 }),
    filtered: await store.events({ actor: 'USA', code: '0', since: '2010', until: '2020-06' }),
    themed: await store.events({ theme: 'SANCTIONS', limit: 50 }),
    merged: (await store.mergedEvents({ limit: 10_000 })).map(({ ingestedAt: _, ...event }) => event),
    network: await store.network({}, 500),
    map: await store.mapPoints({ since: '2005' }),
    mapUsa: await store.mapPoints({}, 'USA'),
  };
  for (const [a, b] of pairs) {
    for (const by of ['day', 'week', 'month', 'year'] as const) {
      answers[`periods ${a} ${b} ${by}`] = await store.relationPeriods(a, b, by);
      answers[`themes ${a} ${b} ${by}`] = await store.pairThemes(a, b, by, { since: '2003' });
    }
    answers[`relation events ${a} ${b}`] = await store.relationEvents(a, b, { until: '2024' });
    answers[`profile ${a}`] = await store.actorProfile(a, 'month');
  }
  answers['profile USAGOV'] = await store.actorProfile('USAGOV', 'week', { since: '2008-01' });
  return answers;
}
