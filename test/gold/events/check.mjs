// Validates test/gold/events/sentences.jsonl, the hand-coded CAMEO event gold set, and prints its counts.
// Run: node test/gold/events/check.mjs [path/to/sentences.jsonl]
// Also validates the training part, train.jsonl (split "train", ids g1001 on): the same rules, plus no sentence
// of sentences.jsonl may appear in it.
// The CAMEO codebook files are read from the shared data folder: PARLEY_SHARED, else ../shared/data beside the
// repository. Without them the codebook checks are skipped (and said so); the other checks still run.
// Exit code: 0 when no error was found, 1 otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const shared = process.env.PARLEY_SHARED ?? path.resolve(repoRoot, '../shared/data');
const goldFile = process.argv[2] ?? path.join(here, 'sentences.jsonl');

const errors = [];
const warnings = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);

// ---------- codebook ----------
const cameoDir = path.join(shared, 'cameo');
const eventFile = path.join(cameoDir, 'CAMEO.eventcodes.txt');
const countryFile = path.join(cameoDir, 'cameo_country_codes.tsv');
const typeFile = path.join(cameoDir, 'cameo_actor_type_codes.tsv');
const haveCodebook = fs.existsSync(eventFile) && fs.existsSync(countryFile) && fs.existsSync(typeFile);

const eventCodes = new Set();
const countryCodes = new Set(); // full entries (USA, GBRGIB, YUGBIH, ...) and their 3-letter heads
const roleCodes = new Set(); // GOV, MIL, ... (primary, secondary, tertiary)
const regionCodes = new Set(); // AFR, WST, ...
// International generic codes that may open an actor code (codebook 3.1.9).
const internationalPrefixes = new Set(['IGO', 'NGO', 'IMG', 'NGM', 'MNC', 'INT', 'UIS']);
// Role-like codes used in the codebook text but not listed in cameo_actor_type_codes.tsv.
for (const c of ['PTY', 'ELI']) roleCodes.add(c);

if (haveCodebook) {
  for (const line of fs.readFileSync(eventFile, 'latin1').split(/\r?\n/).slice(1)) {
    const code = line.split('\t')[0].trim();
    if (/^\d{2,4}$/.test(code)) eventCodes.add(code);
  }
  for (const line of fs.readFileSync(countryFile, 'utf8').split(/\r?\n/).slice(1)) {
    const first = line.split('\t')[0].trim();
    const found = first.startsWith('[') ? [...first.matchAll(/\[([A-Z]{3,})/g)].map((m) => m[1]) : [first];
    for (const code of found) {
      if (!/^[A-Z]{3,}$/.test(code)) continue;
      countryCodes.add(code);
      countryCodes.add(code.slice(0, 3));
      if (code.length === 6) countryCodes.add(code.slice(3)); // YUGBIH -> BIH, SCGSRB -> SRB
    }
  }
  for (const line of fs.readFileSync(typeFile, 'utf8').split(/\r?\n/).slice(1)) {
    const [kind, group, code] = line.split('\t');
    if (!code) continue;
    if (kind === 'region') regionCodes.add(code.trim());
    else if (kind === 'type' && group !== 'international_generic') roleCodes.add(code.trim());
    else if (kind === 'type') internationalPrefixes.add(code.trim());
  }
} else {
  warnings.push(`CAMEO codebook not found under ${cameoDir}: event-code and actor-code checks skipped`);
}

function checkActor(where, code) {
  if (typeof code !== 'string' || !/^([A-Z]{3})+$/.test(code)) {
    err(where, `actor code '${code}' is not a sequence of three-letter groups`);
    return;
  }
  if (!haveCodebook) return;
  const head = code.slice(0, 3);
  if (internationalPrefixes.has(head)) return; // IGO/NGO/IMG... are followed by organisation codes
  let rest;
  if (regionCodes.has(head)) {
    rest = code.slice(3);
  } else {
    // strip the longest country entry that opens the code (GBRGIB before GBR)
    let len = 0;
    for (let n = Math.min(code.length, 9); n >= 3; n -= 3) {
      if (countryCodes.has(code.slice(0, n))) {
        len = n;
        break;
      }
    }
    if (len === 0) {
      err(
        where,
        `actor code '${code}' does not start with a country, region or IGO/NGO/IMG/NGM/MNC/INT/UIS code`,
      );
      return;
    }
    rest = code.slice(len);
  }
  for (let i = 0; i < rest.length; i += 3) {
    const part = rest.slice(i, i + 3);
    if (!roleCodes.has(part)) err(where, `actor code '${code}': '${part}' is not a known role code`);
  }
}

// ---------- source texts (optional: verbatim check) ----------
const newsFree = path.join(shared, 'news-free');
const sourceFiles = ['wikinews_en_2004-2018.jsonl', 'wikipedia_current_events_2002-2026.jsonl'].map((f) =>
  path.join(newsFree, f),
);
const haveSources = sourceFiles.every((f) => fs.existsSync(f));
const sourceText = new Map();
if (haveSources) {
  for (const f of sourceFiles) {
    for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line);
      sourceText.set(rec.id, { text: rec.text, date: rec.date, url: rec.url });
    }
  }
} else {
  warnings.push(`source corpora not found under ${newsFree}: verbatim-sentence check skipped`);
}

// ---------- the gold file ----------
/** Training sentences (train.jsonl) are numbered from here, apart from the evaluated ids. */
const FIRST_TRAIN = 1001;
const evaluatedFile = path.join(here, 'sentences.jsonl');
const evaluated = new Set(
  path.resolve(goldFile) === evaluatedFile || !fs.existsSync(evaluatedFile)
    ? []
    : fs
        .readFileSync(evaluatedFile, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line).sentence),
);
if (!fs.existsSync(goldFile)) {
  console.error(`check: no gold file at ${goldFile}`);
  process.exit(1);
}
const lines = fs.readFileSync(goldFile, 'utf8').split('\n');
const ids = new Set();
const sentenceKeys = new Set();
const rows = [];
const allowedKeys = new Set([
  'id',
  'split',
  'source',
  'date',
  'sentence',
  'events',
  'url',
  'tags',
  'selection',
  'note',
]);
const eventKeys = new Set(['source', 'sourceText', 'code', 'target', 'targetText', 'negated', 'note']);

lines.forEach((line, i) => {
  if (line.trim() === '') {
    if (i !== lines.length - 1) err(`line ${i + 1}`, 'empty line');
    return;
  }
  let r;
  try {
    r = JSON.parse(line);
  } catch (e) {
    err(`line ${i + 1}`, `not JSON (${e.message})`);
    return;
  }
  const where = `line ${i + 1} (${r.id ?? 'no id'})`;
  for (const k of Object.keys(r)) if (!allowedKeys.has(k)) err(where, `unknown field '${k}'`);
  if (typeof r.id !== 'string' || !/^g\d{4}$/.test(r.id)) err(where, `bad id '${r.id}'`);
  else if (ids.has(r.id)) err(where, `duplicate id ${r.id}`);
  else ids.add(r.id);
  if (r.split !== 'dev' && r.split !== 'test' && r.split !== 'train') err(where, `bad split '${r.split}'`);
  if (r.split === 'train' && !(Number(String(r.id).slice(1)) > FIRST_TRAIN - 1))
    err(where, `training sentences have ids from g${FIRST_TRAIN} on`);
  if (r.split === 'train' && evaluated.has(r.sentence)) err(where, 'sentence is also in sentences.jsonl');
  if (typeof r.source !== 'string' || !/^(wikinews:wikinews-\d+|wcep:wcep-\d{4}-\d{2}-\d{2})$/.test(r.source))
    err(where, `bad source '${r.source}'`);
  if (typeof r.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.date)) err(where, `bad date '${r.date}'`);
  if (typeof r.sentence !== 'string' || r.sentence.trim() === '') err(where, 'empty sentence');
  if (
    r.url !== undefined &&
    (typeof r.url !== 'string' || !/^https:\/\/en\.wiki(news|pedia)\.org\//.test(r.url))
  )
    err(where, `bad url '${r.url}'`);
  if (r.selection !== undefined && r.selection !== 'random' && r.selection !== 'targeted')
    err(where, `bad selection '${r.selection}'`);
  if (r.tags !== undefined && !(Array.isArray(r.tags) && r.tags.every((t) => typeof t === 'string')))
    err(where, 'tags must be an array of strings');
  const key = `${r.source}\u0000${r.sentence}`;
  if (sentenceKeys.has(key)) err(where, 'the same sentence from the same source appears twice');
  sentenceKeys.add(key);
  if (haveSources && typeof r.source === 'string' && typeof r.sentence === 'string') {
    const rec = sourceText.get(r.source.split(':')[1]);
    if (!rec) err(where, `source record ${r.source} not found`);
    else {
      if (!rec.text.includes(r.sentence))
        err(where, 'sentence is not a verbatim substring of its source record');
      if (rec.date !== r.date) err(where, `date ${r.date} differs from the source record's ${rec.date}`);
      if (r.url !== undefined && r.url !== rec.url)
        err(where, `url differs from the source record's ${rec.url}`);
    }
  }
  if (!Array.isArray(r.events)) {
    err(where, 'events must be an array');
    return;
  }
  r.events.forEach((e, j) => {
    const ew = `${where} event ${j + 1}`;
    for (const k of Object.keys(e)) if (!eventKeys.has(k)) err(ew, `unknown field '${k}'`);
    if (typeof e.code !== 'string' || !/^\d{3,4}$/.test(e.code))
      err(ew, `code '${e.code}' is not 3 or 4 digits`);
    else if (haveCodebook && !eventCodes.has(e.code))
      err(ew, `code ${e.code} is not in CAMEO.eventcodes.txt`);
    checkActor(`${ew} source`, e.source);
    if (typeof e.sourceText !== 'string' || e.sourceText === '') err(ew, 'missing sourceText');
    else if (!r.sentence.includes(e.sourceText))
      err(ew, `sourceText '${e.sourceText}' is not in the sentence`);
    if (e.target === null) {
      if (e.targetText !== null) err(ew, 'targetText given but target is null');
    } else {
      checkActor(`${ew} target`, e.target);
      if (typeof e.targetText !== 'string' || e.targetText === '') err(ew, 'target given without targetText');
      else if (!r.sentence.includes(e.targetText))
        err(ew, `targetText '${e.targetText}' is not in the sentence`);
    }
    if (typeof e.negated !== 'boolean') err(ew, 'negated must be true or false');
    if (e.note !== undefined && typeof e.note !== 'string') err(ew, 'note must be a string');
  });
  rows.push(r);
});

// ---------- counts ----------
const roots = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0'));
const positive = (r) => r.events.filter((e) => e.negated === false && typeof e.code === 'string');
const primary = (r) => (positive(r).length ? positive(r)[0].code.slice(0, 2) : 'none');
const table = new Map(
  [...roots, 'none'].map((k) => [k, { dev: 0, test: 0, anyDev: 0, anyTest: 0, events: 0 }]),
);
for (const r of rows) {
  const split = r.split === 'test' ? 'test' : 'dev'; // train counts under dev: both are tuned on
  const row = table.get(primary(r));
  if (row) row[split] += 1;
  const seen = new Set(positive(r).map((e) => e.code.slice(0, 2)));
  for (const root of seen) if (table.has(root)) table.get(root)[split === 'dev' ? 'anyDev' : 'anyTest'] += 1;
  for (const e of positive(r)) if (table.has(e.code.slice(0, 2))) table.get(e.code.slice(0, 2)).events += 1;
}
// The split rule (README, "Dev/test split"): the original set g0001-g0514 alternates dev, test, dev, ... within
// each primary root in id order; the dev extension (g0515 on) is dev only, so the test part never changes.
const LAST_ORIGINAL = 514;
const idNumber = (r) => Number(String(r.id).slice(1));
const turn = new Map();
for (const r of [...rows].sort((a, b) => idNumber(a) - idNumber(b))) {
  if (r.split === 'train') continue;
  if (idNumber(r) > LAST_ORIGINAL) {
    if (r.split !== 'dev') err(r.id, 'sentences of the dev extension (after g0514) must be dev');
    continue;
  }
  const n = turn.get(primary(r)) ?? 0;
  turn.set(primary(r), n + 1);
  const expected = n % 2 === 0 ? 'dev' : 'test';
  if (r.split !== expected) err(r.id, `split is ${r.split}, the alternation rule gives ${expected}`);
}
const pad = (s, n) => String(s).padStart(n);
console.log(`gold file: ${path.relative(process.cwd(), goldFile) || goldFile}`);
console.log('root  primary:dev  primary:test  with-root:dev  with-root:test  with-root:all  events');
for (const [root, c] of table) {
  const any = root === 'none' ? '' : pad(c.anyDev + c.anyTest, 13);
  const anyDev = root === 'none' ? pad('', 13) : pad(c.anyDev, 13);
  const anyTest = root === 'none' ? pad('', 14) : pad(c.anyTest, 14);
  console.log(
    `${root.padEnd(4)}  ${pad(c.dev, 11)}  ${pad(c.test, 12)}  ${anyDev}  ${anyTest}  ${any}  ${pad(root === 'none' ? '' : c.events, 6)}`,
  );
}
const bySplit = (s) => rows.filter((r) => r.split === s).length;
const noEvent = rows.filter((r) => positive(r).length === 0).length;
const negated = rows.reduce((n, r) => n + r.events.filter((e) => e.negated === true).length, 0);
const events = rows.reduce((n, r) => n + positive(r).length, 0);
const random = rows.filter((r) => r.selection === 'random').length;
console.log(
  `sentences ${rows.length} (dev ${bySplit('dev')}, test ${bySplit('test')}, train ${bySplit('train')}); events ${events} (+${negated} negated); ` +
    `sentences with no codable event ${noEvent}; random-sample sentences ${random}`,
);
const thin = roots.filter((r) => table.get(r).anyDev + table.get(r).anyTest < 8);
if (thin.length) warnings.push(`roots with fewer than 8 sentences: ${thin.join(', ')}`);
if (rows.length < 360) warnings.push(`only ${rows.length} sentences (the brief asks for at least 360)`);
if (noEvent < 60) warnings.push(`only ${noEvent} no-event sentences (the brief asks for at least 60)`);

for (const w of warnings) console.log(`warning: ${w}`);
for (const e of errors.slice(0, 200)) console.log(`error: ${e}`);
if (errors.length > 200) console.log(`error: ... and ${errors.length - 200} more`);
console.log(errors.length ? `check: ${errors.length} error(s)` : 'check: ok');
process.exit(errors.length ? 1 : 0);
