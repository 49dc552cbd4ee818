/**
 * uint8 is integer arithmetic (SPEC §5, src/plan/quantize.ts), on every backend (js, wasm, webgl2
 * under Xvfb), through the public API:
 * - Mixup over all 65,536 (a, b) pairs for 72 λ values (0, 1, the smallest and largest non-trivial,
 *   both sides of many 14-bit rounding steps, and others): every backend bit-identical to the js
 *   oracle's integer formula, which is within 1 of the float32 path rounded half up.
 * - ResizeMix over the parity suite's sizes and the sample photos, every interpolation mode, several
 *   box scales and aspect ratios, both layouts: bit-identical across backends, within 1 of the
 *   float32 path rounded half up (clamped to [0, 255]).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchMix } from '../src/index.js';
import { mixU8, mixWeight, ONE } from '../src/plan/quantize.js';
import type { ImageBatch, Interpolation, Layout, MixParams } from '../src/types.js';
import { loadSample, SAMPLE_NAMES, toUint8Nhwc } from '../scripts/samples.js';
import { forEachBackend, mixer } from './helpers/backends.js';
import { lcg, randomBatch, randomIndex } from './helpers/data.js';

const MODES: readonly Interpolation[] = ['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area'];
const f32 = Math.fround;

/** float32 just below / above x. */
function nextDown(x: number): number {
  const a = new Float32Array([f32(x)]);
  const u = new Uint32Array(a.buffer);
  if (a[0] >= x) u[0] += a[0] > 0 ? -1 : 1;
  return a[0];
}
function nextUp(x: number): number {
  const a = new Float32Array([f32(x)]);
  const u = new Uint32Array(a.buffer);
  if (a[0] <= x) u[0] += a[0] >= 0 ? 1 : -1;
  return a[0];
}

/** 72 λ values: the ends, the smallest and largest non-trivial, both sides of 14-bit steps, others. */
function lambdas(): Float32Array {
  const out: number[] = [0, 1, 2 ** -15, nextDown(2 ** -15), (ONE - 1) / ONE, nextDown((ONE - 0.5) / ONE), 0.5, 0.3, 0.1, 0.7];
  for (const w of [1, 2, 3, 7, 100, 1000, 4095, 4096, 8191, 8192, 8193, 12287, 12288, 16000, 16382, 16383]) {
    const tie = (w + 0.5) / ONE; // the step from w to w + 1
    out.push(nextDown(tie), f32(tie), nextUp(tie));
  }
  const rnd = lcg(99);
  while (out.length < 72) out.push(f32(rnd()));
  return Float32Array.from(out);
}

/** |got − round(v)| ≤ 1 against the float32 path v, rounded half up and clamped; returns the first bad index or −1. */
function firstFar(got: ArrayLike<number>, float: Float32Array): number {
  for (let e = 0; e < float.length; e++) {
    const r = Math.min(Math.max(Math.floor(float[e] + 0.5), 0), 255);
    if (!(Math.abs(got[e] - r) <= 1)) return e;
  }
  return -1;
}

function firstDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let e = 0; e < a.length; e++) if (a[e] !== b[e]) return e;
  return a.length === b.length ? -1 : a.length;
}

function asFloat(b: ImageBatch): ImageBatch {
  return { data: Float32Array.from(b.data), shape: b.shape, layout: b.layout };
}

let oracle: BatchMix;
beforeAll(async () => { oracle = await mixer('js'); });
afterAll(() => oracle?.dispose());

describe('uint8 Mixup: every (a, b) pair, 72 λ', () => {
  const lam = lambdas();
  const n = lam.length;
  // Sample j is A (a = e mod 256) for even j, B (b = ⌊e / 256⌋) for odd j; its partner is j xor 1.
  const data = new Uint8Array(n * 65536);
  for (let j = 0; j < n; j++) for (let e = 0; e < 65536; e++) data[j * 65536 + e] = j % 2 === 0 ? e & 255 : e >> 8;
  const batch: ImageBatch = { data, shape: [n, 256, 256, 1], layout: 'NHWC' };
  const params: MixParams = { op: 'mixup', index: Int32Array.from({ length: n }, (_, j) => j ^ 1), lam };
  const labels = new Int32Array(n);

  it('has ≥ 64 λ, among them 0, 1 and the smallest and largest non-trivial weights', () => {
    const w = Array.from(lam, mixWeight);
    expect(new Set(lam).size).toBeGreaterThanOrEqual(64);
    for (const want of [0, 1, ONE - 1, ONE]) expect(w).toContain(want);
  });

  it('the js oracle is the formula, and within 1 of the float32 path rounded half up', async () => {
    const got = (await oracle.apply(batch, labels, params)).images.data;
    const float = (await oracle.apply(asFloat(batch), labels, params)).images.data as Float32Array;
    for (let j = 0; j < n; j++) {
      const w = mixWeight(lam[j]);
      for (let e = 0; e < 65536; e++) {
        const k = j * 65536 + e;
        if (got[k] !== mixU8(data[k], data[(j ^ 1) * 65536 + e], w)) expect.fail(`λ = ${lam[j]}, element ${e}: ${got[k]}`);
      }
    }
    const far = firstFar(got, float);
    expect(far, `element ${far}: ${got[far]} vs float32 ${float[far]}`).toBe(-1);
    // w = round(λ·2^14) really moves results: λ = 0.49999997 gives 1 for (1, 0), the float path 0.
    expect(mixU8(1, 0, mixWeight(0.49999997))).toBe(1);
  });

  forEachBackend((backend) => {
    let mix: BatchMix;
    beforeAll(async () => { mix = await mixer(backend); });
    afterAll(() => mix?.dispose());

    it('is bit-identical to the js oracle, out of place and in place', async () => {
      const want = (await oracle.apply(batch, labels, params)).images.data;
      const got = (await mix.apply(batch, labels, params)).images.data;
      const d = firstDiff(got, want);
      expect(d, `${backend} element ${d} (λ = ${lam[Math.floor(d / 65536)]}): ${got[d]}, oracle ${want[d]}`).toBe(-1);
      const inPlace: ImageBatch = { ...batch, data: data.slice() };
      await mix.apply(inPlace, labels, params, { inPlace: true });
      expect(firstDiff(inPlace.data, want), `${backend} in place`).toBe(-1);
    });
  });
});

interface ResizeInput {
  readonly name: string;
  readonly batch: ImageBatch;
}

/** The parity suite's sizes (random data, both layouts) and the eight 96×96 sample photos (NHWC RGB, and as NCHW). */
function resizeInputs(): ResizeInput[] {
  const out: ResizeInput[] = [];
  const sizes: [number, number, number, number][] = [[1, 1, 1, 1], [1, 3, 5, 7], [3, 4, 9, 17], [5, 3, 13, 6], [4, 5, 8, 33], [2, 2, 23, 19]];
  for (const [si, [n, c, h, w]] of sizes.entries()) {
    for (const layout of ['NCHW', 'NHWC'] as Layout[]) out.push({ name: `random ${n}x${c}x${h}x${w} ${layout}`, batch: randomBatch(n, c, h, w, layout, 'uint8', si + 1) });
  }
  const photos = toUint8Nhwc(SAMPLE_NAMES.map((s) => loadSample(s)));
  out.push({ name: 'samples NHWC', batch: photos });
  const [n, h, w, c] = photos.shape;
  const nchw = new Uint8Array(photos.data.length);
  for (let i = 0; i < n; i++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let k = 0; k < c; k++) {
    nchw[((i * c + k) * h + y) * w + x] = photos.data[((i * h + y) * w + x) * c + k];
  }
  out.push({ name: 'samples NCHW', batch: { data: nchw, shape: [n, c, h, w], layout: 'NCHW' } });
  return out;
}

/** Boxes of sample i at scale s_i (of each side, cycling over SCALES, aspect changes on odd i), placed by the seed. */
const SCALES = [0.25, 0.5, 0.63, 0.75, 0.9, 1] as const;
function boxesFor(n: number, h: number, w: number, seed: number): Int32Array {
  const rnd = lcg(seed);
  const out = new Int32Array(4 * n);
  for (let i = 0; i < n; i++) {
    const s = SCALES[(i + seed) % SCALES.length];
    const bh = Math.max(1, Math.round(s * h)), bw = Math.max(1, Math.round((i % 2 ? SCALES[(i + seed + 2) % SCALES.length] : s) * w));
    const y0 = Math.floor(rnd() * (h - bh + 1)), x0 = Math.floor(rnd() * (w - bw + 1));
    out.set([y0, y0 + bh, x0, x0 + bw], 4 * i);
  }
  return out;
}

describe('uint8 ResizeMix: parity sizes and sample photos, every mode, several scales', () => {
  const inputs = resizeInputs();
  // Per input and mode: three seeds of boxes (each cycles through the scales).
  const cases = inputs.flatMap((inp) => MODES.flatMap((mode) => [1, 2, 3].map((seed) => {
    const b = inp.batch;
    const [n] = b.shape;
    const [h, w] = b.layout === 'NCHW' ? [b.shape[2], b.shape[3]] : [b.shape[1], b.shape[2]];
    const params: MixParams = { op: 'resizemix', index: randomIndex(n, seed), lam: new Float32Array(n).fill(0.5), boxes: boxesFor(n, h, w, seed), interpolation: mode };
    return { name: `${inp.name} ${mode} seed ${seed}`, batch: b, params };
  })));
  const labels = (b: ImageBatch) => new Int32Array(b.shape[0]);
  const wants = new Map<string, ArrayLike<number>>();

  it('the js oracle is within 1 of the float32 path rounded half up (clamped)', async () => {
    for (const c of cases) {
      const got = (await oracle.apply(c.batch, labels(c.batch), c.params)).images.data;
      const float = (await oracle.apply(asFloat(c.batch), labels(c.batch), c.params)).images.data as Float32Array;
      const far = firstFar(got, float);
      expect(far, `${c.name}: element ${far}: ${got[far]} vs float32 ${float[far]}`).toBe(-1);
      wants.set(c.name, got);
    }
  });

  forEachBackend((backend) => {
    let mix: BatchMix;
    beforeAll(async () => { mix = await mixer(backend); });
    afterAll(() => mix?.dispose());

    it('is bit-identical to the js oracle, out of place and in place', async () => {
      for (const c of cases) {
        const want = wants.get(c.name) ?? (await oracle.apply(c.batch, labels(c.batch), c.params)).images.data;
        const got = (await mix.apply(c.batch, labels(c.batch), c.params)).images.data;
        const d = firstDiff(got, want);
        expect(d, `${backend} ${c.name}: element ${d}: ${got[d]}, oracle ${want[d]}`).toBe(-1);
        const inPlace: ImageBatch = { ...c.batch, data: c.batch.data.slice() };
        await mix.apply(inPlace, labels(c.batch), c.params, { inPlace: true });
        expect(firstDiff(inPlace.data, want), `${backend} ${c.name} in place`).toBe(-1);
      }
    });
  });
});
