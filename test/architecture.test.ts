/** The architecture holds: no import cycles, and each layer imports only the layers below it. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { packageRoot } from '../src/model/paths.js';

const SRC = path.join(packageRoot(), 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath ?? dir, entry.name));
}

/** Relative imports of a file, resolved to source paths (`./x.js` → `x.ts`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm)].map((match) =>
    path.resolve(path.dirname(file), match[1]!.replace(/\.js$/, '.ts')),
  );
}

const graph = new Map(sourceFiles(SRC).map((file) => [file, importsOf(file)]));
const folder = (file: string): string => path.relative(SRC, file).split(path.sep)[0]!.replace(/\.ts$/, '');

describe('architecture', () => {
  it('has no import cycles', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push(
          [...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(SRC, f)).join(' → '),
        );
        return;
      }
      state.set(file, 'visiting');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    assert.deepEqual(cycles, []);
  });

  it('keeps the document model free of stages, and the stages free of the store, CLI and server', () => {
    const allowed: Record<string, string[]> = {
      model: ['model'],
      nlp: ['model', 'nlp'],
      ingest: ['model', 'ingest'],
      // nlp (tokens, tags, the NER model) sits below every stage that reads words.
      actors: ['model', 'nlp', 'actors'],
      events: ['model', 'nlp', 'events'],
      analysis: ['model', 'nlp', 'analysis', 'actors'],
    };
    const violations: string[] = [];
    for (const [file, imports] of graph) {
      const layer = allowed[folder(file)];
      if (!layer) continue;
      for (const target of imports)
        if (!layer.includes(folder(target)))
          violations.push(`${path.relative(SRC, file)} imports ${path.relative(SRC, target)}`);
    }
    assert.deepEqual(violations, []);
  });

  it('checks real files (the graph is not empty)', () => {
    assert.ok(graph.size > 30);
    assert.ok([...graph.values()].some((imports) => imports.length > 3));
  });
});
