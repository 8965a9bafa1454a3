/**
 * Checks the theme taxonomy and the tone overrides strictly:
 *
 *   npx tsx scripts/check-themes.ts                      the shipped files in data/analysis/
 *   npx tsx scripts/check-themes.ts my-themes.tsv        the shipped taxonomy plus your own theme file(s)
 *   npx tsx scripts/check-themes.ts --tone my-tone.tsv   another tone-overrides file
 *   npx tsx scripts/check-themes.ts --match              also run every phrase through the real tokenizer
 *                                                        and phrase matcher (slower)
 *
 * Errors (exit code 1): malformed lines, bad ids, non-lowercase or badly spaced phrases, duplicate ids,
 * a phrase listed twice or in two themes, duplicate tone entries, valences that are not integers in -5..5.
 * Warnings (exit code 0): themes with fewer than 8 or more than 30 phrases, and with --match, phrases
 * that do not find themselves when their own text is analysed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataLines, error, errors, report, warn, where, type Location } from './check-report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_THEMES = path.join(ROOT, 'data', 'analysis', 'themes.tsv');
const DEFAULT_TONE = path.join(ROOT, 'data', 'analysis', 'tone-overrides.tsv');

const THEME_ID = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
/** Lowercase tokens separated by single spaces; no tabs, no `|`. */
const PHRASE = /^[^\s|]+(?: [^\s|]+)*$/;
const VALENCE = /^-?\d+$/;
const MIN_PHRASES = 8;
const MAX_PHRASES = 30;

interface Theme extends Location {
  id: string;
  label: string;
  phrases: string[];
}

interface ToneEntry extends Location {
  term: string;
  valence: number;
  note: string;
}

/** Splits a line into exactly `count` TAB-separated cells, or reports why it cannot. */
function cells(text: string, loc: Location, count: number, names: string): string[] | null {
  const parts = text.split('\t');
  if (parts.length !== count) {
    error(loc, `expected ${count} TAB-separated columns (${names}), found ${parts.length}`);
    return null;
  }
  let ok = true;
  parts.forEach((cell, i) => {
    if (cell === '') {
      error(loc, `column ${i + 1} is empty`);
      ok = false;
    } else if (cell !== cell.trim()) {
      error(loc, `column ${i + 1} has leading or trailing spaces`);
      ok = false;
    }
  });
  return ok ? parts : null;
}

/** Problems with one phrase or tone term, or null when it is well formed. */
function phraseProblem(phrase: string): string | null {
  if (phrase !== phrase.toLowerCase()) return 'is not lowercase';
  if (!PHRASE.test(phrase)) return 'must be tokens separated by single spaces (no tabs, no "|")';
  return null;
}

function parseThemes(file: string): Theme[] {
  const themes: Theme[] = [];
  for (const { text, loc } of dataLines(file)) {
    const parts = cells(text, loc, 3, 'THEME_ID, label, phrases');
    if (!parts) continue;
    const [id = '', label = '', list = ''] = parts;
    if (!THEME_ID.test(id)) error(loc, `theme id "${id}" is not UPPER_SNAKE_CASE`);
    const phrases: string[] = [];
    const seen = new Set<string>();
    list.split('|').forEach((phrase, i) => {
      if (phrase === '') {
        error(loc, `${id}: phrase ${i + 1} is empty (stray "|")`);
        return;
      }
      const problem = phraseProblem(phrase);
      if (problem) error(loc, `${id}: phrase "${phrase}" ${problem}`);
      else if (seen.has(phrase)) error(loc, `${id}: phrase "${phrase}" is listed twice`);
      else {
        seen.add(phrase);
        phrases.push(phrase);
      }
    });
    if (phrases.length < MIN_PHRASES || phrases.length > MAX_PHRASES)
      warn(loc, `${id} has ${phrases.length} phrases (aim for ${MIN_PHRASES}-${MAX_PHRASES})`);
    themes.push({ id, label, phrases, ...loc });
  }
  return themes;
}

function parseTone(file: string): ToneEntry[] {
  const entries: ToneEntry[] = [];
  for (const { text, loc } of dataLines(file)) {
    const parts = cells(text, loc, 3, 'word_or_phrase, valence, note');
    if (!parts) continue;
    const [term = '', valenceText = '', note = ''] = parts;
    const problem = phraseProblem(term);
    if (problem) {
      error(loc, `"${term}" ${problem}`);
      continue;
    }
    if (!VALENCE.test(valenceText)) {
      error(loc, `"${term}": valence "${valenceText}" is not an integer`);
      continue;
    }
    const valence = Number(valenceText);
    if (valence < -5 || valence > 5) {
      error(loc, `"${term}": valence ${valence} is outside -5..5`);
      continue;
    }
    entries.push({ term, valence, note, ...loc });
  }
  return entries;
}

function checkThemes(themes: Theme[]): void {
  const ids = new Map<string, Theme>();
  const owners = new Map<string, Theme>();
  for (const theme of themes) {
    const first = ids.get(theme.id);
    if (first) error(theme, `duplicate theme id ${theme.id} (first at ${where(first)})`);
    else ids.set(theme.id, theme);
    for (const phrase of theme.phrases) {
      const owner = owners.get(phrase);
      if (owner && owner !== theme)
        error(theme, `phrase "${phrase}" is in ${theme.id} and in ${owner.id} (${where(owner)})`);
      else owners.set(phrase, theme);
    }
  }
}

function checkTone(entries: ToneEntry[]): void {
  const seen = new Map<string, ToneEntry>();
  for (const entry of entries) {
    const first = seen.get(entry.term);
    if (first) error(entry, `"${entry.term}" is listed twice (first at ${where(first)})`);
    else seen.set(entry.term, entry);
  }
}

/** Rebuilds running text from a lemma phrase: "military - to - military" → "military-to-military". */
function surfaceOf(phrase: string): string {
  return phrase
    .replace(/ - /g, '-')
    .replace(/ (['’]s)(?= |$)/g, '$1')
    .replace(/ ([,.;:])(?= |$)/g, '$1');
}

/**
 * Analyses each phrase's own text with Parley's tokenizer and phrase matcher and warns when the phrase does
 * not find its theme: the tokenizer may split or lemmatise it differently from how it is written.
 */
async function checkMatching(themes: Theme[], tone: ToneEntry[]): Promise<void> {
  const { tokenize } = await import('../src/nlp/tokenize.js');
  const { buildLemmaTrie, findLemmaPhrases } = await import('../src/analysis/lemma-phrases.js');
  const lemmasOf = (text: string): string[] => tokenize(text).tokens.map((token) => token.lemma);

  const themeTrie = buildLemmaTrie(
    themes.flatMap((theme) => theme.phrases.map((phrase): [string, string] => [phrase, theme.id])),
  );
  for (const theme of themes)
    for (const phrase of theme.phrases) {
      const { tokens } = tokenize(surfaceOf(phrase));
      if (!findLemmaPhrases(tokens, themeTrie).some((hit) => hit.value === theme.id))
        warn(
          theme,
          `${theme.id}: "${phrase}" does not match its own text (lemmas: ${lemmasOf(surfaceOf(phrase)).join(' ')})`,
        );
    }

  // Only multi-word tone entries go through the phrase matcher; single words are looked up directly.
  const tonePhrases = tone.filter((entry) => entry.term.includes(' '));
  const toneTrie = buildLemmaTrie(tonePhrases.map((entry): [string, string] => [entry.term, entry.term]));
  for (const entry of tonePhrases) {
    const { tokens } = tokenize(surfaceOf(entry.term));
    if (!findLemmaPhrases(tokens, toneTrie).some((hit) => hit.value === entry.term))
      warn(
        entry,
        `"${entry.term}" does not match its own text (lemmas: ${lemmasOf(surfaceOf(entry.term)).join(' ')})`,
      );
  }
}

function parseArgs(argv: string[]): { themeFiles: string[]; toneFile: string; match: boolean } {
  const themeFiles: string[] = [];
  let toneFile = DEFAULT_TONE;
  let match = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--match') match = true;
    else if (arg === '--tone') {
      const next = argv[++i];
      if (!next) throw new Error('--tone needs a file');
      toneFile = path.resolve(next);
    } else if (arg === '--help' || arg === '-h') {
      console.log('usage: npx tsx scripts/check-themes.ts [extra-themes.tsv ...] [--tone file] [--match]');
      process.exit(0);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else themeFiles.push(path.resolve(arg));
  }
  // The shipped taxonomy is always checked, so an extra file cannot reuse its ids or phrases.
  if (!themeFiles.includes(DEFAULT_THEMES)) themeFiles.unshift(DEFAULT_THEMES);
  return { themeFiles, toneFile, match };
}

async function main(): Promise<void> {
  const { themeFiles, toneFile, match } = parseArgs(process.argv.slice(2));
  const themes = themeFiles.flatMap(parseThemes);
  checkThemes(themes);
  const tone = parseTone(toneFile);
  checkTone(tone);
  if (match && errors.length === 0) await checkMatching(themes, tone);

  const phraseCount = themes.reduce((sum, theme) => sum + theme.phrases.length, 0);
  const tonePhrases = tone.filter((entry) => entry.term.includes(' ')).length;
  for (const file of themeFiles) {
    const own = themes.filter((theme) => theme.file === file);
    const count = own.reduce((sum, theme) => sum + theme.phrases.length, 0);
    console.log(`${path.relative(process.cwd(), file)}: ${own.length} themes, ${count} phrases`);
  }
  if (themeFiles.length > 1) console.log(`all theme files: ${themes.length} themes, ${phraseCount} phrases`);
  console.log(
    `${path.relative(process.cwd(), toneFile)}: ${tone.length} entries ` +
      `(${tone.length - tonePhrases} words, ${tonePhrases} phrases; ` +
      `${tone.filter((e) => e.valence > 0).length} positive, ${tone.filter((e) => e.valence < 0).length} negative, ` +
      `${tone.filter((e) => e.valence === 0).length} neutralised)`,
  );
  report();
}

main().catch((cause: unknown) => {
  console.error(cause instanceof Error ? cause.message : String(cause));
  process.exitCode = 1;
});
