import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchMixError } from '../src/errors.js';
import { normalizeOptions } from '../src/options.js';
import { correctedLam } from '../src/plan/boxes.js';
import { Rng } from '../src/plan/rng.js';
import { sampleParams } from '../src/plan/sample.js';
import type { AugmentOptions } from '../src/types.js';

const alpha = fc.double({ min: 0.05, max: 8, noNaN: true });
const minmax = fc.tuple(fc.double({ min: 0.05, max: 0.9, noNaN: true }), fc.double({ min: 0.05, max: 0.5, noNaN: true }))
  .map(([lo, d]): [number, number] => [lo, Math.min(1, lo + d)]);
const augment: fc.Arbitrary<AugmentOptions> = fc.oneof(
  fc.record({ op: fc.constant('mixup' as const), alpha }),
  fc.record({ op: fc.constant('cutmix' as const), alpha, correctLam: fc.boolean(), minmax: fc.option(minmax, { nil: undefined }) }, { requiredKeys: ['op', 'alpha'] })
    .map((a) => (a.minmax ? { ...a, correctLam: true } : a)), // correctLam: false with minmax is a BAD_OPTIONS
  fc.record({
    op: fc.constant('resizemix' as const), alpha, minmax: fc.option(minmax, { nil: undefined }),
    lamMin: fc.double({ min: 0, max: 0.5, noNaN: true }), lamMax: fc.double({ min: 0.5, max: 1, noNaN: true }),
    interpolation: fc.constantFrom('nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area' as const),
  }, { requiredKeys: ['op', 'alpha'] }),
);
/** 1–3 augments with probs that sum to ≤ 1. */
const augments = fc.array(fc.tuple(augment, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 3 })
  .map((list) => {
    const total = list.reduce((s, [, w]) => s + w, 0) || 1;
    const scale = Math.max(1, total);
    return list.map(([a, w]) => ({ ...a, prob: w / scale / (1 + 1e-9) }));
  });
const config = fc.record({
  augments,
  mode: fc.constantFrom('batch', 'elem', 'pair' as const),
  partner: fc.constantFrom('permutation', 'mirror', 'roll', 'derangement' as const),
  seed: fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }),
  n: fc.integer({ min: 2, max: 12 }),
  h: fc.integer({ min: 1, max: 300 }),
  w: fc.integer({ min: 1, max: 300 }),
});

describe('sampleParams (property-based)', () => {
  it('gives well-formed params for random N, H, W and options, or EMPTY_RANGE for a too-small image', () => {
    fc.assert(fc.property(config, ({ augments: augs, mode, partner, seed, n, h, w }) => {
      const o = normalizeOptions({ numClasses: 3, augments: augs, mode, partner, seed });
      const rng = new Rng(o.seed);
      for (let call = 0; call < 3; call++) {
        let p;
        try {
          p = sampleParams(rng, o, n, h, w);
        } catch (e) {
          expect((e as BatchMixError).code).toBe('EMPTY_RANGE');
          expect(augs.some((a) => a.minmax)).toBe(true);
          return;
        }
        expect(p.index).toBeInstanceOf(Int32Array);
        expect(p.index.length).toBe(n);
        expect([...p.index].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
        if (partner === 'derangement' && p.op !== 'identity') expect(p.index.every((v, i) => v !== i)).toBe(true);
        expect(p.lam).toBeInstanceOf(Float32Array);
        expect(p.lam.length).toBe(n);
        expect(p.lam.every((l) => l >= 0 && l <= 1)).toBe(true);
        if (mode === 'batch') expect(new Set(p.lam).size).toBe(1);
        if (p.op === 'mixup' || p.op === 'identity') {
          expect(p.boxes).toBeUndefined();
          continue;
        }
        const aug = o.augments.find((a) => a.op === p.op)!;
        const b = p.boxes!;
        expect(b.length).toBe(4 * n);
        for (let i = 0; i < n; i++) {
          const [y0, y1, x0, x1] = b.subarray(4 * i, 4 * i + 4);
          expect(0 <= y0 && y0 <= y1 && y1 <= h && 0 <= x0 && x0 <= x1 && x1 <= w).toBe(true);
          if (mode === 'pair') expect(p.lam[p.index[i]]).toBe(p.lam[i]);
          if (o.augments.filter((a) => a.op === p.op).length === 1 && (aug.correctLam || aug.minmax)) {
            expect(p.lam[i]).toBe(Math.fround(correctedLam([y0, y1, x0, x1], h, w)));
          }
        }
        expect(p.interpolation === undefined).toBe(p.op === 'cutmix');
      }
    }), { numRuns: 300, seed: 20261129 });
  });

  it('replays: same seed and options give identical params', () => {
    fc.assert(fc.property(config, ({ augments: augs, mode, partner, seed, n, h, w }) => {
      const o = normalizeOptions({ numClasses: 3, augments: augs, mode, partner, seed });
      const draw = () => { try { return sampleParams(new Rng(o.seed), o, n, h, w); } catch (e) { return (e as Error).message; } };
      expect(draw()).toEqual(draw());
    }), { numRuns: 100, seed: 7 });
  });
});
