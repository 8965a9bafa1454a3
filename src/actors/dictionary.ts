/**
 * The actor and place dictionaries shipped in data/ (formats in docs/dictionaries.md), loaded once, on
 * first use, into plain lookup structures. Users add their own files with `--actors FILE`.
 */
import { existsSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import { timed } from '../model/timing.js';
import { actorSnapshot } from './snapshot.js';
import { listCell, readTsvRows } from '../model/tsv.js';
import type {
  PeopleIndex,
  CountryEntry,
  PersonRole,
  PersonEntry,
  OrganizationEntry,
  AgentEntry,
  PlaceKind,
  PlaceEntry,
  Dictionaries,
} from './entries.js';

export type * from './entries.js';

function loadCountries(file: string): CountryEntry[] {
  return readTsvRows(file).map(
    ({ cells: [code = '', name = '', aliases, adjectives, capitals, , lat, lon] }) => ({
      code,
      name,
      aliases: listCell(aliases),
      adjectives: listCell(adjectives),
      capitals: listCell(capitals),
      lat: Number(lat),
      lon: Number(lon),
    }),
  );
}

/** One row per role held; rows of the same person id are gathered into one entry. */
function loadPeople(file: string, into: Map<string, PersonEntry> = new Map()): Map<string, PersonEntry> {
  for (const { cells } of readTsvRows(file)) {
    const [id = '', name = '', aliases, country = '', code = '', role = '', from = '', to = ''] = cells;
    const person = into.get(id) ?? { id, name, aliases: listCell(aliases), roles: [] };
    person.roles.push({ country, code, role, from, to });
    into.set(id, person);
  }
  return into;
}

function loadOrganizations(file: string): OrganizationEntry[] {
  return readTsvRows(file).map(({ cells: [id = '', name = '', aliases, code = '', country, kind = ''] }) => ({
    id,
    name,
    aliases: listCell(aliases),
    code,
    country: country || null,
    kind,
  }));
}

function loadAgents(file: string): AgentEntry[] {
  return readTsvRows(file).map(({ cells: [phrase = '', role = ''] }) => ({
    words: phrase.toLowerCase().split(/\s+/),
    role,
  }));
}

const PLACE_KINDS = new Set<string>(['country', 'capital', 'city', 'region', 'landmark']);

function loadPlaces(file: string): PlaceEntry[] {
  return readTsvRows(file).map(
    ({ cells: [name = '', aliases, country, kind = 'city', lat, lon, population, admin1 = ''] }) => ({
      name,
      aliases: listCell(aliases),
      country: country || null,
      kind: (PLACE_KINDS.has(kind) ? kind : 'city') as PlaceKind,
      lat: Number(lat),
      lon: Number(lon),
      population: Number(population) || 0,
      admin1,
    }),
  );
}

const optional = <T>(file: string, load: (file: string) => T[]): T[] => (existsSync(file) ? load(file) : []);

const optionalPeople = (file: string): Map<string, PersonEntry> =>
  existsSync(file) ? loadPeople(file) : new Map();

let cached: Dictionaries | undefined;
let extraActorFiles: string[] = [];

/**
 * Adds a user's own people file (same format as data/actors/people.tsv); its rows extend or override
 * the shipped ones. Must be called before the first analysis.
 */
export function useActorFiles(files: string[]): void {
  if (files.join('\n') === extraActorFiles.join('\n')) return;
  extraActorFiles = files;
  cached = undefined;
}

/** The user's people files in use, for worker threads that must load the same dictionaries. */
export const actorFiles = (): string[] => [...extraActorFiles];

export function dictionaries(): Dictionaries {
  // The compiled snapshot holds exactly the shipped files; a user's people file means reading the TSV.
  cached ??=
    (extraActorFiles.length === 0 ? actorSnapshot()?.dictionaries : undefined) ??
    timed('actor and place dictionaries (TSV)', () => readDictionaries(extraActorFiles));
  return cached;
}

/** The dictionaries read from the TSV files under data/, with users' people files after the shipped ones. */
export function readDictionaries(extraFiles: readonly string[] = []): Dictionaries {
  // Phoenix's people (generated, to 2014) first: the hand-checked people.tsv and users' files come after.
  const people = loadPeople(
    dataPath('actors/people.tsv'),
    optionalPeople(dataPath('actors/people-phoenix.tsv')),
  );
  for (const file of extraFiles) loadPeople(file, people);
  return {
    countries: loadCountries(dataPath('actors/countries.tsv')),
    people: [...people.values()],
    organizations: optional(dataPath('actors/organizations.tsv'), loadOrganizations),
    agents: optional(dataPath('actors/agents.tsv'), loadAgents),
    places: optional(dataPath('places/places.tsv'), loadPlaces),
    towns: optional(dataPath('places/towns.tsv'), loadPlaces),
  };
}

/** Acting and interim titles ("Acting President", "Secretary of Defense (acting)"). */
const isStopgap = (role: PersonRole): boolean => /\b(acting|interim)\b/i.test(role.role);
const HEAD_OF_STATE_OR_GOVERNMENT =
  /^(Acting |Interim )?(President|Prime Minister|Premier|Chancellor|King|Queen|Emperor|Supreme Leader)$/;

function roleRank(role: PersonRole): number {
  if (HEAD_OF_STATE_OR_GOVERNMENT.test(role.role)) return 0;
  return isStopgap(role) ? 2 : 1;
}

/** The role a person held on a date; without a date, the most recent one. */
export function roleOn(person: PersonEntry, date: string | null): PersonRole | undefined {
  const day = date?.slice(0, 10);
  if (!day) return [...person.roles].sort((a, b) => b.from.localeCompare(a.from))[0];
  const held = person.roles.filter((role) => role.from <= day && (role.to === '' || day <= role.to));
  // Several roles at once: the head of state or government is the news role (Putin, prime minister and
  // acting president in 2000), then a full office over one held as a stopgap on the side (Rubio, Secretary
  // of State and acting adviser), then the one taken up last (Xi, party chief, then president).
  return held.sort((a, b) => roleRank(a) - roleRank(b) || b.from.localeCompare(a.from))[0];
}

let bySurname: { from: Dictionaries; index: PeopleIndex } | undefined;

/** People by the last word of their name, when their name has more than one. */
export function indexSurnames(people: readonly PersonEntry[]): Map<string, PersonEntry[]> {
  const index = new Map<string, PersonEntry[]>();
  for (const person of people) {
    const last = person.name.split(/\s+/).pop();
    if (!last || last === person.name) continue;
    // "President Assad": news drops the Arabic article of "Bashar al-Assad", "Abdel Fattah el-Sisi".
    const bare = /^(?:al|el|as|ash|ad|an|ar|az)-(\p{Lu}\p{L}+)$/iu.exec(last)?.[1];
    for (const key of bare ? [last, bare] : [last]) {
      const list = index.get(key) ?? [];
      list.push(person);
      index.set(key, list);
    }
  }
  return index;
}

/**
 * "President Talabani": the one person with that surname in office (a role other than the elite's ELI) on
 * the date, if exactly one is, or else the one whose office the title names; news names sitting leaders by
 * title and surname alone.
 */
export function officeHolderBySurname(
  surname: string,
  date: string | null,
  title?: string,
): PersonEntry | undefined {
  const source = dictionaries();
  if (bySurname?.from !== source) {
    const snapshot = actorSnapshot();
    const index = snapshot?.dictionaries === source ? snapshot.surnames : indexSurnames(source.people);
    bySurname = { from: source, index };
  }
  if (!date) return undefined;
  const holders = (bySurname.index.get(surname) ?? []).filter((person) => {
    const role = roleOn(person, date);
    return !!role && !role.code.endsWith('ELI');
  });
  if (holders.length <= 1 || !title) return holders[0];
  // "President Bush" in 2003: of the two Bushes in office (Phoenix also holds a Cayman Islands minister of
  // that name), the one whose office the title names.
  const word = title.toLowerCase();
  const titled = holders.filter((person) =>
    roleOn(person, date)!.role.toLowerCase().split(/\s+/).includes(word),
  );
  return titled.length === 1 ? titled[0] : undefined;
}
