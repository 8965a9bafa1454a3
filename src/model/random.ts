/**
 * A seeded pseudo-random generator (mulberry32: 32 bits of state, a full period, fast), for everything that
 * must draw the same numbers on every machine: the training scripts' shuffles, the benchmarks' synthetic
 * corpora, the gold set's candidate draws. Math.random cannot be seeded.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
