/**
 * webgl2 kernels against the js oracle (SPEC §6), kernel level: every kernel × dtype × layout ×
 * interpolation, odd sizes (1×1, widths that are not multiples of 4, C = 1..5), N = 1, empty and
 * border boxes, in place and out of place. headless-gl under Xvfb: no context fails loudly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebGL2Backend, type WebGL2Backend } from '../src/backends/webgl2/index.js';
import type { Interpolation, Layout } from '../src/types.js';
import type { TestDType } from './helpers/data.js';
import { expectClose, makeCase, reference, runCase, type Kernel } from './webgl2-helpers.js';

// Odd sizes (samples that start inside a texel) and sizes of whole texels (the blend's whole-texel path).
const SIZES: readonly [number, number, number, number][] = [
  [1, 1, 1, 1], [1, 3, 5, 7], [3, 4, 9, 17], [5, 3, 13, 6], [4, 5, 8, 33], [2, 2, 23, 19], [6, 1, 7, 3],
  [3, 4, 16, 12], [2, 3, 32, 40],
];
const DTYPES: readonly TestDType[] = ['float32', 'uint8', 'uint8clamped'];
const LAYOUTS: readonly Layout[] = ['NCHW', 'NHWC'];
const MODES: readonly Interpolation[] = ['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area'];
const KERNELS: readonly { kernel: Kernel; mode?: Interpolation }[] = [
  { kernel: 'blend' }, { kernel: 'paste' }, ...MODES.map((mode) => ({ kernel: 'resizePaste' as const, mode })),
];

let gpu: WebGL2Backend;
beforeAll(async () => { gpu = await createWebGL2Backend(); });
afterAll(() => gpu?.dispose());

describe('webgl2 kernels match the js oracle', () => {
  it('runs on a real WebGL2 context (headless-gl)', () => {
    expect(gpu.contextSource).toBe('headless');
    expect(gpu.gl.constructor.name).toBe('WebGL2RenderingContext');
  });

  it('covers samples that fill whole texels and samples that start inside a texel', () => {
    const aligned = SIZES.map(([, c, h, w]) => (c * h * w) % 4 === 0);
    expect(aligned).toContain(true);
    expect(aligned).toContain(false);
  });

  for (const { kernel, mode } of KERNELS) {
    for (const dtype of DTYPES) {
      for (const layout of LAYOUTS) {
        const name = `${kernel}${mode ? ` ${mode}` : ''} ${dtype} ${layout}`;
        it(`${name}: out of place and in place`, async () => {
          for (const [s, dims] of SIZES.entries()) {
            const k = makeCase(kernel, dims, layout, dtype, s + 1, mode);
            const ref = await reference(k);
            const input = k.batch.data.slice();
            const out = k.batch.data.slice().fill(7);
            await runCase(gpu, k, k.batch.data, out);
            expect(k.batch.data, `${name} ${dims}: src untouched`).toEqual(input);
            expectClose(out, ref, k, `${name} ${dims} out of place`);
            const inPlace = k.batch.data.slice();
            await runCase(gpu, k, inPlace, inPlace);
            expectClose(inPlace, ref, k, `${name} ${dims} in place`);
          }
        });
      }
    }
  }

  it('paste copies float32 bit patterns exactly: NaN payloads (signalling too), ±0, denormals, ±Infinity', async () => {
    // Expected by copying bits (a JS number round trip would quiet a signalling NaN, as the oracle's does).
    const k = makeCase('paste', [3, 2, 4, 5], 'NHWC', 'float32', 9);
    k.boxes.set([0, 4, 0, 5, 1, 3, 2, 4, 0, 4, 0, 5]);
    const bits = new Uint32Array(k.batch.data.buffer);
    const specials = [0x7fc01234, 0xffa00001, 0x80000000, 0x00000000, 0x00000001, 0x807fffff, 0x7f800000, 0xff800000];
    bits.forEach((_, e) => { bits[e] = e % 2 === 0 ? specials[(e / 2) % specials.length] : bits[e]; });
    const sn = 2 * 4 * 5;
    const expected = bits.slice();
    for (let i = 0; i < 3; i++) {
      const [y0, y1, x0, x1] = k.boxes.subarray(4 * i, 4 * i + 4);
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) for (let c = 0; c < 2; c++) {
        const e = (y * 5 + x) * 2 + c;
        expected[i * sn + e] = bits[k.index[i] * sn + e];
      }
    }
    const out = new Float32Array(k.batch.data.length);
    await runCase(gpu, k, k.batch.data, out);
    expect(Array.from(new Uint32Array(out.buffer))).toEqual(Array.from(expected));
    const inPlace = k.batch.data.slice();
    await runCase(gpu, k, inPlace, inPlace);
    expect(Array.from(new Uint32Array(inPlace.buffer))).toEqual(Array.from(expected));
  });

  it('a job with samples (op \'mixed\') writes those samples and leaves the others as they were', async () => {
    for (const [kernel, dtype] of [['blend', 'float32'], ['blend', 'uint8'], ['paste', 'uint8'], ['resizePaste', 'float32']] as const) {
      const k = makeCase(kernel, [6, 3, 7, 5], 'NHWC', dtype, 12, 'bicubic');
      const ref = await reference(k);
      const samples = Int32Array.of(1, 2, 4);
      const sn = 3 * 7 * 5;
      const inPlace = k.batch.data.slice();
      const g = { kernel, samples } as const;
      await runCase(gpu, { ...k, ...g } as typeof k, inPlace, inPlace);
      for (let i = 0; i < 6; i++) {
        const want = samples.includes(i) ? ref : k.batch.data;
        const got = Array.from(inPlace.subarray(i * sn, (i + 1) * sn));
        const exp = Array.from(want.subarray(i * sn, (i + 1) * sn));
        if (kernel === 'blend' && dtype === 'float32' && samples.includes(i)) got.forEach((v, e) => expect(Math.abs(v - exp[e])).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(exp[e]))));
        else if (kernel === 'resizePaste' && samples.includes(i)) got.forEach((v, e) => expect(Math.abs(v - exp[e])).toBeLessThanOrEqual(2e-5 * (1 + Math.abs(exp[e]))));
        else expect(got, `${kernel} ${dtype} sample ${i}`).toEqual(exp);
      }
    }
  });

  it('uint8 rounds clamp(floor(v + 0.5), 0, 255) as the oracle does, at the .5 boundaries', async () => {
    const k = makeCase('blend', [2, 1, 16, 16], 'NCHW', 'uint8', 4);
    k.index.set([1, 0]);
    k.lam.set([0.5, 0.25]);
    k.batch.data.forEach((_, e) => { k.batch.data[e] = e < 256 ? e : 255 - (e - 256); });
    const ref = await reference(k);
    const out = new Uint8Array(ref.length);
    await runCase(gpu, k, k.batch.data, out);
    expect(Array.from(out)).toEqual(Array.from(ref));
  });
});
