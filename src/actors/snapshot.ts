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
  PeopleIndex,
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
const VERSION = 3;

/** Every file the dictionaries are read from, relative to data/ (see dictionaries()). */
export const ACTOR_SOURCES = [
  'actors/people-phoenix.tsv',
  'actors/people.tsv',
  'actors/countries.tsv',
  'actors/organizations.tsv',
  'actors/agents.tsv',
  'places/places.tsv',
  'places/towns.tsv',
] as const;

/**
 * What the snapshot gives back: the dictionaries, the parts of the lexicon that take long to build, and
 * the people by surname. From a snapshot, a person is decoded when first reached (by a name, an office,
 * a surname, or the whole list), so a run decodes the few dozen people its articles name, not 18,000.
 */
export interface ActorSnapshot {
  dictionaries: Dictionaries;
  names: TokenTrie<NameCandidate>;
  roles: TokenTrie<string>;
  officeHolders: PeopleIndex;
  surnames: PeopleIndex;
}

/**
 * Entries as rows of their fields in declaration order: a third of the size of JSON objects, which repeat
 * every key, so the file parses faster. Unpacked into objects of the same shape as the TSV loaders build.
 */
type CountryRow = [string, string, string[], string[], string[], number, number];
/**
 * A person as one string, `id TAB name TAB alias|alias TAB role;role`, each role five indices into the
 * snapshot's string table ("3,17,5,2000,2001"): one string to parse per person instead of ~10 values, and
 * ~28,000 roles share a few thousand strings. Tabs and bars never occur in those cells (the TSV format).
 */
type PersonRow = string;
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
  towns: PlaceRow[];
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
    people: d.people.map((p) =>
      [
        checked(p.id, /\t/),
        checked(p.name, /\t/),
        p.aliases.map((alias) => checked(alias, /[\t|]/)).join('|'),
        p.roles.map((r) => [r.country, r.code, r.role, r.from, r.to].map(intern).join(',')).join(';'),
      ].join('\t'),
    ),
    organizations: d.organizations.map((o) => [o.id, o.name, o.aliases, o.code, o.country, o.kind]),
    agents: d.agents.map((a) => [a.words, a.role]),
    places: d.places.map(placeRow),
    towns: d.towns.map(placeRow),
  };
}

const placeRow = (p: PlaceEntry): PlaceRow => [
  p.name,
  p.aliases,
  p.country,
  p.kind,
  p.lat,
  p.lon,
  p.population,
  p.admin1,
];

const placeEntry = ([name, aliases, country, kind, lat, lon, population, admin1]: PlaceRow): PlaceEntry => ({
  name,
  aliases,
  country,
  kind,
  lat,
  lon,
  population,
  admin1,
});

/** A field of a person row, refused at build time if it holds a separator of the row. */
function checked(field: string, separators: RegExp): string {
  if (separators.test(field)) throw new Error(`"${field}": a person's field holds a tab or a bar`);
  return field;
}

/** The snapshot's people, each decoded on first use and then kept, so that every reader gets one object. */
class SnapshotPeople {
  private readonly decoded: Array<PersonEntry | undefined>;
  private everyone: PersonEntry[] | undefined;

  constructor(
    private readonly rows: PersonRow[],
    private readonly strings: string[],
  ) {
    this.decoded = new Array<PersonEntry | undefined>(rows.length);
  }

  at(index: number): PersonEntry {
    return (this.decoded[index] ??= this.decode(this.rows[index]!));
  }

  all(): PersonEntry[] {
    this.everyone ??= this.rows.map((_, index) => this.at(index));
    return this.everyone;
  }

  private decode(row: PersonRow): PersonEntry {
    const [id = '', name = '', aliases = '', roles = ''] = row.split('\t');
    const text = this.strings;
    return {
      id,
      name,
      aliases: aliases === '' ? [] : aliases.split('|'),
      roles: (roles === '' ? [] : roles.split(';')).map((role) => {
        const [country = 0, code = 0, title = 0, from = 0, to = 0] = role.split(',').map(Number);
        return {
          country: text[country]!,
          code: text[code]!,
          role: text[title]!,
          from: text[from]!,
          to: text[to]!,
        };
      }),
    };
  }
}

/** A people index read from the snapshot: entry lists of person indices, decoded by key on first use. */
function lazyIndex(entries: Array<[string, number[]]>, people: SnapshotPeople): PeopleIndex {
  const indices = new Map(entries);
  const decoded = new Map<string, PersonEntry[]>();
  return {
    get(key) {
      let list = decoded.get(key);
      if (!list) {
        const found = indices.get(key);
        if (!found) return undefined;
        list = found.map((index) => people.at(index));
        decoded.set(key, list);
      }
      return list;
    },
    keys: () => indices.keys(),
  };
}

function unpack(d: PackedDictionaries, people: SnapshotPeople): Dictionaries {
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
    get people() {
      return people.all();
    },
    organizations: d.organizations.map(([id, name, aliases, code, country, kind]): OrganizationEntry => ({
      id,
      name,
      aliases,
      code,
      country,
      kind,
    })),
    agents: d.agents.map(([words, role]): AgentEntry => ({ words, role })),
    places: d.places.map(placeEntry),
    towns: d.towns.map(placeEntry),
  };
}

interface SnapshotBody {
  dictionaries: PackedDictionaries;
  names: SerializedTrieNode;
  roles: SerializedTrieNode;
  /** Office key → indices into dictionaries.people. */
  officeHolders: Array<[string, number[]]>;
  /** Surname → indices into dictionaries.people. */
  surnames: Array<[string, number[]]>;
}

/** A name candidate in the snapshot: its kind's letter and the index of its entry ("k" adds the city). */
type EncodedCandidate = ['p' | 'o' | 'c' | 'a' | 'l', number] | ['k', number, string];

/** The snapshot's bytes for dictionaries loaded from the TSV files and the tries built from them. */
export function compileActorSnapshot(snapshot: ActorSnapshot): string {
  const { dictionaries, names, roles, officeHolders, surnames } = snapshot;
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
    officeHolders: indexEntries(officeHolders, people),
    surnames: indexEntries(surnames, people),
  };
  return encodeSnapshot(FORMAT, VERSION, ACTOR_SOURCES, body);
}

/** A people index as entry lists of person indices, keys in their order. */
function indexEntries(index: PeopleIndex, people: Map<PersonEntry, number>): Array<[string, number[]]> {
  return [...index.keys()].map((key) => [key, index.get(key)!.map((person) => people.get(person)!)]);
}

function decode(body: SnapshotBody): ActorSnapshot {
  const people = new SnapshotPeople(body.dictionaries.people, body.dictionaries.strings);
  const dictionaries = unpack(body.dictionaries, people);
  const { organizations, countries, places } = dictionaries;
  const candidate = (value: unknown): NameCandidate => {
    const [kind, index, city] = value as EncodedCandidate;
    switch (kind) {
      case 'p':
        return { kind: 'person', person: people.at(index) };
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
    officeHolders: lazyIndex(body.officeHolders, people),
    surnames: lazyIndex(body.surnames, people),
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
