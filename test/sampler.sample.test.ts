import { describe, expect, it } from 'vitest';
import { normalizeOptions } from '../src/options.js';
import { sampleBeta } from '../src/plan/beta.js';
import { correctedLam, randBox, randBoxMinmax } from '../src/plan/boxes.js';
import { samplePartners } from '../src/plan/partners.js';
import { Rng } from '../src/plan/rng.js';
import { sampleParams } from '../src/plan/sample.js';
import type { AugmentOptions, BatchMixOptions } from '../src/types.js';

const opts = (aug: AugmentOptions | AugmentOptions[], more: Partial<BatchMixOptions> = {}) =>
  normalizeOptions({ numClasses: 10, augments: aug, ...more });
const boxOf = (b: Int32Array, i: number): number[] => [...b.subarray(4 * i, 4 * i + 4)];

describe('sampleParams: determinism', () => {
  it('same seed → identical params, different seeds differ, seed 0 works', () => {
    const o = opts([{ op: 'mixup', alpha: 0.8, prob: 0.5 }, { op: 'cutmix', alpha: 1, prob: 0.5 }], { mode: 'elem' });
    const run = (seed: number) => { const r = new Rng(seed); return Array.from({ length: 5 }, () => sampleParams(r, o, 6, 32, 32)); };
    expect(run(0)).toEqual(run(0));
    expect(run(0)).not.toEqual(run(1));
    expect(new Set(run(0).map((p) => p.op)).size).toBe(2);
  });
});

describe('sampleParams: the documented draw order, replayed by hand', () => {
  it("batch cutmix: choice, one λ, permutation, one box (cy, cx)", () => {
    const o = opts({ op: 'cutmix', alpha: 1 });
    const p = sampleParams(new Rng(5), o, 4, 20, 30);
    const r = new Rng(5);
    r.uniform();
    const lam = sampleBeta(r, 1, 1);
    const index = samplePartners(r, 'permutation', 4);
    const box = randBox(r, lam, 20, 30);
    expect(p.op).toBe('cutmix');
    expect([...p.index]).toEqual([...index]);
    expect([...p.lam]).toEqual(new Array(4).fill(Math.fround(correctedLam(box, 20, 30))));
    for (let i = 0; i < 4; i++) expect(boxOf(p.boxes!, i)).toEqual(box);
    expect(p.interpolation).toBeUndefined();
  });

  it('elem resizemix: N mapped λs, partners, then N boxes; label λ is the corrected one', () => {
    const o = opts({ op: 'resizemix', alpha: 0.5, lamMin: 0.2, lamMax: 0.6, interpolation: 'bicubic' }, { mode: 'elem', partner: 'derangement' });
    const p = sampleParams(new Rng(9), o, 5, 16, 16);
    const r = new Rng(9);
    r.uniform();
    const lams = Array.from({ length: 5 }, () => sampleBeta(r, 0.5, 0.5) * (0.6 - 0.2) + 0.2);
    const index = samplePartners(r, 'derangement', 5);
    expect([...p.index]).toEqual([...index]);
    for (let i = 0; i < 5; i++) {
      const box = randBox(r, lams[i], 16, 16);
      expect(boxOf(p.boxes!, i)).toEqual(box);
      expect(p.lam[i]).toBe(Math.fround(correctedLam(box, 16, 16)));
    }
    expect(p.interpolation).toBe('bicubic');
  });

  it('pair mixup: N λs drawn, every cycle of index takes the λ of its smallest member', () => {
    const o = opts({ op: 'mixup', alpha: 2 }, { mode: 'pair' });
    const p = sampleParams(new Rng(13), o, 9, 8, 8);
    const r = new Rng(13);
    r.uniform();
    const lams = Array.from({ length: 9 }, () => sampleBeta(r, 2, 2));
    const index = samplePartners(r, 'permutation', 9);
    for (let i = 0; i < 9; i++) {
      let m = i;
      for (let j = index[i]; j !== i; j = index[j]) m = Math.min(m, j);
      expect(p.lam[i]).toBe(Math.fround(lams[m]));
    }
    expect(p.boxes).toBeUndefined();
  });

  it('minmax: λ still drawn (then ignored), boxes from cut_h, cut_w, y0, x0; λ always corrected', () => {
    const o = opts({ op: 'cutmix', alpha: 1, minmax: [0.2, 0.8] }, { mode: 'elem', partner: 'roll' });
    const p = sampleParams(new Rng(17), o, 3, 40, 40);
    const r = new Rng(17);
    r.uniform();
    for (let i = 0; i < 3; i++) sampleBeta(r, 1, 1);
    for (let i = 0; i < 3; i++) {
      const box = randBoxMinmax(r, [0.2, 0.8], 40, 40);
      expect(boxOf(p.boxes!, i)).toEqual(box);
      expect(p.lam[i]).toBe(Math.fround(correctedLam(box, 40, 40)));
    }
    expect([...p.index]).toEqual([2, 0, 1]);
  });

  it('correctLam: false keeps the drawn λ for the labels', () => {
    const o = opts({ op: 'cutmix', alpha: 1, correctLam: false });
    const p = sampleParams(new Rng(21), o, 2, 10, 10);
    const r = new Rng(21);
    r.uniform();
    expect(p.lam[0]).toBe(Math.fround(sampleBeta(r, 1, 1)));
  });
});
