/**
 * webgl2 chunking: with limits forced small (few samples per texture, a small byte budget,
 * narrow textures), batches run in chunks that upload their partners too, and the result is
 * bit-identical to one pass (and within SPEC §6 of the oracle). What cannot fit throws TOO_LARGE
 * and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebGL2Backend, type WebGL2Backend, type WebGL2Limits } from '../src/backends/webgl2/index.js';
import { packBatch, rowsFor } from '../src/backends/webgl2/packing.js';
import { partnerSlot, planChunks } from '../src/backends/webgl2/chunking.js';
import type { Interpolation, Layout } from '../src/types.js';
import type { TestDType } from './helpers/data.js';
import { expectClose, makeCase, reference, runCase, type Kernel } from './webgl2-helpers.js';

const KERNELS: readonly [Kernel, Interpolation?][] = [['blend'], ['paste'], ['resizePaste', 'bicubic'], ['resizePaste', 'area']];
const LIMITS: readonly WebGL2Limits[] = [
  { maxLayers: 1 }, { maxLayers: 2 }, { maxLayers: 3 }, { maxBytes: 3 * 16 * 64 }, { maxTextureSize: 7 }, { maxTextureSize: 8, maxLayers: 4 },
];

let onePass: WebGL2Backend;
const chunked: WebGL2Backend[] = [];
beforeAll(async () => {
  onePass = await createWebGL2Backend();
  for (const limits of LIMITS) chunked.push(await createWebGL2Backend({ limits }));
});
afterAll(() => { onePass?.dispose(); for (const b of chunked) b.dispose(); });

describe('webgl2 chunking', () => {
  it('packs a page in power-of-two rows within the limits, whole samples per page', () => {
    for (const maxSize of [4, 7, 16, 16384]) {
      for (let sn = 1; sn < 5000; sn += 7) {
        for (const [n, maxSamples] of [[1, 1 << 30], [9, 1 << 30], [200, 3]]) {
          const maxW = 2 ** Math.floor(Math.log2(maxSize));
          if (Math.ceil(sn / 4) > maxW * maxSize) {
            expect(() => packBatch(n, sn, 'uint8', maxSize, maxSamples, 'test')).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }));
            continue;
          }
          const p = packBatch(n, sn, 'uint8', maxSize, maxSamples, 'test');
          expect(p.texW).toBe(2 ** p.shift);
          expect(p.texW <= maxW && p.perPage >= 1 && p.perPage <= Math.min(n, maxSamples)).toBe(true);
          expect(rowsFor(p, p.perPage)).toBeLessThanOrEqual(maxSize);
          expect(4 * p.perPage).toBeLessThanOrEqual(maxW * maxSize); // the params texture fits too
          expect(p.texelBytes).toBe(4);
        }
      }
    }
    // 32 float32 samples of 224×224×3 in one 2048-wide page: a TF.js tensor's texture with customTexShape [588, 2048].
    const p = packBatch(32, 224 * 224 * 3, 'float32', 16384, 1 << 30, 'test');
    expect(p).toMatchObject({ texW: 2048, perPage: 32, texelBytes: 16 });
    expect(rowsFor(p, 32)).toBe(588);
  });

  it('plans chunks that respect the limits and read every partner', () => {
    const index = Int32Array.from({ length: 9 }, (_, i) => 8 - i); // mirror: partners in other chunks
    for (const maxLayers of [2, 3, 5]) {
      const pack = packBatch(9, 3 * 7 * 5, 'float32', 16, maxLayers, 'test');
      const chunks = planChunks(9, index, pack, { maxTextureSize: 16, maxLayers, maxBytes: 1 << 30 }, 'test');
      expect(chunks.reduce((s, c) => s + c.count, 0)).toBe(9);
      for (const c of chunks) {
        expect(c.count).toBeLessThanOrEqual(maxLayers);
        expect(c.outside.length).toBeLessThanOrEqual(maxLayers);
        for (let i = c.start; i < c.start + c.count; i++) {
          const at = partnerSlot(c, index[i]);
          expect(at.page === 0 ? c.start + at.slot : c.outside[at.slot]).toBe(index[i]);
        }
      }
    }
  });

  for (const [li, limits] of LIMITS.entries()) {
    for (const [kernel, mode] of KERNELS) {
      for (const [dtype, layout] of [['float32', 'NCHW'], ['uint8', 'NHWC']] as [TestDType, Layout][]) {
        const name = `${kernel}${mode ? ` ${mode}` : ''} ${dtype} ${layout} with ${JSON.stringify(limits)}`;
        it(`${name}: same result as one pass, in place too`, async () => {
          const k = makeCase(kernel, [9, 3, 7, 5], layout, dtype, li + 3, mode);
          k.index.set(Int32Array.from({ length: 9 }, (_, i) => (i * 5 + 2) % 9)); // partners far away
          const whole = k.batch.data.slice();
          await runCase(onePass, k, k.batch.data, whole);
          const parts = k.batch.data.slice().fill(3);
          await runCase(chunked[li], k, k.batch.data, parts);
          expect(Array.from(parts)).toEqual(Array.from(whole));
          expectClose(parts, await reference(k), k, name);
          const inPlace = k.batch.data.slice();
          await runCase(chunked[li], k, inPlace, inPlace);
          expect(Array.from(inPlace)).toEqual(Array.from(whole));
        });
      }
    }
  }

  it('a sample wider than maxTextureSize² texels: TOO_LARGE, nothing written', async () => {
    const b = await createWebGL2Backend({ limits: { maxTextureSize: 4 } });
    try {
      const k = makeCase('blend', [2, 3, 7, 5], 'NCHW', 'float32', 1); // 105 elements = 27 texels > 16
      const dst = new Float32Array(k.batch.data.length).fill(9);
      await expect(runCase(b, k, k.batch.data, dst)).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/maxTextureSize 4/) });
      expect(dst.every((v) => v === 9)).toBe(true);
      expect(b.lost).toBe(false);
    } finally {
      b.dispose();
    }
  });

  it('a sample and its partner over maxBytes: TOO_LARGE naming the limits', async () => {
    for (const limits of [{ maxBytes: 40 }]) { // 16-byte samples: own + partner + output = 48
      const b = await createWebGL2Backend({ limits });
      try {
        const k = makeCase('paste', [3, 1, 4, 4], 'NHWC', 'uint8', 2);
        k.index.set([1, 2, 0]);
        const before = k.batch.data.slice();
        await expect(runCase(b, k, k.batch.data, k.batch.data)).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringMatching(/maxLayers|maxBytes/) });
        expect(k.batch.data).toEqual(before);
      } finally {
        b.dispose();
      }
    }
  });

  it('limits can only lower the context limits; bad limits are BAD_OPTIONS', async () => {
    const b = await createWebGL2Backend({ limits: { maxTextureSize: 1 << 30, maxLayers: 7 } });
    expect(b.limits.maxTextureSize).toBe(onePass.limits.maxTextureSize);
    expect(b.limits.maxLayers).toBe(7);
    b.dispose();
    for (const limits of [{ maxLayers: 0 }, { maxTextureSize: 2.5 }, { maxBytes: -1 }, { maxLayers: Number.NaN }]) {
      await expect(createWebGL2Backend({ limits })).rejects.toMatchObject({ code: 'BAD_OPTIONS', message: expect.stringMatching(/options\.limits\./) });
    }
  });
});
