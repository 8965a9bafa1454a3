/**
 * Converts PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt, MIT licence, Open Event Data Alliance) into
 * Parley's pattern format and writes data/events/verbs-petrarch.tsv.
 *
 *   npx tsx scripts/convert-petrarch-verbs.ts [path/to/CAMEO.2.0.txt]
 *
 * The dictionary (see its header and PETRreader.read_verb_dictionary) is a list of synonym sets
 * (`&NAME` followed by `+member` lines) and verb blocks. A block opens with `--- NAME [code] ---`, lists
 * its verbs (`VERB {irregular forms} [own code] # comment`, multi-word verbs as `+CALL_OFF` or
 * `WIRE_+TAP`) and then its patterns, one a line:
 *
 *   - <words before the verb> * <words after the verb> [code] # original verb
 *
 * where `*` stands for any verb of the block, `+` for the target, `$` for the source, `{A B}` for a noun
 * phrase whose head is B, `(PREP A)` for a prepositional phrase and `&NAME` for any member of a synonym set.
 *
 * How each part becomes a Parley pattern (lemmas in order, `{T}`/`{S}` slots, docs/events.md):
 * - every word is lemmatised with the same tokenizer the coder uses (wink-nlp), so "SANCTIONS" is `sanction`;
 * - `*` is replaced by each verb of the block (only the verb named in the pattern's comment when the
 *   comment names one: PETRARCH shares a block's patterns among all its verbs, which over-generates:
 *   "DISMISS * APPOINTMENT [110]" would also fire on "dispatch an appointment");
 * - `&NAME` is expanded to every member of the set (one pattern per member);
 * - `{A B}` and `(PREP A)` are written out in order; a bare `(PREP)` becomes `prep {T}` (the object of that
 *   preposition is the target), `+` becomes `{T}` and `$` becomes `{S}`;
 * - `[a:b]` (an event and its reciprocal) keeps `a`; `[:b]` (only a reciprocal) is dropped;
 *   `[---]` (a pattern that codes nothing) is kept as a blocker with code `---`, so that a longer null
 *   pattern stops a shorter coded one ("draw picture" is not "draw").
 *
 * Patterns dropped, for precision (Parley matches word sequences, PETRARCH matched parse trees):
 * - patterns with words before the verb (PETRARCH checks the subject's head there; Parley cannot);
 * - patterns with `^` or `%` (skips and compound actors that a word sequence cannot express);
 * - patterns with a bare locative or temporal phrase, "(AT)", "(IN)", "(DURING)": their object is a place or
 *   a time, which the coder would take for the target ("meet at the White House");
 * - bare verbs too generic to code on their own (TOO_GENERIC and NOISY_BARE below, every bare verb coded
 *   01x "make statement": "say" would otherwise code every quotation, and bare verbs with a root's "not
 *   specified" code such as 060 or 190 unless listed in KEEP_BARE);
 * - patterns whose text is given two codes of different roots (ASK MEETING is 026, 028 and 036);
 * - codes that are not in data/cameo/cameo.json.
 * Bare verbs (no object words) are written with the block's or the verb's own code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cameoCodes } from '../src/events/ontology.js';
import { tokenize } from '../src/nlp/tokenize.js';
import { repoRoot } from './paths.js';

const source = process.argv[2] ?? path.join(repoRoot(), '../shared/data/petrarch-dictionaries/CAMEO.2.0.txt');
const output = path.join(repoRoot(), 'data/events/verbs-petrarch.tsv');

/**
 * Bare verbs that PETRARCH codes on their own but that, read as a word sequence without a parser, say
 * too little to be an event: reporting verbs, motion, opinion and support verbs whose event depends on
 * their object. Their longer patterns ("arrive in {T}", "support {T}") are kept.
 */
const TOO_GENERIC = new Set(
  `say tell add note state comment report explain assert describe mention claim announce declare express
  come go arrive leave return travel move head enter reach cross fly consider hear think believe feel
  know see look seem appear expect want hope wish need try seek decide determine vote agree accept
  support back help assist aid boost encourage favor favour welcome greet thank respect appreciate
  offer promise pledge prepare plan intend signal strive revive propose suggest urge ask request
  call invite introduce notify communicate assemble gather convene attend host visit meet discuss
  talk consult confer debate negotiate bargain die kill destroy target engage fire shoot hit strike
  order command demand insist push press fail delay hold keep continue resume start begin end stop
  finish complete open close set put place take give get make do have be use allow let release free
  issue send deliver provide supply grant contribute donate spend pay fund finance buy sell trade
  import export ship transfer carry bring link merge join enact adopt pass approve sign ratify
  recognize recognise acknowledge admit concede yield submit abandon drop cut reduce increase raise
  extend expand lift ease loosen relax remove withdraw pull retreat evacuate protect defend guard
  patrol monitor watch inspect investigate examine study review check search probe question
  regret lament worry concern fear doubt disturb provoke march parade mobilize mobilise prohibit
  limit restrict block impose punish exclude confine suppress sentence fine sue prosecute charge
  try jail arrest detain hurt abuse burn raid pound flatten encircle repulse ransack defy decline
  reject refuse deny dismiss spurn rebuff betray undermine disrupt spy blacklist threaten warn
  endanger blame allege curse accuse criticize criticise condemn denounce deplore`.split(/\s+/),
);

/**
 * A bare verb coded with a root's "not specified" code (190, 110, 060 …) is kept only when the verb alone
 * says that much; "find", "lead", "break" or "deal" are coded 060, 190 and 050 in PETRARCH only because its
 * parser let their patterns decide. Bare verbs with a specific code are kept except the NOISY_BARE ones.
 */
const KEEP_BARE = new Set(
  `ambush assail assault attack battle behead bomb bombard clash combat fight murder raid shell skirmish
  slay snipe storm blitz oppose disapprove dispute decry protest repress crackdown surrender capitulate
  cede relinquish cooperate collaborate ally harm terrorize rampage`.split(/\s+/),
);
const NOISY_BARE = new Set(
  `catch extract overturn revolutionize subvert appropriate pluck tax bar oust crack corrupt spoil tear
  wind mar kick injure inhabit reside infest risk implicate compensate resign enforce apply hint desire
  mean train groom ready affirm value prize prefer reward rouse spur toast inspire embolden enliven
  invigorate revitalize galvanize reassert reassure celebrate commemorate cheer clap attach chain bind
  arm render stock tender attire furnish gear outfit equip shelter tend ward shield safeguard rescue
  airlift boycott defer`.split(/\s+/),
);

const LOCATIVE_PREPOSITIONS = new Set(
  'at in near during over after before amid under inside outside within around across along'.split(' '),
);

interface Block {
  name: string;
  code: string;
  verbs: Array<{ words: string; code: string }>;
}

interface RawPattern {
  block: Block;
  text: string;
  code: string;
  /** The verb named in the pattern's comment, lowercased, if any. */
  commentVerb: string | null;
  line: number;
}

const stripComment = (line: string): { body: string; comment: string } => {
  const at = line.indexOf('#');
  return at < 0 ? { body: line, comment: '' } : { body: line.slice(0, at), comment: line.slice(at + 1) };
};

/** Lemmas of a phrase, as the coder's tokenizer reads it. */
const lemmaCache = new Map<string, string[]>();
function lemmas(phrase: string): string[] {
  const key = phrase.toLowerCase();
  const cached = lemmaCache.get(key);
  if (cached) return cached;
  const result = tokenize(key).tokens.map((token) => token.lemma);
  lemmaCache.set(key, result);
  return result;
}

/** A verb entry (`+CALL_OFF`, `WIRE_+TAP`, `DETER`) as lemmas. */
function verbLemmas(words: string): string[] {
  return lemmas(words.replace(/\+/g, '').replace(/_/g, ' ').trim());
}

function parse(text: string): { synsets: Map<string, string[]>; patterns: RawPattern[]; blocks: Block[] } {
  const synsets = new Map<string, string[]>();
  const patterns: RawPattern[] = [];
  const blocks: Block[] = [];
  let synset: string | null = null;
  let block: Block | null = null;
  let inVerbs = false;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('####### VERB PATTERNS')) {
      inVerbs = true;
      synset = null;
      return;
    }
    if (line.trim() === '' || line.startsWith('#') || line.startsWith('<!')) return;
    if (!inVerbs) {
      if (line.startsWith('&')) synset = line.trim();
      else if (line.startsWith('+') && synset) {
        const member = stripComment(line).body.trim().slice(1).replace(/_/g, ' ').trim();
        if (member) synsets.set(synset, [...(synsets.get(synset) ?? []), member]);
      }
      return;
    }
    if (line.startsWith('---')) {
      const match = /^---\s+(\S+)\s+\[([^\]]*)\]/.exec(line);
      block = { name: match?.[1] ?? '?', code: match?.[2] ?? '---', verbs: [] };
      blocks.push(block);
      return;
    }
    if (!block) return;
    const { body, comment } = stripComment(line);
    if (line.startsWith('-')) {
      const codeMatch = /\[([^\]]*)\]\s*$/.exec(body.trim());
      if (!codeMatch) return;
      const commentVerb = /^\s*([A-Z][A-Z_+-]*)/.exec(comment)?.[1]?.toLowerCase() ?? null;
      patterns.push({
        block,
        text: body.trim().slice(1, body.trim().lastIndexOf('[')).trim(),
        code: codeMatch[1]!.trim(),
        commentVerb,
        line: index + 1,
      });
      return;
    }
    // A verb line: VERB {forms} [code]
    const code = /\[([^\]]*)\]/.exec(body)?.[1]?.trim() ?? '';
    const words = body
      .replace(/\{[^}]*\}/g, ' ')
      .replace(/\[[^\]]*\]/g, ' ')
      .trim()
      .split(/\s+/)[0];
    if (words) block.verbs.push({ words, code: code || block.code });
  });
  return { synsets, patterns, blocks };
}

type Element =
  { kind: 'words'; text: string } | { kind: 'slot'; slot: '{T}' | '{S}' } | { kind: 'syn'; name: string };

/**
 * The part after `*` as a sequence of words, slots and synsets; null when it uses what a word sequence
 * cannot express.
 */
function postElements(post: string): Element[] | null {
  if (/[%^]/.test(post)) return null;
  const elements: Element[] = [];
  const hasExplicitTarget = /(^|[\s({])\+(?=$|[\s)}])/.test(post);
  // Tokens: parentheses and braces are only grouping here; a bare "(PREP)" is a preposition + target.
  const tokens = post.match(/\([^)]*\)|\{[^}]*\}|\S+/g) ?? [];
  for (const token of tokens) {
    if (token.startsWith('(')) {
      const inner = token.slice(1, -1).replace(/[{}]/g, ' ').trim().split(/\s+/).filter(Boolean);
      // A bare locative or temporal phrase ("(AT)", "(IN)") says where or when, not to whom: such a
      // pattern would make a place its target ("meet at the White House"), so it is dropped.
      if (inner.length === 1 && LOCATIVE_PREPOSITIONS.has(inner[0]!.toLowerCase())) return null;
      const pushed = pushWords(elements, inner.join(' '));
      if (!pushed) return null;
      if (inner.length === 1 && !hasExplicitTarget) elements.push({ kind: 'slot', slot: '{T}' });
    } else if (token.startsWith('{')) {
      if (!pushWords(elements, token.slice(1, -1))) return null;
    } else if (!pushWords(elements, token)) return null;
  }
  return elements;
}

/** Pushes the words of a phrase (with `+`, `$` and `&SYN` in it) onto elements. */
function pushWords(elements: Element[], phrase: string): boolean {
  for (const word of phrase.split(/\s+/).filter(Boolean)) {
    if (word === '+') elements.push({ kind: 'slot', slot: '{T}' });
    else if (word === '$') elements.push({ kind: 'slot', slot: '{S}' });
    else if (word.startsWith('&')) elements.push({ kind: 'syn', name: word.replace(/[{}()]/g, '') });
    else if (/^[A-Z0-9'._-]+$/i.test(word)) {
      const text = word.replace(/_/g, ' ').trim();
      if (text) elements.push({ kind: 'words', text });
    } else return false;
  }
  return true;
}

/** Every expansion of the elements' synsets, as lists of words and slots. */
function expand(elements: Element[], synsets: Map<string, string[]>): string[][] | null {
  let results: string[][] = [[]];
  for (const element of elements) {
    if (element.kind === 'slot') results = results.map((r) => [...r, element.slot]);
    else if (element.kind === 'words') {
      const words = lemmas(element.text.replace(/_/g, ' '));
      results = results.map((r) => [...r, ...words]);
    } else {
      const members = synsets.get(element.name);
      if (!members) return null;
      const expanded = members.map((member) => lemmas(member));
      results = results.flatMap((r) => expanded.map((words) => [...r, ...words]));
    }
  }
  return results;
}

function main(): void {
  const text = readFileSync(source, 'utf8');
  const { synsets, patterns, blocks } = parse(text);
  const codes = cameoCodes();
  const known = (code: string): boolean => code === '---' || codes.has(code);
  const out = new Map<string, { code: string; note: string; roots: Set<string> }>();
  const dropped = { preVerb: 0, unsupported: 0, reciprocalOnly: 0, unknownCode: 0, generic: 0, conflict: 0 };

  const add = (words: string[], code: string, note: string): void => {
    const pattern = words.join(' ');
    const existing = out.get(pattern);
    const root = code === '---' ? '---' : code.slice(0, 2);
    if (existing) {
      existing.roots.add(root);
      return;
    }
    out.set(pattern, { code, note, roots: new Set([root]) });
  };

  // Bare verbs, with the verb's own code or the block's.
  for (const block of blocks) {
    for (const verb of block.verbs) {
      const code = verb.code.split(':')[0] ?? '';
      if (code === '' || code === '---') continue;
      if (!codes.has(code)) {
        dropped.unknownCode++;
        continue;
      }
      const words = verbLemmas(verb.words);
      const rootLevel = code.length === 3 && code.endsWith('0');
      const bare = words.length === 1 ? words[0]! : '';
      if (
        bare &&
        (TOO_GENERIC.has(bare) ||
          NOISY_BARE.has(bare) ||
          code.startsWith('01') ||
          (rootLevel && !KEEP_BARE.has(bare)))
      ) {
        dropped.generic++;
        continue;
      }
      add(words, code, `${block.name} verb`);
    }
  }

  for (const pattern of patterns) {
    const [before = '', after = ''] = pattern.text.split('*');
    if (!pattern.text.includes('*')) {
      dropped.unsupported++;
      continue;
    }
    if (before.trim() !== '' && !/^[$+]$/.test(before.trim())) {
      dropped.preVerb++;
      continue;
    }
    const code = pattern.code.split(':')[0]!.trim();
    if (code === '') {
      dropped.reciprocalOnly++;
      continue;
    }
    if (!known(code)) {
      dropped.unknownCode++;
      continue;
    }
    const elements = postElements(after);
    if (!elements) {
      dropped.unsupported++;
      continue;
    }
    const expansions = expand(elements, synsets);
    if (!expansions) {
      dropped.unsupported++;
      continue;
    }
    // The verb(s) this pattern is written for: the one its comment names, else every verb of the block.
    const blockVerbs = pattern.block.verbs.map((verb) => verb.words.replace(/\+/g, '').toLowerCase());
    const named = pattern.commentVerb?.replace(/\+/g, '');
    const verbs = named && blockVerbs.includes(named) ? [named] : blockVerbs;
    // "$ * ..." names the source before the verb: the subject, which the coder finds anyway.
    for (const verb of verbs) {
      for (const words of expansions) {
        if (words.length === 0) continue;
        add([...verbLemmas(verb), ...words], code, `${pattern.block.name} ${pattern.line}`);
      }
    }
  }

  const rows: string[] = [];
  for (const [pattern, { code, note, roots }] of out) {
    if (roots.size > 1) {
      dropped.conflict++;
      continue;
    }
    if (pattern.split(' ').every((word) => word === '{T}' || word === '{S}')) continue;
    // "KILL AND", "ARREST AND": half a coordination, which as a word sequence swallows the next verb.
    if (/ (and|or)$/.test(pattern)) {
      dropped.unsupported++;
      continue;
    }
    rows.push(`${code}\t${pattern}\t${note.replace(/\s+/g, ' ')}`);
  }
  rows.sort((a, b) => a.split('\t')[1]!.localeCompare(b.split('\t')[1]!));

  const header = `# Generated by scripts/convert-petrarch-verbs.ts from PETRARCH2's CAMEO.2.0.txt: do not edit by hand
# (add your own patterns to data/events/verbs.tsv, which wins over this file on ties).
# Source: CAMEO verb pattern dictionary, PETRARCH2 (https://github.com/openeventdata/petrarch2),
#   Copyright (c) 2015 Open Event Data Alliance, MIT License:
#   Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
#   associated documentation files (the "Software"), to deal in the Software without restriction, including
#   without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
#   copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
#   following conditions: The above copyright notice and this permission notice shall be included in all
#   copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY
#   KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A
#   PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR
#   ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
#   OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
# Conversion (docs/events.md, "PETRARCH patterns"): words lemmatised with wink-nlp; * = the verb named in the
#   pattern's comment (else each verb of its block); &SYNSETS expanded; (PREP) = prep {T}; + = {T}; $ = {S};
#   [a:b] keeps a; code --- = a blocker that codes nothing. Dropped: patterns with words before the verb, with
#   ^ or %, with a bare locative phrase ((AT), (IN), ...), bare verbs too generic to code alone, and texts
#   given codes of two roots. ${rows.length} patterns.
# Columns: code<TAB>pattern<TAB>note (the PETRARCH verb block, and the line of CAMEO.2.0.txt the pattern comes from)
`;
  writeFileSync(output, header + rows.join('\n') + '\n');
  console.log(`${rows.length} patterns written to ${path.relative(repoRoot(), output)}`);
  console.log(`dropped: ${JSON.stringify(dropped)}`);
}

main();
