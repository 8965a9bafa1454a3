/**
 * Themes: phrases from the taxonomy in data/analysis/themes.tsv (plus a user's own files), written as
 * lemma phrases so that "imposed sanctions" matches "impose sanction". Every match keeps its span; counts
 * per article here, per sentence and per event follow from the spans.
 */
import { existsSync } from 'node:fs';
import type { Doc } from '../model/doc.js';
import { dataPath } from '../model/paths.js';
import type { Theme } from '../model/schema.js';
import { timed } from '../model/timing.js';
import { listCell, readTsvRows } from '../model/tsv.js';
import type { TokenTrie } from '../actors/trie.js';
import { buildLemmaTrie, findLemmaPhrases } from './lemma-phrases.js';

let cached: TokenTrie<string> | undefined;
let extraThemeFiles: string[] = [];

/** Adds a user's own theme files (same format as data/analysis/themes.tsv). */
export function useThemeFiles(files: string[]): void {
  if (files.join('\n') === extraThemeFiles.join('\n')) return;
  extraThemeFiles = files;
  cached = undefined;
}

/** The user's theme files in use, for worker threads that must load the same themes. */
export const themeFiles = (): string[] => [...extraThemeFiles];

function themeTrie(): TokenTrie<string> {
  cached ??= timed('theme phrases', loadThemeTrie);
  return cached;
}

function loadThemeTrie(): TokenTrie<string> {
  const entries: Array<[string, string]> = [];
  for (const file of [dataPath('analysis/themes.tsv'), ...extraThemeFiles]) {
    if (!existsSync(file)) throw new Error(`${file}: no such theme file`);
    for (const {
      cells: [id = '', , phrases],
    } of readTsvRows(file))
      for (const phrase of listCell(phrases)) entries.push([phrase, id]);
  }
  return buildLemmaTrie(entries);
}

/** Theme ids and counts among spans that fall inside [start, end). */
export function themesWithin(
  themes: Theme[],
  start: number,
  end: number,
): Array<{ id: string; count: number }> {
  return themes
    .map((theme) => ({
      id: theme.id,
      count: theme.spans.filter((span) => span.start >= start && span.end <= end).length,
    }))
    .filter((theme) => theme.count > 0);
}

/** Pipeline stage: fills `themes` (most frequent first) and each event's `themes`. */
export function themesStage(doc: Doc): Doc {
  const { tokens, article } = doc;
  const byTheme = new Map<string, Theme>();
  for (const hit of findLemmaPhrases(tokens, themeTrie())) {
    const start = tokens[hit.firstToken]!.start;
    const end = tokens[hit.lastToken - 1]!.end;
    const theme = byTheme.get(hit.value) ?? { id: hit.value, count: 0, spans: [] };
    theme.count++;
    theme.spans.push({ start, end, text: article.text.slice(start, end) });
    byTheme.set(hit.value, theme);
  }
  const themes = [...byTheme.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  const events = doc.events.map((event) => ({
    ...event,
    themes: themesWithin(themes, event.evidence.start, event.evidence.end).map((theme) => theme.id),
  }));
  return { ...doc, themes, events };
}
