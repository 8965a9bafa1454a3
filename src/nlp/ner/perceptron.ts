/**
 * A linear-chain structured perceptron (Collins 2002) with weight averaging, over BILOU (or BIO) entity tags.
 *
 * A tag's score at token i is the sum of the weights of the token's emission features for that tag plus the
 * weights of its history features, which are conjoined with the previous tag (first-order: the previous
 * tag alone, and with the token's word, shape and cluster). Decoding is exact Viterbi, restricted to valid
 * tag sequences (B-X is followed by I-X or L-X, and so on). Features are 32-bit hashes (see features.ts);
 * a `FeatureIndex` maps the hashes kept by training to weight rows of `tags` floats.
 *
 * The shipped model (data/ner/model.bin) is gzip-compressed: a JSON header, the kept feature hashes sorted and
 * delta-encoded as varints, one float32 scale per row and the weights quantised to int8 per row.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  HISTORY_FEATURES,
  SCORE_SLOTS,
  blockHashes,
  historyHash,
  infoAt,
  type FeatureExtractor,
  type SentenceContext,
  type SentenceMode,
  type WordInfo,
  type SentenceFeatures,
} from './features.js';

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** An entity as token indices: [start, end), end exclusive. */
export interface EntitySpan {
  start: number;
  end: number;
  type: EntityType;
}

// ---------------------------------------------------------------------------------------------------------
// Tag schemes

export interface TagScheme {
  name: 'BILOU' | 'BIO';
  tags: string[];
  /** allowed[prev * T + tag], prev = T for the sentence start. */
  allowed: Uint8Array;
  /** Tags a sentence may end with. */
  canEnd: Uint8Array;
  fromSpans(n: number, spans: readonly EntitySpan[]): Int32Array;
  toSpans(tags: ArrayLike<number>): EntitySpan[];
}

function typeIndex(type: EntityType): number {
  return ENTITY_TYPES.indexOf(type);
}

function makeBilou(): TagScheme {
  const tags = ['O'];
  for (const t of ENTITY_TYPES) tags.push(`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`);
  const T = tags.length;
  const kind = (tag: number): string => (tag === 0 ? 'O' : 'BILU'[(tag - 1) % 4]!);
  const type = (tag: number): number => (tag === 0 ? -1 : Math.floor((tag - 1) / 4));
  const allowed = new Uint8Array((T + 1) * T);
  const canEnd = new Uint8Array(T);
  for (let prev = 0; prev <= T; prev++)
    for (let tag = 0; tag < T; tag++) {
      const pk = prev === T ? 'O' : kind(prev);
      const tk = kind(tag);
      const inside = pk === 'B' || pk === 'I';
      const ok = inside
        ? (tk === 'I' || tk === 'L') && type(tag) === type(prev)
        : tk === 'O' || tk === 'B' || tk === 'U';
      allowed[prev * T + tag] = ok ? 1 : 0;
    }
  for (let tag = 0; tag < T; tag++) canEnd[tag] = kind(tag) === 'B' || kind(tag) === 'I' ? 0 : 1;
  return {
    name: 'BILOU',
    tags,
    allowed,
    canEnd,
    fromSpans(n, spans) {
      const out = new Int32Array(n);
      for (const s of spans) {
        const base = 1 + 4 * typeIndex(s.type);
        if (s.end - s.start === 1) out[s.start] = base + 3;
        else
          for (let i = s.start; i < s.end; i++) out[i] = base + (i === s.start ? 0 : i === s.end - 1 ? 2 : 1);
      }
      return out;
    },
    toSpans(tagsIn) {
      const spans: EntitySpan[] = [];
      let start = -1;
      let cur = -1;
      const close = (end: number): void => {
        if (start >= 0) spans.push({ start, end, type: ENTITY_TYPES[cur]! });
        start = -1;
        cur = -1;
      };
      for (let i = 0; i < tagsIn.length; i++) {
        const tag = tagsIn[i]!;
        const k = kind(tag);
        const ty = type(tag);
        if (k === 'O') close(i);
        else if (k === 'B' || k === 'U' || ty !== cur) {
          close(i);
          start = i;
          cur = ty;
          if (k === 'U' || k === 'L') close(i + 1);
        } else if (k === 'L') close(i + 1);
      }
      close(tagsIn.length);
      return spans;
    },
  };
}

function makeBio(): TagScheme {
  const tags = ['O'];
  for (const t of ENTITY_TYPES) tags.push(`B-${t}`, `I-${t}`);
  const T = tags.length;
  const allowed = new Uint8Array((T + 1) * T);
  for (let prev = 0; prev <= T; prev++)
    for (let tag = 0; tag < T; tag++) {
      const isI = tag > 0 && (tag - 1) % 2 === 1;
      const prevType = prev === T || prev === 0 ? -1 : Math.floor((prev - 1) / 2);
      allowed[prev * T + tag] = !isI || prevType === Math.floor((tag - 1) / 2) ? 1 : 0;
    }
  return {
    name: 'BIO',
    tags,
    allowed,
    canEnd: new Uint8Array(T).fill(1),
    fromSpans(n, spans) {
      const out = new Int32Array(n);
      for (const s of spans) {
        const base = 1 + 2 * typeIndex(s.type);
        for (let i = s.start; i < s.end; i++) out[i] = base + (i === s.start ? 0 : 1);
      }
      return out;
    },
    toSpans(tagsIn) {
      const spans: EntitySpan[] = [];
      let start = -1;
      let cur = -1;
      for (let i = 0; i <= tagsIn.length; i++) {
        const tag = i < tagsIn.length ? tagsIn[i]! : 0;
        const ty = tag === 0 ? -1 : Math.floor((tag - 1) / 2);
        const isB = tag > 0 && (tag - 1) % 2 === 0;
        if (start >= 0 && (tag === 0 || isB || ty !== cur)) {
          spans.push({ start, end: i, type: ENTITY_TYPES[cur]! });
          start = -1;
        }
        if (tag > 0 && start < 0) {
          start = i;
          cur = ty;
        }
      }
      return spans;
    },
  };
}

export function tagScheme(name: 'BILOU' | 'BIO'): TagScheme {
  return name === 'BILOU' ? makeBilou() : makeBio();
}

// ---------------------------------------------------------------------------------------------------------
// Feature index: open addressing over 32-bit hashes (0 = empty)

export class FeatureIndex {
  /**
   * Slot s holds its hash at 2s and its row at 2s + 1: one array, so that a probe of this table (several
   * megabytes, so mostly a cache miss) reads one cache line, not one in a key array and one in a row array.
   */
  private slots: Uint32Array;
  size = 0;
  private mask: number;

  constructor(capacity = 1 << 16) {
    let cap = 1 << 4;
    while (cap < capacity * 2) cap <<= 1;
    this.slots = new Uint32Array(cap * 2);
    this.mask = cap - 1;
  }

  get(hash: number): number {
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const k = slots[slot * 2]!;
      if (k === hash) return slots[slot * 2 + 1]!;
      if (k === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The row of a hash, adding it (as row `size`) when new. */
  add(hash: number): number {
    if ((this.size + 1) * 4 > this.slots.length) this.grow();
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const k = slots[slot * 2]!;
      if (k === hash) return slots[slot * 2 + 1]!;
      if (k === 0) {
        slots[slot * 2] = hash;
        slots[slot * 2 + 1] = this.size;
        return this.size++;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = this.slots.length / 2 - 1;
    for (let s = 0; s < old.length; s += 2) {
      const h = old[s]!;
      if (h === 0) continue;
      let slot = h & this.mask;
      while (this.slots[slot * 2] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = h;
      this.slots[slot * 2 + 1] = old[s + 1]!;
    }
  }

  /** Empties the index (its capacity stays). */
  clear(): void {
    this.slots.fill(0);
    this.size = 0;
  }

  /** Hashes by row. */
  hashesByRow(): Uint32Array {
    const out = new Uint32Array(this.size);
    for (let s = 0; s < this.slots.length; s += 2)
      if (this.slots[s] !== 0) out[this.slots[s + 1]!] = this.slots[s]!;
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Sentences as weight rows

/** A sentence with its features resolved to weight rows (-1 = unknown feature, dropped or skipped). */
export interface RowSentence {
  n: number;
  /** Emission rows of token i: emit[emitOffsets[i] .. emitOffsets[i + 1]). */
  emit: Int32Array;
  emitOffsets: Int32Array;
  /** hist[(i * (T + 1) + prev) * H + k]: row of history feature k of token i with previous tag `prev`. */
  hist: Int32Array;
}

export function resolveRows(sf: SentenceFeatures, index: FeatureIndex, T: number): RowSentence {
  const emitList: number[] = [];
  const emitOffsets = new Int32Array(sf.n + 1);
  for (let i = 0; i < sf.n; i++) {
    emitOffsets[i] = emitList.length;
    for (let f = sf.offsets[i]!; f < sf.offsets[i + 1]!; f++) {
      const r = index.get(sf.feats[f]!);
      if (r >= 0) emitList.push(r);
    }
  }
  emitOffsets[sf.n] = emitList.length;
  const H = HISTORY_FEATURES;
  const hist = new Int32Array(sf.n * (T + 1) * H);
  for (let i = 0; i < sf.n; i++)
    for (let p = 0; p <= T; p++)
      for (let k = 0; k < H; k++)
        hist[(i * (T + 1) + p) * H + k] = index.get(historyHash(sf.history[i * H + k]!, p));
  return { n: sf.n, emit: Int32Array.from(emitList), emitOffsets, hist };
}

// ---------------------------------------------------------------------------------------------------------
// Viterbi

/** Reusable work buffers for decoding. */
class Work {
  emit = new Float64Array(0);
  delta = new Float64Array(0);
  back = new Int32Array(0);
  best = new Float64Array(0);
  /** Where each token's H history blocks start in their arena (see historyBlock). */
  at = new Int32Array(0);
  /** The feature hashes of one word block being filled. */
  hashes: number[] = [];
  private accBuffer = new Float64Array(0);
  acc(T: number): Float64Array {
    if (this.accBuffer.length !== T) this.accBuffer = new Float64Array(T);
    return this.accBuffer;
  }
  ensure(n: number, T: number): void {
    if (this.at.length < n * HISTORY_FEATURES)
      this.at = new Int32Array(Math.max(n, 64) * HISTORY_FEATURES * 2);
    if (this.delta.length < n * T) {
      const size = Math.max(n * T, this.delta.length * 2);
      this.emit = new Float64Array(size);
      this.delta = new Float64Array(size);
      this.back = new Int32Array(size);
    }
    if (this.best.length < T) this.best = new Float64Array(T);
  }
}

const work = new Work();

/** The allowed transitions: for each previous tag (T = start), the tags allowed to follow it, flat. */
interface Successors {
  list: Int32Array;
  offsets: Int32Array;
  /** The previous tag of each entry of `list`. */
  prev: Int32Array;
}

function successors(scheme: TagScheme): Successors {
  const T = scheme.tags.length;
  const list: number[] = [];
  const prev: number[] = [];
  const offsets = new Int32Array(T + 2);
  for (let p = 0; p <= T; p++) {
    offsets[p] = list.length;
    for (let t = 0; t < T; t++)
      if (scheme.allowed[p * T + t]) {
        list.push(t);
        prev.push(p);
      }
  }
  offsets[T + 1] = list.length;
  return { list: Int32Array.from(list), offsets, prev: Int32Array.from(prev) };
}

const successorCache = new WeakMap<TagScheme, Successors>();

function successorsOf(scheme: TagScheme): Successors {
  let succ = successorCache.get(scheme);
  if (!succ) {
    succ = successors(scheme);
    successorCache.set(scheme, succ);
  }
  return succ;
}

/**
 * One history feature's weight for every allowed transition (in `successors` order; 0 where it has no
 * weight row), written to `out` from `at`, given the feature's row for each previous tag (−1 = none).
 * Viterbi reads these blocks contiguously instead of H scattered weight rows per transition, and a
 * missing weight adds an exact 0, so the sums are the same as looking each row up.
 */
function historyBlock(
  rowFor: (prev: number) => number,
  w: Float32Array,
  scheme: TagScheme,
  out: Float32Array,
  at: number,
): void {
  const T = scheme.tags.length;
  const { list, prev } = successorsOf(scheme);
  let p = -1;
  let r = -1;
  for (let j = 0; j < list.length; j++) {
    if (prev[j] !== p) r = rowFor((p = prev[j]!));
    out[at + j] = r >= 0 ? w[r * T + list[j]!]! : 0;
  }
}

/** Fresh history blocks of a sentence's n × H features, one after another, and where each starts. */
function sentenceBlocks(
  n: number,
  rowFor: (block: number, prev: number) => number,
  w: Float32Array,
  scheme: TagScheme,
): { arena: Float32Array; at: Int32Array } {
  const width = successorsOf(scheme).list.length;
  const count = n * HISTORY_FEATURES;
  const arena = new Float32Array(count * width);
  const at = new Int32Array(count);
  for (let b = 0; b < count; b++) {
    at[b] = b * width;
    historyBlock((p) => rowFor(b, p), w, scheme, arena, b * width);
  }
  return { arena, at };
}

/** The best valid tag sequence of a sentence under weights `w` (rows × T). */
export function viterbi(s: RowSentence, w: Float32Array, scheme: TagScheme): Int32Array {
  const T = scheme.tags.length;
  const H = HISTORY_FEATURES;
  const n = s.n;
  if (n === 0) return new Int32Array(0);
  work.ensure(n, T);
  const emit = work.emit;
  for (let i = 0; i < n; i++) {
    const e = i * T;
    for (let t = 0; t < T; t++) emit[e + t] = 0;
    for (let f = s.emitOffsets[i]!; f < s.emitOffsets[i + 1]!; f++) {
      const base = s.emit[f]! * T;
      for (let t = 0; t < T; t++) emit[e + t]! += w[base + t]!;
    }
  }
  // Block b = i * H + k: history feature k of token i.
  const rowFor = (b: number, p: number): number => s.hist[(Math.floor(b / H) * (T + 1) + p) * H + (b % H)]!;
  const { arena, at } = sentenceBlocks(n, rowFor, w, scheme);
  return viterbiCore(n, emit, arena, at, scheme);
}

/**
 * Viterbi over emission scores `emit` (n × T) and the history blocks of each token (history feature k of
 * token i starts at `arena[at[i * H + k]]`, see historyBlock), keeping to the scheme's allowed
 * transitions. Uses the shared work buffers (emit and at may be among them).
 */
function viterbiCore(
  n: number,
  emit: Float64Array,
  arena: Float32Array,
  at: Int32Array,
  scheme: TagScheme,
): Int32Array {
  const T = scheme.tags.length;
  const H = HISTORY_FEATURES;
  const out = new Int32Array(n);
  const { list, offsets } = successorsOf(scheme);
  const { delta, back, best } = work;
  for (let i = 0; i < n; i++) {
    const e = i * T;
    for (let t = 0; t < T; t++) best[t] = -Infinity;
    const pFirst = i === 0 ? T : 0;
    const pLast = i === 0 ? T : T - 1;
    // The H = 4 history features (HISTORY_FEATURES, checked when a model loads), added in their order.
    const b0 = at[i * H]!;
    const b1 = at[i * H + 1]!;
    const b2 = at[i * H + 2]!;
    const b3 = at[i * H + 3]!;
    for (let p = pFirst; p <= pLast; p++) {
      const dp = i === 0 ? 0 : delta[e - T + p]!;
      if (dp === -Infinity) continue;
      for (let j = offsets[p]!; j < offsets[p + 1]!; j++) {
        const t = list[j]!;
        const v = dp + arena[b0 + j]! + arena[b1 + j]! + arena[b2 + j]! + arena[b3 + j]!;
        if (v > best[t]!) {
          best[t] = v;
          back[e + t] = p;
        }
      }
    }
    for (let t = 0; t < T; t++) delta[e + t] = best[t]! + emit[e + t]!;
  }
  let bestEnd = -Infinity;
  let arg = 0;
  const last = (n - 1) * T;
  for (let t = 0; t < T; t++) {
    if (!scheme.canEnd[t]) continue;
    if (delta[last + t]! > bestEnd) {
      bestEnd = delta[last + t]!;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg]!;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Training: averaged structured perceptron

export class AveragedPerceptron {
  readonly T: number;
  /** Current weights (integer steps, exact in float32). */
  readonly w: Float32Array;
  /** Σ c·Δ for averaging: average = w − u / c. */
  private readonly u: Float64Array;
  private c = 1;

  constructor(
    readonly scheme: TagScheme,
    readonly rows: number,
  ) {
    this.T = scheme.tags.length;
    this.w = new Float32Array(rows * this.T);
    this.u = new Float64Array(rows * this.T);
  }

  private bump(row: number, tag: number, d: number): void {
    if (row < 0) return;
    const j = row * this.T + tag;
    this.w[j]! += d;
    this.u[j]! += this.c * d;
  }

  /** Trains on one sentence; returns the number of wrong tags. */
  learn(s: RowSentence, gold: Int32Array): number {
    const pred = viterbi(s, this.w, this.scheme);
    const T = this.T;
    const H = HISTORY_FEATURES;
    let wrong = 0;
    for (let i = 0; i < s.n; i++) {
      const g = gold[i]!;
      const y = pred[i]!;
      if (g !== y) {
        wrong++;
        for (let f = s.emitOffsets[i]!; f < s.emitOffsets[i + 1]!; f++) {
          this.bump(s.emit[f]!, g, 1);
          this.bump(s.emit[f]!, y, -1);
        }
      }
      const gp = i === 0 ? T : gold[i - 1]!;
      const yp = i === 0 ? T : pred[i - 1]!;
      if (g !== y || gp !== yp) {
        for (let k = 0; k < H; k++) {
          this.bump(s.hist[(i * (T + 1) + gp) * H + k]!, g, 1);
          this.bump(s.hist[(i * (T + 1) + yp) * H + k]!, y, -1);
        }
      }
    }
    this.c++;
    return wrong;
  }

  averaged(): Float32Array {
    const out = new Float32Array(this.w.length);
    for (let j = 0; j < out.length; j++) out[j] = this.w[j]! - this.u[j]! / this.c;
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The runtime model

export interface ModelHeader {
  format: 'parley-ner';
  version: 1;
  scheme: 'BILOU' | 'BIO';
  historyFeatures: number;
  rows: number;
  /** Free-form training facts (data, epochs, dev F1…), for humans. */
  info: Record<string, unknown>;
}

/**
 * A model's history blocks by feature base hash, in two generations of fixed arenas: when the newer fills
 * up, the older is dropped and the blocks still in use are copied back, so memory stays bounded while the
 * frequent words' blocks survive. One Float32Array per generation, not one per block, keeps it compact.
 */
class HistoryCache {
  /**
   * Block number by feature base hash. A FeatureIndex, not a Map: the hashes are mostly above 2^31, which
   * a Map keys as heap numbers, and this lookup runs four times per token.
   */
  private slots: FeatureIndex;
  private olderSlots: FeatureIndex;
  arena: Float32Array;
  private older: Float32Array;

  constructor(
    /** Floats per block: one per allowed transition. */
    readonly width: number,
    readonly capacity: number,
  ) {
    this.arena = new Float32Array(width * capacity);
    this.older = new Float32Array(width * capacity);
    this.slots = new FeatureIndex(capacity);
    this.olderSlots = new FeatureIndex(capacity);
  }

  /**
   * Makes room for `count` more blocks, so that no block of a sentence moves while it is decoded; false
   * when a sentence needs more blocks than a generation holds.
   */
  reserve(count: number): boolean {
    if (count > this.capacity) return false;
    if (this.slots.size + count > this.capacity) {
      [this.arena, this.older] = [this.older, this.arena];
      [this.slots, this.olderSlots] = [this.olderSlots, this.slots];
      this.slots.clear();
    }
    return true;
  }

  /** Where the block of `base` starts in `arena`, filled by `fill(base, arena, at)` when not cached. */
  offset(base: number, fill: (base: number, out: Float32Array, at: number) => void): number {
    const blocks = this.slots.size;
    const block = this.slots.add(base);
    const at = block * this.width;
    if (block < blocks) return at;
    const old = this.olderSlots.get(base);
    if (old >= 0) this.arena.set(this.older.subarray(old * this.width, (old + 1) * this.width), at);
    else fill(base, this.arena, at);
    return at;
  }
}

/** History blocks a model keeps in each of its two cache generations (about 7 MB each). */
const HISTORY_CACHE_GENERATION = 16_000;

export class NerModel {
  readonly scheme: TagScheme;
  readonly T: number;

  constructor(
    readonly header: ModelHeader,
    readonly index: FeatureIndex,
    readonly weights: Float32Array,
  ) {
    this.scheme = tagScheme(header.scheme);
    this.T = this.scheme.tags.length;
    this.history = new HistoryCache(successorsOf(this.scheme).list.length, HISTORY_CACHE_GENERATION);
  }

  /** Tags (scheme indices) of one sentence's flattened features (the training path; no caching). */
  decode(sf: SentenceFeatures): Int32Array {
    return viterbi(resolveRows(sf, this.index, this.T), this.weights, this.scheme);
  }

  spans(sf: SentenceFeatures): EntitySpan[] {
    return this.scheme.toSpans(this.decode(sf));
  }

  private readonly history: HistoryCache;

  /** The weight row of history feature `base` with previous tag `prev`, −1 when training kept none. */
  private historyRow(base: number, prev: number): number {
    return this.index.get(historyHash(base, prev));
  }

  /** The sentence's history blocks: from the cache, or fresh for a sentence too long for it. */
  private historyBlocks(ctx: SentenceContext): { arena: Float32Array; at: Int32Array } {
    const count = ctx.n * HISTORY_FEATURES;
    const cache = this.history;
    if (!cache.reserve(count)) return this.distinctBlocks(ctx);
    const at = work.at;
    for (let b = 0; b < count; b++) at[b] = cache.offset(ctx.history[b]!, this.fillHistoryBlock);
    return { arena: cache.arena, at };
  }

  /** Writes the history block of feature `base` at `out[at]`; one function for every block, made once. */
  private readonly fillHistoryBlock = (base: number, out: Float32Array, at: number): void =>
    historyBlock((p) => this.historyRow(base, p), this.weights, this.scheme, out, at);

  /**
   * The blocks of a sentence too long for the cache, each distinct feature once: a run-on "sentence" of
   * 100,000 tokens (text without punctuation) repeats most of its features, and one block per token would
   * take hundreds of megabytes.
   */
  private distinctBlocks(ctx: SentenceContext): { arena: Float32Array; at: Int32Array } {
    const count = ctx.n * HISTORY_FEATURES;
    const { width } = this.history;
    const starts = new Map<number, number>();
    const at = new Int32Array(count);
    for (let b = 0; b < count; b++) {
      const base = ctx.history[b]!;
      let start = starts.get(base);
      if (start === undefined) starts.set(base, (start = starts.size * width));
      at[b] = start;
    }
    const arena = new Float32Array(starts.size * width);
    for (const [base, start] of starts)
      historyBlock((p) => this.historyRow(base, p), this.weights, this.scheme, arena, start);
    return { arena, at };
  }

  /**
   * The entities of one sentence: the fast path. A word's features at each offset (−2 … +2) from the token
   * being scored depend only on the word, the offset and the sentence's casing style, so their summed weights
   * are cached on the extractor's word facts; only the few features that span words are looked up per token.
   * Gives the same result as `spans(extractor.sentence(tokens))`.
   */
  tag(
    extractor: FeatureExtractor,
    tokens: readonly string[],
    extra?: ReadonlyArray<ArrayLike<number>>,
  ): EntitySpan[] {
    if (tokens.length === 0) return [];
    extractor.scoreSlot(this);
    return this.tagContext(extractor, extractor.context(tokens, extra));
  }

  /**
   * The entities of one sentence prepared by `extractor.context` (see `tag`), made after this model took
   * its score slot (`extractor.scoreSlot(this)`).
   */
  tagContext(extractor: FeatureExtractor, ctx: SentenceContext): EntitySpan[] {
    const n = ctx.n;
    if (n === 0) return [];
    // This model's scores sit at their own slot of each word's cache (see WordInfo.scores).
    const modeSlot = extractor.scoreSlot(this) * 3 + ctx.mode;
    if (ctx.epoch !== extractor.epoch)
      throw new Error('NER: sentence context made before its extractor dropped its word scores');
    const T = this.T;
    const w = this.weights;
    work.ensure(n, T);
    const { emit } = work;
    emit.fill(0, 0, n * T);
    // Word j gives token j − d its block at offset d. Taking the words in order, each word's cached scores
    // are read once, and token i receives its blocks in offset order −2 … +2 (words i − 2 … i + 2), then
    // its span features once word i + 2 is done: the same sums in the same order as token by token.
    for (let j = -2; j < n + 2; j++) {
      const sc = this.wordScores(infoAt(ctx, j), ctx.mode, modeSlot, j, n);
      for (let d = Math.max(-2, j - n + 1); d <= Math.min(2, j); d++) {
        const e = (j - d) * T;
        const sb = (d + 2) * T;
        for (let t = 0; t < T; t++) emit[e + t]! += sc[sb + t]!;
      }
      const i = j - 2;
      if (i < 0) continue;
      const e = i * T;
      for (let f = ctx.pairOffsets[i]!; f < ctx.pairOffsets[i + 1]!; f++) {
        const r = this.index.get(ctx.pair[f]!);
        if (r < 0) continue;
        const base = r * T;
        for (let t = 0; t < T; t++) emit[e + t]! += w[base + t]!;
      }
    }
    const { arena, at } = this.historyBlocks(ctx);
    return this.scheme.toSpans(viterbiCore(n, emit, arena, at, this.scheme));
  }

  /**
   * The cached block scores (WordInfo.scores at `modeSlot`) of the word at position j of a sentence of
   * n tokens, with the blocks its tokens read (offsets d with 0 ≤ j − d < n) filled.
   */
  private wordScores(
    info: WordInfo,
    mode: SentenceMode,
    modeSlot: number,
    j: number,
    n: number,
  ): Float32Array {
    info.scores ??= [];
    info.filled ??= new Uint8Array(SCORE_SLOTS * 15);
    const sc = (info.scores[modeSlot] ??= new Float32Array(5 * this.T));
    for (let d = Math.max(-2, j - n + 1); d <= Math.min(2, j); d++) {
      const slot = modeSlot * 5 + d + 2;
      if (info.filled[slot]) continue;
      this.fillWordBlock(info, mode, d, sc);
      info.filled[slot] = 1;
    }
    return sc;
  }

  /** Sums the weights of the features word `info` gives the token at offset `d` into its block of `sc`. */
  private fillWordBlock(info: WordInfo, mode: SentenceMode, d: number, sc: Float32Array): void {
    const T = this.T;
    const w = this.weights;
    const hashes = work.hashes;
    const acc = work.acc(T);
    hashes.length = 0;
    blockHashes(info, mode, d, hashes);
    acc.fill(0);
    for (const h of hashes) {
      const r = this.index.get(h);
      if (r < 0) continue;
      const base = r * T;
      for (let t = 0; t < T; t++) acc[t]! += w[base + t]!;
    }
    const sb = (d + 2) * T;
    for (let t = 0; t < T; t++) sc[sb + t] = acc[t]!;
  }
}

function writeVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

/**
 * Serialises a model: rows whose largest absolute weight is below `minWeight` are dropped, the rest quantised
 * to int8 with one scale per row. Returns the gzip-compressed bytes.
 */
export function serializeModel(
  header: Omit<ModelHeader, 'rows'>,
  hashesByRow: Uint32Array,
  weights: Float32Array,
  T: number,
  minWeight: number,
): { bytes: Buffer; rows: number } {
  const keep: number[] = [];
  for (let r = 0; r < hashesByRow.length; r++) {
    let max = 0;
    for (let t = 0; t < T; t++) max = Math.max(max, Math.abs(weights[r * T + t]!));
    if (max >= minWeight && max > 0) keep.push(r);
  }
  keep.sort((a, b) => hashesByRow[a]! - hashesByRow[b]!);
  const rows = keep.length;
  const keyBytes: number[] = [];
  let prev = 0;
  for (const r of keep) {
    writeVarint(keyBytes, hashesByRow[r]! - prev);
    prev = hashesByRow[r]!;
  }
  const scales = new Float32Array(rows);
  const q = new Int8Array(rows * T);
  keep.forEach((r, i) => {
    let max = 0;
    for (let t = 0; t < T; t++) max = Math.max(max, Math.abs(weights[r * T + t]!));
    const scale = max / 127;
    scales[i] = scale;
    for (let t = 0; t < T; t++) q[i * T + t] = Math.round(weights[r * T + t]! / scale);
  });
  const head = Buffer.from(JSON.stringify({ ...header, rows }), 'utf8');
  const lens = Buffer.alloc(8);
  lens.writeUInt32LE(head.length, 0);
  lens.writeUInt32LE(keyBytes.length, 4);
  const raw = Buffer.concat([
    Buffer.from('PNER'),
    lens,
    head,
    Buffer.from(keyBytes),
    Buffer.from(scales.buffer, scales.byteOffset, scales.byteLength),
    Buffer.from(q.buffer, q.byteOffset, q.byteLength),
  ]);
  return { bytes: gzipSync(raw, { level: 9 }), rows };
}

export function deserializeModel(compressed: Uint8Array): NerModel {
  const raw = gunzipSync(compressed);
  if (raw.toString('latin1', 0, 4) !== 'PNER') throw new Error('not a Parley NER model');
  const headLen = raw.readUInt32LE(4);
  const keyLen = raw.readUInt32LE(8);
  let at = 12;
  const header = JSON.parse(raw.toString('utf8', at, at + headLen)) as ModelHeader;
  at += headLen;
  if (header.format !== 'parley-ner' || header.version !== 1)
    throw new Error('unsupported NER model version');
  if (header.historyFeatures !== HISTORY_FEATURES)
    throw new Error('NER model was trained with other features than this code computes');
  const T = tagScheme(header.scheme).tags.length;
  const rows = header.rows;
  const index = new FeatureIndex(rows);
  let key = 0;
  let p = at;
  const keyEnd = at + keyLen;
  for (let r = 0; r < rows; r++) {
    let v = 0;
    let mul = 1;
    for (;;) {
      const b = raw[p++]!;
      v += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 128;
    }
    key += v;
    index.add(key >>> 0);
  }
  if (p !== keyEnd) throw new Error('corrupt NER model (feature index)');
  at = keyEnd;
  const scalesBytes = raw.subarray(at, at + rows * 4);
  const scales = new Float32Array(rows);
  new Uint8Array(scales.buffer).set(scalesBytes);
  at += rows * 4;
  const q = new Int8Array(raw.buffer, raw.byteOffset + at, rows * T);
  const weights = new Float32Array(rows * T);
  for (let r = 0; r < rows; r++) {
    const s = scales[r]!;
    for (let t = 0; t < T; t++) weights[r * T + t] = q[r * T + t]! * s;
  }
  return new NerModel(header, index, weights);
}
