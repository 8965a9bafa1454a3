/**
 * Language identification for article bodies, paragraphs and one-line items: an ISO 639-1 code ('en',
 * 'fr', 'zh', …) or 'und' when there is too little text to tell.
 *
 * The statistics come from ELD (npm `eld`, Nito-ELD, Apache-2.0): byte n-gram scores for 60 languages,
 * pure JavaScript, ISO 639-1 codes out. On our short-news check set it beat franc-min (which misreads
 * one-line English items as Tagalog, Spanish, Dutch… and cannot tell Hebrew) and tinyld; see
 * test/language.test.ts. Around it, three small rules of our own that no detector does for us:
 *
 * 1. **Script first.** Letters are counted by Unicode script and only the dominant script's text is
 *    scored, so an English paragraph quoting a Russian sentence stays English; scripts used by one
 *    language (Hangul, Greek, Hebrew, Thai, Georgian, Armenian; kana for Japanese) decide at once.
 * 2. **Too little is 'und'.** Fewer than two words or eight letters (three CJK characters) say nothing
 *    reliable: "Kyiv" or "Biden" alone are names, not language. Numbers, codes, URLs and e-mail
 *    addresses are not counted as words.
 * 3. **An English prior for short Latin-script text.** Parley reads mostly English news, and a one-line
 *    item ("Macron visits Beijing.") is mostly names, whose n-grams vote for whatever language the names
 *    come from. When a short item's English score is within EN_MARGIN of the best score, English wins;
 *    a short French or German headline still wins by a wide margin on its function words and endings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { dataPath } from '../model/paths.js';

export const UNDETERMINED = 'und';

/**
 * English-only stages skip other languages: the article is stored with its language and nothing coded.
 * Text too short to tell ('und': a headline of names) is read as English, the language Parley reads most.
 */
const ANALYSED_LANGUAGES = new Set(['en', UNDETERMINED]);

export function isAnalysedLanguage(language: string): boolean {
  return ANALYSED_LANGUAGES.has(language);
}

type Detector = (typeof import('eld/large'))['eld'];

/**
 * ELD's n-gram database is loaded on first need, not at import: the function-word check below settles
 * most English articles without it, and loading it costs a CLI run more than analysing one article.
 * 'large' (4.5 MB of n-grams) loads in about 0.85 s and holds about 140 MB in each thread that needs it;
 * 'medium' loads in 0.4 s and holds 65 MB, but leaves one-line English items undetermined ("Macron visits
 * Beijing.", "Erdogan wins Turkish runoff.": no reliable winner), which is what a feed's short items
 * look like. So: 'large', paid only by runs that meet text the function words cannot settle.
 * It is loaded with require(), which Node 20.19+ allows for ES modules, so detection stays synchronous.
 */
let detector: Detector | undefined;
function eldDetector(): Detector {
  if (!detector) {
    detector = detectorFromSnapshot() ?? detectorFromModule();
    // ELD's own cleanup removes URLs, e-mail addresses, domains and alphanumeric codes before scoring.
    detector.enableTextCleanup(true);
  }
  return detector;
}

/**
 * ELD's 'large' n-grams as JSON (`npm run build:eld`). Its own module is a 4.5 MB object literal, and
 * V8 compiling it leaves about 210 MB of the thread's native heap behind (parser memory that is freed
 * but not returned to the system) on top of 140 MB of objects; JSON.parse builds the same objects
 * with no compiler: 85 MB, and no native residue.
 */
export const ELD_SNAPSHOT_FILE = 'compiled/eld-large.json.gz';

export interface EldSnapshot {
  /** The version of eld the n-grams were taken from: another version's snapshot is not used. */
  eld: string;
  ngramsData: unknown;
}

/** eld's package folder, found from its 'large' entry (src/entries/static.large.js). */
function eldRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.resolve('eld/large'))), '../..');
}

export function installedEldVersion(): string {
  return (JSON.parse(readFileSync(path.join(eldRoot(), 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** A detector on the shipped snapshot; undefined when it is missing or was made from another eld. */
function detectorFromSnapshot(): Detector | undefined {
  const file = dataPath(ELD_SNAPSHOT_FILE);
  if (!existsSync(file)) return undefined;
  const snapshot = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as EldSnapshot;
  if (snapshot.eld !== installedEldVersion()) return undefined;
  // createEld and loadData are what eld's own entry modules use to build an instance on their data.
  const require = createRequire(import.meta.url);
  const { createEld } = require(path.join(eldRoot(), 'src/languageDetector.js')) as {
    createEld: () => { instance: Detector; loadData: (data: unknown) => void };
  };
  const { instance, loadData } = createEld();
  loadData(snapshot.ngramsData);
  return instance;
}

export function detectorFromModule(): Detector {
  const require = createRequire(import.meta.url);
  const module = require(fileURLToPath(import.meta.resolve('eld/large'))) as typeof import('eld/large');
  return module.eld.newInstance();
}

/** A detector for tests: from the snapshot when it is current (else undefined), with cleanup on. */
export function snapshotDetector(): Detector | undefined {
  const built = detectorFromSnapshot();
  built?.enableTextCleanup(true);
  return built;
}

/**
 * The commonest English function words. In running English prose they are a quarter or more of the
 * words; in other Latin-script languages a few percent ("in", "a", "was" are shared with some), so a
 * long text past FUNCTION_SHARE is English without consulting the n-grams.
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to in a is that for on was with as by at he it from his an be said has have are were which its their but not who will after had this'.split(
    ' ',
  ),
);
const FUNCTION_SHARE = 0.25;
/** Fewer words than this are too few to trust a share of function words. */
const FUNCTION_MIN_WORDS = 40;
/**
 * Function words no other Latin-script language of ELD's 60 writes as a word of its own ("of" is Dutch
 * for "or", "was" and "will" are German, "to" is Polish and Czech, "for" Scandinavian, "has" Spanish,
 * "who" the WHO in any language: left out). Two
 * of them in a short item ("The talks were held …") make it English; an item without them goes to ELD.
 */
const ENGLISH_ONLY_WORDS = new Set(
  'the and with were said says have from that which their this been would after they there about against between'.split(
    ' ',
  ),
);
const SHORT_MIN_HITS = 2;

function obviouslyEnglish(latinText: string): boolean {
  const words = latinText.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < FUNCTION_MIN_WORDS)
    return words.filter((word) => ENGLISH_ONLY_WORDS.has(word)).length >= SHORT_MIN_HITS;
  const hits = words.filter((word) => ENGLISH_FUNCTION_WORDS.has(word)).length;
  return hits / words.length >= FUNCTION_SHARE;
}

/** The prefix read: ELD itself scores only the first 1,000 characters, and the opening is the lede. */
const SAMPLE_CHARS = 1000;
const MIN_LETTERS = 8;
const MIN_WORDS = 2;
const MIN_CJK = 3;
/** Short items — a headline, a one-to-three-sentence item — get the English prior. */
const SHORT_WORDS = 30;
/** How far below the best score English may be and still win a short Latin-script item. */
const EN_MARGIN = 0.06;

type Script =
  | 'latin'
  | 'cyrillic'
  | 'arabic'
  | 'devanagari'
  | 'cjk'
  | 'hangul'
  | 'greek'
  | 'hebrew'
  | 'thai'
  | 'georgian'
  | 'armenian'
  | 'other';

/** Scripts in which every letter is, for our purposes, one language. */
const SINGLE_LANGUAGE: Partial<Record<Script, string>> = {
  hangul: 'ko',
  greek: 'el',
  hebrew: 'he',
  thai: 'th',
  georgian: 'ka',
  armenian: 'hy',
};

const SCRIPT_TESTS: Array<[Exclude<Script, 'other'>, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['thai', /\p{Script=Thai}/u],
  ['georgian', /\p{Script=Georgian}/u],
  ['armenian', /\p{Script=Armenian}/u],
];

/** Script of one code point, or null for a non-letter; ASCII is decided inline, the rest memoised. */
const scriptCache = new Map<number, Script | null>();
function scriptOf(codePoint: number): Script | null {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20;
    return lower >= 0x61 && lower <= 0x7a ? 'latin' : null;
  }
  let script = scriptCache.get(codePoint);
  if (script === undefined) {
    const char = String.fromCodePoint(codePoint);
    script = /\p{L}/u.test(char) ? (SCRIPT_TESTS.find(([, test]) => test.test(char))?.[0] ?? 'other') : null;
    scriptCache.set(codePoint, script);
  }
  return script;
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Noise that is no language: links, addresses, handles and hashtags. */
const NOISE = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+|[@#][\p{L}\p{N}_]+/gu;

interface Letters {
  /** The text with every letter not in the dominant script blanked out. */
  dominantText: string;
  dominant: Script;
  words: number;
  letters: number;
}

function letters(text: string): Letters {
  const counts = new Map<Script, number>();
  for (const char of text) {
    const script = scriptOf(char.codePointAt(0)!);
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let dominant: Script = 'other';
  let best = 0;
  for (const [script, count] of counts) {
    if (count > best) [dominant, best] = [script, count];
  }
  let dominantText = text;
  if (counts.size > 1) {
    dominantText = '';
    for (const char of text) {
      const script = scriptOf(char.codePointAt(0)!);
      dominantText += script === null || script === dominant ? char : ' ';
    }
  }
  // A word: two or more letters of the dominant script, not glued to digits (codes such as "F-16", "44B").
  const words = dominantText
    .split(/[^\p{L}\p{N}'’.-]+/u)
    .filter((token) => /^[\p{L}'’.-]+$/u.test(token) && /\p{L}{2}/u.test(token));
  return { dominantText, dominant, words: words.length, letters: best };
}

/**
 * The language of a text as an ISO 639-1 code, or 'und' when there is too little to tell or the text
 * is no language (codes, numbers, keyboard mashing).
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS).replace(NOISE, ' ');
  const { dominant, dominantText, words, letters: count } = letters(sample);
  if (dominant === 'other') return UNDETERMINED;

  if (dominant === 'cjk') {
    if (count < MIN_CJK) return UNDETERMINED;
    // Chinese never writes kana; Japanese prose is rarely without it.
    const kana = dominantText.match(KANA)?.length ?? 0;
    return kana >= Math.max(1, count * 0.05) ? 'ja' : 'zh';
  }
  // Korean counts Hangul syllables, not words split by spaces: a short headline is still Korean.
  if (dominant === 'hangul') return count >= MIN_CJK ? 'ko' : UNDETERMINED;
  if (dominant === 'thai') return count >= MIN_LETTERS ? 'th' : UNDETERMINED;
  if (count < MIN_LETTERS || words < MIN_WORDS) return UNDETERMINED;
  const single = SINGLE_LANGUAGE[dominant];
  if (single) return single;

  if (dominant === 'latin' && obviouslyEnglish(dominantText)) return 'en';
  const result = eldDetector().detect(dominantText);
  if (!result.language) return UNDETERMINED;
  // Unreliable: too few known n-grams or no clear winner (lorem ipsum, keyboard runs, bare name lists).
  if (!result.isReliable()) return UNDETERMINED;
  if (dominant === 'latin' && words <= SHORT_WORDS && result.language !== 'en') {
    const scores = result.getScores();
    const top = scores[result.language] ?? 0;
    if ((scores.en ?? 0) >= top - EN_MARGIN) return 'en';
  }
  // Mixed scripts in one detection (Latin text scored as Japanese…) cannot be right: trust the script.
  if (!languageFitsScript(result.language, dominant)) return UNDETERMINED;
  return result.language;
}

const CYRILLIC_LANGUAGES = new Set(['ru', 'uk', 'bg', 'sr', 'be', 'mk', 'kk', 'ky', 'mn', 'tg']);
const ARABIC_LANGUAGES = new Set(['ar', 'fa', 'ur', 'ku', 'ps', 'sd', 'ug']);
const DEVANAGARI_LANGUAGES = new Set(['hi', 'mr', 'ne', 'sa']);
const NON_LATIN = new Set([
  ...CYRILLIC_LANGUAGES,
  ...ARABIC_LANGUAGES,
  ...DEVANAGARI_LANGUAGES,
  'zh',
  'ja',
  'ko',
  'el',
  'he',
  'th',
  'ka',
  'hy',
  'am',
  'bn',
  'gu',
  'kn',
  'lo',
  'ml',
  'or',
  'pa',
  'ta',
  'te',
]);

function languageFitsScript(language: string, script: Script): boolean {
  switch (script) {
    case 'latin':
      return !NON_LATIN.has(language);
    case 'cyrillic':
      return CYRILLIC_LANGUAGES.has(language);
    case 'arabic':
      return ARABIC_LANGUAGES.has(language);
    case 'devanagari':
      return DEVANAGARI_LANGUAGES.has(language);
    default:
      return true;
  }
}
