/**
 * The entries of the actor and place dictionaries (formats in docs/dictionaries.md) and the candidates a
 * name resolves to: plain data, shared by the loaders (dictionary.ts), the tries (lexicon.ts) and their
 * compiled snapshot (snapshot.ts).
 */
export interface CountryEntry {
  code: string;
  name: string;
  aliases: string[];
  adjectives: string[];
  capitals: string[];
  lat: number;
  lon: number;
}

export interface PersonRole {
  country: string;
  code: string;
  role: string;
  from: string;
  /** Empty when the role is still held. */
  to: string;
}

export interface PersonEntry {
  id: string;
  name: string;
  aliases: string[];
  roles: PersonRole[];
}

export interface OrganizationEntry {
  id: string;
  name: string;
  aliases: string[];
  code: string;
  country: string | null;
  kind: string;
}

export interface AgentEntry {
  /** Lowercase words of the phrase, e.g. ["foreign", "minister"]. */
  words: string[];
  role: string;
}

export type PlaceKind = 'country' | 'capital' | 'city' | 'region' | 'landmark';

export interface PlaceEntry {
  name: string;
  aliases: string[];
  country: string | null;
  kind: PlaceKind;
  lat: number;
  lon: number;
  population: number;
  /** GeoNames first-level division ("TX", "08" for Ontario), to tell Paris, Texas from Paris; may be empty. */
  admin1: string;
}

export interface Dictionaries {
  countries: CountryEntry[];
  people: PersonEntry[];
  organizations: OrganizationEntry[];
  agents: AgentEntry[];
  places: PlaceEntry[];
  /**
   * The lookup-only tier of the gazetteer (data/places/towns.tsv): smaller towns and administrative regions,
   * looked up by name for places the tagger found, never matched in text on their own.
   */
  towns: PlaceEntry[];
}

export type NameCandidate =
  | { kind: 'person'; person: PersonEntry }
  | { kind: 'organization'; organization: OrganizationEntry }
  | { kind: 'country'; country: CountryEntry }
  | { kind: 'capital'; country: CountryEntry; city: string }
  | { kind: 'adjective'; country: CountryEntry }
  | { kind: 'place'; place: PlaceEntry };

/** People by a key (an office, a surname), in dictionary order: a Map, or an index read from a snapshot. */
export interface PeopleIndex {
  get(key: string): PersonEntry[] | undefined;
  keys(): Iterable<string>;
}
