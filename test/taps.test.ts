/**
 * Resize taps against PyTorch 1.13 `F.interpolate` fixtures (scripts/gen_fixtures.py): the taps are
 * applied by a tiny separable reference, in float64 and in float32 (the js backend's order), and
 * compared within SPEC §6 (abs diff ≤ 2e-5·(1 + |ref|)); nearest and nearest-exact exactly.
 */
import { describe, expect, it } from 'vitest';
import type { AxisTaps } from '../src/backends/backend.js';
import { BatchMixError } from '../src/errors.js';
import { axisTaps, resizeTapsFor } from '../src/plan/taps.js';
import type { Interpolation } from '../src/types.js';
import { MODES, nearestIndexFixtures, resizeFixtures, sweepFixtures, weightsFixtures } from './helpers/fixtures.js';

const f32 = Math.fround;
const id = (v: number) => v;

/** out[c][oy][ox] = Σ_a wy·(Σ_b wx·in[c][iy][ix]), rows outer, columns inner; `r` rounds every step. */
function applyTaps(input: Float32Array, c: number, h: number, w: number, ty: AxisTaps, tx: AxisTaps, r: (v: number) => number): Float64Array {
  const out = new Float64Array(c * ty.outSize * tx.outSize);
  for (let ch = 0; ch < c; ch++) {
    for (let oy = 0; oy < ty.outSize; oy++) {
      for (let ox = 0; ox < tx.outSize; ox++) {
        let acc = 0;
        for (let a = 0; a < ty.k; a++) {
          let t = 0;
          for (let b = 0; b < tx.k; b++) {
            const v = input[ch * h * w + ty.idx[oy * ty.k + a] * w + tx.idx[ox * tx.k + b]];
            t = r(t + r(tx.wt[ox * tx.k + b] * v));
          }
          acc = r(acc + r(ty.wt[oy * ty.k + a] * t));
        }
        out[(ch * ty.outSize + oy) * tx.outSize + ox] = acc;
      }
    }
  }
  return out;
}

/** Index of the first element outside the tolerance (exact for the nearest modes), or -1. */
function firstBad(got: Float64Array, ref: Float32Array, mode: Interpolation): number {
  expect(got.length).toBe(ref.length);
  const exact = mode === 'nearest' || mode === 'nearest-exact';
  return ref.findIndex((v, e) => !(Math.abs(got[e] - v) <= (exact ? 0 : 2e-5 * (1 + Math.abs(v)))));
}

describe('axisTaps vs F.interpolate (2-D cases)', () => {
  for (const fx of resizeFixtures()) {
    for (const mode of MODES) {
      it(`${fx.name}, ${mode}`, () => {
        const ty = axisTaps(fx.inH, fx.outH, mode);
        const tx = axisTaps(fx.inW, fx.outW, mode);
        for (const [what, r] of [['float64', id], ['float32', f32]] as const) {
          const got = applyTaps(fx.input, fx.c, fx.inH, fx.inW, ty, tx, r);
          const bad = firstBad(got, fx.outputs[mode], mode);
          expect(bad, `${what}: element ${bad}: got ${got[bad]}, torch ${fx.outputs[mode][bad]}`).toBe(-1);
        }
      });
    }
  }
});

describe('axisTaps vs F.interpolate (every in → out in 1..16)', () => {
  const sweep = sweepFixtures();
  for (const mode of MODES) {
    it(mode, () => {
      expect(sweep.length).toBe(256);
      const one = axisTaps(1, 1, mode);
      for (const s of sweep) {
        const got = applyTaps(s.input, 1, s.inSize, 1, axisTaps(s.inSize, s.outSize, mode), one, f32);
        const bad = firstBad(got, s.outputs[mode], mode);
        expect(bad, `${s.inSize} → ${s.outSize}: output ${bad}: got ${got[bad]}, torch ${s.outputs[mode][bad]}`).toBe(-1);
      }
    });
  }
});

describe('nearest and nearest-exact indices equal torch', () => {
  const cases = nearestIndexFixtures();
  for (const mode of ['nearest', 'nearest-exact'] as const) {
    it(`${mode}: ${cases.length} size pairs`, () => {
      for (const c of cases) {
        const t = axisTaps(c.inSize, c.outSize, mode);
        expect([...t.idx], `${c.inSize} → ${c.outSize}`).toEqual(c[mode]);
        expect(t.wt.every((v) => v === 1)).toBe(true);
      }
    });
  }
  it('nearest-exact 224 → 3 rounds like torch (1.5·f(224/3) = 112 after float32 rounding)', () => {
    expect([...axisTaps(224, 3, 'nearest-exact').idx]).toEqual([37, 112, 186]);
  });
});

describe('bilinear, bicubic and area weights equal torch bit for bit (every in, out in 1..16)', () => {
  const cases = weightsFixtures();
  for (const mode of ['bilinear', 'bicubic', 'area'] as const) {
    it(mode, () => {
      expect(cases.length).toBe(256);
      for (const c of cases) {
        const t = axisTaps(c.inSize, c.outSize, mode);
        const dense = new Float32Array(c.inSize * c.outSize); // taps on one index add up in tap order, as torch's sum
        for (let o = 0; o < c.outSize; o++) {
          for (let j = 0; j < t.k; j++) dense[o * c.inSize + t.idx[o * t.k + j]] += t.wt[o * t.k + j];
        }
        const bad = dense.findIndex((v, e) => v !== c.dense[mode][e]);
        const o = Math.floor(bad / c.inSize), k = bad % c.inSize;
        expect(bad, `${c.inSize} → ${c.outSize}: output ${o}, input ${k}: ${dense[bad]} vs torch ${c.dense[mode][bad]}`).toBe(-1);
      }
    });
  }
});

describe('axisTaps structure', () => {
  it('k per mode, indices in range, weights sum to 1', () => {
    for (const mode of MODES) {
      for (const [n, m] of [[1, 1], [7, 3], [3, 7], [13, 17], [224, 3], [5, 5], [1, 9], [9, 1]]) {
        const t = axisTaps(n, m, mode);
        if (mode !== 'area') expect(t.k).toBe({ nearest: 1, 'nearest-exact': 1, bilinear: 2, bicubic: 4 }[mode]);
        expect(t.idx.length).toBe(m * t.k);
        expect(t.idx.every((i) => i >= 0 && i < n)).toBe(true);
        for (let o = 0; o < m; o++) {
          const sum = t.wt.subarray(o * t.k, (o + 1) * t.k).reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - 1), `${mode} ${n} → ${m}, output ${o}`).toBeLessThan(1e-6);
        }
      }
    }
  });

  it('area: overlapping integer windows, weight 1/count, padded with weight-0 taps', () => {
    const t = axisTaps(5, 3, 'area'); // windows [0,2), [1,4), [3,5)
    expect(t.k).toBe(3);
    expect([...t.idx]).toEqual([0, 1, 0, 1, 2, 3, 3, 4, 3]);
    expect([...t.wt]).toEqual([0.5, 0.5, 0, f32(1 / 3), f32(1 / 3), f32(1 / 3), 0.5, 0.5, 0]);
  });

  it('bilinear identity copies; bicubic identity weights are [0, 1, 0, 0]', () => {
    const b = axisTaps(6, 6, 'bilinear');
    expect([...b.idx]).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect([...b.wt]).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]);
    const c = axisTaps(6, 6, 'bicubic');
    expect([...c.wt.subarray(8, 12)]).toEqual([0, 1, 0, 0]);
    expect([...c.idx.subarray(0, 4)]).toEqual([0, 0, 1, 2]); // edge clamped
  });

  it('bicubic weights overshoot (negative lobes), bilinear clamps the source at 0', () => {
    const c = axisTaps(4, 7, 'bicubic');
    expect(c.wt.some((w) => w < 0)).toBe(true);
    const b = axisTaps(4, 8, 'bilinear'); // o = 0: x = 0.5·0.5 − 0.5 < 0 → 0
    expect([b.idx[0], b.idx[1], b.wt[0], b.wt[1]]).toEqual([0, 1, 1, 0]);
  });

  it('outSize 0 gives empty taps; bad sizes and modes throw BAD_PARAMS naming the argument', () => {
    expect(axisTaps(5, 0, 'bilinear').idx.length).toBe(0);
    const code = (fn: () => unknown) => { try { fn(); } catch (e) { return e instanceof BatchMixError ? `${e.code}: ${e.message}` : String(e); } return 'no error'; };
    expect(code(() => axisTaps(0, 3, 'area'))).toMatch(/^BAD_PARAMS: .*inSize.*got 0/);
    expect(code(() => axisTaps(4, 2.5, 'nearest'))).toMatch(/^BAD_PARAMS: .*outSize.*got 2\.5/);
    expect(code(() => axisTaps(4, 2, 'lanczos' as Interpolation))).toMatch(/^BAD_PARAMS: .*interpolation.*"lanczos"/);
  });
});

describe('resizeTapsFor', () => {
  it('one entry per distinct box size; empty boxes share an outSize-0 entry', () => {
    const boxes = Int32Array.from([0, 4, 0, 5, 2, 6, 3, 8, 1, 1, 0, 9, 0, 9, 3, 3, 1, 4, 2, 4]);
    const { taps, tapOf } = resizeTapsFor(boxes, 5, 9, 9, 'bicubic');
    expect([...tapOf]).toEqual([0, 0, 1, 1, 2]);
    expect(taps.length).toBe(3);
    expect([taps[0].y.outSize, taps[0].x.outSize, taps[0].y.inSize, taps[0].x.inSize]).toEqual([4, 5, 9, 9]);
    expect([taps[1].y.outSize, taps[1].x.outSize]).toEqual([0, 0]);
    expect([taps[2].y.outSize, taps[2].x.outSize]).toEqual([3, 2]);
    expect([...taps[2].y.wt]).toEqual([...axisTaps(9, 3, 'bicubic').wt]);
  });

  it('rejects boxes of the wrong length or outside the image', () => {
    expect(() => resizeTapsFor(new Int32Array(7), 2, 4, 4, 'area')).toThrow(/boxes must hold 4·N = 8/);
    expect(() => resizeTapsFor(Int32Array.from([0, 5, 0, 2]), 1, 4, 4, 'area')).toThrow(/box 0 must satisfy/);
    expect(() => resizeTapsFor(Int32Array.from([3, 2, 0, 2]), 1, 4, 4, 'area')).toThrow(BatchMixError);
  });
});
