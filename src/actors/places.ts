/**
 * Geocoding: every mention of a country, capital or known place becomes a place with coordinates.
 * Ambiguous names ("Georgia", "Paris") are settled by the countries the article mentions, then by kind
 * (a capital before a town), then by population.
 */
import type { Doc, EntityMention } from '../model/doc.js';
import type { Place } from '../model/schema.js';
import type { PlaceEntry } from './dictionary.js';
import { lexicon } from './lexicon.js';

const KIND_RANK: Record<PlaceEntry['kind'], number> = {
  country: 0,
  capital: 1,
  region: 2,
  landmark: 3,
  city: 4,
};

function countriesMentioned(mentions: EntityMention[]): Set<string> {
  const codes = new Set<string>();
  for (const mention of mentions)
    if (mention.code && mention.code.length >= 3) codes.add(mention.code.slice(0, 3));
  return codes;
}

export function choosePlace(candidates: PlaceEntry[], context: Set<string>): PlaceEntry | undefined {
  const score = (place: PlaceEntry): number =>
    (place.country && context.has(place.country) ? 1e12 : 0) +
    (4 - KIND_RANK[place.kind]) * 1e10 +
    place.population;
  return [...candidates].sort((a, b) => score(b) - score(a))[0];
}

function placeOf(mention: EntityMention, context: Set<string>): Place | null {
  const { placesByName, countriesByCode } = lexicon();
  const candidates = placesByName.get(mention.text) ?? [];
  // A country mention resolved to an actor geocodes to that country even under another name ("U.S.").
  const countryCode = mention.actor?.startsWith('country:')
    ? mention.actor.slice('country:'.length)
    : undefined;
  const country = countryCode ? countriesByCode.get(countryCode) : undefined;
  if (country && mention.type === 'LOC') {
    return {
      text: mention.text,
      name: country.name,
      country: country.code,
      kind: 'country',
      lat: country.lat,
      lon: country.lon,
      start: mention.start,
      end: mention.end,
    };
  }
  const chosen = choosePlace(candidates, context);
  if (!chosen) return null;
  return {
    text: mention.text,
    name: chosen.name,
    country: chosen.country,
    kind: chosen.kind,
    lat: chosen.lat,
    lon: chosen.lon,
    start: mention.start,
    end: mention.end,
  };
}

/** Pipeline stage: fills `places` from location mentions (and capitals used as metonyms). */
export function geocodeStage(doc: Doc): Doc {
  const context = countriesMentioned(doc.mentions);
  const places = doc.mentions
    .filter((mention) => mention.type === 'LOC')
    .map((mention) => placeOf(mention, context))
    .filter((place): place is Place => place !== null);
  return { ...doc, places };
}
