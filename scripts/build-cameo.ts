/**
 * Builds data/cameo/cameo.json — the CAMEO event ontology Parley ships — from the GDELT lookup tables
 * and the CAMEO→PLOVER table in ../shared/data/cameo:
 *   every event code with its name, root, Goldstein score, quad class and PLOVER category.
 *
 * Run: npx tsx scripts/build-cameo.ts   (PARLEY_SHARED overrides the shared data folder)
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CameoCode } from '../src/events/ontology.js';
import { repoRoot, sharedDataDir } from './paths.js';

/**
 * Quad classes as GDELT assigns them from the root: 01–05 verbal cooperation, 06–08 material cooperation,
 * 09–13 verbal conflict, 14–20 material conflict.
 */
function quadClassOfRoot(root: number): 1 | 2 | 3 | 4 {
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

/**
 * PLOVER has no category for plain statements (01) and folds appeals (02) into REQUEST; the 2021 table
 * lists neither root, so these two are ours and documented in data/README.md.
 */
const PLOVER_FOR_UNMAPPED_ROOTS: Record<string, string> = { '01': 'STATEMENT', '02': 'REQUEST' };

/**
 * The lookup table was once converted from Mac Roman: its curly quotes came out as Ò/Ó and a letter and a
 * space were lost ("Meet at a ÒhirdÓlocation"). These are the known damaged names, restored by hand.
 */
const NAME_ERRATA: Record<string, string> = { 'Meet at a ÒhirdÓlocation': 'Meet at a ‘third’ location' };

function readTsv(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t').map((cell) => cell.trim()));
}

/** Lines look like `0841: RETREAT, release,   legal # Return, release person(s)`. */
function readPloverTable(file: string): Map<string, string> {
  const plover = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^(\d{2,4}):\s*([A-Z]+)/.exec(line);
    if (match?.[1] && match[2]) plover.set(match[1], match[2]);
  }
  return plover;
}

/** A code without its own PLOVER row takes its nearest listed ancestor's (0871 → 087 → 08). */
function ploverFor(code: string, table: Map<string, string>): string {
  for (let length = code.length; length >= 2; length--) {
    const found = table.get(code.slice(0, length));
    if (found) return found;
  }
  return PLOVER_FOR_UNMAPPED_ROOTS[code.slice(0, 2)] ?? 'STATEMENT';
}

function build(): CameoCode[] {
  const dir = path.join(sharedDataDir(), 'cameo');
  const goldstein = new Map(
    readTsv(path.join(dir, 'CAMEO.goldsteinscale.txt')).map(([c, g]) => [c, Number(g)]),
  );
  const plover = readPloverTable(path.join(dir, 'CAMEO2PLOVER-2021.txt'));
  return readTsv(path.join(dir, 'CAMEO.eventcodes.txt')).map(([code = '', name = '']) => {
    const root = code.slice(0, 2);
    const score = goldstein.get(code);
    if (score === undefined || Number.isNaN(score))
      throw new Error(`CAMEO code ${code} has no Goldstein score`);
    return {
      code,
      name: NAME_ERRATA[name] ?? name,
      root,
      goldstein: score,
      quadClass: quadClassOfRoot(Number(root)),
      plover: ploverFor(code, plover),
    };
  });
}

const codes = build();
const out = path.join(repoRoot(), 'data/cameo/cameo.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify({ source: 'GDELT CAMEO lookups; CAMEO2PLOVER-2021', codes }, null, 0) + '\n',
);
console.log(`wrote ${codes.length} CAMEO codes to ${path.relative(repoRoot(), out)}`);
