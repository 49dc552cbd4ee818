/**
 * A small seeded generator for the example's own draws (the split, the batch order): mulberry32,
 * 32-bit state, uniform floats in [0, 1). batchmix's sampler has its own generator (SPEC §3); this
 * one only makes the example reproducible.
 */
export type Rng = () => number;

/** mulberry32: the same sequence for the same seed on every platform. */
export function makeRng(seed: number): Rng {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of `a` in place (i from the end, j uniform in [0, i]). */
export function shuffle<T>(a: T[] | Int32Array, rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
