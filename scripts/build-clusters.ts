/**
 * Builds data/ner/clusters.tsv: a binary tree of word clusters over the ~50,000 most frequent words of
 * unlabelled news, each word written with the bit-string of its path from the root (like Brown clusters),
 * so the named-entity tagger can use prefixes of 4, 6, 10, 14 and 20 bits as word-class features.
 *
 * Method (see docs/ner.md, "Word clusters", for why not Brown's algorithm):
 *   1. Tokenise the text with wink-nlp (the tokenizer Parley uses) and normalise each token as the tagger does.
 *   2. Count, for each vocabulary word, its left and right neighbours at distance 1 and 2; the neighbours are the
 *      10,000 most frequent words plus a few shape classes for the rest. Weight the counts by positive PMI
 *      (context distribution smoothed with exponent 0.75).
 *   3. Reduce the PPMI matrix to 100 dimensions by randomised SVD (Halko et al. 2011: 20 extra columns, two
 *      power iterations), scale by the square root of the singular values, and normalise each word vector.
 *   4. Split the words top-down into a binary tree by bisecting spherical k-means: each node is split along
 *      its principal direction and the split refined by 2-means; a node is a leaf at 40 words or fewer or at
 *      depth 20. A word's bit-string is its path (0 = the child holding the more frequent words).
 * Everything is deterministic (no random numbers except a seeded generator for the SVD test matrix).
 *
 * Sources: by default only the freely licensed news-free texts (English Wikinews, CC BY 2.5; Wikipedia
 * Current events, CC BY-SA 4.0). `--with-bbc` adds the research-only BBC set (for local comparison only:
 * do not ship clusters built that way).
 *
 * Run: npx tsx scripts/build-clusters.ts [--words 50000] [--dims 100] [--with-bbc] [--out data/ner/clusters.tsv]
 */
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { normalizeToken, shortShape } from '../src/nlp/ner/features.js';
import { seededRandom as mulberry32 } from '../src/model/random.js';
import { repoRoot, sharedDataDir } from './paths.js';

interface Options {
  words: number;
  contexts: number;
  dims: number;
  leaf: number;
  maxDepth: number;
  withBbc: boolean;
  out: string;
  seed: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    words: 50_000,
    contexts: 10_000,
    dims: 100,
    leaf: 40,
    maxDepth: 20,
    withBbc: false,
    out: path.join(repoRoot(), 'data', 'ner', 'clusters.tsv'),
    seed: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--words') opts.words = Number(next());
    else if (a === '--contexts') opts.contexts = Number(next());
    else if (a === '--dims') opts.dims = Number(next());
    else if (a === '--leaf') opts.leaf = Number(next());
    else if (a === '--max-depth') opts.maxDepth = Number(next());
    else if (a === '--with-bbc') opts.withBbc = true;
    else if (a === '--out') opts.out = path.resolve(next());
    else if (a === '--seed') opts.seed = Number(next());
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

const log = (msg: string): void =>
  console.error(`[clusters ${(performance.now() / 1000).toFixed(1)}s] ${msg}`);

// ---------------------------------------------------------------------------------------------------------
// Corpus

async function* jsonlTexts(
  file: string,
  pick: (record: Record<string, unknown>) => string[],
): AsyncGenerator<string> {
  const lines = readline.createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as Record<string, unknown>;
    for (const text of pick(record)) yield text;
  }
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The text units of each source: a Wikinews article; each heading and item of a current-events day. */
function sources(opts: Options): Array<{ file: string; pick: (r: Record<string, unknown>) => string[] }> {
  const dir = sharedDataDir();
  const list = [
    {
      file: path.join(dir, 'news-free', 'wikinews_en_2004-2018.jsonl'),
      pick: (r: Record<string, unknown>) => [str(r.title), str(r.text)],
    },
    {
      file: path.join(dir, 'news-free', 'wikipedia_current_events_2002-2026.jsonl'),
      pick: (r: Record<string, unknown>) =>
        str(r.text)
          .split('\n')
          .filter((l) => l.startsWith('- ') || l.startsWith('# '))
          .map((l) => l.slice(2)),
    },
  ];
  if (opts.withBbc)
    list.push({
      file: path.join(dir, 'news', 'bbc-news-2225.jsonl'),
      pick: (r: Record<string, unknown>) => [str(r.title), ...str(r.text).split(/\n\s*\n/)],
    });
  return list;
}

interface Corpus {
  /** Token ids, -1 between text units. */
  ids: Int32Array;
  forms: string[];
  counts: number[];
}

async function readCorpus(opts: Options): Promise<Corpus> {
  const nlp = winkNLP(model, []);
  const formIds = new Map<string, number>();
  const forms: string[] = [];
  const counts: number[] = [];
  let ids = new Int32Array(1 << 22);
  let length = 0;
  const push = (id: number): void => {
    if (length === ids.length) {
      const bigger = new Int32Array(ids.length * 2);
      bigger.set(ids);
      ids = bigger;
    }
    ids[length++] = id;
  };
  for (const { file, pick } of sources(opts)) {
    let units = 0;
    for await (const text of jsonlTexts(file, pick)) {
      if (text.trim() === '') continue;
      const values = nlp.readDoc(text).tokens().out(nlp.its.value) as string[];
      for (const raw of values) {
        if (raw.trim() === '') continue;
        const form = normalizeToken(raw);
        let id = formIds.get(form);
        if (id === undefined) {
          id = forms.length;
          formIds.set(form, id);
          forms.push(form);
          counts.push(0);
        }
        counts[id]!++;
        push(id);
      }
      push(-1);
      units++;
    }
    log(`${path.basename(file)}: ${units} text units, ${length} tokens so far`);
  }
  return { ids: ids.subarray(0, length), forms, counts };
}

// ---------------------------------------------------------------------------------------------------------
// Seeded random numbers

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

// ---------------------------------------------------------------------------------------------------------
// Co-occurrence → PPMI (CSR)

interface Csr {
  rows: number;
  cols: number;
  ptr: Int32Array;
  idx: Int32Array;
  val: Float32Array;
}

function contextMatrix(corpus: Corpus, opts: Options): { vocab: number[]; matrix: Csr } {
  const byFreq = corpus.forms
    .map((_, id) => id)
    .filter((id) => corpus.counts[id]! >= 2)
    .sort((a, b) => corpus.counts[b]! - corpus.counts[a]! || (corpus.forms[a]! < corpus.forms[b]! ? -1 : 1));
  const vocab = byFreq.slice(0, opts.words);
  const row = new Int32Array(corpus.forms.length).fill(-1);
  vocab.forEach((id, r) => (row[id] = r));
  // context classes: the most frequent words, then shape classes of the rest, then the text-unit boundary
  const ctx = new Int32Array(corpus.forms.length);
  const shapeClasses = new Map<string, number>();
  const nWordCtx = Math.min(opts.contexts, byFreq.length);
  for (let id = 0; id < corpus.forms.length; id++) ctx[id] = -1;
  byFreq.slice(0, nWordCtx).forEach((id, c) => (ctx[id] = c));
  for (let id = 0; id < corpus.forms.length; id++) {
    if (ctx[id]! >= 0) continue;
    const s = shortShape(corpus.forms[id]!).slice(0, 4);
    let c = shapeClasses.get(s);
    if (c === undefined) {
      c = nWordCtx + shapeClasses.size;
      shapeClasses.set(s, c);
    }
    ctx[id] = c;
  }
  const boundary = nWordCtx + shapeClasses.size;
  const perOffset = boundary + 1;
  const cols = perOffset * 4;
  log(
    `vocabulary ${vocab.length} words (min count ${corpus.counts[vocab[vocab.length - 1]!]}), ${cols} context columns`,
  );

  // one key per (word, offset, context) occurrence; sorted, then run-length counted
  const { ids } = corpus;
  let total = 0;
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0 && row[ids[i]!]! >= 0) total += 4;
  const keys = new Float64Array(total);
  let k = 0;
  const offsets = [-2, -1, 1, 2];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id < 0) continue;
    const r = row[id]!;
    if (r < 0) continue;
    for (let o = 0; o < 4; o++) {
      const d = offsets[o]!;
      // walk to the neighbour, stopping at a text-unit boundary
      let c = boundary;
      const step = d < 0 ? -1 : 1;
      let j = i;
      let ok = true;
      for (let s = 0; s < Math.abs(d); s++) {
        j += step;
        if (j < 0 || j >= ids.length || ids[j]! < 0) {
          ok = false;
          break;
        }
      }
      if (ok) c = ctx[ids[j]!]!;
      keys[k++] = r * cols + o * perOffset + c;
    }
  }
  keys.sort();
  log(`${total} co-occurrences sorted`);
  const ptr = new Int32Array(vocab.length + 1);
  const idx: number[] = [];
  const cnt: number[] = [];
  for (let i = 0; i < keys.length;) {
    const key = keys[i]!;
    let j = i;
    while (j < keys.length && keys[j] === key) j++;
    const r = Math.floor(key / cols);
    idx.push(key - r * cols);
    cnt.push(j - i);
    ptr[r + 1] = idx.length;
    i = j;
  }
  for (let r = 1; r <= vocab.length; r++) if (ptr[r]! < ptr[r - 1]!) ptr[r] = ptr[r - 1]!;
  // PPMI with the context distribution smoothed (exponent 0.75)
  const rowSum = new Float64Array(vocab.length);
  const colSum = new Float64Array(cols);
  let n = 0;
  for (let r = 0; r < vocab.length; r++)
    for (let p = ptr[r]!; p < ptr[r + 1]!; p++) {
      rowSum[r]! += cnt[p]!;
      colSum[idx[p]!]! += cnt[p]!;
      n += cnt[p]!;
    }
  let colAlphaTotal = 0;
  const colAlpha = new Float64Array(cols);
  for (let c = 0; c < cols; c++) {
    colAlpha[c] = Math.pow(colSum[c]!, 0.75);
    colAlphaTotal += colAlpha[c]!;
  }
  const val = new Float32Array(idx.length);
  for (let r = 0; r < vocab.length; r++)
    for (let p = ptr[r]!; p < ptr[r + 1]!; p++) {
      const pmi = Math.log(cnt[p]! / n / ((rowSum[r]! / n) * (colAlpha[idx[p]!]! / colAlphaTotal)));
      // the ±2 contexts count half
      const o = Math.floor(idx[p]! / perOffset);
      val[p] = Math.max(0, pmi) * (o === 1 || o === 2 ? 1 : 0.5);
    }
  log(`PPMI matrix: ${vocab.length} × ${cols}, ${idx.length} non-zeros`);
  return { vocab, matrix: { rows: vocab.length, cols, ptr, idx: Int32Array.from(idx), val } };
}

// ---------------------------------------------------------------------------------------------------------
// Randomised SVD. Dense blocks are column-major: column j of an n × l block is [j * n, (j + 1) * n).

/** Y (rows × l) = A X, with X (cols × l). */
function mulA(a: Csr, x: Float64Array, l: number): Float64Array {
  const y = new Float64Array(a.rows * l);
  const xt = new Float64Array(a.cols * l); // row-major copy of X for contiguous reads
  for (let j = 0; j < l; j++) for (let c = 0; c < a.cols; c++) xt[c * l + j] = x[j * a.cols + c]!;
  const xr = new Float64Array(l);
  for (let r = 0; r < a.rows; r++) {
    xr.fill(0);
    for (let p = a.ptr[r]!; p < a.ptr[r + 1]!; p++) {
      const v = a.val[p]!;
      if (v === 0) continue;
      const base = a.idx[p]! * l;
      for (let j = 0; j < l; j++) xr[j]! += v * xt[base + j]!;
    }
    for (let j = 0; j < l; j++) y[j * a.rows + r] = xr[j]!;
  }
  return y;
}

/** Z (cols × l) = Aᵀ Y, with Y (rows × l). */
function mulAt(a: Csr, y: Float64Array, l: number): Float64Array {
  // row-major accumulation (cols × l) for locality, transposed at the end
  const zr = new Float64Array(a.cols * l);
  const yr = new Float64Array(l);
  for (let r = 0; r < a.rows; r++) {
    for (let j = 0; j < l; j++) yr[j] = y[j * a.rows + r]!;
    for (let p = a.ptr[r]!; p < a.ptr[r + 1]!; p++) {
      const v = a.val[p]!;
      if (v === 0) continue;
      const base = a.idx[p]! * l;
      for (let j = 0; j < l; j++) zr[base + j]! += v * yr[j]!;
    }
  }
  const z = new Float64Array(a.cols * l);
  for (let c = 0; c < a.cols; c++) for (let j = 0; j < l; j++) z[j * a.cols + c] = zr[c * l + j]!;
  return z;
}

/** Orthonormalises the columns of an n × l block in place (modified Gram–Schmidt, twice for stability). */
function orthonormalize(q: Float64Array, n: number, l: number): void {
  for (let pass = 0; pass < 2; pass++)
    for (let j = 0; j < l; j++) {
      const cj = j * n;
      for (let i = 0; i < j; i++) {
        const ci = i * n;
        let dot = 0;
        for (let r = 0; r < n; r++) dot += q[ci + r]! * q[cj + r]!;
        for (let r = 0; r < n; r++) q[cj + r]! -= dot * q[ci + r]!;
      }
      let norm = 0;
      for (let r = 0; r < n; r++) norm += q[cj + r]! * q[cj + r]!;
      norm = Math.sqrt(norm) || 1;
      for (let r = 0; r < n; r++) q[cj + r]! /= norm;
    }
}

/** Eigen-decomposition of a symmetric l × l matrix (row-major) by cyclic Jacobi; returns values and column vectors. */
function jacobiEigen(m: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(m);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < l; p++)
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const app = a[p * l + p]!;
        const aqq = a[q * l + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]!;
          const akq = a[k * l + q]!;
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]!;
          const aqk = a[q * l + k]!;
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!;
          const vkq = v[k * l + q]!;
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = a[i * l + i]!;
  return { values, vectors: v };
}

/** Word vectors (rows × dims, row-major, unit length): left singular vectors scaled by √σ. */
function randomizedSvd(a: Csr, dims: number, seed: number): Float64Array {
  const l = dims + 20;
  const rand = mulberry32(seed);
  const omega = new Float64Array(a.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(rand);
  let q = mulA(a, omega, l);
  orthonormalize(q, a.rows, l);
  for (let it = 0; it < 2; it++) {
    const z = mulAt(a, q, l);
    orthonormalize(z, a.cols, l);
    q = mulA(a, z, l);
    orthonormalize(q, a.rows, l);
    log(`power iteration ${it + 1}`);
  }
  const z = mulAt(a, q, l); // Z = Aᵀ Q (cols × l); B = Zᵀ, B Bᵀ = Zᵀ Z
  const bbt = new Float64Array(l * l);
  for (let i = 0; i < l; i++)
    for (let j = i; j < l; j++) {
      let dot = 0;
      for (let c = 0; c < a.cols; c++) dot += z[i * a.cols + c]! * z[j * a.cols + c]!;
      bbt[i * l + j] = dot;
      bbt[j * l + i] = dot;
    }
  const { values, vectors } = jacobiEigen(bbt, l);
  const order = Array.from({ length: l }, (_, i) => i).sort((x, y) => values[y]! - values[x]!);
  log(
    `singular values: ${order
      .slice(0, 5)
      .map((i) => Math.sqrt(Math.max(0, values[i]!)).toFixed(1))
      .join(' ')} … ${Math.sqrt(Math.max(0, values[order[dims - 1]!]!)).toFixed(1)}`,
  );
  const out = new Float64Array(a.rows * dims);
  for (let d = 0; d < dims; d++) {
    const e = order[d]!;
    const scale = Math.sqrt(Math.sqrt(Math.max(0, values[e]!)));
    for (let j = 0; j < l; j++) {
      const w = vectors[j * l + e]! * scale;
      if (w === 0) continue;
      const qj = j * a.rows;
      for (let r = 0; r < a.rows; r++) out[r * dims + d]! += w * q[qj + r]!;
    }
  }
  for (let r = 0; r < a.rows; r++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += out[r * dims + d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) out[r * dims + d]! /= norm;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Bisecting spherical k-means → bit-strings

function bisect(vectors: Float64Array, dims: number, members: number[]): [number[], number[]] {
  const n = members.length;
  const mean = new Float64Array(dims);
  for (const m of members) for (let d = 0; d < dims; d++) mean[d]! += vectors[m * dims + d]! / n;
  // principal direction of the centred members by power iteration (deterministic start)
  let dir = new Float64Array(dims);
  for (let d = 0; d < dims; d++) dir[d] = 1 / Math.sqrt(dims) + (d % 2 ? 1e-3 : -1e-3);
  const proj = new Float64Array(n);
  for (let it = 0; it < 25; it++) {
    const next = new Float64Array(dims);
    for (let i = 0; i < n; i++) {
      const base = members[i]! * dims;
      let p = 0;
      for (let d = 0; d < dims; d++) p += (vectors[base + d]! - mean[d]!) * dir[d]!;
      proj[i] = p;
      for (let d = 0; d < dims; d++) next[d]! += p * (vectors[base + d]! - mean[d]!);
    }
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += next[d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) next[d]! /= norm;
    dir = next;
  }
  const assign = new Uint8Array(n);
  for (let i = 0; i < n; i++) assign[i] = proj[i]! >= 0 ? 1 : 0;
  // refine with spherical 2-means
  const cent = [new Float64Array(dims), new Float64Array(dims)];
  for (let it = 0; it < 10; it++) {
    cent[0]!.fill(0);
    cent[1]!.fill(0);
    for (let i = 0; i < n; i++) {
      const c = cent[assign[i]!]!;
      const base = members[i]! * dims;
      for (let d = 0; d < dims; d++) c[d]! += vectors[base + d]!;
    }
    for (const c of cent) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += c[d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) c[d]! /= norm;
    }
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const base = members[i]! * dims;
      let s0 = 0;
      let s1 = 0;
      for (let d = 0; d < dims; d++) {
        s0 += vectors[base + d]! * cent[0]![d]!;
        s1 += vectors[base + d]! * cent[1]![d]!;
      }
      const a = s1 > s0 ? 1 : 0;
      if (a !== assign[i]) changed++;
      assign[i] = a;
    }
    if (changed === 0) break;
  }
  const left: number[] = [];
  const right: number[] = [];
  for (let i = 0; i < n; i++) (assign[i] ? right : left).push(members[i]!);
  if (left.length === 0 || right.length === 0) {
    // degenerate: split by frequency rank
    const half = Math.ceil(n / 2);
    return [members.slice(0, half), members.slice(half)];
  }
  // members are kept in frequency order; the child with the most frequent word is 0
  return Math.min(...left) < Math.min(...right) ? [left, right] : [right, left];
}

function clusterTree(vectors: Float64Array, dims: number, rows: number, opts: Options): string[] {
  const bits = new Array<string>(rows).fill('');
  const stack: Array<{ members: number[]; path: string }> = [
    { members: Array.from({ length: rows }, (_, i) => i), path: '' },
  ];
  let leaves = 0;
  while (stack.length > 0) {
    const { members, path: p } = stack.pop()!;
    if (members.length <= opts.leaf || p.length >= opts.maxDepth) {
      for (const m of members) bits[m] = p || '0';
      leaves++;
      continue;
    }
    const [a, b] = bisect(vectors, dims, members);
    stack.push({ members: b, path: p + '1' }, { members: a, path: p + '0' });
  }
  log(`${leaves} leaves`);
  return bits;
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const corpus = await readCorpus(opts);
  log(`${corpus.ids.length} tokens, ${corpus.forms.length} distinct forms`);
  const { vocab, matrix } = contextMatrix(corpus, opts);
  const vectors = randomizedSvd(matrix, opts.dims, opts.seed);
  const bits = clusterTree(vectors, opts.dims, vocab.length, opts);
  const sourcesLine = opts.withBbc
    ? 'English Wikinews (CC BY 2.5), Wikipedia Current events (CC BY-SA 4.0) and the research-only BBC News set: NOT FOR SHIPPING'
    : 'English Wikinews (CC BY 2.5) and Wikipedia Portal:Current events (CC BY-SA 4.0)';
  const lines = [
    '# Parley NER word clusters: word<TAB>bit-string of its leaf in a binary cluster tree (prefixes = coarser classes).',
    `# Built by scripts/build-clusters.ts from ${corpus.ids.length} tokens of ${sourcesLine}.`,
    `# ${vocab.length} most frequent word forms (case kept), most frequent first; PPMI ±2 contexts, randomised SVD ${opts.dims} dims, bisecting spherical k-means (leaf ≤ ${opts.leaf} words, depth ≤ ${opts.maxDepth}).`,
  ];
  vocab.forEach((id, r) => lines.push(`${corpus.forms[id]}\t${bits[r]}`));
  mkdirSync(path.dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, lines.join('\n') + '\n');
  log(`wrote ${opts.out}`);
  // a few neighbourhoods, to eyeball
  const rowOf = new Map(vocab.map((id, r) => [corpus.forms[id]!, r]));
  for (const w of ['Beijing', 'Blinken', 'Monday', 'Microsoft', 'Chinese', 'said', 'Manchester', 'the']) {
    const r = rowOf.get(w);
    if (r === undefined) continue;
    const mates = vocab
      .filter((_, s) => bits[s] === bits[r])
      .slice(0, 12)
      .map((id) => corpus.forms[id]);
    console.error(`${w} ${bits[r]}: ${mates.join(' ')}`);
  }
}

await main();
