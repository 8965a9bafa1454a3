/**
 * Features for the named-entity tagger: every feature of a token in its sentence, as 32-bit hashes.
 *
 * Word-level facts (lowercased form, shape, affixes, word cluster, gazetteer membership) are computed once per
 * distinct token string and cached; the features of a token in context are those word facts of the token
 * and of its neighbours (−2 … +2), mixed with a slot number by an integer hash, so a sentence costs a few
 * integer operations a feature and no string building. The same code serves training (scripts/train-ner.ts)
 * and tagging (src/nlp/ner/index.ts), so the two can never disagree.
 *
 * Inputs may come CoNLL-tokenised (1996 Reuters: straight quotes, `U.S.-led` one token) or wink-tokenised
 * (Parley: curly quotes, `’s`, hyphens split off). `normalizeToken` maps curly quotes and dashes onto the
 * CoNLL forms before anything else looks at a token, and the sentence's casing style (normal, ALL CAPS,
 * Title Case) is a feature that switches the capitalisation features off where they carry no information.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../../model/paths.js';
import { fmix32 } from '../../model/hash.js';
import { encodeSnapshot, readSnapshot } from '../../model/snapshot.js';
import { timed } from '../../model/timing.js';

// ---------------------------------------------------------------------------------------------------------
// Hashing

export { fmix32 };

/** FNV-1a over UTF-16 code units, finalised; never 0 (0 marks an empty slot in the weight table). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h) || 1;
}

/** Combines a feature hash with a slot (or a second hash) into a new feature hash; never 0. */
export function mixHash(a: number, b: number): number {
  return fmix32((a ^ Math.imul((b + 0x632be5ab) | 0, 0x9e3779b1)) >>> 0) || 1;
}

// ---------------------------------------------------------------------------------------------------------
// Token normalisation, shapes

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;

/**
 * Maps wink / modern-news token forms onto the forms CoNLL-2003 uses: curly and angled quotes to `'` and `"`,
 * ``` `` ``` and `''` to `"`, en dash to `-`, em dash and horizontal bar to `--`, non-breaking spaces removed.
 */
export function normalizeToken(token: string): string {
  let t = token;
  if (t === '``' || t === "''") return '"';
  if (/[^\x20-\x7e]/.test(t)) {
    t = t
      .replace(SINGLE_QUOTES, "'")
      .replace(DOUBLE_QUOTES, '"')
      .replace(/\u2013/g, '-')
      .replace(/[\u2014\u2015]/g, '--')
      .replace(/[\u00a0\u200b]/g, '');
    if (t === '') t = token;
  }
  return t;
}

function isUpperChar(c: string): boolean {
  const k = c.charCodeAt(0);
  if (k < 128) return k >= 65 && k <= 90;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
function isLowerChar(c: string): boolean {
  const k = c.charCodeAt(0);
  if (k < 128) return k >= 97 && k <= 122;
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/** Word shape: X for a capital, x for a small letter, d for a digit, other characters kept; runs capped at 4. */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const c of word) {
    const k = isUpperChar(c) ? 'X' : isLowerChar(c) ? 'x' : c >= '0' && c <= '9' ? 'd' : c;
    run = k === last ? run + 1 : 1;
    last = k;
    if (run <= 4) out += k;
  }
  return out;
}

/** Short shape: runs collapsed to one character (Xx, X.X., d-d). */
export function shortShape(word: string): string {
  let out = '';
  let last = '';
  for (const c of word) {
    const k = isUpperChar(c) ? 'X' : isLowerChar(c) ? 'x' : c >= '0' && c <= '9' ? 'd' : c;
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

const HAS_LETTER = /\p{L}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;

/** Title Case for one token: first letter capital, the rest lower (CHINA → China). */
export function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------
// Sentence casing style

export const MODE_NORMAL = 0;
export const MODE_ALL_CAPS = 1;
export const MODE_TITLE_CASE = 2;
export type SentenceMode = 0 | 1 | 2;

/** Words a Title Case headline may leave in lower case. */
const TITLE_SMALL_WORDS = new Set(
  'a an the of in on at to for and but or nor by with from as vs. vs via into over per'.split(' '),
);

/**
 * The casing style of a sentence. ALL CAPS: no more than a tenth of the words with letters contain a small
 * letter and at least one word has two capitals (CoNLL headlines and datelines, modern shouted headlines).
 * Title Case: at least four words of three or more letters that are not small function words, all of them
 * capitalised ("Blinken Meets Xi In Beijing As Tensions Simmer"; a name-dense sentence with one lower-case
 * verb stays normal).
 */
export function sentenceMode(tokens: readonly string[]): SentenceMode {
  let letters = 0;
  let withLower = 0;
  let twoCaps = false;
  let long = 0;
  let longCapital = 0;
  for (const t of tokens) {
    if (!HAS_LETTER.test(t)) continue;
    letters++;
    if (HAS_LOWER.test(t)) withLower++;
    else if (/\p{Lu}.*\p{Lu}/u.test(t)) twoCaps = true;
    if (t.length >= 3 && !TITLE_SMALL_WORDS.has(t.toLowerCase())) {
      long++;
      if (isUpperChar(t.charAt(0))) longCapital++;
    }
  }
  if (letters > 0 && twoCaps && withLower <= letters * 0.1) return MODE_ALL_CAPS;
  if (long >= 4 && longCapital === long) return MODE_TITLE_CASE;
  return MODE_NORMAL;
}

// ---------------------------------------------------------------------------------------------------------
// Word clusters

/** Word → bit-string of its leaf in the cluster tree (data/ner/clusters.tsv, built by scripts/build-clusters.ts). */
export type Clusters = Map<string, string>;

/** Prefix lengths of the cluster bit-string used as features (as Ratinov & Roth 2009 do with Brown clusters). */
export const CLUSTER_PREFIXES = [4, 6, 10, 14, 20] as const;

export function parseClusters(text: string): Clusters {
  const clusters: Clusters = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const end = line.indexOf('\t', tab + 1);
    clusters.set(line.slice(0, tab), line.slice(tab + 1, end < 0 ? undefined : end));
  }
  return clusters;
}

const CLUSTER_SOURCES = ['ner/clusters.tsv'] as const;
export const CLUSTER_SNAPSHOT_FILE = 'compiled/ner-clusters.json';
const CLUSTER_FORMAT = 'parley-ner-clusters';

/** Words and the index of their cluster's bit-string: 50,000 words share under 2,000 clusters. */
interface ClusterSnapshot {
  bits: string[];
  words: string[];
  cluster: number[];
}

/** The clusters of data/ner/clusters.tsv as a snapshot (src/model/snapshot.ts), words in file order. */
export function compileClusterSnapshot(): string {
  const clusters = parseClusters(readFileSync(dataPath(CLUSTER_SOURCES[0]), 'utf8'));
  const bits = [...new Set(clusters.values())];
  const index = new Map(bits.map((bit, i) => [bit, i]));
  const body: ClusterSnapshot = {
    bits,
    words: [...clusters.keys()],
    cluster: [...clusters.values()].map((bit) => index.get(bit)!),
  };
  return encodeSnapshot(CLUSTER_FORMAT, 1, CLUSTER_SOURCES, body);
}

/** data/ner/clusters.tsv, from its snapshot while the file is the one it was compiled from. */
function loadClusters(): Clusters {
  const snapshot = readSnapshot<ClusterSnapshot>(CLUSTER_SNAPSHOT_FILE, CLUSTER_FORMAT, 1, CLUSTER_SOURCES);
  if (!snapshot) return parseClusters(readFileSync(dataPath(CLUSTER_SOURCES[0]), 'utf8'));
  const clusters: Clusters = new Map();
  const { bits, words, cluster } = snapshot;
  for (let i = 0; i < words.length; i++) clusters.set(words[i]!, bits[cluster[i]!]!);
  return clusters;
}

/** The cluster of a token: its own form, else (ALL CAPS) its Title Case form, else its lower-case form. */
export function clusterOf(clusters: Clusters, word: string): string | undefined {
  const exact = clusters.get(word);
  if (exact !== undefined) return exact;
  if (HAS_UPPER.test(word) && !HAS_LOWER.test(word)) {
    const title = clusters.get(titleCase(word));
    if (title !== undefined) return title;
  }
  return clusters.get(word.toLowerCase());
}

// ---------------------------------------------------------------------------------------------------------
// Gazetteer

/** Gazetteer lists, as bit flags. */
export const GAZ_COUNTRY = 1;
export const GAZ_PLACE = 2;
export const GAZ_PERSON = 4;
export const GAZ_ORG = 8;
export const GAZ_DEMONYM = 16;
export const GAZ_NAMES = ['country', 'place', 'person', 'org', 'demonym'] as const;

/** Gazetteer tries are flat maps from token sequences (joined by SEP) to list bits, PREFIX marking a longer entry. */
const SEP = '\u0001';
const PREFIX = 1 << 20;
const TYPE_MASK = (1 << GAZ_NAMES.length) - 1;

export interface Gazetteer {
  /** Case-sensitive: every entry, and every proper prefix of one (with PREFIX). */
  exact: Map<string, number>;
  /** The same entries upper-cased, for ALL CAPS sentences. */
  folded: Map<string, number>;
  /** Capitalised token → lists of the entries it occurs in. */
  tokenTypes: Map<string, number>;
  entries: number;
}

const NAME_CONNECTORS = new Set(
  "of and for the de du des la le da do dos das di del della von van der den ter bin bint al el ibn ul ur y e 's on in at upon-".split(
    ' ',
  ),
);

/** Titles stripped from the front of person aliases ("President Obama" → "Obama"). */
const TITLES = new Set(
  'president vice prime minister foreign defence defense secretary general chancellor king queen prince princess crown sheikh emir premier mr. mrs. ms. dr. sir pope supreme leader ayatollah senator governor chairman chief state deputy first lady former late'.split(
    ' ',
  ),
);

/** Splits a dictionary name into tokens the way either tokenizer might: both `'s` split off, hyphens split or not. */
function entryVariants(name: string): string[][] {
  const base: string[] = [];
  for (const raw of normalizeToken(name).split(/\s+/)) {
    if (raw === '') continue;
    const m = /^(.+?)('s|')$/.exec(raw);
    if (m && m[1] && /\p{L}/u.test(m[1])) base.push(m[1], m[2]!);
    else base.push(raw);
  }
  const variants = [base];
  if (base.some((t) => /[\p{L}\p{N}.]-[\p{L}\p{N}]/u.test(t))) {
    const split: string[] = [];
    for (const t of base) {
      if (/[\p{L}\p{N}.]-[\p{L}\p{N}]/u.test(t)) {
        const parts = t.split('-');
        parts.forEach((p, i) => {
          if (i > 0) split.push('-');
          if (p !== '') split.push(p);
        });
      } else split.push(t);
    }
    variants.push(split);
  }
  return variants;
}

function trieInsert(trie: Map<string, number>, tokens: readonly string[], type: number): void {
  let key = '';
  tokens.forEach((t, i) => {
    key = i === 0 ? t : key + SEP + t;
    const bits = i === tokens.length - 1 ? type : PREFIX;
    trie.set(key, (trie.get(key) ?? 0) | bits);
  });
}

/** True when a name is usable as a gazetteer entry: capitalised words, only known connectors in lower case. */
function usableName(tokens: readonly string[]): boolean {
  if (tokens.length === 0 || tokens.length > 8) return false;
  if (!HAS_UPPER.test(tokens[0]!.charAt(0))) return false;
  return tokens.every((t) => !HAS_LOWER.test(t.charAt(0)) || NAME_CONNECTORS.has(t.toLowerCase()));
}

export function buildGazetteer(lists: Array<{ names: Iterable<string>; type: number }>): Gazetteer {
  const gaz: Gazetteer = {
    exact: new Map(),
    folded: new Map(),
    tokenTypes: new Map(),
    entries: 0,
  };
  for (const { names, type } of lists) {
    for (const name of names) {
      for (let tokens of entryVariants(name)) {
        if (tokens[0] === 'the' || tokens[0] === 'The') tokens = tokens.slice(1);
        if (!usableName(tokens)) continue;
        const full = tokens.join(SEP);
        if (((gaz.exact.get(full) ?? 0) & type) !== 0) continue; // already listed
        gaz.entries++;
        trieInsert(gaz.exact, tokens, type);
        // Short all-capital abbreviations ("US", "IN"?) are matched case-sensitively only.
        const isShortAbbrev = tokens.length === 1 && tokens[0]!.length <= 3 && !HAS_LOWER.test(tokens[0]!);
        if (!isShortAbbrev)
          trieInsert(
            gaz.folded,
            tokens.map((t) => t.toUpperCase()),
            type,
          );
        for (const t of tokens) {
          if (t.length < 2 || !HAS_UPPER.test(t.charAt(0))) continue;
          gaz.tokenTypes.set(t, (gaz.tokenTypes.get(t) ?? 0) | type);
        }
      }
    }
  }
  return gaz;
}

/** Reads a Parley TSV dictionary: rows of cells, `#` comment lines and blank lines skipped. */
function readTsv(file: string): string[][] {
  const rows: string[][] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    rows.push(line.replace(/\r$/, '').split('\t'));
  }
  return rows;
}

const splitList = (cell: string | undefined): string[] =>
  cell ? cell.split('|').filter((s) => s !== '') : [];

/** Strips leading titles from a person alias: "President Bill Clinton" → "Bill Clinton"; "" if nothing is left. */
function stripTitles(alias: string): string {
  const words = alias.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && TITLES.has(words[i]!.toLowerCase())) i++;
  return TITLES.has(words[i]!.toLowerCase()) ? '' : words.slice(i).join(' ');
}

/** The files the gazetteer is built from, relative to data/. */
const GAZETTEER_SOURCES = [
  'actors/countries.tsv',
  'places/places.tsv',
  'actors/people.tsv',
  'actors/organizations.tsv',
] as const;
export const GAZETTEER_SNAPSHOT_FILE = 'compiled/ner-gazetteer.json';
const GAZETTEER_FORMAT = 'parley-ner-gazetteer';

/** A map as its keys and its values, in insertion order: two arrays to parse, not one per entry. */
type PackedMap<V> = [string[], V[]];
const packMap = <V>(map: Map<string, V>): PackedMap<V> => [[...map.keys()], [...map.values()]];
function unpackMap<V>([keys, values]: PackedMap<V>): Map<string, V> {
  const map = new Map<string, V>();
  for (let i = 0; i < keys.length; i++) map.set(keys[i]!, values[i]!);
  return map;
}

interface GazetteerSnapshot {
  entries: number;
  exact: PackedMap<number>;
  folded: PackedMap<number>;
  tokenTypes: PackedMap<number>;
}

/** The gazetteer as a snapshot (src/model/snapshot.ts): its three maps, in insertion order. */
export function compileGazetteerSnapshot(gaz: Gazetteer = buildParleyGazetteer()): string {
  const body: GazetteerSnapshot = {
    entries: gaz.entries,
    exact: packMap(gaz.exact),
    folded: packMap(gaz.folded),
    tokenTypes: packMap(gaz.tokenTypes),
  };
  return encodeSnapshot(GAZETTEER_FORMAT, 2, GAZETTEER_SOURCES, body);
}

/**
 * The gazetteer from Parley's dictionaries: from its compiled snapshot (data/compiled/, built by
 * `npm run build:snapshots`) while the dictionaries are the ones it was compiled from, else built from them.
 */
export function loadParleyGazetteer(): Gazetteer {
  const snapshot = readSnapshot<GazetteerSnapshot>(
    GAZETTEER_SNAPSHOT_FILE,
    GAZETTEER_FORMAT,
    2,
    GAZETTEER_SOURCES,
  );
  if (!snapshot) return buildParleyGazetteer();
  return {
    exact: unpackMap(snapshot.exact),
    folded: unpackMap(snapshot.folded),
    tokenTypes: unpackMap(snapshot.tokenTypes),
    entries: snapshot.entries,
  };
}

/**
 * The gazetteer built from Parley's own dictionaries: countries (names, aliases → country; capitals → place;
 * adjectives → demonym), places.tsv (→ place), people.tsv (names and title-stripped aliases → person) and
 * organizations.tsv (→ org).
 */
export function buildParleyGazetteer(): Gazetteer {
  const [countries = [], places = [], people = [], orgs = []] = GAZETTEER_SOURCES.map((source) =>
    readTsv(dataPath(source)),
  );
  const country: string[] = [];
  const place: string[] = [];
  const demonym: string[] = [];
  for (const row of countries) {
    country.push(row[1] ?? '', ...splitList(row[2]));
    demonym.push(...splitList(row[3]));
    place.push(...splitList(row[4]));
  }
  for (const row of places) {
    const kind = row[3];
    const names = [row[0] ?? '', ...splitList(row[1])];
    if (kind === 'country') country.push(...names);
    else place.push(...names);
  }
  const person: string[] = [];
  for (const row of people) {
    person.push(row[1] ?? '');
    for (const alias of splitList(row[2])) {
      const stripped = stripTitles(alias);
      if (stripped) person.push(stripped);
    }
  }
  const org: string[] = [];
  for (const row of orgs) org.push(row[1] ?? '', ...splitList(row[2]));
  return buildGazetteer([
    { names: country, type: GAZ_COUNTRY },
    { names: place, type: GAZ_PLACE },
    { names: person, type: GAZ_PERSON },
    { names: org, type: GAZ_ORG },
    { names: demonym, type: GAZ_DEMONYM },
  ]);
}

/** BILOU position codes of a gazetteer match. */
const POS_B = 0;
const POS_I = 1;
const POS_L = 2;
const POS_U = 3;

/**
 * Every gazetteer match in a sentence (overlaps allowed): for each token, a list of (list bit, BILOU position)
 * codes, packed as `bitIndex * 4 + position`.
 */
export function gazetteerMatches(gaz: Gazetteer, words: readonly string[], mode: SentenceMode): number[][] {
  const n = words.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  const trie = mode === MODE_ALL_CAPS ? gaz.folded : gaz.exact;
  for (let i = 0; i < n; i++) {
    let key = '';
    for (let j = i; j < n && j < i + 8; j++) {
      const w = mode === MODE_ALL_CAPS ? words[j]!.toUpperCase() : words[j]!;
      key = j === i ? w : key + SEP + w;
      const v = trie.get(key);
      if (v === undefined) break;
      const types = v & TYPE_MASK;
      for (let b = 0; types !== 0 && b < GAZ_NAMES.length; b++) {
        if ((types & (1 << b)) === 0) continue;
        if (i === j) out[i]!.push(b * 4 + POS_U);
        else for (let k = i; k <= j; k++) out[k]!.push(b * 4 + (k === i ? POS_B : k === j ? POS_L : POS_I));
      }
      if ((v & PREFIX) === 0) break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Resources

export interface NerResources {
  clusters: Clusters;
  gazetteer: Gazetteer;
}

/** Loads data/ner/clusters.tsv (empty clusters if absent) and the gazetteer from Parley's dictionaries. */
export function loadNerResources(options: { clusters?: boolean; gazetteer?: boolean } = {}): NerResources {
  let clusters: Clusters = new Map();
  if (options.clusters !== false) {
    try {
      clusters = timed('NER word clusters', loadClusters);
    } catch {
      clusters = new Map();
    }
  }
  const gazetteer =
    options.gazetteer === false ? buildGazetteer([]) : timed('NER gazetteer', loadParleyGazetteer);
  return { clusters, gazetteer };
}

// ---------------------------------------------------------------------------------------------------------
// Word facts (cached per token string)

export interface WordInfo {
  /** Lower-case form with digits folded to 0. */
  lower: number;
  /** Short shape (before mixing with the sentence mode). */
  sshape: number;
  /** Cluster prefix hashes, CLUSTER_PREFIXES order (a "no cluster" hash when the word has none). */
  cl: Uint32Array;
  /** Suffix of 3 letters, for neighbours. */
  suf3: number;
  /** Features of the token itself that do not depend on the sentence's casing style. */
  own: Uint32Array;
  /** Capitalisation features of the token itself: mixed with the sentence mode before use. */
  casing: Uint32Array;
  /**
   * Run-time cache of the taggers sharing this word's extractor (see NerModel.tag): for each model's score
   * slot (FeatureExtractor.scoreSlot) and each of the 3 modes, the summed weights of this word's block at
   * each of the 5 offsets (5 × T floats at `scores[slot * 3 + mode]`, allocated only once a sentence of that
   * casing style is met, since most words are only ever seen in normal sentences), and which of the
   * slot × 15 blocks are filled (`filled[(slot * 3 + mode) * 5 + offset + 2]`).
   */
  scores?: Array<Float32Array | undefined>;
  filled?: Uint8Array;
}

/** Models whose per-word scores one extractor holds at once: the pipeline's two passes share it. */
export const SCORE_SLOTS = 2;

const NO_CLUSTER = hashString('cl:none');

function wordInfo(word: string, res: NerResources): WordInfo {
  const lowerRaw = word.toLowerCase();
  const lower = lowerRaw.replace(/[0-9]/g, '0');
  const shape = wordShape(word);
  const sshape = shortShape(word);
  const own: number[] = [hashString('w=' + word), hashString('l=' + lower)];
  const chars = Array.from(lowerRaw);
  for (let k = 1; k <= 4 && k <= chars.length; k++) {
    own.push(hashString(`p${k}=` + chars.slice(0, k).join('')));
    own.push(hashString(`s${k}=` + chars.slice(-k).join('')));
  }
  const bits = clusterOf(res.clusters, word);
  const cl = new Uint32Array(CLUSTER_PREFIXES.length);
  if (bits === undefined) {
    cl.fill(NO_CLUSTER);
    own.push(NO_CLUSTER);
  } else {
    CLUSTER_PREFIXES.forEach((len, k) => {
      cl[k] = hashString(`c${len}=` + bits.slice(0, len));
      own.push(cl[k]!);
    });
  }
  const gazTypes =
    res.gazetteer.tokenTypes.get(word) ??
    (HAS_LOWER.test(word) ? undefined : res.gazetteer.tokenTypes.get(titleCase(word))) ??
    0;
  for (let b = 0; b < GAZ_NAMES.length; b++) if (gazTypes & (1 << b)) own.push(hashString('gt=' + b));
  own.push(hashString('len=' + Math.min(chars.length, 12)));

  const casing: number[] = [hashString('sh=' + shape), hashString('ss=' + sshape)];
  const first = word.charAt(0);
  const hasLetter = HAS_LETTER.test(word);
  if (isUpperChar(first)) casing.push(hashString('f:initcap'));
  if (hasLetter && !HAS_LOWER.test(word)) casing.push(hashString('f:allcaps'));
  if (HAS_LOWER.test(word) && HAS_UPPER.test(word.slice(1))) casing.push(hashString('f:mixedcaps'));
  if (/[0-9]/.test(word)) casing.push(hashString('f:digit'));
  if (word.length > 1 && word.includes('-')) casing.push(hashString('f:hyphen'));
  if (word.length > 1 && word.includes('.')) casing.push(hashString('f:period'));
  if (!hasLetter && !/[0-9]/.test(word)) casing.push(hashString('f:punct'));
  if (/^\p{Lu}\.$/u.test(word)) casing.push(hashString('f:initial'));
  return {
    lower: hashString('l=' + lower),
    sshape: hashString('ss=' + sshape),
    cl,
    suf3: hashString('s3=' + chars.slice(-3).join('')),
    own: Uint32Array.from(own),
    casing: Uint32Array.from(casing),
  };
}

function paddingInfo(name: string): WordInfo {
  const h = hashString(name);
  return {
    lower: h,
    sshape: h,
    cl: new Uint32Array(CLUSTER_PREFIXES.length).fill(h),
    suf3: h,
    own: new Uint32Array(0),
    casing: new Uint32Array(0),
  };
}

// Slot numbers: every feature template has its own, so equal word hashes in different slots differ.
const SLOT_CASING = 100; // + mode
const SLOT_LOWER = [10, 11, 0, 12, 13]; // by offset −2 … +2 (0 = own, in `own`)
const SLOT_SSHAPE = [20, 21, 22, 23, 24]; // + 8 * mode
const SLOT_CL_NEAR = 50; // + offset index * 8 + prefix index
const SLOT_SUF3 = [90, 91, 0, 92, 93];
const SLOT_BIGRAM_LEFT = 60;
const SLOT_BIGRAM_RIGHT = 61;
const SLOT_TRIGRAM_SHAPE = 62; // + mode
const SLOT_GAZ = 70; // + offset
const SLOT_HISTORY = 1000;

const F_BIAS = hashString('bias');
const F_FIRST = hashString('pos:first');
const F_LAST = hashString('pos:last');
const F_SECOND = hashString('pos:second');
const F_MODE = [hashString('mode:0'), hashString('mode:1'), hashString('mode:2')];
const F_GAZ: number[] = [];
for (let k = 0; k < GAZ_NAMES.length * 4; k++) F_GAZ.push(hashString('gz=' + k));
const F_GAZ_TYPE: number[] = [];
for (let b = 0; b < GAZ_NAMES.length; b++) F_GAZ_TYPE.push(hashString('gzt=' + b));

/** Number of history (previous-tag) feature templates per token. */
export const HISTORY_FEATURES = 4;

/** The features of one sentence: emission features (flattened, with offsets) and history bases. */
export interface SentenceFeatures {
  n: number;
  /** Emission feature hashes of token i: feats[offsets[i] .. offsets[i + 1]). */
  feats: Uint32Array;
  offsets: Int32Array;
  /** HISTORY_FEATURES hashes a token; combined with the previous tag by `historyHash`. */
  history: Uint32Array;
}

/** The hash of history feature k of a token for previous tag `prev` (START = the number of tags). */
export function historyHash(base: number, prev: number): number {
  return mixHash(base, SLOT_HISTORY + prev);
}

/**
 * The features a word contributes to the token at offset `d` (−2 … +2) from it, in a sentence of casing
 * style `mode`. They depend on the word, the offset and the mode only, so a tagger can cache their summed
 * weights per word (NerModel.tag).
 */
export function blockHashes(info: WordInfo, mode: SentenceMode, d: number, out: number[]): void {
  if (d === 0) {
    out.push(F_BIAS, F_MODE[mode]!);
    for (const h of info.own) out.push(h);
    for (const h of info.casing) out.push(mixHash(h, SLOT_CASING + mode));
    return;
  }
  out.push(mixHash(info.lower, SLOT_LOWER[d + 2]!));
  out.push(mixHash(info.sshape, SLOT_SSHAPE[d + 2]! + 8 * mode));
  out.push(mixHash(info.suf3, SLOT_SUF3[d + 2]!));
  // cluster prefixes of the neighbours: all for ±1, the two coarsest for ±2
  const kMax = d === -1 || d === 1 ? CLUSTER_PREFIXES.length : 2;
  for (let k = 0; k < kMax; k++) out.push(mixHash(info.cl[k]!, SLOT_CL_NEAR + (d + 2) * 8 + k));
}

/** A sentence prepared for feature extraction. */
export interface SentenceContext {
  n: number;
  mode: SentenceMode;
  infos: WordInfo[];
  /** Features that depend on more than one word or on the position (bigrams, gazetteer matches…): pair[pairOffsets[i] .. pairOffsets[i + 1]). */
  pair: Uint32Array;
  pairOffsets: Int32Array;
  /** HISTORY_FEATURES hashes a token; combined with the previous tag by `historyHash`. */
  history: Uint32Array;
  /** The padding before the first and after the last token. */
  bos: WordInfo;
  eos: WordInfo;
  /** The extractor's score epoch when the context was made (see FeatureExtractor.scoreSlot). */
  epoch: number;
}

/** The word facts of the token at i, or of the sentence-boundary padding. */
export function infoAt(ctx: SentenceContext, i: number): WordInfo {
  return i < 0 ? ctx.bos : i >= ctx.n ? ctx.eos : ctx.infos[i]!;
}

/** Computes features; keeps a bounded cache of word facts. */
export class FeatureExtractor {
  private cache = new Map<string, WordInfo>();
  private older = new Map<string, WordInfo>();
  /** The models whose scores the word facts cache, by score slot (at most SCORE_SLOTS). */
  private scoreOwners: object[] = [];
  private bos = paddingInfo('<S>');
  private eos = paddingInfo('</S>');
  /** Counts the resets of the score cache: a context made before a reset holds stale word facts. */
  epoch = 0;

  constructor(
    readonly resources: NerResources,
    /** Words per cache generation: with their scores, about 0.8 kB a word, 40 MB at most a tagger. */
    private readonly maxCache = 25_000,
  ) {}

  /**
   * The slot (0 … SCORE_SLOTS − 1) of `owner`'s (a model's) cached per-word scores; a model beyond the
   * first SCORE_SLOTS drops every cached word, since the slots' scores belong to the models before it.
   */
  scoreSlot(owner: object): number {
    const known = this.scoreOwners.indexOf(owner);
    if (known >= 0) return known;
    if (this.scoreOwners.length === SCORE_SLOTS) {
      this.cache.clear();
      this.older.clear();
      this.bos = paddingInfo('<S>');
      this.eos = paddingInfo('</S>');
      this.scoreOwners = [];
      this.epoch++;
    }
    return this.scoreOwners.push(owner) - 1;
  }

  /**
   * A word's facts, cached in two generations: when the newer holds `maxCache` words the older is
   * dropped, and words met again move back, so memory stays bounded and the frequent words stay cached.
   */
  private info(word: string): WordInfo {
    let info = this.cache.get(word);
    if (info) return info;
    info = this.older.get(word) ?? wordInfo(word, this.resources);
    if (this.cache.size >= this.maxCache) {
      this.older = this.cache;
      this.cache = new Map();
    }
    this.cache.set(word, info);
    return info;
  }

  /**
   * The context of `ctx`'s sentence with per-token feature hashes `extra` added after each token's own
   * span features, as `context(tokens, extra)` would give it: the document pass reuses the first pass's
   * normalised words, word facts and gazetteer matches instead of computing them again.
   */
  withExtra(ctx: SentenceContext, extra: ReadonlyArray<ArrayLike<number>>): SentenceContext {
    const { n, pair: own, pairOffsets: ownOffsets } = ctx;
    let added = 0;
    for (let i = 0; i < n; i++) added += extra[i]?.length ?? 0;
    const pair = new Uint32Array(own.length + added);
    const pairOffsets = new Int32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      pairOffsets[i] = at;
      for (let f = ownOffsets[i]!; f < ownOffsets[i + 1]!; f++) pair[at++] = own[f]!;
      const more = extra[i];
      if (more) for (let k = 0; k < more.length; k++) pair[at++] = more[k]!;
    }
    pairOffsets[n] = at;
    return { ...ctx, pair, pairOffsets };
  }

  /**
   * Normalises the tokens and computes everything but the per-word blocks. `extra` adds per-token feature
   * hashes (the document features of `documentFeatures`).
   */
  context(tokens: readonly string[], extra?: ReadonlyArray<ArrayLike<number>>): SentenceContext {
    const n = tokens.length;
    const words = tokens.map(normalizeToken);
    const mode = sentenceMode(words);
    const infos = words.map((w) => this.info(w));
    const gaz = gazetteerMatches(this.resources.gazetteer, words, mode);
    const ctx: SentenceContext = {
      n,
      mode,
      infos,
      pair: new Uint32Array(0),
      pairOffsets: new Int32Array(n + 1),
      history: new Uint32Array(n * HISTORY_FEATURES),
      bos: this.bos,
      eos: this.eos,
      epoch: this.epoch,
    };
    const pair: number[] = [];
    const { history, pairOffsets } = ctx;
    for (let i = 0; i < n; i++) {
      pairOffsets[i] = pair.length;
      const cur = infos[i]!;
      const prev = infoAt(ctx, i - 1);
      const next = infoAt(ctx, i + 1);
      pair.push(mixHash(mixHash(prev.lower, cur.lower), SLOT_BIGRAM_LEFT));
      pair.push(mixHash(mixHash(cur.lower, next.lower), SLOT_BIGRAM_RIGHT));
      pair.push(mixHash(mixHash(mixHash(prev.sshape, cur.sshape), next.sshape), SLOT_TRIGRAM_SHAPE + mode));
      if (i === 0) pair.push(F_FIRST);
      if (i === 1) pair.push(F_SECOND);
      if (i === n - 1) pair.push(F_LAST);
      for (const code of gaz[i]!) pair.push(F_GAZ[code]!);
      for (const d of [-1, 1]) {
        const g = gaz[i + d];
        if (!g || g.length === 0) continue;
        let types = 0;
        for (const code of g) types |= 1 << (code >> 2);
        for (let b = 0; b < GAZ_NAMES.length; b++)
          if (types & (1 << b)) pair.push(mixHash(F_GAZ_TYPE[b]!, SLOT_GAZ + d));
      }
      const more = extra?.[i];
      if (more) for (let k = 0; k < more.length; k++) pair.push(more[k]!);
      const h = i * HISTORY_FEATURES;
      history[h] = F_BIAS;
      history[h + 1] = cur.lower;
      history[h + 2] = mixHash(cur.sshape, SLOT_SSHAPE[2]! + 8 * mode);
      history[h + 3] = cur.cl[2]!;
    }
    pairOffsets[n] = pair.length;
    ctx.pair = Uint32Array.from(pair);
    return ctx;
  }

  /** Every feature of every token of one sentence, flattened (for training). */
  sentence(tokens: readonly string[], extra?: ReadonlyArray<ArrayLike<number>>): SentenceFeatures {
    const ctx = this.context(tokens, extra);
    const feats: number[] = [];
    const offsets = new Int32Array(ctx.n + 1);
    for (let i = 0; i < ctx.n; i++) {
      offsets[i] = feats.length;
      for (let d = -2; d <= 2; d++) blockHashes(infoAt(ctx, i + d), ctx.mode, d, feats);
      for (let f = ctx.pairOffsets[i]!; f < ctx.pairOffsets[i + 1]!; f++) feats.push(ctx.pair[f]!);
    }
    offsets[ctx.n] = feats.length;
    return { n: ctx.n, feats: Uint32Array.from(feats), offsets, history: ctx.history };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Document features (second pass)

const DOC_LABELS = ['PER', 'ORG', 'LOC', 'MISC', 'O'] as const;
const F_DOC_HAS = DOC_LABELS.map((l) => hashString('doc:has=' + l));
const F_DOC_MAJ = DOC_LABELS.map((l) => hashString('doc:maj=' + l));
const F_DOC_ALL = DOC_LABELS.map((l) => hashString('doc:all=' + l));
const F_DOC_ENT = DOC_LABELS.map((l) => hashString('doc:ent=' + l));

/**
 * Features that tell a token how a first tagging pass labelled the *other* occurrences of the same word in
 * the document (Ratinov & Roth 2009's context aggregation): "Rotor" alone is an ORG when "Rotor Volgograd"
 * was tagged ORG two sentences before, "Blinken" a PER after "Antony Blinken". Only words with a capital
 * letter take part; words are compared lower-cased, so an ALL CAPS headline and the body agree.
 * `predicted[s]` are the first pass's spans of sentence s. Returns per sentence, per token, feature hashes.
 */
export function documentFeatures(
  sentences: ReadonlyArray<readonly string[]>,
  predicted: ReadonlyArray<ReadonlyArray<{ start: number; end: number; type: string }>>,
): number[][][] {
  const keys: Array<Array<string | undefined>> = [];
  const labels: number[][] = [];
  const counts = new Map<string, number[]>();
  sentences.forEach((tokens, s) => {
    const lab = new Array<number>(tokens.length).fill(4);
    for (const e of predicted[s] ?? []) {
      const l = DOC_LABELS.indexOf(e.type as (typeof DOC_LABELS)[number]);
      for (let i = e.start; i < e.end && i < tokens.length; i++) lab[i] = l < 0 ? 4 : l;
    }
    const k = tokens.map((t) => {
      const w = normalizeToken(t);
      return HAS_UPPER.test(w) && HAS_LETTER.test(w) ? w.toLowerCase() : undefined;
    });
    k.forEach((key, i) => {
      if (key === undefined) return;
      let c = counts.get(key);
      if (!c) counts.set(key, (c = [0, 0, 0, 0, 0]));
      c[lab[i]!]!++;
    });
    keys.push(k);
    labels.push(lab);
  });
  return keys.map((k, s) =>
    k.map((key, i) => {
      if (key === undefined) return [];
      const c = counts.get(key)!.slice();
      c[labels[s]![i]!]!--;
      const total = c.reduce((a, b) => a + b, 0);
      if (total === 0) return [];
      const out: number[] = [];
      let bestEnt = -1;
      for (let l = 0; l < DOC_LABELS.length; l++) {
        if (c[l] === 0) continue;
        out.push(F_DOC_HAS[l]!);
        if (c[l]! * 2 >= total) out.push(F_DOC_MAJ[l]!);
        if (c[l] === total) out.push(F_DOC_ALL[l]!);
        if (l < 4 && (bestEnt < 0 || c[l]! > c[bestEnt]!)) bestEnt = l;
      }
      if (bestEnt >= 0) out.push(F_DOC_ENT[bestEnt]!);
      return out;
    }),
  );
}
