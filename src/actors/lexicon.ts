/**
 * The dictionaries compiled for matching: one token trie over every name, alias, adjective and capital,
 * one over role phrases ("foreign minister", "troops"), and a name index of places. Built once, lazily;
 * the tries and the office index come from the compiled snapshot (snapshot.ts) while the dictionaries do.
 */
import {
  dictionaries,
  indexSurnames,
  type CountryEntry,
  type Dictionaries,
  type PersonEntry,
  type PlaceEntry,
} from './dictionary.js';
import { timed } from '../model/timing.js';
import type { NameCandidate, PeopleIndex } from './entries.js';
import { actorSnapshot, type ActorSnapshot } from './snapshot.js';
import { TokenTrie } from './trie.js';

export type { NameCandidate } from './entries.js';

/** When one phrase names several things, the more specific reading wins ("Georgia" the country over the state). */
const KIND_PRIORITY: Record<NameCandidate['kind'], number> = {
  person: 0,
  organization: 1,
  country: 2,
  capital: 3,
  adjective: 4,
  place: 5,
};

export interface Lexicon {
  names: TokenTrie<NameCandidate>;
  /** Role phrases, matched on lowercased token texts. */
  roles: TokenTrie<string>;
  placesByName: Map<string, PlaceEntry[]>;
  /** The entries of the lookup-only tier (towns.tsv), which need the article's support to be read. */
  lookupOnly: Set<PlaceEntry>;
  countriesByCode: Map<string, CountryEntry>;
  /** People by `country|office` ("CHN|foreign minister"), to find who held an office on a date. */
  officeHolders: PeopleIndex;
}

/** An office as a role phrase writes it: lowercase, one spelling of defence ("foreign minister"). */
export const officeKey = (country: string, title: string): string =>
  `${country}|${title.toLowerCase().replace(/\bdefense\b/g, 'defence')}`;

function indexOffices(people: PersonEntry[]): Map<string, PersonEntry[]> {
  const byOffice = new Map<string, PersonEntry[]>();
  for (const person of people)
    for (const role of person.roles) {
      const key = officeKey(role.country, role.role);
      const holders = byOffice.get(key) ?? [];
      if (!holders.includes(person)) holders.push(person);
      byOffice.set(key, holders);
    }
  return byOffice;
}

let cached: Lexicon | undefined;
/** The dictionaries the cached lexicon was built from: a user file added later rebuilds it. */
let cachedFrom: ReturnType<typeof dictionaries> | undefined;

/**
 * Aliases that begin with a title ("President Xi") would win the longest match from the title and cut
 * the full name that follows ("President Xi | Jinping"); the bare name alias already covers them.
 */
const TITLED =
  /^(President|Premier|Prime|Chancellor|Secretary|Minister|Foreign|Defen[cs]e|Vice|Deputy|Chairman|General|King|Queen|Prince|Crown|Sheikh|Mr|Mrs|Ms|Dr|Sen|Senator|Rep|Gov|Governor|Ambassador)\.?\s/;

export function bestCandidate(candidates: readonly NameCandidate[]): NameCandidate {
  return [...candidates].sort((a, b) => KIND_PRIORITY[a.kind] - KIND_PRIORITY[b.kind])[0]!;
}

function indexPlaces(places: PlaceEntry[]): Map<string, PlaceEntry[]> {
  const byName = new Map<string, PlaceEntry[]>();
  for (const place of places) {
    for (const name of [place.name, ...place.aliases]) {
      const list = byName.get(name) ?? [];
      list.push(place);
      byName.set(name, list);
    }
  }
  return byName;
}

/**
 * Places enter the name trie only when they are notable enough not to drown news text in false hits:
 * common words are also small towns somewhere ("Split", "Mobile"), so minor cities must be tagged
 * by the recogniser as proper nouns first and are then looked up by name instead.
 */
const NOTABLE_PLACE_POPULATION = 1_000_000;

/** "SAN FRANCISCO" → "San Francisco", "BIDEN" → "Biden": the dictionary spelling of a word in capitals. */
export function foldCapitals(text: string): string {
  if (text.length < 2 || text.includes('.') || text !== text.toUpperCase() || !/\p{Lu}/u.test(text))
    return text;
  return text
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** Gazetteer places of a name, also when it is written in capitals (datelines, headlines). */
export function placesNamed(name: string): PlaceEntry[] {
  const { placesByName } = lexicon();
  return placesByName.get(name) ?? placesByName.get(name.split(' ').map(foldCapitals).join(' ')) ?? [];
}

export function lexicon(): Lexicon {
  const source = dictionaries();
  if (cached && cachedFrom === source) return cached;
  cachedFrom = source;
  cached = buildLexicon(source);
  return cached;
}

function buildLexicon(source: Dictionaries): Lexicon {
  const snapshot = actorSnapshot();
  // The snapshot's tries were built from these very dictionaries when they came from the snapshot.
  const { names, roles, officeHolders } =
    snapshot?.dictionaries === source ? snapshot : timed('name and role tries', () => buildTries(source));
  return {
    names,
    roles,
    // (the lookup-only towns after the main gazetteer, so that its readings come first)
    placesByName: indexPlaces([...source.places, ...source.towns]),
    lookupOnly: new Set(source.towns),
    countriesByCode: new Map(source.countries.map((country) => [country.code, country])),
    officeHolders,
  };
}

/** The parts of the lexicon that the snapshot stores: the name and role tries, and the office index. */
export function buildTries(source: Dictionaries): Omit<ActorSnapshot, 'dictionaries'> {
  const { countries, people, organizations, agents, places } = source;
  const names = new TokenTrie<NameCandidate>();
  for (const person of people) {
    for (const name of [person.name, ...person.aliases])
      if (!TITLED.test(name)) names.add(name, { kind: 'person', person });
  }
  for (const organization of organizations)
    for (const name of [organization.name, ...organization.aliases])
      names.add(name, { kind: 'organization', organization });
  for (const country of countries) {
    for (const name of [country.name, ...country.aliases]) names.add(name, { kind: 'country', country });
    for (const city of country.capitals) names.add(city, { kind: 'capital', country, city });
    for (const adjective of country.adjectives) names.add(adjective, { kind: 'adjective', country });
  }
  for (const place of places) {
    if (place.kind === 'country' || (place.kind === 'city' && place.population < NOTABLE_PLACE_POPULATION))
      continue;
    for (const name of [place.name, ...place.aliases]) names.add(name, { kind: 'place', place });
  }
  const roles = new TokenTrie<string>();
  for (const agent of agents) roles.add(agent.words.join(' '), agent.role);
  return { names, roles, officeHolders: indexOffices(people), surnames: indexSurnames(people) };
}
