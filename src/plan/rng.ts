/**
 * The instance's seeded PRNG (SPEC §3): pure-rand's xoroshiro128+ with its unbiased uniform
 * distributions. No `Math.random()` anywhere in batchmix; every draw goes through one `Rng`.
 *
 * Seeding: the seed is read as a uint32 (`seed >>> 0`, so −1 and 2^32 − 1 are the same seed) and
 * spread over the generator's 128-bit state by four splitmix32 steps. pure-rand's own
 * `xoroshiro128plus(seed)` puts the seed into the state almost unmixed, so its first output is
 * `~seed` and the first uniform of every small seed is ≈ 1 (seed 0 would always pick the last op):
 * hashing the seed first gives independent-looking streams for neighbouring seeds, seed 0 included.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { describe, fail } from '../errors.js';

/** splitmix32: the k-th 32-bit word (k ≥ 1) of the stream seeded with `seed`; a bijection of seed + k·φ. */
function splitmix32(seed: number, k: number): number {
  let z = (seed + Math.imul(k, 0x9e3779b9)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) | 0;
}

export class Rng {
  private readonly gen: RandomGenerator;

  /** `seed`: any safe integer (0 is a real seed), reduced to uint32. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) fail('BAD_OPTIONS', `Rng: seed must be an integer, got ${describe(seed)}`);
    const s = seed >>> 0;
    // Four distinct counters through a bijection: the state is never all zero.
    this.gen = xoroshiro128plusFromState([splitmix32(s, 1), splitmix32(s, 2), splitmix32(s, 3), splitmix32(s, 4)]);
  }

  /** A float64 uniform in [0, 1): a multiple of 2^-53 (two generator outputs). */
  uniform(): number {
    return uniformFloat64(this.gen);
  }

  /**
   * An integer uniform in [lo, hiExclusive), like `np.random.randint(lo, hi)` (rejection sampling,
   * no modulo bias). An empty range is a bug of the caller (ranges are checked before drawing).
   */
  int(lo: number, hiExclusive: number): number {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hiExclusive) || hiExclusive <= lo) {
      fail('INTERNAL', `Rng.int: need integers lo < hi, got [${describe(lo)}, ${describe(hiExclusive)})`);
    }
    return uniformInt(this.gen, lo, hiExclusive - 1);
  }

  /**
   * A standard normal draw by Box–Muller: `√(−2 ln u1) · cos(2π u2)` with u1 = 1 − uniform() in
   * (0, 1] (so ln u1 is finite) and u2 = uniform(). Exactly two uniforms per call, no cached spare.
   */
  normal(): number {
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
