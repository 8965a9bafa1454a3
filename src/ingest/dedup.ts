/**
 * Near-duplicate detection: the same wire story reprinted by many outlets, each with its own headline,
 * dateline, cut or footer, is one story. MinHash (Broder 1997) estimates the Jaccard similarity of two
 * texts' sets of word shingles from fixed-size signatures; LSH banding (Indyk & Motwani; Leskovec,
 * Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3) finds the few stored signatures worth
 * comparing without comparing against all of them; every candidate is then verified on its full signature.
 *
 * Written here rather than taken from npm: the registry's MinHash packages (`minhash` 0.0.9, last
 * published years ago) are unmaintained, draw their hash seeds from Math.random (so a stored signature
 * could never be compared with one made by another process) and offer no compact serialisation. The
 * whole method is ~100 lines of integer arithmetic; what matters is that it is deterministic, so every
 * constant below is part of the stored format and named by SIGNATURE_SCHEME.
 *
 * Cost: one signature is 128 × (distinct shingles) 32-bit mixes — about 0.1 ms for a 600-word article.
 */
import { fmix32 } from '../model/hash.js';

/** Words per shingle: 5-word shingles rarely repeat across different stories, and one edit touches only 5. */
export const SHINGLE_WORDS = 5;
/** Hash functions per signature: the standard error of an estimated Jaccard J is √(J(1−J)/128) ≈ 0.04. */
export const NUM_HASHES = 128;
/**
 * LSH bands × rows = NUM_HASHES. Two texts of Jaccard s share at least one band with probability
 * 1 − (1 − s⁴)³²: 0.97 at s = 0.5, 0.9998 at s = 0.7, 0.05 at s = 0.2. The band filter is deliberately
 * generous (its threshold (1/32)^(1/4) ≈ 0.42 sits well below the decision threshold) so that almost no
 * true duplicate is missed; false candidates cost one 128-word comparison each.
 */
export const BANDS = 32;
export const ROWS = NUM_HASHES / BANDS;
/** Estimated Jaccard at and above which two texts are the same story (lightly edited copies score 0.75–0.95). */
export const DEFAULT_THRESHOLD = 0.7;
/** Names every choice a stored signature depends on; a store must recompute signatures of another scheme. */
export const SIGNATURE_SCHEME = `minhash-v1-w${SHINGLE_WORDS}-h${NUM_HASHES}-fmix32`;

/** FNV-1a over UTF-16 code units, finished by fmix32: a word's 32-bit hash. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** Seeds of the hash family, from a fixed splitmix32 stream: the same in every process and on every machine. */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(NUM_HASHES);
  let state = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    seeds[i] = fmix32(state);
  }
  return seeds;
})();

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
/**
 * Words: runs of letters and digits; Chinese and Japanese, written without spaces, count each character
 * as a word so that their shingles are character 5-grams.
 */
const WORD = new RegExp(`[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{N}])+`, 'gu');
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * The words of a text as compared: compatibility forms folded (NFKC), case and accents dropped
 * ("Milošević" = "Milosevic"), punctuation and spacing ignored, so typographic edits change nothing.
 */
export function normalisedWords(text: string): string[] {
  const folded = text.normalize('NFKD').replace(COMBINING_MARKS, '').normalize('NFKC').toLowerCase();
  return folded.match(WORD) ?? [];
}

/** The distinct 32-bit hashes of a text's SHINGLE_WORDS-word shingles (a text shorter than that is one shingle). */
export function shingleHashes(text: string): Uint32Array {
  const words = normalisedWords(text).map(hashWord);
  const width = Math.min(SHINGLE_WORDS, words.length);
  const shingles = new Set<number>();
  for (let start = 0; start + width <= words.length && width > 0; start++) {
    let h = width;
    for (let i = start; i < start + width; i++) h = fmix32(Math.imul(h, 31) ^ words[i]!);
    shingles.add(h);
  }
  return Uint32Array.from(shingles);
}

/** A text's MinHash signature, with the number of distinct shingles it summarises. */
export interface Signature {
  hashes: Uint32Array;
  shingles: number;
}

/**
 * NUM_HASHES minima, one per hash h_i(x) = fmix32(x ⊕ seed_i). An empty text has the all-ones signature,
 * which estimatedJaccard treats as similar to nothing.
 */
export function signature(text: string): Signature {
  const shingles = shingleHashes(text);
  const hashes = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = fmix32(shingle ^ SEEDS[i]!);
      if (h < hashes[i]!) hashes[i] = h;
    }
  }
  return { hashes, shingles: shingles.length };
}

const hashesOf = (value: Signature | Uint32Array): Uint32Array =>
  value instanceof Uint32Array ? value : value.hashes;

/** The share of positions at which two signatures agree: an unbiased estimate of the texts' Jaccard similarity. */
export function estimatedJaccard(a: Signature | Uint32Array, b: Signature | Uint32Array): number {
  const x = hashesOf(a);
  const y = hashesOf(b);
  if (x.length !== y.length) throw new Error(`signatures differ in length (${x.length}, ${y.length})`);
  if ((a as Signature).shingles === 0 || (b as Signature).shingles === 0) return 0;
  let same = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === y[i] && x[i] !== 0xffffffff) same++;
  return same / x.length;
}

/**
 * How much of the smaller text the larger one contains, from the estimated Jaccard J and the shingle
 * counts: |A∩B| = J(|A|+|B|)/(1+J). A story cut to its first half by one outlet scores J ≈ 0.5 but
 * containment ≈ 1.
 */
export function estimatedContainment(a: Signature, b: Signature): number {
  const jaccard = estimatedJaccard(a, b);
  const smaller = Math.min(a.shingles, b.shingles);
  if (smaller === 0) return 0;
  return Math.min(1, (jaccard * (a.shingles + b.shingles)) / (1 + jaccard) / smaller);
}

/** The BANDS keys of a signature, one 32-bit hash of each band's ROWS values: for an LSH table in a store. */
export function bandKeys(value: Signature | Uint32Array): Uint32Array {
  const hashes = hashesOf(value);
  const keys = new Uint32Array(BANDS);
  for (let band = 0; band < BANDS; band++) {
    let h = band;
    for (let row = 0; row < ROWS; row++) h = fmix32(Math.imul(h, 31) ^ hashes[band * ROWS + row]!);
    keys[band] = h;
  }
  return keys;
}

/** Compact storage: the signature's NUM_HASHES values as little-endian uint32, 512 bytes. */
export function signatureToBuffer(value: Signature | Uint32Array): Buffer {
  const hashes = hashesOf(value);
  const buffer = Buffer.alloc(hashes.length * 4);
  hashes.forEach((h, i) => buffer.writeUInt32LE(h, i * 4));
  return buffer;
}

/** Reads what signatureToBuffer wrote (shingles: the count stored beside it). */
export function signatureFromBuffer(buffer: Uint8Array, shingles: number): Signature {
  if (buffer.byteLength !== NUM_HASHES * 4) {
    throw new Error(`a ${SIGNATURE_SCHEME} signature is ${NUM_HASHES * 4} bytes, not ${buffer.byteLength}`);
  }
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const hashes = new Uint32Array(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES; i++) hashes[i] = view.getUint32(i * 4, true);
  return { hashes, shingles };
}

export interface DuplicateResult {
  /** The story: the id of the first article of its group. */
  groupId: string;
  /** The most similar article already in the index, when one is at or above the threshold. */
  duplicateOf?: string;
  /** Its estimated Jaccard similarity. */
  similarity?: number;
}

export interface NearDuplicateOptions {
  /** Estimated Jaccard at and above which an article joins a story (default 0.7). */
  threshold?: number;
  /**
   * Also join when the smaller text is at least this much contained in the larger (a cut copy); off
   * (1.01) by default, because a short item quoting one paragraph of a long story is contained in it too.
   * Candidates still come from the LSH bands, so a cut copy is found reliably only while it keeps about
   * two thirds of the story (Jaccard ≥ 0.6).
   */
  containment?: number;
  /** Articles remembered, the most recent (default DEFAULT_CAPACITY): older ones are forgotten. */
  capacity?: number;
}

/** Signatures the index keeps by default: the most recent 50,000 articles (about 1.5 kB each, 75 MB). */
export const DEFAULT_CAPACITY = 50_000;
/** Slots allocated at first; the arrays double up to the capacity, so a small run stays small. */
const INITIAL_SLOTS = 1024;

/**
 * The LSH index over a bounded window of the most recent signatures. Memory is flat: past `capacity`
 * articles the oldest is forgotten (its copies arriving later start a story of their own). Everything
 * is in typed arrays indexed by slot (a ring buffer once full), because Maps of arrays cost 3.7 kB per
 * article (370 MB at 100,000); here an article costs its 512-byte signature, its band keys and chain
 * links (256 bytes) and one small-integer Map entry per band: about 1.5 kB in all (measured on 10,000).
 */
export class NearDuplicateIndex {
  private readonly threshold: number;
  private readonly containment: number;
  private readonly capacity: number;
  /** Slot of each remembered id, and each slot's id, story and arrival number. */
  private readonly slotOf = new Map<string, number>();
  private ids: string[] = [];
  private groups: string[] = [];
  private seqs = new Float64Array(0);
  private shingleCounts = new Uint32Array(0);
  private hashes = new Uint32Array(0);
  /** Each slot's band keys, and in each band the previous slot with the same key (−1: none). */
  private keys = new Uint32Array(0);
  private next = new Int32Array(0);
  /**
   * Per band: key → newest slot with that key. Keys are shifted to 30 bits so that V8 stores them as
   * small integers, not boxed numbers; the full key in `keys` is compared while walking a chain.
   */
  private readonly heads: Array<Map<number, number>> = Array.from({ length: BANDS }, () => new Map());
  private added = 0;

  constructor(options: NearDuplicateOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.containment = options.containment ?? 1.01;
    this.capacity = options.capacity ?? DEFAULT_CAPACITY;
    if (!Number.isInteger(this.capacity) || this.capacity < 1)
      throw new Error(`the near-duplicate window must be a positive whole number, not ${this.capacity}`);
  }

  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  groupOf(id: string): string | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.groups[slot];
  }

  /** Signs a text, finds the story it belongs to, and remembers it. Adding a known id again changes nothing. */
  add(id: string, text: string): DuplicateResult {
    return this.addSignature(id, signature(text));
  }

  /**
   * Adds a signature computed elsewhere (in a worker, or read back from the store). With `groupId`, the
   * grouping already decided is kept (rebuilding an index from the store); without, it is decided here.
   */
  addSignature(id: string, sig: Signature, groupId?: string): DuplicateResult {
    const known = this.groupOf(id);
    if (known !== undefined) return { groupId: known };
    const best = groupId === undefined ? this.bestMatch(sig) : undefined;
    const group = groupId ?? best?.groupId ?? id;
    this.remember(id, sig, group);
    return best ? { groupId: group, duplicateOf: best.id, similarity: best.similarity } : { groupId: group };
  }

  /** Stored articles at or above the threshold, most similar first, verified on their full signatures. */
  similar(sig: Signature): Array<{ id: string; groupId: string; similarity: number }> {
    if (sig.shingles === 0) return [];
    const matches: Array<{ id: string; groupId: string; similarity: number; seq: number }> = [];
    for (const slot of this.candidates(bandKeys(sig))) {
      const stored = { hashes: this.signatureAt(slot), shingles: this.shingleCounts[slot]! };
      const similarity = estimatedJaccard(sig, stored);
      const joins =
        similarity >= this.threshold ||
        (this.containment <= 1 && estimatedContainment(sig, stored) >= this.containment);
      if (joins)
        matches.push({ id: this.ids[slot]!, groupId: this.groups[slot]!, similarity, seq: this.seqs[slot]! });
    }
    // Ties go to the earlier article, so that the result does not depend on bucket order.
    return matches
      .sort((a, b) => b.similarity - a.similarity || a.seq - b.seq)
      .map(({ id, groupId, similarity }) => ({ id, groupId, similarity }));
  }

  private bestMatch(sig: Signature): { id: string; groupId: string; similarity: number } | undefined {
    return this.similar(sig)[0];
  }

  /** Slots sharing at least one band key with `keys`, each once. */
  private candidates(keys: Uint32Array): Set<number> {
    const found = new Set<number>();
    for (let band = 0; band < BANDS; band++) {
      const key = keys[band]!;
      let slot = this.heads[band]!.get(key >>> 2);
      let newer = Infinity;
      // A chain runs from newer to older; a link to a slot reused by a newer article is stale: stop there.
      while (slot !== undefined && slot >= 0 && this.seqs[slot]! < newer) {
        if (this.keys[slot * BANDS + band] === key) found.add(slot);
        newer = this.seqs[slot]!;
        slot = this.next[slot * BANDS + band]!;
      }
    }
    return found;
  }

  private signatureAt(slot: number): Uint32Array {
    return this.hashes.subarray(slot * NUM_HASHES, (slot + 1) * NUM_HASHES);
  }

  private remember(id: string, sig: Signature, group: string): void {
    const slot = this.freeSlot();
    this.slotOf.set(id, slot);
    this.ids[slot] = id;
    this.groups[slot] = group;
    this.seqs[slot] = this.added++;
    this.shingleCounts[slot] = sig.shingles;
    this.hashes.set(sig.hashes, slot * NUM_HASHES);
    // Texts with no shingles match nothing, so they are in no band.
    if (sig.shingles === 0) return;
    const keys = bandKeys(sig);
    this.keys.set(keys, slot * BANDS);
    for (let band = 0; band < BANDS; band++) {
      const head = this.heads[band]!;
      const short = keys[band]! >>> 2;
      this.next[slot * BANDS + band] = head.get(short) ?? -1;
      head.set(short, slot);
    }
  }

  /** The slot for the next article: a new one while the arrays grow, then the oldest article's. */
  private freeSlot(): number {
    const allocated = this.seqs.length;
    if (this.added < allocated) return this.added;
    if (allocated < this.capacity) {
      this.grow(Math.min(this.capacity, Math.max(INITIAL_SLOTS, allocated * 2)));
      return this.added;
    }
    const slot = this.added % this.capacity;
    this.forget(slot);
    return slot;
  }

  private forget(slot: number): void {
    this.slotOf.delete(this.ids[slot]!);
    if (this.shingleCounts[slot] === 0) return;
    for (let band = 0; band < BANDS; band++) {
      const short = this.keys[slot * BANDS + band]! >>> 2;
      // The oldest article ends every chain it is in; only a chain of itself alone has it at the head.
      if (this.heads[band]!.get(short) === slot) this.heads[band]!.delete(short);
    }
  }

  private grow(slots: number): void {
    const grown = <T extends Float64Array | Uint32Array | Int32Array>(
      old: T,
      make: (n: number) => T,
      width = 1,
    ): T => {
      const array = make(slots * width);
      array.set(old);
      return array;
    };
    this.seqs = grown(this.seqs, (n) => new Float64Array(n));
    this.shingleCounts = grown(this.shingleCounts, (n) => new Uint32Array(n));
    this.hashes = grown(this.hashes, (n) => new Uint32Array(n), NUM_HASHES);
    this.keys = grown(this.keys, (n) => new Uint32Array(n), BANDS);
    this.next = grown(this.next, (n) => new Int32Array(n), BANDS);
  }
}
