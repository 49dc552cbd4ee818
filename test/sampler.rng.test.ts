import { describe, expect, it } from 'vitest';
import { BatchMixError } from '../src/errors.js';
import { Rng } from '../src/plan/rng.js';
import { CHI2_CRIT_001, chiSquare, ksCritical, ksStatistic, normalCdf } from './sampler.stats.js';

const stream = (seed: number, k: number): number[] => {
  const r = new Rng(seed);
  return Array.from({ length: k }, () => r.uniform());
};

describe('Rng (seeded xoroshiro128+)', () => {
  it('gives the same stream for the same seed, and different streams for different seeds', () => {
    expect(stream(42, 50)).toEqual(stream(42, 50));
    expect(stream(42, 50)).not.toEqual(stream(43, 50));
    expect(stream(0, 50)).not.toEqual(stream(1, 50));
  });

  it('treats seed 0 as a real seed and reads negative seeds as uint32', () => {
    const zero = stream(0, 1000);
    expect(new Set(zero).size).toBe(1000);
    expect(ksStatistic(zero, (x) => x)).toBeLessThan(ksCritical(zero.length));
    expect(stream(-1, 20)).toEqual(stream(2 ** 32 - 1, 20));
    expect(stream(-5, 20)).not.toEqual(stream(5, 20));
  });

  it('rejects a seed that is not an integer', () => {
    for (const bad of [0.5, NaN, Infinity, 2 ** 60]) {
      expect(() => new Rng(bad)).toThrow(BatchMixError);
    }
  });

  it('gives independent-looking first draws for neighbouring seeds (seed hashing)', () => {
    // pure-rand's plain xoroshiro128plus(seed) makes the first uniform ≈ 1 − seed·2^-26: this fails then.
    const firsts = Array.from({ length: 4000 }, (_, s) => new Rng(s).uniform());
    expect(ksStatistic(firsts, (x) => x)).toBeLessThan(ksCritical(firsts.length));
  });

  it('uniform() lies in [0, 1) and passes KS against U(0, 1)', () => {
    const xs = stream(7, 20000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(ksStatistic(xs, (x) => x)).toBeLessThan(ksCritical(xs.length));
  });

  it('int(lo, hi) is uniform over [lo, hi) like np.random.randint (chi-square)', () => {
    const r = new Rng(11);
    const counts = new Array(7).fill(0);
    const draws = 70000;
    for (let i = 0; i < draws; i++) {
      const v = r.int(-3, 4);
      expect(Number.isInteger(v) && v >= -3 && v < 4).toBe(true);
      counts[v + 3]++;
    }
    expect(chiSquare(counts, new Array(7).fill(draws / 7))).toBeLessThan(CHI2_CRIT_001[6]);
    expect(r.int(5, 6)).toBe(5);
  });

  it('int() refuses an empty range instead of returning something', () => {
    const r = new Rng(1);
    expect(() => r.int(3, 3)).toThrow(/lo < hi/);
    expect(() => r.int(4, 3)).toThrow(BatchMixError);
  });

  it('normal() passes KS against N(0, 1)', () => {
    const r = new Rng(3);
    const xs = Array.from({ length: 20000 }, () => r.normal());
    expect(xs.every(Number.isFinite)).toBe(true);
    expect(ksStatistic(xs, normalCdf)).toBeLessThan(ksCritical(xs.length));
    // The same check rejects a shifted normal: the threshold has power.
    expect(ksStatistic(xs, (x) => normalCdf(x - 0.05))).toBeGreaterThan(ksCritical(xs.length));
  });
});
