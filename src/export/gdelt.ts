/**
 * GDELT Events 2.0 export: the published 61 columns, in their order, tab-separated, one row per event
 * (mentions merged), with Parley's own columns appended after them (docs/export.md lists every column).
 */
import type { MergedEvent } from '../store/store.js';

export const GDELT_COLUMNS = [
  'GlobalEventID',
  'Day',
  'MonthYear',
  'Year',
  'FractionDate',
  'Actor1Code',
  'Actor1Name',
  'Actor1CountryCode',
  'Actor1KnownGroupCode',
  'Actor1EthnicCode',
  'Actor1Religion1Code',
  'Actor1Religion2Code',
  'Actor1Type1Code',
  'Actor1Type2Code',
  'Actor1Type3Code',
  'Actor2Code',
  'Actor2Name',
  'Actor2CountryCode',
  'Actor2KnownGroupCode',
  'Actor2EthnicCode',
  'Actor2Religion1Code',
  'Actor2Religion2Code',
  'Actor2Type1Code',
  'Actor2Type2Code',
  'Actor2Type3Code',
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  'Actor1Geo_Type',
  'Actor1Geo_FullName',
  'Actor1Geo_CountryCode',
  'Actor1Geo_ADM1Code',
  'Actor1Geo_ADM2Code',
  'Actor1Geo_Lat',
  'Actor1Geo_Long',
  'Actor1Geo_FeatureID',
  'Actor2Geo_Type',
  'Actor2Geo_FullName',
  'Actor2Geo_CountryCode',
  'Actor2Geo_ADM1Code',
  'Actor2Geo_ADM2Code',
  'Actor2Geo_Lat',
  'Actor2Geo_Long',
  'Actor2Geo_FeatureID',
  'ActionGeo_Type',
  'ActionGeo_FullName',
  'ActionGeo_CountryCode',
  'ActionGeo_ADM1Code',
  'ActionGeo_ADM2Code',
  'ActionGeo_Lat',
  'ActionGeo_Long',
  'ActionGeo_FeatureID',
  'DATEADDED',
  'SOURCEURL',
] as const;

export const PARLEY_COLUMNS = [
  'ParleyArticleId',
  'ParleyEvidence',
  'ParleyPattern',
  'ParleyConfidence',
  'ParleyNegated',
  'ParleyBackground',
  'ParleyPlover',
] as const;

type Column = (typeof GDELT_COLUMNS)[number] | (typeof PARLEY_COLUMNS)[number];

/** CAMEO actor codes: three letters of country (or IGO/NGO/IMG + group), then role codes of three letters. */
function splitActor(code: string | null): { country: string; group: string; types: string[] } {
  if (!code) return { country: '', group: '', types: [] };
  if (/^(IGO|NGO|IMG|MNC)/.test(code)) return { country: '', group: code.slice(3, 6), types: [] };
  return { country: code.slice(0, 3), group: '', types: (code.slice(3).match(/.{3}/g) ?? []).slice(0, 3) };
}

function fractionDate(date: string): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  const year = new Date(time).getUTCFullYear();
  const dayOfYear = (time - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  return (year + dayOfYear / 365).toFixed(4);
}

/** GDELT's geo type: 1 country, 3 US city, 4 world city (we do not resolve US states to ADM1 yet). */
const geoType = (event: MergedEvent): string =>
  event.place ? (event.placeCountry === event.place ? '1' : event.placeCountry === 'USA' ? '3' : '4') : '';

/** Tabs and line breaks inside a field would break the TSV; GDELT fields never hold them. */
const clean = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value).replace(/[\t\r\n]+/g, ' ');

export function gdeltRow(event: MergedEvent): string {
  const day = event.date ?? '';
  const a1 = splitActor(event.sourceCode);
  const a2 = splitActor(event.targetCode);
  const actionGeo = event.place
    ? [geoType(event), event.place, event.placeCountry ?? '', '', '', event.lat ?? '', event.lon ?? '', '']
    : ['', '', '', '', '', '', '', ''];
  const values: Record<Column, string | number | null> = {
    GlobalEventID: event.groupId,
    Day: day.replace(/-/g, ''),
    MonthYear: day.slice(0, 7).replace('-', ''),
    Year: day.slice(0, 4),
    FractionDate: day ? fractionDate(day) : '',
    Actor1Code: event.sourceCode,
    Actor1Name: event.sourceText.toUpperCase(),
    Actor1CountryCode: a1.country,
    Actor1KnownGroupCode: a1.group,
    Actor1EthnicCode: '',
    Actor1Religion1Code: '',
    Actor1Religion2Code: '',
    Actor1Type1Code: a1.types[0] ?? '',
    Actor1Type2Code: a1.types[1] ?? '',
    Actor1Type3Code: a1.types[2] ?? '',
    Actor2Code: event.targetCode ?? '',
    Actor2Name: (event.targetText ?? '').toUpperCase(),
    Actor2CountryCode: a2.country,
    Actor2KnownGroupCode: a2.group,
    Actor2EthnicCode: '',
    Actor2Religion1Code: '',
    Actor2Religion2Code: '',
    Actor2Type1Code: a2.types[0] ?? '',
    Actor2Type2Code: a2.types[1] ?? '',
    Actor2Type3Code: a2.types[2] ?? '',
    IsRootEvent: event.isRoot ? 1 : 0,
    EventCode: event.code,
    EventBaseCode: event.code.slice(0, 3),
    EventRootCode: event.root,
    QuadClass: event.quadClass,
    GoldsteinScale: event.goldstein,
    NumMentions: event.mentions,
    NumSources: event.sources,
    NumArticles: event.articles,
    AvgTone: event.tone,
    // Parley places events, not actors: the actors' geography is left empty rather than guessed.
    Actor1Geo_Type: '',
    Actor1Geo_FullName: '',
    Actor1Geo_CountryCode: '',
    Actor1Geo_ADM1Code: '',
    Actor1Geo_ADM2Code: '',
    Actor1Geo_Lat: '',
    Actor1Geo_Long: '',
    Actor1Geo_FeatureID: '',
    Actor2Geo_Type: '',
    Actor2Geo_FullName: '',
    Actor2Geo_CountryCode: '',
    Actor2Geo_ADM1Code: '',
    Actor2Geo_ADM2Code: '',
    Actor2Geo_Lat: '',
    Actor2Geo_Long: '',
    Actor2Geo_FeatureID: '',
    ActionGeo_Type: actionGeo[0]!,
    ActionGeo_FullName: actionGeo[1]!,
    ActionGeo_CountryCode: actionGeo[2]!,
    ActionGeo_ADM1Code: actionGeo[3]!,
    ActionGeo_ADM2Code: actionGeo[4]!,
    ActionGeo_Lat: actionGeo[5]!,
    ActionGeo_Long: actionGeo[6]!,
    ActionGeo_FeatureID: actionGeo[7]!,
    DATEADDED: event.ingestedAt.replace(/[-T:]/g, '').slice(0, 14),
    SOURCEURL: event.url ?? `parley:${event.articleId}`,
    ParleyArticleId: event.articleId,
    ParleyEvidence: event.evidence,
    ParleyPattern: event.pattern,
    ParleyConfidence: event.confidence,
    ParleyNegated: event.negated ? 1 : 0,
    ParleyBackground: event.background ? 1 : 0,
    ParleyPlover: event.plover,
  };
  return [...GDELT_COLUMNS, ...PARLEY_COLUMNS].map((column) => clean(values[column])).join('\t');
}
