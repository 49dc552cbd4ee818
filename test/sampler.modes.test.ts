import { describe, expect, it } from 'vitest';
import { BatchMixError } from '../src/errors.js';
import { normalizeOptions } from '../src/options.js';
import { Rng } from '../src/plan/rng.js';
import { sampleParams } from '../src/plan/sample.js';
import type { AugmentOptions, BatchMixOptions, Op } from '../src/types.js';
import { CHI2_CRIT_001, chiSquare } from './sampler.stats.js';

const opts = (aug: AugmentOptions | AugmentOptions[], more: Partial<BatchMixOptions> = {}) =>
  normalizeOptions({ numClasses: 10, augments: aug, ...more });
const boxOf = (b: Int32Array, i: number): number[] => [...b.subarray(4 * i, 4 * i + 4)];

describe('sampleParams: modes', () => {
  const aug: AugmentOptions = { op: 'cutmix', alpha: 1 };
  it("'batch': one λ and one box for all", () => {
    const p = sampleParams(new Rng(1), opts(aug), 8, 64, 64);
    expect(new Set(p.lam).size).toBe(1);
    expect(new Set(Array.from({ length: 8 }, (_, i) => boxOf(p.boxes!, i).join())).size).toBe(1);
  });

  it("'elem': own λ and box per sample", () => {
    const p = sampleParams(new Rng(1), opts({ op: 'mixup', alpha: 1 }, { mode: 'elem' }), 8, 64, 64);
    expect(new Set(p.lam).size).toBe(8);
    const q = sampleParams(new Rng(1), opts(aug, { mode: 'elem' }), 8, 64, 64);
    expect(new Set(Array.from({ length: 8 }, (_, i) => boxOf(q.boxes!, i).join())).size).toBeGreaterThan(4);
  });

  it("'pair': i and index[i] share λ and box, for every partner kind", () => {
    for (const partner of ['permutation', 'mirror', 'roll', 'derangement'] as const) {
      const r = new Rng(2);
      for (let t = 0; t < 20; t++) {
        const p = sampleParams(r, opts(aug, { mode: 'pair', partner }), 7, 32, 24);
        for (let i = 0; i < 7; i++) {
          expect(p.lam[p.index[i]]).toBe(p.lam[i]);
          expect(boxOf(p.boxes!, p.index[i])).toEqual(boxOf(p.boxes!, i));
        }
      }
    }
    // mirror = timm's pair mode: pairs {i, N−1−i} get distinct draws.
    const m = sampleParams(new Rng(3), opts({ op: 'mixup', alpha: 1 }, { mode: 'pair', partner: 'mirror' }), 6, 8, 8);
    expect([m.lam[0], m.lam[1], m.lam[2]]).toEqual([m.lam[5], m.lam[4], m.lam[3]]);
    expect(new Set(m.lam).size).toBe(3);
  });
});

describe('sampleParams: op choice', () => {
  it('frequencies match the probs, the leftover is the identity (chi-square)', () => {
    const o = opts([{ op: 'mixup', alpha: 1, prob: 0.3 }, { op: 'cutmix', alpha: 1, prob: 0.5 }]);
    const r = new Rng(4);
    const draws = 20000;
    const counts = { mixup: 0, cutmix: 0, identity: 0, resizemix: 0 };
    for (let t = 0; t < draws; t++) counts[sampleParams(r, o, 2, 8, 8).op as Op]++;
    expect(counts.resizemix).toBe(0);
    const x2 = chiSquare([counts.mixup, counts.cutmix, counts.identity], [0.3 * draws, 0.5 * draws, 0.2 * draws]);
    expect(x2).toBeLessThan(CHI2_CRIT_001[2]);
  });

  it('identity: index 0…N−1, λ = 1, no boxes, and only the choice is drawn', () => {
    const o = opts({ op: 'mixup', alpha: 1, prob: 0 });
    const r = new Rng(6);
    const p = sampleParams(r, o, 4, 8, 8);
    expect(p).toEqual({ op: 'identity', index: Int32Array.from([0, 1, 2, 3]), lam: new Float32Array(4).fill(1) });
    const ref = new Rng(6);
    ref.uniform();
    expect(r.uniform()).toBe(ref.uniform());
  });
});

describe('sampleParams: errors come before any draw', () => {
  it('EMPTY_RANGE for any augment with minmax, even when another op is chosen', () => {
    const o = opts([{ op: 'mixup', alpha: 1, prob: 0.9 }, { op: 'resizemix', alpha: 1, prob: 0.1, minmax: [0.1, 0.12] }]);
    const r = new Rng(7);
    expect(() => sampleParams(r, o, 4, 8, 64)).toThrow(expect.objectContaining({ code: 'EMPTY_RANGE' }));
    expect(r.uniform()).toBe(new Rng(7).uniform());
  });

  it('derangement with N = 1 and a bad size throw without drawing', () => {
    const r = new Rng(8);
    expect(() => sampleParams(r, opts({ op: 'mixup', alpha: 1 }, { partner: 'derangement' }), 1, 8, 8)).toThrow(/N ≥ 2/);
    expect(() => sampleParams(r, opts({ op: 'mixup', alpha: 1 }), 2, 0, 8)).toThrow(BatchMixError);
    expect(() => sampleParams(r, opts({ op: 'mixup', alpha: 1 }), 2.5, 8, 8)).toThrow(/N must be a positive integer/);
    expect(r.uniform()).toBe(new Rng(8).uniform());
  });
});
