/** Small hashing helpers shared by the stages that hash words (the NER features, near-duplicate shingles). */

/** murmur3's 32-bit finaliser: a bijection with full avalanche, so each seed gives a new permutation. */
export function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
