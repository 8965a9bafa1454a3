/**
 * Themes: phrases from the taxonomy in data/analysis/themes.tsv (lemma phrases, so "imposed sanctions"
 * matches "impose sanction"), counted per article.
 */
import { existsSync } from 'node:fs';
import type { Doc } from '../model/doc.js';
import { dataPath } from '../model/paths.js';
import type { Theme } from '../model/schema.js';
import { listCell, readTsvRows } from '../model/tsv.js';
import type { TokenTrie } from '../actors/trie.js';
import { buildLemmaTrie, findLemmaPhrases } from './lemma-phrases.js';

let cached: TokenTrie<string> | undefined;

function themeTrie(): TokenTrie<string> {
  if (cached) return cached;
  const file = dataPath('analysis/themes.tsv');
  const entries: Array<[string, string]> = [];
  if (existsSync(file)) {
    for (const {
      cells: [id = '', , phrases],
    } of readTsvRows(file))
      for (const phrase of listCell(phrases)) entries.push([phrase, id]);
  }
  cached = buildLemmaTrie(entries);
  return cached;
}

/** Pipeline stage: fills `themes`, most frequent first. */
export function themesStage(doc: Doc): Doc {
  const counts = new Map<string, number>();
  for (const hit of findLemmaPhrases(doc.tokens, themeTrie()))
    counts.set(hit.value, (counts.get(hit.value) ?? 0) + 1);
  const themes: Theme[] = [...counts]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  return { ...doc, themes };
}
