/**
 * Compiles the shipped dictionaries into the snapshots that Parley reads at start instead of parsing TSV
 * and building tries (src/model/snapshot.ts): data/compiled/actors.json (the actor and place
 * dictionaries, their name and role tries, the office index) and data/compiled/ner-gazetteer.json (the
 * NER tagger's gazetteer), data/compiled/ner-clusters.json (its word clusters) and data/compiled/patterns.json (the event patterns' rows by first word, checked
 * against the CAMEO codebook). Run after editing data/actors/*.tsv, data/places/places.tsv,
 * data/events/*.tsv, data/cameo/cameo.json or data/ner/clusters.tsv:
 *
 *   npm run build:snapshots
 *
 * Reproducible: the same TSV files give the same JSON (test/snapshots.test.ts checks the shipped ones).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readDictionaries } from '../src/actors/dictionary.js';
import { buildTries } from '../src/actors/lexicon.js';
import { ACTOR_SNAPSHOT_FILE, compileActorSnapshot } from '../src/actors/snapshot.js';
import { dataPath } from '../src/model/paths.js';
import {
  CLUSTER_SNAPSHOT_FILE,
  GAZETTEER_SNAPSHOT_FILE,
  compileClusterSnapshot,
  compileGazetteerSnapshot,
} from '../src/nlp/ner/features.js';
import { PATTERN_SNAPSHOT_FILE, compilePatternSnapshot } from '../src/events/patterns.js';

function write(file: string, json: string): void {
  const target = dataPath(file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, json);
  console.log(
    `wrote ${path.relative(process.cwd(), target)} (${(Buffer.byteLength(json) / 1024).toFixed(0)} KiB)`,
  );
}

const dictionaries = readDictionaries();
write(ACTOR_SNAPSHOT_FILE, compileActorSnapshot({ dictionaries, ...buildTries(dictionaries) }));
write(GAZETTEER_SNAPSHOT_FILE, compileGazetteerSnapshot());
write(CLUSTER_SNAPSHOT_FILE, compileClusterSnapshot());
write(PATTERN_SNAPSHOT_FILE, compilePatternSnapshot());
