/**
 * Checks the actor dictionaries in data/actors/ strictly (formats in docs/dictionaries.md):
 *
 *   npx tsx scripts/check-dictionaries.ts                          the shipped people, organisations, agents
 *   npx tsx scripts/check-dictionaries.ts --people my-people.tsv   the shipped files plus your own file(s);
 *                                                                  --organizations and --agents likewise
 *
 * Errors (exit code 1): wrong column counts, empty or padded cells, bad ids, dates that are not real
 * YYYY-MM-DD days or run backwards, overlapping rows of the same role of one person, codes that do not start
 * with a CAMEO country code or an international prefix (IGO, NGO, IMG, ...), a code that does not belong to
 * its country, a name or alias given to two people, a bare one-word alias that is another person's alias or
 * surname, unknown kinds and role codes, duplicate ids and duplicate phrases.
 * Warnings (exit code 0): two people holding the same single-holder office at once, a role that ends on the
 * day the same role starts again (one row would do), and aliases that are also country names or adjectives.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataLines, error, report, warn, where, type Location } from './check-report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ACTORS = path.join(ROOT, 'data', 'actors');
const DEFAULT_FILES = {
  people: path.join(ACTORS, 'people.tsv'),
  organizations: path.join(ACTORS, 'organizations.tsv'),
  agents: path.join(ACTORS, 'agents.tsv'),
};
const COUNTRIES_FILE = path.join(ACTORS, 'countries.tsv');

/** CAMEO role type codes (CAMEO manual 1.1b3, table 3.1, plus the international generic codes). */
const ROLE_CODES = new Set([
  ...['COP', 'GOV', 'INS', 'JUD', 'MIL', 'OPP', 'REB', 'SEP', 'SPY', 'UAF'],
  ...['AGR', 'BUS', 'CRM', 'CVL', 'DEV', 'EDU', 'ELI', 'ENV', 'HLH', 'HRI', 'LAB', 'LEG', 'MED', 'REF'],
  ...['MOD', 'RAD', 'IGO', 'IMG', 'INT', 'MNC', 'NGM', 'NGO', 'UIS'],
]);
/** Codes that open an international actor's code instead of a country (CAMEO manual, section 3.1.9). */
const INTERNATIONAL_PREFIXES = new Set(['IGO', 'IMG', 'INT', 'MNC', 'NGM', 'NGO', 'UIS']);
/** CAMEO international region codes (table 3.3), which may also open a code ("SASREB"). */
const REGION_CODES = new Set(
  'AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA SAF WAF WST'.split(
    ' ',
  ),
);
const ORGANIZATION_KINDS = new Set([
  ...['igo', 'ngo', 'government', 'military', 'legislature', 'judiciary', 'party', 'armed-group'],
  ...['business', 'media'],
]);

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CODE = /^(?:[A-Z]{3}){1,5}$/;
/** Lowercase tokens separated by single spaces; no tabs, no `|`. */
const PHRASE = /^[^\s|]+(?: [^\s|]+)*$/;
/** Roles that several people hold at once, so overlapping holders are expected. */
const SHARED_ROLE = /deputy|councilor|alternate|adviser to|chief adviser/i;

interface PersonRow extends Location {
  id: string;
  name: string;
  aliases: string[];
  country: string;
  code: string;
  role: string;
  from: string;
  to: string;
}

interface OrganizationRow extends Location {
  id: string;
  name: string;
  aliases: string[];
  code: string;
  country: string;
  kind: string;
}

interface AgentRow extends Location {
  phrase: string;
  role: string;
}

interface Files {
  people: string[];
  organizations: string[];
  agents: string[];
}

/**
 * Splits a line into exactly `names.length` TAB-separated cells. Cells named in `optional` may be empty;
 * no cell may have leading or trailing spaces.
 */
function cells(
  text: string,
  loc: Location,
  names: readonly string[],
  optional: readonly string[],
): string[] | null {
  const parts = text.split('\t');
  if (parts.length !== names.length) {
    error(loc, `expected ${names.length} TAB-separated columns (${names.join(', ')}), found ${parts.length}`);
    return null;
  }
  let ok = true;
  parts.forEach((cell, i) => {
    const name = names[i] ?? `column ${i + 1}`;
    if (cell !== cell.trim()) {
      error(loc, `${name} has leading or trailing spaces`);
      ok = false;
    } else if (cell === '' && !optional.includes(name)) {
      error(loc, `${name} is empty`);
      ok = false;
    }
  });
  return ok ? parts : null;
}

/** Splits a `|` list strictly: no empty items, no padded items, no repeats. */
function listCell(cell: string, loc: Location, what: string): string[] {
  if (cell === '') return [];
  const items = cell.split('|');
  const seen = new Set<string>();
  for (const item of items) {
    if (item === '') error(loc, `${what}: empty item (stray "|")`);
    else if (item !== item.trim()) error(loc, `${what}: "${item}" has leading or trailing spaces`);
    else if (seen.has(item)) error(loc, `${what}: "${item}" is listed twice`);
    seen.add(item);
  }
  return items.filter((item) => item.trim() !== '');
}

function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
}

/** The CAMEO country codes of data/actors/countries.tsv, and the three-letter countries they start with. */
function loadCountries(): { codes: Set<string>; names: Map<string, string> } {
  const codes = new Set<string>();
  const names = new Map<string, string>();
  for (const { text } of dataLines(COUNTRIES_FILE)) {
    const [code = '', name = '', aliases = '', adjectives = ''] = text.split('\t');
    codes.add(code);
    codes.add(code.slice(0, 3));
    for (const form of [name, ...aliases.split('|'), ...adjectives.split('|')])
      if (form !== '') names.set(form, code);
  }
  return { codes, names };
}

/** Problems with a CAMEO actor code, or null when it is well formed and opens with a known prefix. */
function codeProblem(code: string, countries: Set<string>): string | null {
  if (!CODE.test(code)) return `"${code}" is not one to five groups of three capital letters`;
  const head = code.slice(0, 3);
  if (countries.has(head) || INTERNATIONAL_PREFIXES.has(head) || REGION_CODES.has(head)) return null;
  return `"${code}" does not start with a CAMEO country code or an international prefix (IGO, NGO, IMG, ...)`;
}

/** A country cell is a CAMEO country code, or for an international body that body's code. */
function checkCountryCell(row: PersonRow | OrganizationRow, countries: Set<string>): void {
  if (row.country === '') return;
  const international = INTERNATIONAL_PREFIXES.has(row.country.slice(0, 3));
  if (!international && !countries.has(row.country))
    error(row, `country "${row.country}" is not a CAMEO country code (data/actors/countries.tsv)`);
  const owned = row.code.startsWith(row.country) || row.code.slice(3).startsWith(row.country);
  if (!owned) error(row, `code ${row.code} does not belong to country ${row.country}`);
}

function parsePeople(file: string): PersonRow[] {
  const names = ['id', 'name', 'aliases', 'country', 'code', 'role', 'from', 'to'] as const;
  const rows: PersonRow[] = [];
  for (const { text, loc } of dataLines(file)) {
    const parts = cells(text, loc, names, ['aliases', 'to']);
    if (!parts) continue;
    const [id = '', name = '', aliases = '', country = '', code = '', role = '', from = '', to = ''] = parts;
    rows.push({
      id,
      name,
      aliases: listCell(aliases, loc, `${id} aliases`),
      country,
      code,
      role,
      from,
      to,
      ...loc,
    });
  }
  return rows;
}

function checkPersonRow(row: PersonRow, countries: Set<string>): void {
  if (!SLUG.test(row.id)) error(row, `id "${row.id}" is not a kebab-case slug`);
  if (row.aliases.includes(row.name))
    error(row, `${row.id}: the name "${row.name}" is repeated among the aliases`);
  const problem = codeProblem(row.code, countries);
  if (problem) error(row, `${row.id}: code ${problem}`);
  else checkCountryCell(row, countries);
  if (!isRealDate(row.from)) error(row, `${row.id}: from "${row.from}" is not a YYYY-MM-DD date`);
  if (row.to !== '' && !isRealDate(row.to)) error(row, `${row.id}: to "${row.to}" is not a YYYY-MM-DD date`);
  else if (row.to !== '' && row.to < row.from)
    error(row, `${row.id}: from ${row.from} is after to ${row.to}`);
}

const OPEN_END = '9999-12-31';
const endOf = (row: PersonRow): string => row.to || OPEN_END;
const key = (row: PersonRow): string => `${row.code}\t${row.role}`;

/** Rows of the same person must agree on name and aliases. */
function checkPersonConsistency(rows: PersonRow[]): void {
  for (const [id, own] of groupBy(rows, (row) => row.id)) {
    const first = own[0]!;
    for (const row of own.slice(1)) {
      if (row.name !== first.name)
        error(row, `${id}: name "${row.name}" differs from "${first.name}" (${where(first)})`);
      if (row.aliases.join('|') !== first.aliases.join('|'))
        error(row, `${id}: aliases differ from the person's first row (${where(first)})`);
    }
  }
}

/** Rows whose dates are real days in order; only these take part in the overlap checks. */
const isDated = (row: PersonRow): boolean =>
  isRealDate(row.from) && (row.to === '' || (isRealDate(row.to) && row.from <= row.to));

/** One role's terms of one person must not overlap. */
function checkPersonTerms(rows: PersonRow[]): void {
  for (const [id, own] of groupBy(rows.filter(isDated), (row) => row.id))
    for (const terms of groupBy(own, key).values()) checkTerms(id, terms);
}

/** Overlapping terms of one role of one person are errors; a term ending the day the next starts, a warning. */
function checkTerms(id: string, terms: PersonRow[]): void {
  const sorted = [...terms].sort((a, b) => a.from.localeCompare(b.from));
  sorted.slice(1).forEach((row, i) => {
    const previous = sorted[i]!;
    if (row.from < endOf(previous))
      error(
        row,
        `${id}: ${row.role} ${row.from}..${row.to} overlaps ${previous.from}..${previous.to} (${where(previous)})`,
      );
    else if (row.from === previous.to)
      warn(
        row,
        `${id}: ${row.role} starts on the day the previous term ends (${where(previous)}); one row would do`,
      );
  });
}

/** Two people in the same single-holder office for more than a handover day: usually a wrong date. */
function checkConcurrentHolders(rows: PersonRow[]): void {
  const offices = groupBy(
    rows.filter((row) => isDated(row) && !SHARED_ROLE.test(row.role)),
    (row) => `${row.country}\t${key(row)}`,
  );
  for (const holders of offices.values()) {
    const sorted = [...holders].sort((a, b) => a.from.localeCompare(b.from));
    sorted.forEach((row, i) => {
      for (const other of sorted.slice(i + 1)) {
        if (other.from >= endOf(row)) break;
        if (other.id !== row.id)
          warn(
            other,
            `${other.id} and ${row.id} (${where(row)}) are both ${row.role} (${row.code}) after ${other.from}`,
          );
      }
    });
  }
}

/** The last word of a name: the surname for most names in the file. */
const surnameOf = (name: string): string => name.split(' ').at(-1) ?? name;
const isBare = (alias: string): boolean => !alias.includes(' ');

/**
 * No name or alias may point at two people, and a one-word alias must not be another person's one-word alias
 * or surname ("Zardari" cannot be Asif Ali Zardari's alias while Bilawal Bhutto Zardari is in the file).
 */
function checkPeopleNames(rows: PersonRow[]): void {
  const firstRows = [...groupBy(rows, (row) => row.id).values()].map((own) => own[0]!);
  const owners = new Map<string, PersonRow>();
  for (const row of firstRows)
    for (const form of [row.name, ...row.aliases]) {
      const owner = owners.get(form);
      if (owner && owner.id !== row.id)
        error(row, `"${form}" names both ${row.id} and ${owner.id} (${where(owner)})`);
      else owners.set(form, row);
    }
  const surnames = new Map<string, PersonRow[]>();
  for (const row of firstRows) {
    const list = surnames.get(surnameOf(row.name)) ?? [];
    list.push(row);
    surnames.set(surnameOf(row.name), list);
  }
  for (const row of firstRows)
    for (const alias of row.aliases.filter(isBare)) {
      const others = (surnames.get(alias) ?? []).filter((other) => other.id !== row.id);
      if (others.length > 0)
        error(
          row,
          `${row.id}: bare alias "${alias}" is also the surname of ${others.map((o) => o.id).join(', ')}`,
        );
    }
}

function parseOrganizations(file: string): OrganizationRow[] {
  const names = ['id', 'name', 'aliases', 'code', 'country', 'kind'] as const;
  const rows: OrganizationRow[] = [];
  for (const { text, loc } of dataLines(file)) {
    const parts = cells(text, loc, names, ['aliases', 'country']);
    if (!parts) continue;
    const [id = '', name = '', aliases = '', code = '', country = '', kind = ''] = parts;
    rows.push({ id, name, aliases: listCell(aliases, loc, `${id} aliases`), code, country, kind, ...loc });
  }
  return rows;
}

function checkOrganizationRow(row: OrganizationRow, countries: Set<string>): void {
  if (!SLUG.test(row.id)) error(row, `id "${row.id}" is not a kebab-case slug`);
  if (row.aliases.includes(row.name))
    error(row, `${row.id}: the name "${row.name}" is repeated among the aliases`);
  if (!ORGANIZATION_KINDS.has(row.kind))
    error(row, `${row.id}: kind "${row.kind}" is not one of ${[...ORGANIZATION_KINDS].join(', ')}`);
  const problem = codeProblem(row.code, countries);
  if (problem) error(row, `${row.id}: code ${problem}`);
  else checkCountryCell(row, countries);
  const national = !['igo', 'ngo', 'armed-group', 'business', 'media'].includes(row.kind);
  if (national && row.country === '') error(row, `${row.id}: a ${row.kind} institution needs a country`);
}

/** Organisation ids are unique and no name or alias names two organisations. */
function checkOrganizationNames(rows: OrganizationRow[]): void {
  const ids = new Map<string, OrganizationRow>();
  const owners = new Map<string, OrganizationRow>();
  for (const row of rows) {
    const first = ids.get(row.id);
    if (first) error(row, `duplicate organisation id ${row.id} (first at ${where(first)})`);
    else ids.set(row.id, row);
    for (const form of [row.name, ...row.aliases]) {
      const owner = owners.get(form);
      if (owner && owner.id !== row.id)
        error(row, `"${form}" names both ${row.id} and ${owner.id} (${where(owner)})`);
      else owners.set(form, row);
    }
  }
}

function parseAgents(file: string): AgentRow[] {
  const names = ['phrase', 'role', 'note'] as const;
  const rows: AgentRow[] = [];
  for (const { text, loc } of dataLines(file)) {
    const parts = cells(text, loc, names, ['note']);
    if (!parts) continue;
    const [phrase = '', role = ''] = parts;
    rows.push({ phrase, role, ...loc });
  }
  return rows;
}

/** One or more role codes, each a CAMEO role type ("GOV", "GOVMIL"). */
function roleProblem(role: string): string | null {
  if (!CODE.test(role)) return `role "${role}" is not one or more groups of three capital letters`;
  const unknown = (role.match(/.{3}/g) ?? []).filter((part) => !ROLE_CODES.has(part));
  return unknown.length > 0 ? `role "${role}": ${unknown.join(', ')} is not a CAMEO role type code` : null;
}

function checkAgents(rows: AgentRow[]): void {
  const seen = new Map<string, AgentRow>();
  for (const row of rows) {
    if (row.phrase !== row.phrase.toLowerCase()) error(row, `phrase "${row.phrase}" is not lowercase`);
    else if (!PHRASE.test(row.phrase))
      error(row, `phrase "${row.phrase}" must be words separated by single spaces`);
    const problem = roleProblem(row.role);
    if (problem) error(row, problem);
    const first = seen.get(row.phrase);
    if (first) error(row, `phrase "${row.phrase}" is listed twice (first at ${where(first)})`);
    else seen.set(row.phrase, row);
  }
}

/** Names that are also country names, aliases or adjectives in countries.tsv would shadow the country. */
function checkCountryClashes(
  people: PersonRow[],
  organizations: OrganizationRow[],
  countryNames: Map<string, string>,
): void {
  const firstRows = [...groupBy(people, (row) => row.id).values()].map((own) => own[0]!);
  for (const row of [...firstRows, ...organizations])
    for (const form of [row.name, ...row.aliases]) {
      const country = countryNames.get(form);
      if (country) warn(row, `${row.id}: "${form}" is also a name of country ${country} in countries.tsv`);
    }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(keyOf(item)) ?? [];
    list.push(item);
    groups.set(keyOf(item), list);
  }
  return groups;
}

const USAGE =
  'usage: npx tsx scripts/check-dictionaries.ts [--people FILE] [--organizations FILE] [--agents FILE] ...';

function parseArgs(argv: string[]): Files {
  const files: Files = { people: [], organizations: [], agents: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const kind = arg.replace(/^--/, '');
    if (!(kind === 'people' || kind === 'organizations' || kind === 'agents') || !arg.startsWith('--'))
      throw new Error(`unknown argument ${arg}\n${USAGE}`);
    const next = argv[++i];
    if (!next) throw new Error(`${arg} needs a file`);
    files[kind].push(path.resolve(next));
  }
  // The shipped files are always checked too, so an extra file cannot reuse their names and phrases.
  for (const kind of ['people', 'organizations', 'agents'] as const)
    if (!files[kind].includes(DEFAULT_FILES[kind])) files[kind].unshift(DEFAULT_FILES[kind]);
  return files;
}

/** How many rows each file holds, then the errors and warnings. */
function printCounts(
  files: Files,
  people: PersonRow[],
  organizations: OrganizationRow[],
  agents: AgentRow[],
): void {
  const relative = (file: string): string => path.relative(process.cwd(), file) || file;
  for (const file of files.people) {
    const own = people.filter((row) => row.file === file);
    const persons = new Set(own.map((row) => row.id)).size;
    const open = own.filter((row) => row.to === '').length;
    console.log(`${relative(file)}: ${own.length} roles of ${persons} people (${open} still held)`);
  }
  for (const file of files.organizations)
    console.log(
      `${relative(file)}: ${organizations.filter((row) => row.file === file).length} organisations`,
    );
  for (const file of files.agents)
    console.log(`${relative(file)}: ${agents.filter((row) => row.file === file).length} role phrases`);
  report();
}

/** The G20 member states (the five permanent Security Council members among them). */
const G20 = 'ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA'.split(' ');
const COVERAGE_FROM = '2000-01-01';
/** The day the shipped dictionary was last brought up to date. */
const COVERAGE_TO = '2026-03-01';
/** Offices every G20 state must have a holder of on every day, by the titles people.tsv uses for them. */
const OFFICES: Array<[office: string, title: RegExp]> = [
  [
    'leader',
    /^(Acting |Interim )?(President|Prime Minister|Premier|Chancellor|King|Emperor|Supreme Leader)$/,
  ],
  [
    'foreign minister',
    /Foreign (Minister|Secretary)|^Secretary of State( \(acting\))?$|Foreign Affairs|External Affairs|International Relations/,
  ],
  ['defence minister', /Defen[cs]e|Secretary of State for Defence|Minister of the Armed Forces/],
];
const MIN_GAP_DAYS = 15;

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const dateOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Days from 2000 to the last update on which a G20 state has nobody in an office (head of state or
 * government, foreign minister, defence minister): the dictionary's coverage, reported, not failed.
 */
function coverageGaps(people: PersonRow[]): string[] {
  const gaps: string[] = [];
  const from = dayNumber(COVERAGE_FROM);
  const to = dayNumber(COVERAGE_TO);
  for (const country of G20)
    for (const [office, title] of OFFICES) {
      const terms = people
        .filter((row) => row.country === country && title.test(row.role))
        .map((row) => [dayNumber(row.from), row.to ? dayNumber(row.to) : to] as const)
        .sort((a, b) => a[0] - b[0]);
      let covered = from - 1;
      const gap = (start: number, end: number): void => {
        if (end - start + 1 >= MIN_GAP_DAYS)
          gaps.push(`${country} ${office}: nobody from ${dateOf(start)} to ${dateOf(end)}`);
      };
      for (const [start, end] of terms) {
        if (start > covered + 1) gap(covered + 1, Math.min(start - 1, to));
        covered = Math.max(covered, end);
        if (covered >= to) break;
      }
      if (covered < to) gap(covered + 1, to);
    }
  return gaps;
}

function main(): void {
  const files = parseArgs(process.argv.slice(2));
  const { codes, names } = loadCountries();
  const people = files.people.flatMap(parsePeople);
  const organizations = files.organizations.flatMap(parseOrganizations);
  const agents = files.agents.flatMap(parseAgents);
  for (const row of people) checkPersonRow(row, codes);
  checkPersonConsistency(people);
  checkPersonTerms(people);
  checkConcurrentHolders(people);
  checkPeopleNames(people);
  for (const row of organizations) checkOrganizationRow(row, codes);
  checkOrganizationNames(organizations);
  checkAgents(agents);
  checkCountryClashes(people, organizations, names);
  printCounts(files, people, organizations, agents);
  const gaps = coverageGaps(people);
  console.log(
    `coverage of the G20 (head of state or government, foreign and defence ministers, ${COVERAGE_FROM} to ${COVERAGE_TO}): ${gaps.length === 0 ? 'complete' : `${gaps.length} gap(s)`}`,
  );
  for (const message of gaps) console.log(`  ${message}`);
}

try {
  main();
} catch (cause: unknown) {
  console.error(cause instanceof Error ? cause.message : String(cause));
  process.exitCode = 1;
}
