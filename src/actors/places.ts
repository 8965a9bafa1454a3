/**
 * Geocoding: every mention of a country, capital or known place becomes a place with its name, country,
 * coordinates and kind. A name several places share ("Paris", "Georgia", "London") is settled by the
 * evidence of the article, each reading scored in units of log10(population):
 *
 * - a qualifier right after it ("Paris, Texas", "London, Ontario", "Tripoli, Lebanon") decides;
 * - the dateline ("HOUSTON (Reuters) -") favours its country, more so its state or province;
 * - places of the article in the same state or province, and the countries the article mentions;
 * - names of the same kind around it: other countries for a country, other states of its country for a state;
 * - a country's own reading when the name is followed by its office ("Georgia's president");
 * - and, without other evidence, size: a country before a state, a capital before a town.
 */
import type { Doc, EntityMention } from '../model/doc.js';
import type { Actor, Place } from '../model/schema.js';
import type { CountryEntry, PlaceEntry } from './dictionary.js';
import { lexicon, placesNamed } from './lexicon.js';

const WEIGHT = {
  capital: 1.5,
  countryMentioned: 2.5,
  sameAdmin1: 4,
  sibling: 3,
  datelineCountry: 3,
  datelineAdmin1: 4,
  governed: 5,
};
/** Readings without a population: a country outranks a state, a state a landmark. */
const UNPOPULATED_BASE: Record<PlaceEntry['kind'], number> = {
  country: 9,
  region: 6.5,
  landmark: 5,
  capital: 4,
  city: 4,
};
const POSSESSIVE = new Set(["'s", '’s']);

/** What the rest of the article says about where things are. */
interface Evidence {
  /** CAMEO country → mentions coding it, and the same counted per surface text (to leave a name out). */
  countries: Map<string, number>;
  countriesByText: Map<string, Map<string, number>>;
  /** `country|admin1` of places named without ambiguity, per surface text. */
  admin1ByText: Map<string, Set<string>>;
  /** Texts read without ambiguity as a country, and as a region by country: "Georgia, Arizona and Ohio". */
  countryTexts: Set<string>;
  regionTextsByCountry: Map<string, Set<string>>;
  dateline: PlaceEntry | undefined;
}

const admin1Key = (place: PlaceEntry): string => `${place.country}|${place.admin1}`;

function countryAsPlace(country: CountryEntry): PlaceEntry {
  const { name, code, lat, lon } = country;
  return { name, aliases: [], country: code, kind: 'country', lat, lon, population: 0, admin1: '' };
}

const byName = placesNamed;

/** The readings of a mention: the country it was resolved to, then every gazetteer place of that name. */
function candidatesOf(mention: EntityMention): PlaceEntry[] {
  const named = byName(mention.text);
  const code = mention.actor?.startsWith('country:') ? mention.actor.slice('country:'.length) : undefined;
  const country = code ? lexicon().countriesByCode.get(code) : undefined;
  if (!country) return named;
  return [countryAsPlace(country), ...named.filter((place) => place.kind !== 'country')];
}

/** `b` holds `a`: the country it is in, or its state or province. */
function holds(b: PlaceEntry, a: PlaceEntry): boolean {
  if (a === b || !a.country || a.country !== b.country) return false;
  if (b.kind === 'country') return a.kind !== 'country';
  return b.kind === 'region' && b.admin1 !== '' && a.admin1 === b.admin1 && a.kind !== 'region';
}

const DATELINE =
  /^\s*(\p{Lu}[\p{L}.'’ -]{1,40}?)(?:,\s*(\p{Lu}[\p{L}.' ]{1,30}?))??(?:,\s*\p{Lu}\p{Ll}{2,8}\.? \d{1,2})?\s*(\([^)]{1,40}\))?\s*(?:--|[—–-])\s/u;

/**
 * The place of a dateline ("HOUSTON (Reuters) -", "PARIS, Texas (AP) —", "Beijing, June 19 (Xinhua) --"):
 * written in capitals or followed by an agency, so that an opening phrase and a dash are not taken for one.
 */
export function datelinePlace(text: string): PlaceEntry | undefined {
  const match = DATELINE.exec(text);
  if (!match) return undefined;
  const [, name = '', region, agency] = match;
  if (!agency && name !== name.toUpperCase()) return undefined;
  const candidates = byName(name.trim());
  const within = region ? byName(region.trim()) : [];
  const qualified = candidates.filter((place) => within.some((outer) => holds(outer, place)));
  const pool = qualified.length > 0 ? qualified : candidates;
  return [...pool].sort((a, b) => prior(b) - prior(a))[0];
}

/** The score of a reading before any evidence: its size and standing. */
function prior(place: PlaceEntry): number {
  const base = place.population > 0 ? Math.log10(place.population) : UNPOPULATED_BASE[place.kind];
  return base + (place.kind === 'capital' ? WEIGHT.capital : 0);
}

function score(place: PlaceEntry, text: string, evidence: Evidence, governed: boolean): number {
  let total = prior(place);
  if (place.country) {
    const own = evidence.countriesByText.get(text)?.get(place.country) ?? 0;
    if ((evidence.countries.get(place.country) ?? 0) - own > 0) total += WEIGHT.countryMentioned;
    for (const [other, keys] of evidence.admin1ByText)
      if (other !== text && place.admin1 && keys.has(admin1Key(place))) {
        total += WEIGHT.sameAdmin1;
        break;
      }
    const { dateline } = evidence;
    if (dateline && dateline.country === place.country) {
      total += WEIGHT.datelineCountry;
      if (place.admin1 && dateline.admin1 === place.admin1) total += WEIGHT.datelineAdmin1;
    }
  }
  if (governed && place.kind === 'country') total += WEIGHT.governed;
  if (hasSibling(place, text, evidence)) total += WEIGHT.sibling;
  return total;
}

/**
 * Names of the same kind elsewhere in the article: other countries for a country ("Russia's actions in
 * Georgia"), other states of the same country for a state ("Trump won Georgia, Arizona and Pennsylvania").
 */
function hasSibling(place: PlaceEntry, text: string, evidence: Evidence): boolean {
  const others =
    place.kind === 'country'
      ? evidence.countryTexts
      : place.kind === 'region' && place.country
        ? evidence.regionTextsByCountry.get(place.country)
        : undefined;
  if (!others) return false;
  for (const other of others) if (other !== text) return true;
  return false;
}

function gatherEvidence(doc: Doc, locations: EntityMention[], readings: PlaceEntry[][]): Evidence {
  const countries = new Map<string, number>();
  const countriesByText = new Map<string, Map<string, number>>();
  for (const mention of doc.mentions) {
    if (!mention.code || mention.code.length < 3 || mention.qualifies) continue;
    const code = mention.code.slice(0, 3);
    countries.set(code, (countries.get(code) ?? 0) + 1);
    const own = countriesByText.get(mention.text) ?? new Map<string, number>();
    own.set(code, (own.get(code) ?? 0) + 1);
    countriesByText.set(mention.text, own);
  }
  const admin1ByText = new Map<string, Set<string>>();
  const countryTexts = new Set<string>();
  const regionTextsByCountry = new Map<string, Set<string>>();
  locations.forEach((mention, index) => {
    const [only, ...more] = readings[index]!;
    if (!only || more.length > 0) return;
    if (only.kind === 'country') countryTexts.add(mention.text);
    if (only.kind === 'region' && only.country) {
      const texts = regionTextsByCountry.get(only.country) ?? new Set<string>();
      texts.add(mention.text);
      regionTextsByCountry.set(only.country, texts);
    }
    if (!only.admin1) return;
    const keys = admin1ByText.get(mention.text) ?? new Set<string>();
    keys.add(admin1Key(only));
    admin1ByText.set(mention.text, keys);
  });
  return {
    countries,
    countriesByText,
    admin1ByText,
    countryTexts,
    regionTextsByCountry,
    dateline: datelinePlace(doc.article.text),
  };
}

/** "Georgia's president", "Georgia's government": the name is followed by its office. */
function isGoverned(doc: Doc, mention: EntityMention): boolean {
  const { tokens } = doc;
  if (!POSSESSIVE.has(tokens[mention.lastToken]?.text ?? '')) return false;
  const after = tokens
    .slice(mention.lastToken + 1, mention.lastToken + 6)
    .map((token) => token.text.toLowerCase());
  return lexicon().roles.longestMatch(after, 0) !== null;
}

/** Index of the mention right after `index` when only a comma stands between ("Paris, Texas"). */
function qualifierOf(doc: Doc, locations: EntityMention[], index: number): number | undefined {
  const mention = locations[index]!;
  const next = locations[index + 1];
  if (!next || doc.tokens[mention.lastToken]?.text !== ',' || next.firstToken !== mention.lastToken + 1)
    return undefined;
  return index + 1;
}

/**
 * A town of the lookup-only tier (towns.tsv) is read only where the article supports its country — another
 * mention of that country, or the dateline's — or a qualifier holds it ("Arlit, Niger"; see chooseReadings).
 * Small towns share their names across countries and with people and ridings ("Caledonia", Ontario, is not
 * the Wisconsin town; "Vincent" in a list of MPs is no town at all): on a survey of 300 Wikinews articles
 * (scripts/survey-towns.ts) the unsupported readings were mostly wrong. Regions are distinctive enough.
 */
function supported(place: PlaceEntry, text: string, evidence: Evidence): boolean {
  if (place.kind !== 'city' || !lexicon().lookupOnly.has(place) || !place.country) return true;
  const own = evidence.countriesByText.get(text)?.get(place.country) ?? 0;
  return (
    (evidence.countries.get(place.country) ?? 0) - own > 0 || evidence.dateline?.country === place.country
  );
}

/** Chooses one reading per location mention (undefined where the gazetteer knows none). */
function chooseReadings(doc: Doc, locations: EntityMention[]): Array<PlaceEntry | undefined> {
  const readings = locations.map(candidatesOf);
  const evidence = gatherEvidence(doc, locations, readings);
  const governed = locations.map((mention) => isGoverned(doc, mention));
  const scoreOf = (place: PlaceEntry, index: number): number =>
    score(place, locations[index]!.text, evidence, governed[index]!);
  const chosen: Array<PlaceEntry | undefined> = new Array(locations.length);
  locations.forEach((_, index) => {
    const outerIndex = qualifierOf(doc, locations, index);
    if (outerIndex === undefined) return;
    // The pair that fits together (a place and what holds it) and scores best wins for both names.
    let best: { inner: PlaceEntry; outer: PlaceEntry; total: number } | undefined;
    for (const inner of readings[index]!)
      for (const outer of readings[outerIndex]!) {
        if (!holds(outer, inner)) continue;
        const total = scoreOf(inner, index) + scoreOf(outer, outerIndex);
        if (!best || total > best.total) best = { inner, outer, total };
      }
    if (!best) return;
    chosen[index] = best.inner;
    chosen[outerIndex] = best.outer;
  });
  return readings.map(
    (candidates, index) =>
      chosen[index] ??
      candidates
        .filter((place) => supported(place, locations[index]!.text, evidence))
        .sort((a, b) => scoreOf(b, index) - scoreOf(a, index))[0],
  );
}

function toPlace(mention: EntityMention, entry: PlaceEntry): Place {
  const { name, country, kind, lat, lon } = entry;
  return { text: mention.text, name, country, kind, lat, lon, start: mention.start, end: mention.end };
}

/**
 * A name read as a country or its capital's government that the evidence puts elsewhere ("Atlanta,
 * Georgia"; "Moscow, Idaho, police") loses that actor: the place is not the country. So does a subdivision
 * the tagger took for an organisation ("Narathiwat Province"), which becomes a location.
 */
function dropMisreadActors(doc: Doc, misread: Set<EntityMention>): Pick<Doc, 'mentions' | 'actors'> {
  if (misread.size === 0) return { mentions: doc.mentions, actors: doc.actors };
  const mentions = doc.mentions.map((mention): EntityMention => {
    if (!misread.has(mention)) return mention;
    const { actor: _actor, resolvedBy: _resolvedBy, code: _code, ...rest } = mention;
    // (a subdivision the tagger took for a body is a place, not an unknown organisation)
    return mention.type === 'LOC' ? rest : { ...rest, type: 'LOC' };
  });
  const counts = new Map<string, number>();
  for (const mention of mentions)
    if (mention.actor && !mention.qualifies) counts.set(mention.actor, (counts.get(mention.actor) ?? 0) + 1);
  const actors: Actor[] = doc.actors
    .filter((actor) => counts.has(actor.id))
    .map((actor) => ({ ...actor, mentions: counts.get(actor.id)! }));
  return { mentions, actors };
}

/** The words after a subdivision's name in the gazetteer ("Hadhramaut Governorate", "Nangarhar Province"). */
const SUBDIVISION_WORD =
  /\s(Province|Governorate|State|Region|Department|District|County|Oblast|Prefecture|Krai)$/;

/**
 * A location mention, or a name the tagger took for an organisation or a misc name that the gazetteer knows
 * as a subdivision by its full title: "Hadhramaut Governorate" and "Nangarhar Province" look like bodies.
 */
function isLocation(mention: EntityMention): boolean {
  if (mention.type === 'LOC') return true;
  return (
    !mention.code &&
    SUBDIVISION_WORD.test(mention.text) &&
    byName(mention.text).some((place) => place.kind === 'region')
  );
}

/** Pipeline stage: fills `places` from location mentions (and capitals used as metonyms). */
export function geocodeStage(doc: Doc): Doc {
  const locations = doc.mentions.filter(isLocation);
  const readings = chooseReadings(doc, locations);
  const places: Place[] = [];
  const misread = new Set<EntityMention>();
  locations.forEach((mention, index) => {
    const entry = readings[index];
    if (!entry) return;
    places.push(toPlace(mention, entry));
    const code = mention.resolvedBy === 'country' ? mention.code?.slice(0, 3) : undefined;
    if ((code && entry.country !== code) || mention.type !== 'LOC') misread.add(mention);
  });
  return { ...doc, ...dropMisreadActors(doc, misread), places };
}
