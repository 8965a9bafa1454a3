/**
 * The top self-time functions of a V8 CPU profile, by pipeline stage, to find the hot spots of analysis:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/parley.js analyze --jsonl articles.jsonl > /dev/null
 *   node dist/bench/profile.js /tmp/prof/CPU.*.cpuprofile [functions per stage, default 8]
 *
 * A function's stage is the source folder (or package) it lives in; self time is time in the function
 * itself, not in what it calls.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Stages by the path of their code, first match wins. */
const STAGE_OF_PATH: ReadonlyArray<readonly [RegExp, string]> = [
  [/\/src\/nlp\/ner\//, 'entities: NER tagger'],
  [/\/src\/actors\/places/, 'places'],
  [/\/src\/actors\//, 'entities: actor resolution'],
  [/\/src\/nlp\/tokenize|\/wink-|\/(read-core-model|pos-transformers)\.js/, 'tokenize (wink-nlp)'],
  [/\/src\/events\//, 'events'],
  [/\/src\/analysis\//, 'tone, themes, quotes, summary'],
  [/\/src\/ingest\/|\/eld\//, 'build article'],
  [/\/src\/model\//, 'models and snapshots'],
];

function stageOf(frame: ProfileNode['callFrame']): string {
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  for (const [pattern, stage] of STAGE_OF_PATH) if (pattern.test(frame.url)) return stage;
  return 'other (CLI, Node, JSON)';
}

/** Milliseconds of self time by stage and, within each, by function. */
function selfTimes(profile: CpuProfile): Map<string, Map<string, number>> {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const stages = new Map<string, Map<string, number>>();
  profile.samples.forEach((id, k) => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return;
    const stage = stageOf(frame);
    const file = frame.url.replace(/^.*\/(dist|node_modules)\//, '');
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    let functions = stages.get(stage);
    if (!functions) stages.set(stage, (functions = new Map()));
    functions.set(name, (functions.get(name) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000);
  });
  return stages;
}

function main(): void {
  const [file, perStage = '8'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node dist/bench/profile.js PROFILE.cpuprofile [functions per stage]');
    process.exitCode = 2;
    return;
  }
  const stages = selfTimes(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const sum = (functions: Map<string, number>): number => [...functions.values()].reduce((a, b) => a + b, 0);
  const total = [...stages.values()].reduce((a, functions) => a + sum(functions), 0);
  const percent = (ms: number): string => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  console.log(`${file}: ${total.toFixed(0)} ms of samples`);
  for (const [stage, functions] of [...stages].sort((a, b) => sum(b[1]) - sum(a[1]))) {
    console.log(`\n${percent(sum(functions))}  ${stage} (${sum(functions).toFixed(0)} ms)`);
    const top = [...functions].sort((a, b) => b[1] - a[1]).slice(0, Number(perStage));
    for (const [name, ms] of top) console.log(`  ${percent(ms)} ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
}

main();
