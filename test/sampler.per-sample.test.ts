/**
 * perSample (SPEC §3, op 'mixed'): op frequencies per sample and per cycle (chi-square), the draw
 * order of src/plan/sample.ts replayed by hand, the pair rule, the per-op consistency of λ and
 * boxes, the JSON round trip, and the options that are rejected.
 */
import { describe, expect, it } from 'vitest';
import { BatchMixError } from '../src/errors.js';
import { normalizeOptions, type NormalizedAugment } from '../src/options.js';
import { paramsFromJSON, paramsToJSON } from '../src/params.js';
import { sampleBeta } from '../src/plan/beta.js';
import { correctedLam, randBox, randBoxInside, randBoxMinmax } from '../src/plan/boxes.js';
import { chooseAugment } from '../src/plan/choose.js';
import { samplePartners } from '../src/plan/partners.js';
import { Rng } from '../src/plan/rng.js';
import { ownersOf, sampleParams } from '../src/plan/sample.js';
import type { AugmentOptions, BatchMixOptions, MixParams, Op } from '../src/types.js';
import { checkParams } from '../src/validate.js';
import { CHI2_CRIT_001, chiSquare } from './sampler.stats.js';

const opts = (aug: AugmentOptions | AugmentOptions[], more: Partial<BatchMixOptions> = {}) =>
  normalizeOptions({ numClasses: 10, augments: aug, perSample: true, mode: 'elem', ...more });
const boxOf = (b: Int32Array, i: number): number[] => [...b.subarray(4 * i, 4 * i + 4)];
const THREE: AugmentOptions[] = [
  { op: 'mixup', alpha: 0.8, prob: 0.3 }, { op: 'cutmix', alpha: 1, prob: 0.4 }, { op: 'resizemix', alpha: 1, prob: 0.2 },
];

function expectConsistent(p: MixParams, h: number, w: number, corrected: readonly Op[] = ['cutmix', 'resizemix']): void {
  const n = p.index.length;
  expect(p.op).toBe('mixed');
  expect(p.ops).toHaveLength(n);
  expect(p.boxes).toHaveLength(4 * n);
  for (let i = 0; i < n; i++) {
    const [y0, y1, x0, x1] = boxOf(p.boxes!, i);
    if (p.ops![i] === 'identity') {
      expect(p.lam[i]).toBe(1);
      expect([y0, y1, x0, x1]).toEqual([0, 0, 0, 0]);
    } else if (p.ops![i] === 'mixup') expect([y0, y1, x0, x1]).toEqual([0, 0, 0, 0]);
    else if (corrected.includes(p.ops![i])) expect(p.lam[i]).toBe(Math.fround(correctedLam([y0, y1, x0, x1], h, w)));
  }
  expect(p.interpolation !== undefined).toBe(p.ops!.includes('resizemix'));
  // What the sampler makes passes the API's own checks.
  expect(checkParams('test', p, n, h, w)).toEqual(p);
}

describe('perSample: op frequencies (chi-square at level 0.001)', () => {
  it("'elem': each sample draws its op with the augments' probs, leftover identity, in every position", () => {
    const o = opts(THREE);
    const r = new Rng(11);
    const n = 8, draws = 4000;
    const names: Op[] = ['mixup', 'cutmix', 'resizemix', 'identity'];
    const total = new Map<Op, number>(names.map((k) => [k, 0]));
    const perPos = Array.from({ length: n }, () => new Map<Op, number>(names.map((k) => [k, 0])));
    let mixedBatches = 0;
    for (let t = 0; t < draws; t++) {
      const p = sampleParams(r, o, n, 16, 16);
      p.ops!.forEach((op, i) => { total.set(op, total.get(op)! + 1); perPos[i].set(op, perPos[i].get(op)! + 1); });
      if (new Set(p.ops).size > 1) mixedBatches++;
    }
    const probs = [0.3, 0.4, 0.2, 0.1];
    const x2 = chiSquare(names.map((k) => total.get(k)!), probs.map((q) => q * n * draws));
    expect(x2).toBeLessThan(CHI2_CRIT_001[3]);
    for (const m of perPos) expect(chiSquare(names.map((k) => m.get(k)!), probs.map((q) => q * draws))).toBeLessThan(CHI2_CRIT_001[3]);
    // Independent choices: a batch of 8 is almost never one op (P ≈ 0.3^8 + … < 0.001).
    expect(mixedBatches).toBeGreaterThan(draws * 0.99);
  });

  it("'pair': each cycle of the partners draws one op with the probs (counted per cycle)", () => {
    for (const partner of ['mirror', 'permutation'] as const) {
      const o = opts([{ op: 'mixup', alpha: 1, prob: 0.5 }, { op: 'cutmix', alpha: 1, prob: 0.3 }], { mode: 'pair', partner });
      const r = new Rng(5);
      const counts = { mixup: 0, cutmix: 0, identity: 0, resizemix: 0 };
      for (let t = 0; t < 3000; t++) {
        const p = sampleParams(r, o, 6, 12, 12);
        const owner = ownersOf('pair', p.index);
        owner.forEach((ow, i) => { if (ow === i) counts[p.ops![i]]++; });
      }
      const cycles = counts.mixup + counts.cutmix + counts.identity;
      expect(counts.resizemix).toBe(0);
      expect(chiSquare([counts.mixup, counts.cutmix, counts.identity], [0.5, 0.3, 0.2].map((q) => q * cycles))).toBeLessThan(CHI2_CRIT_001[2]);
    }
  });
});

/** The documented perSample draw order (src/plan/sample.ts), replayed with the plan's building blocks. */
function replay(seed: number, augments: readonly NormalizedAugment[], mode: 'elem' | 'pair', partner: 'permutation' | 'mirror',
  n: number, h: number, w: number): MixParams {
  const r = new Rng(seed);
  const chosen = Array.from({ length: n }, () => chooseAugment(r, augments));          // 1. N op uniforms
  const raw = chosen.map((a) => (a ? sampleBeta(r, a.alpha, a.alpha) * (a.lamMax - a.lamMin) + a.lamMin : 1)); // 2. λ, non-identity only
  const index = samplePartners(r, partner, n);                                         // 3. partners
  const owner = ownersOf(mode, index);
  const boxes = new Int32Array(4 * n);
  const lam = new Float32Array(n);
  const ops: Op[] = [];
  for (let i = 0; i < n; i++) {                                                        // 4. boxes of the owners, ascending
    const a = chosen[owner[i]];
    ops.push(a ? a.op : 'identity');
    if (owner[i] !== i) {
      boxes.set(boxes.subarray(4 * owner[i], 4 * owner[i] + 4), 4 * i);
      lam[i] = lam[owner[i]];
      continue;
    }
    if (!a || a.op === 'mixup') { lam[i] = raw[i]; continue; }
    const box = a.minmax ? randBoxMinmax(r, a.minmax, h, w) : a.placement === 'inside' ? randBoxInside(r, raw[i], h, w) : randBox(r, raw[i], h, w);
    boxes.set(box, 4 * i);
    lam[i] = a.correctLam || a.minmax ? correctedLam(box, h, w) : raw[i];
  }
  const p: MixParams = { op: 'mixed', ops, index, lam, boxes };
  if (ops.includes('resizemix')) p.interpolation = augments.find((a) => a.op === 'resizemix')!.interpolation;
  return p;
}

describe('perSample: the documented draw order, replayed by hand', () => {
  const cases: [string, AugmentOptions[], 'elem' | 'pair', 'permutation' | 'mirror'][] = [
    ['elem, three ops', THREE, 'elem', 'permutation'],
    ['pair, mirror', THREE, 'pair', 'mirror'],
    ['pair, permutation', THREE, 'pair', 'permutation'],
    ['elem, minmax and inside', [{ op: 'cutmix', alpha: 1, prob: 0.4, minmax: [0.2, 0.6] },
      { op: 'resizemix', alpha: 2, prob: 0.4, placement: 'inside', interpolation: 'nearest', correctLam: false }], 'elem', 'permutation'],
  ];
  for (const [name, augs, mode, partner] of cases) {
    it(name, () => {
      const o = opts(augs, { mode, partner });
      for (const seed of [0, 1, 2, 3, 99]) {
        const got = sampleParams(new Rng(seed), o, 9, 20, 28);
        expect(got).toEqual(replay(seed, o.augments, mode, partner, 9, 20, 28));
        expectConsistent(got, 20, 28, augs.some((a) => a.correctLam === false) ? ['cutmix'] : undefined);
      }
    });
  }

  it('the op and λ draws come before the partners, whatever the partners are', () => {
    // The same seed with 'permutation' and 'mirror' gives the same ops and raw λ in 'elem' mode.
    const a = sampleParams(new Rng(4), opts({ op: 'mixup', alpha: 1, prob: 0.7 }, { partner: 'permutation' }), 10, 8, 8);
    const b = sampleParams(new Rng(4), opts({ op: 'mixup', alpha: 1, prob: 0.7 }, { partner: 'mirror' }), 10, 8, 8);
    expect(a.ops).toEqual(b.ops);
    expect(a.lam).toEqual(b.lam);
  });

  it('leaves the one-op-per-batch stream as it was (perSample off)', () => {
    const o = normalizeOptions({ numClasses: 10, augments: THREE, mode: 'elem' });
    const p = sampleParams(new Rng(3), o, 5, 16, 16);
    expect(p.op).not.toBe('mixed');
    expect(p.ops).toBeUndefined();
  });
});

describe('perSample: the pair rule and consistency', () => {
  it("'pair': every member of a cycle shares op, λ and box, for every partner kind", () => {
    for (const partner of ['permutation', 'mirror', 'roll', 'derangement'] as const) {
      const o = opts(THREE, { mode: 'pair', partner });
      const r = new Rng(8);
      for (let t = 0; t < 50; t++) {
        const p = sampleParams(r, o, 7, 18, 14);
        expectConsistent(p, 18, 14);
        for (let i = 0; i < 7; i++) {
          const j = p.index[i];
          expect(p.ops![j]).toBe(p.ops![i]);
          expect(p.lam[j]).toBe(p.lam[i]);
          expect(boxOf(p.boxes!, j)).toEqual(boxOf(p.boxes!, i));
        }
      }
    }
  });

  it("'elem': λ, boxes and interpolation agree with each sample's op", () => {
    const o = opts(THREE.map((a) => (a.op === 'resizemix' ? { ...a, interpolation: 'bicubic' as const } : a)));
    const r = new Rng(21);
    let resized = 0;
    for (let t = 0; t < 100; t++) {
      const p = sampleParams(r, o, 6, 24, 17);
      expectConsistent(p, 24, 17);
      if (p.interpolation) { expect(p.interpolation).toBe('bicubic'); resized++; }
    }
    expect(resized).toBeGreaterThan(50);
  });

  it('an all-identity draw is still op mixed (probs 0)', () => {
    const p = sampleParams(new Rng(1), opts({ op: 'cutmix', alpha: 1, prob: 0 }), 4, 8, 8);
    expect(p.ops).toEqual(['identity', 'identity', 'identity', 'identity']);
    expect(Array.from(p.lam)).toEqual([1, 1, 1, 1]);
  });
});

describe('perSample: replay from JSON', () => {
  it('params go through JSON text and back unchanged', () => {
    const o = opts(THREE, { mode: 'pair' });
    const r = new Rng(6);
    for (let t = 0; t < 20; t++) {
      const p = sampleParams(r, o, 5, 16, 16);
      const back = paramsFromJSON(JSON.stringify(paramsToJSON(p)));
      expect(back).toEqual(p);
      expect(back.lam).toBeInstanceOf(Float32Array);
    }
  });

  const ok = { op: 'mixed', ops: ['mixup', 'cutmix'], index: [1, 0], lam: [0.5, 0.75], boxes: [0, 0, 0, 0, 0, 2, 0, 2] };
  const bad: [string, unknown, RegExp][] = [
    ['ops missing', { ...ok, ops: undefined }, /\(mixed\): ops are required/],
    ['ops on cutmix', { ...ok, op: 'cutmix' }, /\(cutmix\): ops are only for op 'mixed'/],
    ['ops of the wrong length', { ...ok, ops: ['mixup'] }, /ops must be a list of N = 2 ops/],
    ['an unknown op', { ...ok, ops: ['mixup', 'fmix'] }, /ops\[1\] must be one of mixup, cutmix, resizemix, identity, got "fmix"/],
    ["'mixed' inside ops", { ...ok, ops: ['mixed', 'cutmix'] }, /ops\[0\] must be one of/],
    ['boxes missing', { ...ok, boxes: undefined }, /\(mixed\): boxes are required/],
  ];
  for (const [name, j, pattern] of bad) {
    it(`rejects ${name} (BAD_PARAMS)`, () => {
      const json = JSON.parse(JSON.stringify(j));
      expect(() => paramsFromJSON(json)).toThrow(BatchMixError);
      try { paramsFromJSON(json); } catch (e) {
        expect((e as BatchMixError).code).toBe('BAD_PARAMS');
        expect((e as BatchMixError).message).toMatch(pattern);
      }
    });
  }
});

describe('perSample and placement: options', () => {
  const rejects = (o: unknown, pattern: RegExp): void => {
    let err: unknown;
    try { normalizeOptions(o); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(BatchMixError);
    expect((err as BatchMixError).code).toBe('BAD_OPTIONS');
    expect((err as BatchMixError).message).toMatch(pattern);
  };
  it("rejects perSample with mode 'batch' (the default), naming the fix", () => {
    rejects({ numClasses: 3, augments: THREE, perSample: true }, /perSample: true needs mode 'elem' or 'pair'.*got mode 'batch'/);
    rejects({ numClasses: 3, augments: THREE, perSample: true, mode: 'batch' }, /set mode: 'elem' or 'pair'/);
  });
  it('rejects a perSample that is not a boolean, and resizemix augments that disagree on interpolation', () => {
    rejects({ numClasses: 3, augments: THREE, perSample: 1, mode: 'elem' }, /perSample must be a boolean, got 1/);
    rejects({ numClasses: 3, mode: 'elem', perSample: true, augments: [{ op: 'resizemix', alpha: 1, prob: 0.5 },
      { op: 'resizemix', alpha: 1, prob: 0.5, interpolation: 'nearest' }] }, /share one interpolation.*bilinear, nearest/);
  });
  it('rejects an unknown placement, and placement on mixup', () => {
    rejects({ numClasses: 3, augments: { op: 'cutmix', alpha: 1, placement: 'center' } }, /placement must be one of 'clip', 'inside', got "center"/);
    rejects({ numClasses: 3, augments: { op: 'mixup', alpha: 1, placement: 'inside' } }, /unknown option "placement"/);
  });
  it("defaults: perSample false, placement 'clip'; perSample false is allowed in 'batch' mode", () => {
    const o = normalizeOptions({ numClasses: 3, augments: { op: 'cutmix', alpha: 1 }, perSample: false });
    expect(o.perSample).toBe(false);
    expect(o.augments[0].placement).toBe('clip');
  });
});
