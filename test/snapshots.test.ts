/**
 * The compiled snapshots under data/compiled/ (src/model/snapshot.ts) are what their sources say: each is
 * exactly what compiling today's sources writes, it decodes to the same dictionaries, tries and gazetteer
 * as building from the TSV, and a snapshot whose sources changed is not used.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { dictionaries, readDictionaries, useActorFiles } from '../src/actors/dictionary.js';
import { buildTries, lexicon } from '../src/actors/lexicon.js';
import {
  ACTOR_SNAPSHOT_FILE,
  ACTOR_SOURCES,
  actorSnapshot,
  compileActorSnapshot,
} from '../src/actors/snapshot.js';
import { PATTERN_SNAPSHOT_FILE, compilePatternSnapshot } from '../src/events/patterns.js';
import { dataPath } from '../src/model/paths.js';
import { readSnapshot } from '../src/model/snapshot.js';
import {
  CLUSTER_SNAPSHOT_FILE,
  compileClusterSnapshot,
  loadNerResources,
  parseClusters,
  GAZETTEER_SNAPSHOT_FILE,
  buildParleyGazetteer,
  compileGazetteerSnapshot,
  loadParleyGazetteer,
} from '../src/nlp/ner/features.js';
import { tempDir } from './support.js';

const REBUILD = 'out of date with its TSV sources: run `npm run build:snapshots` and commit data/compiled/';

describe('compiled snapshots', () => {
  const fromTsv = readDictionaries();

  it('ships the actor snapshot that compiling the shipped TSV files writes', () => {
    const fresh = compileActorSnapshot({ dictionaries: fromTsv, ...buildTries(fromTsv) });
    assert.ok(
      fresh === readFileSync(dataPath(ACTOR_SNAPSHOT_FILE), 'utf8'),
      `${ACTOR_SNAPSHOT_FILE} is ${REBUILD}`,
    );
  });

  it('ships the gazetteer snapshot that compiling the shipped TSV files writes', () => {
    const fresh = compileGazetteerSnapshot(buildParleyGazetteer());
    assert.ok(
      fresh === readFileSync(dataPath(GAZETTEER_SNAPSHOT_FILE), 'utf8'),
      `${GAZETTEER_SNAPSHOT_FILE} is ${REBUILD}`,
    );
  });

  it('ships the word-cluster snapshot that compiling data/ner/clusters.tsv writes', () => {
    assert.ok(
      compileClusterSnapshot() === readFileSync(dataPath(CLUSTER_SNAPSHOT_FILE), 'utf8'),
      `${CLUSTER_SNAPSHOT_FILE} is ${REBUILD}`,
    );
    const fromTsv = parseClusters(readFileSync(dataPath('ner/clusters.tsv'), 'utf8'));
    assert.deepEqual([...loadNerResources({ gazetteer: false }).clusters], [...fromTsv]);
  });

  it('ships the pattern snapshot that compiling the shipped pattern files writes', () => {
    assert.ok(
      compilePatternSnapshot() === readFileSync(dataPath(PATTERN_SNAPSHOT_FILE), 'utf8'),
      `${PATTERN_SNAPSHOT_FILE} is ${REBUILD}`,
    );
  });

  it('decodes to the dictionaries, tries and office index built from the TSV files', () => {
    const snapshot = actorSnapshot();
    assert.ok(snapshot, 'the shipped snapshot is used');
    // JSON text compares key order too: the analyses print these objects.
    assert.equal(JSON.stringify(snapshot.dictionaries), JSON.stringify(fromTsv));
    assert.equal(dictionaries(), snapshot.dictionaries);
    const built = buildTries(fromTsv);
    const key = (value: unknown): string => JSON.stringify(value);
    assert.equal(key(snapshot.names.serialize(key)), key(built.names.serialize(key)));
    assert.equal(key(snapshot.roles.serialize(key)), key(built.roles.serialize(key)));
    for (const index of ['officeHolders', 'surnames'] as const) {
      const entries = (from: typeof built): unknown =>
        [...from[index].keys()].map((office) => [office, from[index].get(office)]);
      assert.equal(key(entries(snapshot)), key(entries(built)), index);
    }
    // The decoded candidates point at the decoded entries themselves, not at copies.
    const xi = lexicon().names.longestMatch(['Xi', 'Jinping'], 0)?.values[0];
    assert.ok(xi?.kind === 'person' && snapshot.dictionaries.people.includes(xi.person));
    assert.equal(
      snapshot.officeHolders.get('CHN|president')?.[0],
      snapshot.dictionaries.people.find((p) => p.id === snapshot.officeHolders.get('CHN|president')?.[0]?.id),
    );
  });

  it('decodes the gazetteer built from the TSV files', () => {
    const built = buildParleyGazetteer();
    const loaded = loadParleyGazetteer();
    assert.deepEqual([...loaded.exact], [...built.exact]);
    assert.deepEqual([...loaded.folded], [...built.folded]);
    assert.deepEqual([...loaded.tokenTypes], [...built.tokenTypes]);
    assert.equal(loaded.entries, built.entries);
  });

  it('is not used when its sources differ from the ones it was compiled from', () => {
    // The digest covers every source: a snapshot checked against other files (an edited TSV) is refused.
    const sources = ACTOR_SOURCES.filter((source) => source !== 'actors/agents.tsv');
    assert.equal(readSnapshot(ACTOR_SNAPSHOT_FILE, 'parley-actors', 3, sources), undefined);
    assert.ok(readSnapshot(ACTOR_SNAPSHOT_FILE, 'parley-actors', 3, ACTOR_SOURCES));
    assert.equal(readSnapshot(ACTOR_SNAPSHOT_FILE, 'parley-actors', 4, ACTOR_SOURCES), undefined);
  });

  describe('with a user people file', () => {
    after(() => useActorFiles([]));

    it('reads the TSV files and the user file instead of the snapshot', () => {
      const file = path.join(tempDir(), 'people.tsv');
      writeFileSync(file, 'jane-roe\tJane Roe\tRoe\tFRA\tFRAGOV\tForeign Minister\t2030-01-01\t\n');
      useActorFiles([file]);
      const withUser = dictionaries();
      assert.notEqual(withUser, actorSnapshot()?.dictionaries);
      assert.ok(withUser.people.some((person) => person.id === 'jane-roe'));
      assert.equal(lexicon().names.longestMatch(['Jane', 'Roe'], 0)?.values[0]?.kind, 'person');
    });
  });
});
