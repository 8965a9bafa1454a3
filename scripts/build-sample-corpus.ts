/**
 * Builds data/sample/corpus.jsonl — the small news corpus Parley ships for demos and tests — and its
 * data/sample/README.md, from the freely licensed sets in ../shared/data/news-free:
 *   1. the project's founding example article (Xi–Blinken meeting, 2023-06-19), always the first record;
 *   2. a few hundred English Wikinews articles (CC BY 2.5) about relations between major countries;
 *   3. several thousand Wikipedia "Current events" items (CC BY-SA 4.0), one record per `- ` item,
 *      chosen so that U.S.–China relations are covered in every year 2002–2026.
 *
 * The output is deterministic: no randomness (ties are broken by a fixed hash of the id) and records
 * are sorted by date, then id, so the same input always gives a byte-identical file.
 *
 * Run: npx tsx scripts/build-sample-corpus.ts   (PARLEY_SHARED overrides the shared data folder)
 */
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { repoRoot, sharedDataDir } from './paths.js';

// ---------------------------------------------------------------------------------------------------------
// Records

/** One line of corpus.jsonl; the key order here is the key order in the file. */
interface CorpusRecord {
  id: string;
  url: string;
  title: string;
  date: string;
  source: string;
  text: string;
  licence: string;
}

/** The fields every news-free record has (the files add others, which we ignore). */
interface SourceRecord {
  id: string;
  title: string;
  date: string;
  url: string;
  text: string;
}

function isSourceRecord(value: unknown): value is SourceRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['id', 'title', 'date', 'url', 'text'].every((key) => typeof record[key] === 'string');
}

/** Streams a JSONL file one record at a time, so the 27 MB digest file never sits in memory as one string. */
async function* readJsonl(file: string): AsyncGenerator<SourceRecord> {
  const lines = readline.createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const parsed: unknown = JSON.parse(line);
    if (!isSourceRecord(parsed)) throw new Error(`${file}:${lineNumber}: missing id/title/date/url/text`);
    yield parsed;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Which countries a text mentions

/**
 * The major international actors the sample is about, each with the names news uses for it
 * (country, demonym, capital or seat used as a metonym; for the U.S. and China also their leaders since
 * 2002, because items like "Xi Jinping meets Joe Biden" name neither country). Matching is case-sensitive on purpose:
 * "US" and "Turkey" are actors, "us" and "turkey" are not. The lookarounds drop the commonest false
 * friends ("Latin American", "Indian Ocean", "French Open", "US$", "U.S.S.R.", Taiwan's "Republic of China").
 */
const ACTORS: ReadonlyArray<{ code: string; pattern: RegExp }> = [
  {
    code: 'USA',
    pattern:
      /\b(?:United States|U\.S\.(?!S\.R)|USA\b|US\b(?!\$)|White House|Pentagon\b|Washington\b(?! Post| Times)|(?:Bush|Obama|Trump|Biden)\b)|(?<!\b(?:Latin|South|Central|North) )\bAmerica(?:ns?)?\b/,
  },
  {
    code: 'CHN',
    pattern:
      /\b(?:People's Republic of China|(?<!Republic of )China|Chinese|Beijing|PRC|Jiang Zemin|Hu Jintao|Wen Jiabao|Xi Jinping|Li Keqiang)\b/,
  },
  { code: 'RUS', pattern: /\b(?:Russia|Russians?|Moscow|Kremlin)\b/ },
  { code: 'UKR', pattern: /\b(?:Ukraine|Ukrainians?|Kyiv|Kiev)\b/ },
  { code: 'IRN', pattern: /\b(?:Iran|Iranians?|Tehran)\b/ },
  { code: 'ISR', pattern: /\b(?:Israel|Israelis?)\b/ },
  { code: 'PRK', pattern: /\b(?:North Koreans?|Pyongyang|DPRK)\b/ },
  { code: 'KOR', pattern: /\b(?:South Koreans?|Seoul)\b/ },
  { code: 'JPN', pattern: /\b(?:Japan|Japanese|Tokyo)\b/ },
  {
    code: 'IND',
    pattern: /\b(?:India|New Delhi)\b|(?<!\b(?:American|West|Native) )\bIndians?\b(?! Ocean| Premier League)/,
  },
  { code: 'PAK', pattern: /\b(?:Pakistan|Pakistanis?|Islamabad)\b/ },
  { code: 'TWN', pattern: /\b(?:Taiwan|Taiwanese|Taipei)\b|(?<!People's )\bRepublic of China\b/ },
  { code: 'GBR', pattern: /\b(?:United Kingdom|Britain|British(?! Columbia)|UK\b|U\.K\.)/ },
  { code: 'FRA', pattern: /\b(?:France|French)\b(?! Open| Polynesia| Guiana)(?<!Tour de France)/ },
  { code: 'DEU', pattern: /\b(?:Germany|Germans?)\b/ },
  { code: 'EUR', pattern: /\b(?:European Union|European Commission|EU)\b/ },
  { code: 'NATO', pattern: /\bNATO\b/ },
  { code: 'UN', pattern: /\b(?:United Nations|UN\b|U\.N\.)|(?<!National )\bSecurity Council\b/ },
  { code: 'SYR', pattern: /\b(?:Syria|Syrians?|Damascus)\b/ },
  { code: 'IRQ', pattern: /\b(?:Iraq|Iraqis?|Baghdad)\b/ },
  { code: 'AFG', pattern: /\b(?:Afghanistan|Afghans?|Kabul)\b/ },
  { code: 'TUR', pattern: /\b(?:Turkey|Türkiye|Turkish|Ankara)\b/ },
  { code: 'SAU', pattern: /\b(?:Saudi Arabia|Saudis?|Riyadh)\b/ },
  { code: 'VEN', pattern: /\b(?:Venezuela|Venezuelans?|Caracas)\b/ },
  { code: 'CUB', pattern: /\b(?:Cuba|Cubans?|Havana)\b/ },
];

function actorsIn(text: string): Set<string> {
  return new Set(ACTORS.filter((actor) => actor.pattern.test(text)).map((actor) => actor.code));
}

/** Words that make a text mentioning two countries look like international news rather than, say, a travel piece. */
const INTERNATIONAL_KEYWORDS =
  /\b(?:talks|meet(?:s|ing)?|met|visit\w*|sanction\w*|summit\w*|agree\w*|accus\w*|attack\w*|troops|minister\w*|president\w*|treat(?:y|ies)|nuclear|trade|tariff\w*|diplomat\w*|ambassador\w*|embass(?:y|ies)|envoy\w*|negotiat\w*|condemn\w*|warn\w*|threat\w*|military|missile\w*|war|cease-?fire|deal|relations|bilateral|invasion|invade\w*|airstrikes?|spy|spies|espionage|delegation\w*|cooperat\w*|aid|resolution|veto\w*|alliance|sovereignty|border)\b/i;

/** Stricter words that let an item about a single listed country in (e.g. "Iran expels the British ambassador"). */
const RELATIONS_KEYWORDS =
  /\b(?:foreign minist\w*|secretary of state|ambassador\w*|embass(?:y|ies)|envoy\w*|diplomat\w*|sanction\w*|summit\w*|treat(?:y|ies)|bilateral|talks|tariff\w*|state visit|relations|cease-?fire|negotiat\w*|accus\w*|condemn\w*|expel\w*|missile\w*|nuclear)\b/i;

/** Sport and entertainment items name countries all the time without being about relations between them. */
const SPORT_OR_CULTURE =
  /\b(?:Olympics?|World Cup|FIFA|medals?|championships?|tournament|Grand Prix|cricket|football|soccer|tennis|Eurovision|box office|film festival)\b/i;

/** The dyads the corpus should cover well, besides U.S.–China; North Korea counts with any other listed actor. */
const FOCUS_DYADS: ReadonlyArray<readonly [string, string]> = [
  ['RUS', 'UKR'],
  ['USA', 'RUS'],
  ['ISR', 'IRN'],
  ['IND', 'PAK'],
  ['USA', 'IRN'],
  ['CHN', 'TWN'],
];

function mentionsUsAndChina(actors: Set<string>): boolean {
  return actors.has('USA') && actors.has('CHN');
}

function mentionsFocusDyad(actors: Set<string>): boolean {
  if (actors.has('PRK') && actors.size >= 2) return true;
  return FOCUS_DYADS.some(([a, b]) => actors.has(a) && actors.has(b));
}

// ---------------------------------------------------------------------------------------------------------
// Deterministic ordering helpers

/** FNV-1a: a fixed pseudo-random tie-breaker, so selections spread over a year instead of favouring January. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Compares ids so that wcep-2005-01-02-2 sorts before wcep-2005-01-02-10 (no locale involved, so stable everywhere). */
function compareIds(a: string, b: string): number {
  const chunksA = a.match(/\d+|\D+/g) ?? [];
  const chunksB = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(chunksA.length, chunksB.length); i++) {
    const x = chunksA[i] ?? '';
    const y = chunksB[i] ?? '';
    if (x === y) continue;
    const bothNumeric = /^\d/.test(x) && /^\d/.test(y);
    if (bothNumeric && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return chunksA.length - chunksB.length;
}

function byDateThenId(a: CorpusRecord, b: CorpusRecord): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return compareIds(a.id, b.id);
}

/** Candidates sorted by tier (lower first), then by the fixed hash. */
interface Ranked<T> {
  item: T;
  tier: number;
  id: string;
}

function byTierThenHash<T>(a: Ranked<T>, b: Ranked<T>): number {
  return a.tier - b.tier || fnv1a(a.id) - fnv1a(b.id) || compareIds(a.id, b.id);
}

// ---------------------------------------------------------------------------------------------------------
// Titles

/** Abbreviations whose final period does not end a sentence ("U.S. President …", "Gen. Petraeus …"). */
const ABBREVIATIONS = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'St',
  'Gen',
  'Lt',
  'Col',
  'Maj',
  'Brig',
  'Cmdr',
  'Sgt',
  'Capt',
  'Adm',
  'Sen',
  'Rep',
  'Gov',
  'Pres',
  'Prof',
  'Rev',
  'Jr',
  'Sr',
  'Inc',
  'Co',
  'Corp',
  'Ltd',
  'No',
  'vs',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Aug',
  'Sept',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
  'Mt',
  'Ft',
]);

/** The first sentence: text up to the first . ! or ? that is followed by a capital or digit and does not end an abbreviation. */
function firstSentence(text: string): string {
  const boundary = /[.!?]["”’)]?(?=\s+["“‘(]?[A-Z0-9])/g;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const before = text.slice(0, match.index);
    const lastWord = /([^\s–-]+)$/.exec(before)?.[1] ?? ''; // "Col.-Gen." ends in the word "Gen"
    const isInitialism = /^(?:[A-Za-z]\.)*[A-Za-z]$/.test(lastWord); // U.S, U.N, D.C, or a middle initial
    if (match[0].startsWith('.') && (isInitialism || ABBREVIATIONS.has(lastWord))) continue;
    return text.slice(0, match.index + match[0].length);
  }
  return text;
}

/** Cuts at a word boundary so the result, ellipsis included, is at most `max` characters. */
function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max); // leaves room: the last (partial) word is dropped, then one char for …
  const lastSpace = cut.lastIndexOf(' ');
  const head = (lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut.slice(0, max - 1)).replace(
    /[\s,;:–—-]+$/,
    '',
  );
  return `${head}…`;
}

const MAX_TITLE_LENGTH = 110;

function titleOf(text: string): string {
  return truncateAtWord(firstSentence(text), MAX_TITLE_LENGTH);
}

// ---------------------------------------------------------------------------------------------------------
// 1. The founding example

const EXAMPLE_ID = 'xi-blinken-beijing';

/**
 * Title = first non-empty line; text = everything after it, kept as is (including the trailing
 * promotional lines and the photo caption, which the pipeline must learn to drop by itself). Only the
 * blank lines between title and body and the final line break are removed, as they belong to neither.
 */
function readExample(file: string): CorpusRecord {
  const lines = readFileSync(file, 'utf8').replace(/\r\n/g, '\n').split('\n');
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  if (titleIndex < 0) throw new Error(`${file} is empty`);
  const title = (lines[titleIndex] ?? '').trim();
  const text = lines
    .slice(titleIndex + 1)
    .join('\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
  return {
    id: EXAMPLE_ID,
    url: '',
    title,
    date: '2023-06-19',
    source: 'example',
    text,
    licence: 'example article supplied with the project',
  };
}

// ---------------------------------------------------------------------------------------------------------
// 2. Wikinews

const WIKINEWS_TARGET = 320;
/** The longest Wikinews pages (the top 5 %, up to 57 kB) are mostly digests; leaving them out keeps the corpus small. */
const WIKINEWS_MAX_CHARS = 5000;

/**
 * Tier 0: U.S.–China. Tier 1: another focus dyad. Tier 2: two listed actors named in the title (the article
 * is about them). Tier 3: two listed actors in the text only. Non-candidates return undefined.
 */
function wikinewsTier(record: SourceRecord): number | undefined {
  const actors = actorsIn(record.text);
  if (actors.size < 2 || !INTERNATIONAL_KEYWORDS.test(record.text)) return undefined;
  if (record.text.length > WIKINEWS_MAX_CHARS) return undefined;
  if (mentionsUsAndChina(actors)) return 0;
  if (mentionsFocusDyad(actors)) return 1;
  return actorsIn(record.title).size >= 1 ? 2 : 3;
}

async function selectWikinews(file: string): Promise<CorpusRecord[]> {
  const candidates: Ranked<SourceRecord>[] = [];
  for await (const record of readJsonl(file)) {
    const tier = wikinewsTier(record);
    if (tier !== undefined) candidates.push({ item: record, tier, id: record.id });
  }
  return candidates
    .sort(byTierThenHash)
    .slice(0, WIKINEWS_TARGET)
    .map(({ item }) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      date: item.date,
      source: 'Wikinews',
      text: item.text,
      licence: 'CC BY 2.5',
    }));
}

// ---------------------------------------------------------------------------------------------------------
// 3. Wikipedia Current events items

/** How many items to keep per year, and how many of them may be U.S.–China or another focus dyad. */
const WCEP_PER_YEAR = 180;
const WCEP_US_CHINA_PER_YEAR = 80;
const WCEP_FOCUS_PER_YEAR = 60;

interface WcepItem {
  id: string;
  date: string;
  url: string;
  category: string;
  text: string;
  outlets: string[];
}

/**
 * One parenthesised group at the very end of an item, allowing one level of nesting ("(ABC News (Australia))")
 * and the stray separators seen in the data: "(CNN), (BBC)", "(BBC News) (EUobserver).", "…accord.(AP)".
 */
const TRAILING_GROUP = /[\s,]*\(((?:[^()]|\([^()]*\))*)\)[\s.,]*$/;

/** Parentheses that hold a year or period belong to the text ("Somali Civil War (2009–present)"), not outlets. */
const PERIOD_IN_PARENS = /^(?:[A-Za-z]+ )?\d{4}(?:\s*[–-]\s*(?:[A-Za-z]+ )?(?:\d{4}|present))?$/;

/**
 * Parentheses that are part of the sentence: "see"/"→" links, sums ("($3.5 billion)"), full sentences, and
 * asides in lower-case prose ("(implicitly referring to the US and Israel)"). Lower-case outlet names
 * ("euronews", "al Jazeera", "bne IntelliNews") have at most two words, so they are not caught.
 */
const PROSE_IN_PARENS = /^(?:→|see\b|\$)|\.$|^[a-z]+ [a-z]+ [a-z]+/;

/** Citation notes that follow the outlets: cut from the text like outlets, but not outlets themselves. */
const CITATION_NOTE =
  /^(?:link dead\b.*|(?:registration|subscription) required|in [A-Z][a-z]+|transcript|results|press release|video|audio|pdf)$/i;

/** Splits "… killing 12. (Reuters) (AP)" into the text and ["Reuters", "AP"]. */
function splitOutlets(item: string): { text: string; outlets: string[] } {
  let text = item.trim();
  const outlets: string[] = [];
  for (let match = TRAILING_GROUP.exec(text); match; match = TRAILING_GROUP.exec(text)) {
    const group = (match[1] ?? '').trim();
    if (group === '' || PERIOD_IN_PARENS.test(group) || PROSE_IN_PARENS.test(group)) break;
    if (!CITATION_NOTE.test(group)) outlets.unshift(group);
    text = text.slice(0, match.index).trimEnd();
  }
  return { text, outlets: [...new Set(outlets)] };
}

/**
 * The upstream flattening turned some story headings into `- ` items ("War in Afghanistan (2001–2021)").
 * A real event item is a sentence: several words, ending in punctuation or followed by cited outlets.
 */
function isEventItem(text: string, outlets: string[]): boolean {
  const words = text.split(/\s+/).length;
  return words >= 6 && (outlets.length > 0 || /[.!?"”’']$/.test(text));
}

/** Every `- ` item of one day, numbered from 1 in page order (headings and items alike keep their number). */
function* itemsOfDay(day: SourceRecord): Generator<WcepItem> {
  let category = '';
  let index = 0;
  for (const line of day.text.split('\n')) {
    const categoryMatch = /^\[(.+)\]$/.exec(line.trim());
    if (categoryMatch?.[1]) category = categoryMatch[1];
    if (!line.startsWith('- ')) continue;
    index++;
    const { text, outlets } = splitOutlets(line.slice(2));
    if (!isEventItem(text, outlets)) continue;
    yield { id: `${day.id}-${index}`, date: day.date, url: day.url, category, text, outlets };
  }
}

/**
 * Tier 0: U.S.–China. Tier 1: a focus dyad. Tier 2: two listed actors in international news.
 * Tier 3: one listed actor plus a relations word (or filed under "International relations").
 * Tier 4: sport and culture items that would otherwise qualify. Non-candidates return undefined.
 * U.S.–China items need no keyword: they are scarce (4–70 a year) and nearly all are about the relationship.
 */
function wcepTier(item: WcepItem): number | undefined {
  if (/sport|arts|culture/i.test(item.category)) return undefined;
  const actors = actorsIn(item.text);
  const usChina = mentionsUsAndChina(actors);
  const relations = RELATIONS_KEYWORDS.test(item.text) || item.category === 'International relations';
  const international = actors.size >= 2 && (usChina || relations || INTERNATIONAL_KEYWORDS.test(item.text));
  if (!international && !(actors.size === 1 && relations)) return undefined;
  if (SPORT_OR_CULTURE.test(item.text)) return 4;
  if (usChina) return 0;
  if (mentionsFocusDyad(actors)) return 1;
  return actors.size >= 2 ? 2 : 3;
}

/** Fills one year's quota tier by tier, with the per-tier caps keeping any one story from crowding out the rest. */
function pickForYear(candidates: Ranked<WcepItem>[]): WcepItem[] {
  const caps = new Map([
    [0, WCEP_US_CHINA_PER_YEAR],
    [1, WCEP_FOCUS_PER_YEAR],
  ]);
  const taken = new Map<number, number>();
  const picked: WcepItem[] = [];
  for (const candidate of [...candidates].sort(byTierThenHash)) {
    if (picked.length >= WCEP_PER_YEAR) break;
    const count = taken.get(candidate.tier) ?? 0;
    if (count >= (caps.get(candidate.tier) ?? Infinity)) continue;
    taken.set(candidate.tier, count + 1);
    picked.push(candidate.item);
  }
  return picked;
}

function wcepRecord(item: WcepItem): CorpusRecord {
  return {
    id: item.id,
    url: item.url,
    title: titleOf(item.text),
    date: item.date,
    source: item.outlets.length > 0 ? item.outlets.join(', ') : 'Wikipedia Current events',
    text: item.text,
    licence: 'CC BY-SA 4.0',
  };
}

async function selectWcep(file: string): Promise<CorpusRecord[]> {
  const byYear = new Map<string, Ranked<WcepItem>[]>();
  for await (const day of readJsonl(file)) {
    for (const item of itemsOfDay(day)) {
      const tier = wcepTier(item);
      if (tier === undefined) continue;
      const year = item.date.slice(0, 4);
      const list = byYear.get(year) ?? [];
      list.push({ item, tier, id: item.id });
      byYear.set(year, list);
    }
  }
  return [...byYear.values()].flatMap(pickForYear).map(wcepRecord);
}

// ---------------------------------------------------------------------------------------------------------
// Statistics and README

interface Stats {
  bySourceGroup: Map<string, number>;
  byYear: Map<string, Map<string, number>>;
  usChinaWcepByYear: Map<string, number>;
  bytes: number;
}

/** Grouped by id, not `source`: some Current events items cite Wikinews as their outlet. */
function sourceGroup(record: CorpusRecord): string {
  if (record.id === EXAMPLE_ID) return 'example';
  return record.id.startsWith('wcep-') ? 'Wikipedia Current events' : 'Wikinews';
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function collectStats(records: CorpusRecord[], bytes: number): Stats {
  const stats: Stats = { bySourceGroup: new Map(), byYear: new Map(), usChinaWcepByYear: new Map(), bytes };
  for (const record of records) {
    const group = sourceGroup(record);
    const year = record.date.slice(0, 4);
    increment(stats.bySourceGroup, group);
    const yearCounts = stats.byYear.get(year) ?? new Map<string, number>();
    increment(yearCounts, group);
    stats.byYear.set(year, yearCounts);
    if (group === 'Wikipedia Current events' && mentionsUsAndChina(actorsIn(record.text))) {
      increment(stats.usChinaWcepByYear, year);
    }
  }
  return stats;
}

const GROUPS = ['example', 'Wikinews', 'Wikipedia Current events'] as const;

function yearTable(stats: Stats): string {
  const rows = [...stats.byYear.keys()].sort().map((year) => {
    const counts = stats.byYear.get(year) ?? new Map<string, number>();
    const cells = GROUPS.map((group) => String(counts.get(group) ?? 0));
    const total = GROUPS.reduce((sum, group) => sum + (counts.get(group) ?? 0), 0);
    return `| ${year} | ${cells.join(' | ')} | ${stats.usChinaWcepByYear.get(year) ?? 0} | ${total} |`;
  });
  return [
    '| year | example | Wikinews | Current events items | of which U.S.–China | total |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** 5000 → "5,000", without Intl, whose output depends on the ICU data Node was built with. */
function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function renderReadme(stats: Stats): string {
  const count = (group: string): number => stats.bySourceGroup.get(group) ?? 0;
  const total = GROUPS.reduce((sum, group) => sum + count(group), 0);
  const megabytes = (stats.bytes / 1_000_000).toFixed(2);
  return `# Sample corpus

\`corpus.jsonl\` is the small news corpus bundled with Parley for demos, tests and the quick start: ${total}
international-relations texts (${megabytes} MB), one JSON object per line with the fields
\`id\`, \`url\`, \`title\`, \`date\` (YYYY-MM-DD), \`source\`, \`text\` and \`licence\`. The first record is the project's
founding example; the rest are sorted by date, then id.

| source | records | licence |
|---|---|---|
| founding example (\`xi-blinken-beijing\`, 2023-06-19) | ${count('example')} | example article supplied with the project |
| English Wikinews articles, 2004–2018 | ${count('Wikinews')} | CC BY 2.5 |
| Wikipedia "Current events" items, 2002–2026 | ${count('Wikipedia Current events')} | CC BY-SA 4.0 |

## What is in it

- **The founding example** (\`id\` \`xi-blinken-beijing\`): the news article the project started from, about the
  Xi–Blinken meeting in Beijing. Its text is kept exactly as supplied, including the trailing promotional lines
  and the photo caption: removing those is the pipeline's job. \`url\` is empty and \`source\` is \`example\`.
- **Wikinews articles**: articles that name at least two major international actors (the United States, China,
  Russia, Ukraine, Iran, Israel, the Koreas, Japan, India, Pakistan, Taiwan, the UK, France, Germany, the EU,
  NATO, the UN, Syria, Iraq, Afghanistan, Turkey, Saudi Arabia, Venezuela, Cuba) together with a diplomatic or
  conflict word (talks, visit, sanction, summit, troops, treaty, nuclear, trade …). Articles naming both the United
  States and China come first, then other focus pairs, then the rest, up to ${WIKINEWS_TARGET}; articles over
  ${withThousands(WIKINEWS_MAX_CHARS)} characters are left out.
  Each keeps its Wikinews \`id\`, \`url\`, \`title\` and \`date\` and its full text; \`source\` is \`Wikinews\`.
- **Wikipedia "Current events" items**: each \`- \` item of a daily digest becomes one record. \`id\` is
  \`wcep-YYYY-MM-DD-N\` (N = the item's position among the day's items, from 1), \`url\` is the day's portal page,
  \`text\` is the item without the outlets cited at its end, \`source\` is those outlets joined with \`, \`
  (\`Wikipedia Current events\` when none were cited), and \`title\` is the item's first sentence, cut at a word
  boundary to at most 110 characters. Items qualify when they name two major actors in international news, or
  one actor with a relations word (ambassador, sanction, summit, talks, nuclear …) or under the portal's
  "International relations" heading; sport and culture items come last. Each year keeps up to
  ${WCEP_PER_YEAR} items: first U.S.–China items (up to ${WCEP_US_CHINA_PER_YEAR}), then Russia–Ukraine, U.S.–Russia,
  Israel–Iran, India–Pakistan, U.S.–Iran, China–Taiwan and North Korea items (up to ${WCEP_FOCUS_PER_YEAR}), then the
  rest, ties broken by a fixed hash of the id so that picks spread across the year.

Actor detection here is a keyword filter for choosing texts, not Parley's actor coder, so some picks are only
loosely about relations between states.

## Counts per year

${yearTable(stats)}

"Of which U.S.–China" counts Current events items naming both countries (or their leaders). All such items that
pass the filters are kept, up to ${WCEP_US_CHINA_PER_YEAR} a year; the source itself has fewer than 40 in most years and none in
2002. The sources are thin at the edges: Current events has few items before 2004, Wikinews few articles after
2009, and 2026 runs only to March.

## How it was built

\`\`\`sh
npx tsx scripts/build-sample-corpus.ts   # PARLEY_SHARED=/path/to/shared/data to use another data folder
\`\`\`

The script reads \`../shared/data/news-free/\` and the founding example beside it, and writes this README and
\`corpus.jsonl\`. It uses no randomness: the same input gives a byte-identical file.

## Licence and attribution

\`corpus.jsonl\` as a data file is distributed under **CC BY-SA 4.0** (https://creativecommons.org/licenses/by-sa/4.0/),
because it contains Wikipedia text. Each record's \`licence\` field gives the licence of that record's text, and its
\`url\` its source page. The Wikinews articles are also available under CC BY 2.5 on their own.

Wikinews:

> Contains text from English Wikinews (https://en.wikinews.org), © Wikinews contributors, licensed under
> CC BY 2.5 (https://creativecommons.org/licenses/by/2.5/). Each article's source page, with its author history, is given in the
> record's \`url\`. Modified: wiki markup removed and text normalised (by the tosca R package authors and by us).

Wikipedia:

> Contains text from Wikipedia, "Portal:Current events" daily pages (https://en.wikipedia.org/wiki/Portal:Current_events),
> © Wikipedia contributors, licensed under CC BY-SA 4.0. Each day's source page is given in the record's \`url\`. Modified:
> parsed and flattened (ianrastall/current-events-context) and reformatted (us). This file is distributed under CC BY-SA 4.0.

For the Current events items, "reformatted (us)" also covers splitting each day into one record per item, moving
the cited outlets into \`source\` and deriving \`title\` from the first sentence.

The founding example (\`xi-blinken-beijing\`) is the example article supplied with the project, the one Parley was
designed around; it is not from Wikinews or Wikipedia.
`;
}

function printSummary(stats: Stats): void {
  console.log(`wrote ${stats.bytes} bytes`);
  for (const [group, n] of stats.bySourceGroup) console.log(`  ${group}: ${n}`);
  console.log(yearTable(stats));
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const shared = sharedDataDir();
  const newsFree = path.join(shared, 'news-free');
  const outDir = path.join(repoRoot(), 'data', 'sample');

  const example = readExample(path.resolve(shared, '../examples/xi-blinken-beijing.txt'));
  const wikinews = await selectWikinews(path.join(newsFree, 'wikinews_en_2004-2018.jsonl'));
  const wcep = await selectWcep(path.join(newsFree, 'wikipedia_current_events_2002-2026.jsonl'));

  const records = [example, ...[...wikinews, ...wcep].sort(byDateThenId)];
  const jsonl = records.map((record) => JSON.stringify(record)).join('\n') + '\n';
  const stats = collectStats(records, Buffer.byteLength(jsonl));

  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'corpus.jsonl'), jsonl);
  writeFileSync(path.join(outDir, 'README.md'), renderReadme(stats));
  printSummary(stats);
}

await main();
