import { describe, expect, it } from 'vitest';
import { BatchMixError } from '../src/errors.js';
import { samplePartners } from '../src/plan/partners.js';
import { Rng } from '../src/plan/rng.js';
import { CHI2_CRIT_001, chiSquare } from './sampler.stats.js';

const isPermutation = (a: Int32Array): boolean => [...a].sort((x, y) => x - y).every((v, i) => v === i);

/** Counts of each distinct permutation over `draws` samples. */
function tally(kind: 'permutation' | 'derangement', n: number, draws: number, seed: number): Map<string, number> {
  const r = new Rng(seed);
  const counts = new Map<string, number>();
  for (let t = 0; t < draws; t++) {
    const key = samplePartners(r, kind, n).join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('samplePartners', () => {
  it("'permutation' is uniform over all 4! permutations, fixed points included (chi-square)", () => {
    const draws = 48000;
    const counts = tally('permutation', 4, draws, 1);
    expect(counts.size).toBe(24);
    expect(counts.get('0,1,2,3')).toBeGreaterThan(0);
    expect(chiSquare([...counts.values()], new Array(24).fill(draws / 24))).toBeLessThan(CHI2_CRIT_001[23]);
  });

  it("'derangement' has no fixed point and is uniform over the 9 derangements of 4 (chi-square)", () => {
    const draws = 27000;
    const counts = tally('derangement', 4, draws, 2);
    expect(counts.size).toBe(9);
    for (const key of counts.keys()) {
      const a = Int32Array.from(key.split(',').map(Number));
      expect(isPermutation(a) && a.every((v, i) => v !== i)).toBe(true);
    }
    expect(chiSquare([...counts.values()], new Array(9).fill(draws / 9))).toBeLessThan(CHI2_CRIT_001[8]);
  });

  it("'derangement' works for N = 2 (the swap) and large N", () => {
    const r = new Rng(3);
    expect([...samplePartners(r, 'derangement', 2)]).toEqual([1, 0]);
    for (const n of [3, 17, 256]) {
      const a = samplePartners(r, 'derangement', n);
      expect(isPermutation(a) && a.every((v, i) => v !== i)).toBe(true);
    }
  });

  it("'derangement' with N < 2 throws BAD_OPTIONS naming the fix", () => {
    try {
      samplePartners(new Rng(0), 'derangement', 1);
      expect.unreachable();
    } catch (e) {
      expect((e as BatchMixError).code).toBe('BAD_OPTIONS');
      expect((e as BatchMixError).message).toMatch(/N ≥ 2.*got N = 1.*'permutation'/);
    }
  });

  it("'mirror' is N−1−i and 'roll' is i−1 mod N, without draws", () => {
    const r = new Rng(4);
    const before = new Rng(4).uniform();
    expect([...samplePartners(r, 'mirror', 5)]).toEqual([4, 3, 2, 1, 0]);
    expect([...samplePartners(r, 'mirror', 1)]).toEqual([0]);
    expect([...samplePartners(r, 'roll', 4)]).toEqual([3, 0, 1, 2]);
    expect([...samplePartners(r, 'roll', 1)]).toEqual([0]);
    expect(r.uniform()).toBe(before);
  });

  it('returns Int32Array(n) for every kind and rejects N < 1 and unknown kinds', () => {
    const r = new Rng(5);
    for (const kind of ['permutation', 'mirror', 'roll', 'derangement'] as const) {
      const a = samplePartners(r, kind, 9);
      expect(a).toBeInstanceOf(Int32Array);
      expect(isPermutation(a)).toBe(true);
    }
    expect(() => samplePartners(r, 'permutation', 0)).toThrow(BatchMixError);
    expect(() => samplePartners(r, 'shuffle' as never, 3)).toThrow(/partner must be one of/);
  });
});
