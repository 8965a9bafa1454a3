/**
 * Runs the hostile corpus (test/hostile/manifest.json) and says where an outcome differs from the one the
 * manifest demands. Inputs read by the CLI go through the real `parley analyze` as one batch in a child
 * process with a heap limit and a deadline, so that a crash, a hang or a runaway allocation of any one
 * input fails the batch; WARC files and feeds go through their readers, each timed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '../../src/ingest/feeds/parse.js';
import { readWarcFile } from '../../src/ingest/warc/reader.js';
import { packageRoot } from '../../src/model/paths.js';
import type { Analysis } from '../../src/model/schema.js';
import { analysisViolations } from '../invariants.js';
import { GENERATORS } from './generate.js';

export interface Expectations {
  actors?: string[];
  noActors?: string[];
  actorIds?: string[];
  noActorIds?: string[];
  textIncludes?: string[];
  textExcludes?: string[];
  language?: string;
  sentences?: number;
  sentencesAtLeast?: number;
  events?: number;
  boilerplate?: string;
}

export interface HostileInput {
  file: string;
  kind: string;
  via: 'cli' | 'warc' | 'feed';
  generate?: string;
  slow?: boolean;
  errors?: string[];
  analyses?: number;
  records?: string[];
  error?: string;
  items?: string[];
  expect?: Expectations;
}

export const HOSTILE_DIR = path.join(packageRoot(), 'test', 'hostile');

export function loadManifest(): HostileInput[] {
  const manifest = JSON.parse(readFileSync(path.join(HOSTILE_DIR, 'manifest.json'), 'utf8')) as {
    inputs: HostileInput[];
  };
  return manifest.inputs;
}

/** Where each input is: committed ones under files/, generated ones written into `scratch`. */
export async function locate(inputs: HostileInput[], scratch: string): Promise<Map<HostileInput, string>> {
  const paths = new Map<HostileInput, string>();
  for (const input of inputs) {
    if (!input.generate) {
      paths.set(input, path.join(HOSTILE_DIR, 'files', input.file));
      continue;
    }
    const generator = GENERATORS[input.generate];
    if (!generator) throw new Error(`${input.file}: no generator "${input.generate}"`);
    const target = path.join(scratch, input.file);
    await generator(target);
    paths.set(input, target);
  }
  return paths;
}

export interface BatchRun {
  status: number | null;
  signal: string | null;
  seconds: number;
  maxRssMb: number;
  analyses: Analysis[];
  errorLines: string[];
}

const RSS_MARK = 'parley-test-max-rss-kb ';
/** Preloaded into the child: reports its peak resident memory as it exits. */
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('${RSS_MARK}'+process.resourceUsage().maxRSS+'\\n'))`;

/** `parley analyze --jsonl FILES…` in a child process with a heap limit and a deadline. */
export function runBatch(files: string[], limits: { heapMb: number; timeoutMs: number }): BatchRun {
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${limits.heapMb}`,
      '--import',
      REPORT_RSS,
      path.join(packageRoot(), 'bin', 'parley.js'),
      'analyze',
      '--jsonl',
      ...files,
    ],
    { encoding: 'utf8', timeout: limits.timeoutMs, maxBuffer: 256 * 1024 * 1024, killSignal: 'SIGKILL' },
  );
  const lines = child.stderr.split('\n').filter((line) => line !== '');
  const rss = lines.find((line) => line.startsWith(RSS_MARK));
  return {
    status: child.status,
    signal: child.signal,
    seconds: (performance.now() - started) / 1000,
    maxRssMb: rss ? Number(rss.slice(RSS_MARK.length)) / 1024 : NaN,
    analyses: child.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Analysis),
    errorLines: lines.filter((line) => !line.startsWith(RSS_MARK)),
  };
}

function expectationProblems(analysis: Analysis, expect: Expectations): string[] {
  const problems: string[] = [];
  const codes = new Set(analysis.actors.map((actor) => actor.code));
  const ids = new Set(analysis.actors.map((actor) => actor.id));
  const { text } = analysis.article;
  for (const code of expect.actors ?? []) if (!codes.has(code)) problems.push(`no actor ${code}`);
  for (const code of expect.noActors ?? []) if (codes.has(code)) problems.push(`actor ${code} found`);
  for (const id of expect.actorIds ?? []) if (!ids.has(id)) problems.push(`no actor ${id}`);
  for (const id of expect.noActorIds ?? []) if (ids.has(id)) problems.push(`actor ${id} found`);
  for (const words of expect.textIncludes ?? [])
    if (!text.includes(words)) problems.push(`text lacks ${JSON.stringify(words)}`);
  for (const words of expect.textExcludes ?? [])
    if (text.includes(words)) problems.push(`text keeps ${JSON.stringify(words)}`);
  if (expect.language !== undefined && analysis.article.language !== expect.language)
    problems.push(`language ${analysis.article.language}`);
  if (expect.sentences !== undefined && analysis.sentences.length !== expect.sentences)
    problems.push(`${analysis.sentences.length} sentences`);
  if (expect.sentencesAtLeast !== undefined && analysis.sentences.length < expect.sentencesAtLeast)
    problems.push(`${analysis.sentences.length} sentences`);
  if (expect.events !== undefined && analysis.events.length !== expect.events)
    problems.push(`${analysis.events.length} events`);
  if (expect.boilerplate && !analysis.article.boilerplate.some((b) => b.reason.includes(expect.boilerplate!)))
    problems.push(`no boilerplate "${expect.boilerplate}"`);
  return problems;
}

/** Errors in order: each reason must match the manifest's pattern at the same place. */
function errorProblems(reported: string[], expected: string[]): string[] {
  if (reported.length !== expected.length)
    return [`${reported.length} errors (${JSON.stringify(reported)}), expected ${expected.length}`];
  return expected.flatMap((pattern, index) =>
    new RegExp(pattern).test(reported[index]!)
      ? []
      : [`error "${reported[index]}" does not match /${pattern}/`],
  );
}

/** What differs between a batch run and the manifest, per input, prefixed with the file's name. */
export function batchProblems(
  inputs: HostileInput[],
  paths: Map<HostileInput, string>,
  run: BatchRun,
): string[] {
  const problems: string[] = [];
  const byFile = new Map<HostileInput, string[]>(inputs.map((input) => [input, []]));
  for (const line of run.errorLines) {
    const input = inputs.find((candidate) => {
      const prefix = `parley: ${paths.get(candidate)!}`;
      return line.startsWith(prefix) && /^[:[]/.test(line.slice(prefix.length));
    });
    if (!input) problems.push(`a line that names no input: ${line}`);
    else byFile.get(input)!.push(line.slice(`parley: ${paths.get(input)!}`.length));
  }
  let next = 0;
  for (const input of inputs) {
    const own = run.analyses.slice(next, next + (input.analyses ?? 0));
    next += input.analyses ?? 0;
    const found = [
      ...errorProblems(byFile.get(input)!, input.errors ?? []),
      ...own.flatMap((analysis) => analysisViolations(analysis)),
      ...(own[0] && input.expect ? expectationProblems(own[0], input.expect) : []),
    ];
    problems.push(...found.map((problem) => `${input.file}: ${problem}`));
  }
  if (next !== run.analyses.length) problems.push(`${run.analyses.length} analyses in all, expected ${next}`);
  return problems;
}

/** One WARC file or feed, read in this process: what differs from the manifest, and how long it took. */
export async function readerProblems(
  input: HostileInput,
  file: string,
): Promise<{ problems: string[]; seconds: number }> {
  const started = performance.now();
  const problems: string[] = [];
  if (input.via === 'warc') {
    const errors: string[] = [];
    const urls: string[] = [];
    for await (const result of readWarcFile(file)) {
      if (result.ok) urls.push(result.record.input.url ?? '');
      else errors.push(result.error.message);
    }
    problems.push(...errorProblems(errors, input.errors ?? []));
    if (JSON.stringify(urls) !== JSON.stringify(input.records))
      problems.push(`records ${JSON.stringify(urls)}`);
  } else {
    const text = await readFile(file, 'utf8');
    try {
      const feed = parseFeed(text, { baseUrl: 'http://example.org/feed' });
      const urls = feed.items.map((item) => item.url);
      if (input.error) problems.push(`parsed, expected an error /${input.error}/`);
      else if (JSON.stringify(urls) !== JSON.stringify(input.items))
        problems.push(`items ${JSON.stringify(urls)}`);
    } catch (error) {
      const message = (error as Error).message;
      if (!input.error || (error as Error).name !== 'FeedError' || !new RegExp(input.error).test(message))
        problems.push(`${(error as Error).name}: ${message}`);
    }
  }
  return {
    problems: problems.map((problem) => `${input.file}: ${problem}`),
    seconds: (performance.now() - started) / 1000,
  };
}
