/**
 * The js reference backend (the oracle) against hand-computed expectations: Mixup, CutMix and
 * ResizeMix kernels, every dtype, both layouts, in place and out of place, edge sizes.
 */
import { describe, expect, it } from 'vitest';
import type { Geometry, KernelBackend } from '../src/backends/backend.js';
import { createJsBackend } from '../src/backends/js/index.js';
import { BatchMixError } from '../src/errors.js';
import { geometry } from '../src/geometry.js';
import { resizeTapsFor } from '../src/plan/taps.js';
import type { Interpolation, Layout, PixelData } from '../src/types.js';

const js: KernelBackend = createJsBackend();
const I32 = (...v: number[]) => Int32Array.from(v);
const F32 = (...v: number[]) => Float32Array.from(v);
const MODES: readonly Interpolation[] = ['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area'];

function geom(data: PixelData, n: number, c: number, h: number, w: number, layout: Layout = 'NCHW'): Geometry {
  return geometry(layout === 'NCHW' ? [n, c, h, w] : [n, h, w, c], layout, data instanceof Float32Array ? 'float32' : 'uint8');
}

function resizePaste(src: PixelData, dst: PixelData, g: Geometry, index: Int32Array, boxes: Int32Array, mode: Interpolation): void {
  js.resizePaste({ src, dst, geom: g, index, boxes, ...resizeTapsFor(boxes, g.n, g.h, g.w, mode) });
}

/** NCHW ↔ NHWC of n·c·h·w values (toNHWC: NCHW in; back = true: NHWC in, NCHW out). */
function transpose(d: Float32Array, n: number, c: number, h: number, w: number, back = false): Float32Array {
  const out = new Float32Array(d.length);
  for (let i = 0; i < n; i++) for (let ch = 0; ch < c; ch++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const nchw = ((i * c + ch) * h + y) * w + x, nhwc = ((i * h + y) * w + x) * c + ch;
    if (back) out[nchw] = d[nhwc]; else out[nhwc] = d[nchw];
  }
  return out;
}

function randomFloats(len: number, seed: number): Float32Array {
  let s = seed;
  return Float32Array.from({ length: len }, () => { s = (Math.imul(s, 1103515245) + 12345) >>> 0; return (s / 2 ** 32) * 6 - 3; });
}

describe('blend (Mixup)', () => {
  it('λ·own + (1 − λ)·partner per sample', () => {
    const src = F32(1, 2, 10, 20), dst = new Float32Array(4);
    js.blend({ src, dst, geom: geom(src, 2, 1, 1, 2), index: I32(1, 0), lam: F32(0.25, 0.5) });
    expect([...dst]).toEqual([7.75, 15.5, 5.5, 11]);
  });

  it('is float32 arithmetic: every product and the sum rounded to float32', () => {
    const src = F32(1 / 3, 7.1, 1e-3, 123.456), dst = new Float32Array(4);
    const lam = F32(0.1, 0.7);
    js.blend({ src, dst, geom: geom(src, 2, 1, 1, 2), index: I32(1, 0), lam });
    const r = new Float32Array(3); // each step stored through a Float32Array
    for (let e = 0; e < 4; e++) {
      const i = e >> 1, partner = (1 - i) * 2 + (e & 1);
      r[0] = 1 - lam[i]; r[1] = lam[i] * src[e]; r[2] = r[0] * src[partner];
      expect(dst[e], `element ${e}`).toBe(Float32Array.of(r[1] + r[2])[0]);
    }
  });

  it('N = 1 and λ = 1 or 0 give the sample or its partner exactly; 1×1 images', () => {
    const src = F32(0.3, -1.7, 2.9), dst = new Float32Array(3);
    js.blend({ src, dst, geom: geom(src, 1, 3, 1, 1), index: I32(0), lam: F32(0.37) });
    expect(Array.from(dst, (v, e) => Math.abs(v - src[e]) <= 1e-6)).toEqual([true, true, true]);
    const two = F32(4, 5), out = new Float32Array(2);
    js.blend({ src: two, dst: out, geom: geom(two, 2, 1, 1, 1), index: I32(1, 0), lam: F32(1, 0) });
    expect([...out]).toEqual([4, 4]);
  });

  it('uint8: clamp(⌊v + 0.5⌋, 0, 255), half rounds up (Uint8ClampedArray too, not half-to-even)', () => {
    for (const Ctor of [Uint8Array, Uint8ClampedArray]) {
      const src = Ctor.from([0, 2, 254, 2, 1, 3, 255, 1]), dst = new Ctor(8);
      js.blend({ src, dst, geom: geom(src, 2, 1, 1, 4), index: I32(1, 0), lam: F32(0.5, 0.75) });
      // 0.5·a + 0.5·b: 0.5, 2.5, 254.5, 1.5; 0.75·a + 0.25·b: 0.75, 2.75, 254.75, 1.25
      expect([...dst], Ctor.name).toEqual([1, 3, 255, 2, 1, 3, 255, 1]);
    }
  });
});

describe('paste (CutMix)', () => {
  it('copies the partner box, keeps the rest; border and empty boxes', () => {
    const src = F32(0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 24, 25), dst = new Float32Array(18).fill(NaN);
    js.paste({ src, dst, geom: geom(src, 3, 1, 2, 3), index: I32(1, 2, 0), boxes: I32(0, 1, 1, 3, 1, 2, 0, 1, 1, 1, 0, 3) });
    expect([...dst]).toEqual([0, 11, 12, 3, 4, 5, 10, 11, 12, 23, 14, 15, 20, 21, 22, 23, 24, 25]);
  });

  it('a full box on 1×1 images takes the partner; uint8 is copied exactly', () => {
    const src = Uint8Array.from([7, 8, 200, 201, 0, 255]), dst = new Uint8Array(6);
    js.paste({ src, dst, geom: geom(src, 3, 2, 1, 1), index: I32(2, 0, 1), boxes: I32(0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1) });
    expect([...dst]).toEqual([0, 255, 7, 8, 0, 255]);
  });
});

describe('resizePaste (ResizeMix)', () => {
  const ramp = Float32Array.from({ length: 16 }, (_, e) => e); // one 4×4 image, v(y, x) = 4y + x

  it('bilinear 4×4 → 2×2 averages 2×2 blocks (x = 2·(o + 0.5) − 0.5)', () => {
    const src = F32(...new Float32Array(16).fill(-1), ...ramp), dst = new Float32Array(32);
    resizePaste(src, dst, geom(src, 2, 1, 4, 4), I32(1, 1), I32(1, 3, 1, 3, 0, 0, 0, 0), 'bilinear');
    expect([...dst.subarray(0, 16)]).toEqual([-1, -1, -1, -1, -1, 2.5, 4.5, -1, -1, 10.5, 12.5, -1, -1, -1, -1, -1]);
    expect([...dst.subarray(16)]).toEqual([...ramp]); // empty box: the sample itself
  });

  it('area 4×4 → 3×2 (windows [0,2) [1,3) [2,4) × [0,2) [2,4)); nearest-exact picks rows 0 2 3, cols 1 3', () => {
    const dst = new Float32Array(16);
    resizePaste(ramp, dst, geom(ramp, 1, 1, 4, 4), I32(0), I32(1, 4, 0, 2), 'area');
    expect([...dst]).toEqual([0, 1, 2, 3, 2.5, 4.5, 6, 7, 6.5, 8.5, 10, 11, 10.5, 12.5, 14, 15]);
    resizePaste(ramp, dst, geom(ramp, 1, 1, 4, 4), I32(0), I32(0, 3, 2, 4), 'nearest-exact');
    expect([...dst]).toEqual([0, 1, 1, 3, 4, 5, 9, 11, 8, 9, 13, 15, 12, 13, 14, 15]);
  });

  it('a full-size box pastes the partner exactly in every mode (identity taps), also 1×1 images', () => {
    for (const [n, c, h, w] of [[3, 2, 5, 7], [2, 3, 1, 1]]) {
      const src = randomFloats(n * c * h * w, 5), g = geom(src, n, c, h, w);
      const boxes = Int32Array.from({ length: 4 * n }, (_, k) => [0, h, 0, w][k % 4]);
      const want = new Float32Array(src.length);
      js.paste({ src, dst: want, geom: g, index: I32(...[2, 0, 1].slice(0, n).map((v) => v % n)), boxes });
      for (const mode of MODES) {
        const dst = new Float32Array(src.length);
        resizePaste(src, dst, g, I32(...[2, 0, 1].slice(0, n).map((v) => v % n)), boxes, mode);
        expect([...dst], `${mode} ${n}x${c}x${h}x${w}`).toEqual([...want]);
      }
    }
  });

  it('uint8: area means round half up; bicubic overshoot is clamped to [0, 255]', () => {
    const src = Uint8Array.from([0, 1, 1, 0, 1, 2, 2, 2, 0, 0, 0, 1]), dst = new Uint8Array(12);
    resizePaste(src, dst, geom(src, 3, 1, 2, 2), I32(0, 1, 2), I32(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1), 'area');
    expect([...dst]).toEqual([1, 1, 1, 0, 2, 2, 2, 2, 0, 0, 0, 1]); // means 0.5, 1.75, 0.25
    const step = Uint8Array.from({ length: 64 }, (_, e) => (e % 8 < 5 ? 0 : 255)); // 8×8, dark | bright
    const f = Float32Array.from(step), outF = new Float32Array(64), outU = new Uint8Array(64);
    resizePaste(f, outF, geom(f, 1, 1, 8, 8), I32(0), I32(0, 8, 1, 6), 'bicubic');
    resizePaste(step, outU, geom(step, 1, 1, 8, 8), I32(0), I32(0, 8, 1, 6), 'bicubic');
    expect(Math.min(...outF)).toBeLessThan(0);
    expect(Math.max(...outF)).toBeGreaterThan(255);
    expect([...outU]).toEqual(Array.from(outF, (v) => Math.min(Math.max(Math.floor(v + 0.5), 0), 255)));
  });
});

describe('every op: layouts, in place, input untouched', () => {
  const [n, c, h, w] = [4, 3, 6, 9];
  const src = randomFloats(n * c * h * w, 11);
  // A 3-cycle and a fixed point; then partners already overwritten when read in place (i reads i − 1).
  const indices = [I32(1, 2, 0, 3), I32(3, 0, 1, 2)];
  const boxes = I32(1, 5, 2, 8, 0, 6, 0, 4, 3, 3, 0, 9, 2, 6, 5, 9); // overlapping, border, empty
  const lam = F32(0.3, 0.9, 0.5, 0.05);
  const run = (op: string, s: PixelData, d: PixelData, layout: Layout, index: Int32Array): void => {
    const g = geom(s, n, c, h, w, layout);
    if (op === 'blend') js.blend({ src: s, dst: d, geom: g, index, lam });
    else if (op === 'paste') js.paste({ src: s, dst: d, geom: g, index, boxes });
    else resizePaste(s, d, g, index, boxes, op as Interpolation);
  };

  for (const op of ['blend', 'paste', ...MODES]) for (const index of indices) {
    it(`${op}, index [${index.join(', ')}]`, () => {
      const ref = new Float32Array(src.length);
      const before = src.slice();
      run(op, src, ref, 'NCHW', index);
      expect([...src], 'src untouched out of place').toEqual([...before]);
      expect([...ref].some((v, e) => v !== src[e]), 'something changed').toBe(true);
      const nhwc = transpose(src, n, c, h, w), outNhwc = new Float32Array(src.length);
      run(op, nhwc, outNhwc, 'NHWC', index);
      expect([...transpose(outNhwc, n, c, h, w, true)], 'NHWC = NCHW after transposition').toEqual([...ref]);
      const inPlace = src.slice();
      run(op, inPlace, inPlace, 'NCHW', index);
      expect([...inPlace], 'in place = out of place').toEqual([...ref]);
      for (const Ctor of [Uint8Array, Uint8ClampedArray]) {
        const u8 = Ctor.from(Array.from(src, (v) => Math.round((v + 3) * 42))), u8Ref = new Ctor(u8.length), u8In = u8.slice();
        run(op, u8, u8Ref, 'NCHW', index);
        run(op, u8In, u8In, 'NCHW', index);
        expect([...u8In], `${Ctor.name} in place`).toEqual([...u8Ref]);
      }
    });
  }
});

describe('lifecycle', () => {
  it('dispose twice is a no-op; calls after dispose throw DISPOSED', () => {
    const b = createJsBackend();
    expect(b.name).toBe('js');
    b.dispose();
    b.dispose();
    const src = F32(1);
    try {
      b.blend({ src, dst: src, geom: geom(src, 1, 1, 1, 1), index: I32(0), lam: F32(1) });
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(BatchMixError);
      expect((e as BatchMixError).code).toBe('DISPOSED');
    }
  });
});
