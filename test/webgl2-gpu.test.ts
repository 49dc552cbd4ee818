/**
 * GPU-resident batches: upload once, run kernels texture to texture (chained, in place, into another
 * batch, across pages), read back only when asked; the results equal the CPU-array path bit for bit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebGL2Backend, type WebGL2Backend } from '../src/backends/webgl2/index.js';
import { geometry } from '../src/geometry.js';
import { resizeTapsFor } from '../src/plan/taps.js';
import type { PixelData } from '../src/types.js';
import { makeCase, runCase, type Case } from './webgl2-helpers.js';

let b: WebGL2Backend;
let paged: WebGL2Backend;
beforeAll(async () => {
  b = await createWebGL2Backend();
  paged = await createWebGL2Backend({ limits: { maxLayers: 2 } });
});
afterAll(() => { b?.dispose(); paged?.dispose(); });

/** The GPU-resident job fields of a case (the KernelBackend job without src, dst and geom). */
function gpuJob(k: Case) {
  const g = geometry(k.batch.shape, k.batch.layout, 'float32');
  if (k.kernel === 'blend') return { kernel: 'blend' as const, index: k.index, lam: k.lam };
  if (k.kernel === 'paste') return { kernel: 'paste' as const, index: k.index, boxes: k.boxes };
  return { kernel: 'resizePaste' as const, index: k.index, boxes: k.boxes, ...resizeTapsFor(k.boxes, g.n, g.h, g.w, k.interpolation) };
}

async function cpu(k: Case, data: PixelData = k.batch.data): Promise<PixelData> {
  const out = data.slice();
  await runCase(b, k, data, out);
  return out;
}

describe('webgl2 GPU-resident batches', () => {
  for (const backend of ['one page', 'pages of 2 layers'] as const) {
    it(`chained blend → paste → resizePaste on the GPU equals the CPU path (${backend})`, async () => {
      const gpu = backend === 'one page' ? b : paged;
      for (const [dtype, layout] of [['float32', 'NCHW'], ['uint8', 'NHWC']] as const) {
        const mix = makeCase('blend', [5, 3, 9, 7], layout, dtype, 1);
        const cut = { ...makeCase('paste', [5, 3, 9, 7], layout, dtype, 2), batch: mix.batch };
        const rsz = { ...makeCase('resizePaste', [5, 3, 9, 7], layout, dtype, 3, 'bicubic'), batch: mix.batch };
        const expected = await cpu(rsz, await cpu(cut, await cpu(mix)));
        const g0 = gpu.uploadBatch(mix.batch);
        expect(g0.pages.length).toBe(backend === 'one page' ? 1 : 3);
        const g1 = gpu.run({ ...gpuJob(mix), src: g0 });
        const g2 = gpu.run({ ...gpuJob(cut), src: g1 });
        const g3 = gpu.run({ ...gpuJob(rsz), src: g2 });
        const out = gpu.readBatch(g3);
        expect(out.shape).toEqual(mix.batch.shape);
        expect(out.data.constructor).toBe(dtype === 'float32' ? Float32Array : Uint8Array);
        expect(Array.from(out.data)).toEqual(Array.from(expected));
        expect(Array.from(gpu.readBatch(g0).data)).toEqual(Array.from(mix.batch.data)); // src untouched
        for (const g of [g0, g1, g2, g3]) gpu.releaseBatch(g);
      }
      expect(gpu.stats().gpuBatches).toBe(0);
    });
  }

  it('in place (dst === src): paste writes the boxes into its own pages, blend swaps in new pages; dst = another batch is written', async () => {
    const k = makeCase('paste', [4, 2, 5, 6], 'NCHW', 'float32', 4);
    const expected = await cpu(k);
    const g = b.uploadBatch(k.batch);
    const before = g.pages[0];
    expect(b.run({ ...gpuJob(k), src: g, dst: g })).toBe(g);
    expect(g.pages[0]).toBe(before); // box-only: the boxes were drawn into the page itself
    expect(Array.from(b.readBatch(g).data)).toEqual(Array.from(expected));
    const kb = makeCase('blend', [4, 2, 5, 6], 'NCHW', 'float32', 4);
    const gb = b.uploadBatch(kb.batch);
    const pb = gb.pages[0];
    expect(b.run({ ...gpuJob(kb), src: gb, dst: gb })).toBe(gb);
    expect(gb.pages[0]).not.toBe(pb);
    expect(Array.from(b.readBatch(gb).data)).toEqual(Array.from(await cpu(kb)));
    b.releaseBatch(gb);
    const src = b.uploadBatch(k.batch);
    const dst = b.allocGpuBatch(k.batch.shape, 'NCHW', 'float32');
    expect(Array.from(b.readBatch(dst).data).every((v) => v === 0)).toBe(true);
    expect(b.run({ ...gpuJob(k), src, dst })).toBe(dst);
    const into = new Float32Array(k.batch.data.length);
    expect(b.readBatch(dst, into).data).toBe(into);
    expect(Array.from(into)).toEqual(Array.from(expected));
    for (const x of [g, src, dst]) b.releaseBatch(x);
  });

  it('rejects released, foreign and mismatched batches and bad uploads with codes', async () => {
    const k = makeCase('blend', [2, 1, 3, 3], 'NHWC', 'uint8', 5);
    const g = b.uploadBatch(k.batch);
    const other = paged.uploadBatch(k.batch);
    expect(() => b.run({ ...gpuJob(k), src: other })).toThrow(expect.objectContaining({ code: 'BAD_PARAMS', message: expect.stringMatching(/another webgl2 backend/) }));
    const small = b.allocGpuBatch([1, 3, 3, 1], 'NHWC', 'uint8');
    expect(() => b.run({ ...gpuJob(k), src: g, dst: small })).toThrow(expect.objectContaining({ code: 'BAD_SHAPE' }));
    expect(() => b.readBatch(g, new Float32Array(18))).toThrow(expect.objectContaining({ code: 'BAD_SHAPE' }));
    b.releaseBatch(g);
    b.releaseBatch(g);
    expect(() => b.readBatch(g)).toThrow(expect.objectContaining({ code: 'BAD_PARAMS', message: expect.stringMatching(/released/) }));
    expect(() => b.uploadBatch({ data: new Int16Array(18) as never, shape: [2, 3, 3, 1], layout: 'NHWC' })).toThrow(expect.objectContaining({ code: 'BAD_DTYPE' }));
    expect(() => b.uploadBatch({ data: new Uint8Array(17), shape: [2, 3, 3, 1], layout: 'NHWC' })).toThrow(expect.objectContaining({ code: 'BAD_SHAPE' }));
    expect(() => b.uploadBatch({ data: new Uint8Array(18), shape: [2, 3, 3, 1], layout: 'NWHC' as never })).toThrow(expect.objectContaining({ code: 'BAD_LAYOUT' }));
    paged.releaseBatch(other);
    b.releaseBatch(small);
    expect(() => b.allocGpuBatch([2, 0, 3, 3], 'NCHW', 'float32')).toThrow(expect.objectContaining({ code: 'BAD_SHAPE' }));
    expect(() => b.allocGpuBatch([2, 1, 3, 3], 'NCHW', 'int8' as never)).toThrow(expect.objectContaining({ code: 'BAD_DTYPE' }));
  });

  it('validates run jobs: a bad index, λ, box or taps is BAD_PARAMS, not a silent zero read', async () => {
    const k = makeCase('resizePaste', [3, 2, 6, 5], 'NHWC', 'float32', 6, 'bilinear');
    const g = b.uploadBatch(k.batch);
    const job = { ...gpuJob(k), src: g };
    const bad = (patch: object, pattern: RegExp) =>
      expect(() => b.run({ ...job, ...patch } as never)).toThrow(expect.objectContaining({ code: 'BAD_PARAMS', message: expect.stringMatching(pattern) }));
    bad({ index: Int32Array.of(0, 1, 3) }, /index\[2\] must be in \[0, 3\)/);
    bad({ index: [0, 1, 2] }, /index must be a Int32Array of length 3/);
    bad({ boxes: Int32Array.of(0, 7, 0, 5, ...k.boxes.subarray(4)) }, /box 0 must satisfy/);
    bad({ tapOf: Int32Array.of(0, 0, 0), taps: resizeTapsFor(new Int32Array(12).fill(1).map((v, j) => (j % 2 ? 1 : 0)), 3, 6, 5, 'bilinear').taps }, /taps\[tapOf\[\d\]\] must resize 6×5/);
    bad({ kernel: 'blend', lam: Float32Array.of(0.5, 2, 0) }, /lam\[1\] must be in \[0, 1\]/);
    bad({ kernel: 'mixup' }, /kernel must be/);
    expect(b.stats().gpuBatches).toBe(1);
    b.releaseBatch(g);
  });
});
