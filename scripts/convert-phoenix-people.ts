/**
 * Regenerates data/actors/people-phoenix.tsv from the person entries of PETRARCH2's Phoenix country actor
 * dictionary (`Phoenix.Countries.actors.txt`, © 2014 Open Event Data Alliance, MIT licence; repeated in the
 * generated file's header):
 *   npx tsx scripts/convert-phoenix-people.ts [Phoenix.Countries.actors.txt]
 * Only people (entries from CountryInfo.txt, names of at least two words) with at least one dated role are
 * kept; anyone already in data/actors/people.tsv (same name or alias) is left to that hand-checked file.
 * Dates: TABARI's YYMMDD (or YYYYMMDD) ranges, `>date` (from) and `<date` (until); years 00–30 are 20xx.
 * A role still open when the dictionary was made (2014-01-30) ends there: later roles are unknown. A
 * person's undated code (ELI, the country's elite) is written for the whole span from 1900 to 2100, so that
 * the dated role taken up later wins while it lasts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readTsvRows, listCell } from '../src/model/tsv.js';
import { repoRoot, sharedDataDir } from './paths.js';

const DICTIONARY_DATE = '2014-01-30';
const source =
  process.argv[2] ?? path.join(sharedDataDir(), 'petrarch-dictionaries/Phoenix.Countries.actors.txt');
const licence = readFileSync(path.join(path.dirname(source), 'LICENSE.petrarch2-MIT.txt'), 'utf8');

/** Particles written in lower case inside a name ("Bashar al-Assad", "Luiz Inácio Lula da Silva"). */
const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'de',
  'da',
  'do',
  'dos',
  'del',
  'der',
  'van',
  'von',
  'la',
  'le',
]);

function titleCase(word: string, first: boolean): string {
  return word
    .toLowerCase()
    .split('-')
    .map((part, index) =>
      (!first || index > 0) && PARTICLES.has(part) ? part : part.charAt(0).toUpperCase() + part.slice(1),
    )
    .join('-');
}

function displayName(raw: string): string {
  const words = raw.replace(/_+$/, '').split('_').filter(Boolean);
  return words.map((word, index) => titleCase(word, index === 0)).join(' ');
}

function day(raw: string): string {
  const digits = raw.trim();
  if (digits.length === 8) return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  const yy = Number(digits.slice(0, 2));
  const year = yy <= 30 ? 2000 + yy : 1900 + yy;
  return `${year}-${digits.slice(2, 4)}-${digits.slice(4, 6)}`;
}

interface Role {
  code: string;
  from: string;
  to: string;
}

function role(line: string): Role | null {
  const match = /^\[\s*([A-Z]+)\s*([^\]]*)\]/.exec(line.trim());
  if (!match) return null;
  // Parley writes one role group after the country (USAGOV, not USAGOVLEG), as in people.tsv.
  const code = match[1]!.slice(0, 6);
  const dates = match[2]!.replace(/\s+/g, '');
  const cap = (to: string): string => (to > DICTIONARY_DATE ? DICTIONARY_DATE : to);
  if (dates === '') return { code, from: '1900-01-01', to: '2100-12-31' };
  if (dates.startsWith('>')) return { code, from: day(dates.slice(1)), to: DICTIONARY_DATE };
  if (dates.startsWith('<')) return { code, from: '1900-01-01', to: cap(day(dates.slice(1))) };
  const [from = '', to = ''] = dates.split('-');
  return { code, from: day(from), to: cap(day(to)) };
}

/**
 * A name as the name trie matches it: accents, hyphens and case do not tell two names apart ("Omar
 * al-Bashir" in people.tsv and Phoenix's "Omar al Bashir" are one person in the news).
 */
const nameKey = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[-‐‑]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

// Everyone the hand-checked people file already knows, by every name it gives them.
const known = new Set<string>();
for (const { cells } of readTsvRows(path.join(repoRoot(), 'data/actors/people.tsv'))) {
  known.add(nameKey(cells[1] ?? ''));
  for (const alias of listCell(cells[2])) known.add(nameKey(alias));
}

interface Person {
  name: string;
  aliases: string[];
  roles: Role[];
  /** CountryInfo.txt (the source of Phoenix's people) names the entry or one of its aliases. */
  person: boolean;
}
const entries: Person[] = [];
let current: Person | null = null;
const nameOf = (line: string): string => displayName(line.split('#')[0]!.trim().split(/\s/)[0]!);
for (const raw of readFileSync(source, 'utf8').split('\n')) {
  const line = raw.replace(/\r$/, '');
  if (line.startsWith('#') || line.trim() === '') continue;
  if (/^\s*\[/.test(line)) {
    const parsed = current ? role(line) : null;
    if (parsed && current) current.roles.push(parsed);
    continue;
  }
  const person = line.includes('# CountryInfo.txt');
  if (line.startsWith('+')) {
    if (current) {
      current.aliases.push(nameOf(line.slice(1)));
      current.person ||= person;
    }
    continue;
  }
  current = { name: nameOf(line), aliases: [], roles: [], person };
  entries.push(current);
}
// (a one-word head such as MADURO may have a full name among its aliases)
const people = entries
  .filter((entry) => entry.person)
  .map((entry) => {
    const names = [entry.name, ...entry.aliases].filter((name) => name.split(' ').length >= 2);
    return { ...entry, name: names[0] ?? '', aliases: names.slice(1) };
  })
  .filter((entry) => entry.name !== '');

const rows: string[] = [];
const taken = new Set<string>();
let kept = 0;
for (const person of people) {
  const names = [person.name, ...person.aliases].filter((name) => name.split(' ').length >= 2);
  // (a name given to two people in the dictionary is ambiguous: the first keeps it)
  if (names.some((name) => known.has(nameKey(name))) || taken.has(person.name.toLowerCase())) continue;
  const dated = person.roles.filter((r) => r.from !== '1900-01-01' || r.to !== '2100-12-31');
  if (dated.length === 0 || person.roles.some((r) => !/^[A-Z]{6}$/.test(r.code))) continue;
  const aliases = [...new Set(names.slice(1))].filter((alias) => !taken.has(alias.toLowerCase()));
  for (const name of [person.name, ...aliases]) taken.add(name.toLowerCase());
  const id = `phoenix-${person.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  for (const r of person.roles)
    rows.push(
      [id, person.name, aliases.join('|'), r.code.slice(0, 3), r.code, 'Phoenix', r.from, r.to].join('\t'),
    );
  kept++;
}

const header = [
  '# Generated by scripts/convert-phoenix-people.ts from Phoenix.Countries.actors.txt (PETRARCH2); do not edit.',
  '# Same columns as people.tsv (docs/dictionaries.md); people.tsv is checked by hand and wins over this file.',
  '# Roles end by 2014-01-30, when the source was made. Source licence:',
  ...licence.split('\n').map((line) => `#   ${line}`.trimEnd()),
  '',
];
writeFileSync(
  path.join(repoRoot(), 'data/actors/people-phoenix.tsv'),
  `${[...header, ...rows].join('\n')}\n`,
);
console.log(`${kept} people, ${rows.length} roles → data/actors/people-phoenix.tsv`);
