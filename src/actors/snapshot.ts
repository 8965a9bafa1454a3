/**
 * The shipped actor and place dictionaries compiled into one snapshot, data/compiled/actors.json (built
 * by `npm run build:snapshots`): their parsed entries, the name and role tries and the office index, so
 * that a run reads one file instead of parsing ~2.7 MB of TSV and building tries over ~24,000 names.
 * Used only while no user people file is added (`--actors`), and only while the TSV files are the ones it
 * was compiled from (src/model/snapshot.ts); otherwise the dictionaries are built from the TSV as before.
 */
import { encodeSnapshot, readSnapshot } from '../model/snapshot.js';
import { timed } from '../model/timing.js';
import type {
  AgentEntry,
  CountryEntry,
  Dictionaries,
  NameCandidate,
  OrganizationEntry,
  PersonEntry,
  PlaceEntry,
  PlaceKind,
} from './entries.js';
import { TokenTrie, type SerializedTrieNode } from './trie.js';

export const ACTOR_SNAPSHOT_FILE = 'compiled/actors.json';
const FORMAT = 'parley-actors';
/** Bump when the dictionaries' entries, the tries or how they are built change shape. */
const VERSION = 1;

/** Every file the dictionaries are read from, relative to data/ (see dictionaries()). */
export const ACTOR_SOURCES = [
  'actors/people-phoenix.tsv',
  'actors/people.tsv',
  'actors/countries.tsv',
  'actors/organizations.tsv',
  'actors/agents.tsv',
  'places/places.tsv',
] as const;

/** What the snapshot gives back: the dictionaries, and the parts of the lexicon that take long to build. */
export interface ActorSnapshot {
  dictionaries: Dictionaries;
  names: TokenTrie<NameCandidate>;
  roles: TokenTrie<string>;
  officeHolders: Map<string, PersonEntry[]>;
}

/**
 * Entries as rows of their fields in declaration order: a third of the size of JSON objects, which repeat
 * every key, so the file parses faster. Unpacked into objects of the same shape as the TSV loaders build.
 */
type CountryRow = [string, string, string[], string[], string[], number, number];
/** A person's roles are indices into the snapshot's string table: ~28,000 roles share a few thousand strings. */
type PersonRow = [string, string, string[], Array<[number, number, number, number, number]>];
type OrganizationRow = [string, string, string[], string, string | null, string];
type AgentRow = [string[], string];
type PlaceRow = [string, string[], string | null, PlaceKind, number, number, number, string];

interface PackedDictionaries {
  /** The strings of people's roles (countries, codes, titles, dates), each once. */
  strings: string[];
  countries: CountryRow[];
  people: PersonRow[];
  organizations: OrganizationRow[];
  agents: AgentRow[];
  places: PlaceRow[];
}

function pack(d: Dictionaries): PackedDictionaries {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const intern = (text: string): number => {
    let index = indexOf.get(text);
    if (index === undefined) {
      index = strings.push(text) - 1;
      indexOf.set(text, index);
    }
    return index;
  };
  return {
    strings,
    countries: d.countries.map((c) => [c.code, c.name, c.aliases, c.adjectives, c.capitals, c.lat, c.lon]),
    people: d.people.map((p) => [
      p.id,
      p.name,
      p.aliases,
      p.roles.map((r) => [intern(r.country), intern(r.code), intern(r.role), intern(r.from), intern(r.to)]),
    ]),
    organizations: d.organizations.map((o) => [o.id, o.name, o.aliases, o.code, o.country, o.kind]),
    agents: d.agents.map((a) => [a.words, a.role]),
    places: d.places.map((p) => [p.name, p.aliases, p.country, p.kind, p.lat, p.lon, p.population, p.admin1]),
  };
}

function unpack(d: PackedDictionaries): Dictionaries {
  const text = d.strings;
  return {
    countries: d.countries.map(([code, name, aliases, adjectives, capitals, lat, lon]): CountryEntry => ({
      code,
      name,
      aliases,
      adjectives,
      capitals,
      lat,
      lon,
    })),
    people: d.people.map(([id, name, aliases, roles]): PersonEntry => ({
      id,
      name,
      aliases,
      roles: roles.map(([country, code, role, from, to]) => ({
        country: text[country]!,
        code: text[code]!,
        role: text[role]!,
        from: text[from]!,
        to: text[to]!,
      })),
    })),
    organizations: d.organizations.map(([id, name, aliases, code, country, kind]): OrganizationEntry => ({
      id,
      name,
      aliases,
      code,
      country,
      kind,
    })),
    agents: d.agents.map(([words, role]): AgentEntry => ({ words, role })),
    places: d.places.map(([name, aliases, country, kind, lat, lon, population, admin1]): PlaceEntry => ({
      name,
      aliases,
      country,
      kind,
      lat,
      lon,
      population,
      admin1,
    })),
  };
}

interface SnapshotBody {
  dictionaries: PackedDictionaries;
  names: SerializedTrieNode;
  roles: SerializedTrieNode;
  /** Office key → indices into dictionaries.people. */
  officeHolders: Array<[string, number[]]>;
}

/** A name candidate in the snapshot: its kind's letter and the index of its entry ("k" adds the city). */
type EncodedCandidate = ['p' | 'o' | 'c' | 'a' | 'l', number] | ['k', number, string];

/** The snapshot's bytes for dictionaries loaded from the TSV files and the tries built from them. */
export function compileActorSnapshot(snapshot: ActorSnapshot): string {
  const { dictionaries, names, roles, officeHolders } = snapshot;
  const indexOf = <T>(list: T[]): Map<T, number> => new Map(list.map((entry, index) => [entry, index]));
  const people = indexOf(dictionaries.people);
  const organizations = indexOf(dictionaries.organizations);
  const countries = indexOf(dictionaries.countries);
  const places = indexOf(dictionaries.places);
  const encode = (candidate: NameCandidate): EncodedCandidate => {
    switch (candidate.kind) {
      case 'person':
        return ['p', people.get(candidate.person)!];
      case 'organization':
        return ['o', organizations.get(candidate.organization)!];
      case 'country':
        return ['c', countries.get(candidate.country)!];
      case 'capital':
        return ['k', countries.get(candidate.country)!, candidate.city];
      case 'adjective':
        return ['a', countries.get(candidate.country)!];
      case 'place':
        return ['l', places.get(candidate.place)!];
    }
  };
  const body: SnapshotBody = {
    dictionaries: pack(dictionaries),
    names: names.serialize(encode),
    roles: roles.serialize((role) => role),
    officeHolders: [...officeHolders].map(([key, holders]) => [key, holders.map((p) => people.get(p)!)]),
  };
  return encodeSnapshot(FORMAT, VERSION, ACTOR_SOURCES, body);
}

function decode(body: SnapshotBody): ActorSnapshot {
  const dictionaries = unpack(body.dictionaries);
  const { people, organizations, countries, places } = dictionaries;
  const candidate = (value: unknown): NameCandidate => {
    const [kind, index, city] = value as EncodedCandidate;
    switch (kind) {
      case 'p':
        return { kind: 'person', person: people[index]! };
      case 'o':
        return { kind: 'organization', organization: organizations[index]! };
      case 'c':
        return { kind: 'country', country: countries[index]! };
      case 'k':
        return { kind: 'capital', country: countries[index]!, city: city! };
      case 'a':
        return { kind: 'adjective', country: countries[index]! };
      case 'l':
        return { kind: 'place', place: places[index]! };
    }
  };
  return {
    dictionaries,
    names: TokenTrie.deserialize(body.names, candidate),
    roles: TokenTrie.deserialize(body.roles, (role) => role as string),
    officeHolders: new Map(
      body.officeHolders.map(([key, holders]) => [key, holders.map((index) => people[index]!)]),
    ),
  };
}

let loaded: ActorSnapshot | null | undefined;

/** The shipped snapshot, read once; null when it is missing or its sources have changed. */
export function actorSnapshot(): ActorSnapshot | null {
  if (loaded === undefined)
    loaded = timed('actor snapshot (compiled dictionaries and tries)', () => {
      const body = readSnapshot<SnapshotBody>(ACTOR_SNAPSHOT_FILE, FORMAT, VERSION, ACTOR_SOURCES);
      return body ? decode(body) : null;
    });
  return loaded;
}
