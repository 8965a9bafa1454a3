/**
 * Writes ELD's 'large' n-gram database as gzipped JSON (data/compiled/eld-large.json.gz), which the
 * language detector parses instead of compiling eld's 4.5 MB JavaScript module (src/ingest/language.ts
 * says why). Run after upgrading eld; until then the detector falls back to eld's own module and
 * test/language.test.ts fails:
 *
 *   npm run build:eld
 *
 * The n-grams are eld's (Apache-2.0, Nito T.M.), unchanged.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ELD_SNAPSHOT_FILE, installedEldVersion, type EldSnapshot } from '../src/ingest/language.js';
import { dataPath } from '../src/model/paths.js';

// eld's entries do not export their data: it is read from the n-gram module they import.
const source = path.join(path.dirname(fileURLToPath(import.meta.resolve('eld/large'))), '../ngrams/large.js');
const { ngramsData } = (await import(source)) as { ngramsData: unknown };
const snapshot: EldSnapshot = { eld: installedEldVersion(), ngramsData };
const target = dataPath(ELD_SNAPSHOT_FILE);
mkdirSync(path.dirname(target), { recursive: true });
const packed = gzipSync(JSON.stringify(snapshot), { level: 9 });
writeFileSync(target, packed);
console.log(`wrote ${path.relative(process.cwd(), target)} (${(packed.length / 1024).toFixed(0)} KiB)`);
