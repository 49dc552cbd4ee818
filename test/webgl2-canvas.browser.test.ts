/**
 * The webgl2 backend in a real browser (Chromium, SwiftShader): contexts from an OffscreenCanvas and
 * from a canvas passed in, parity with the js oracle, and WEBGL_lose_context before and during a call.
 */
import { describe, expect, it } from 'vitest';
import { createWebGL2Backend } from '../src/backends/webgl2/index.js';
import { expectClose, makeCase, reference, runCase, type Kernel } from './webgl2-helpers.js';

describe('webgl2 in a browser', () => {
  it('takes an OffscreenCanvas by default and a canvas passed in, and matches the oracle', async () => {
    const canvas = document.createElement('canvas');
    for (const b of [await createWebGL2Backend(), await createWebGL2Backend({ canvas })]) {
      expect(['offscreen', 'canvas']).toContain(b.contextSource);
      for (const [kernel, dtype] of [['blend', 'float32'], ['paste', 'uint8clamped'], ['resizePaste', 'float32'], ['resizePaste', 'uint8']] as [Kernel, 'float32' | 'uint8' | 'uint8clamped'][]) {
        const k = makeCase(kernel, [5, 3, 11, 9], 'NHWC', dtype, 3, 'bicubic');
        const out = k.batch.data.slice();
        await runCase(b, k, k.batch.data, out);
        expectClose(out, await reference(k), k, `${kernel} ${dtype} on ${b.contextSource}`);
      }
      b.dispose();
      expect(b.stats().textures).toBe(0);
    }
  });

  it('WEBGL_lose_context between calls and during a call: CONTEXT_LOST, nothing written', async () => {
    const between = await createWebGL2Backend();
    const k = makeCase('blend', [4, 3, 6, 5], 'NCHW', 'float32', 2);
    between.gl.getExtension('WEBGL_lose_context')!.loseContext();
    const dst = new Float32Array(k.batch.data.length).fill(-1);
    await expect(runCase(between, k, k.batch.data, dst)).rejects.toMatchObject({ code: 'CONTEXT_LOST' });
    expect(between.lost).toBe(true);
    expect(dst.every((v) => v === -1)).toBe(true);
    between.dispose();

    const during = await createWebGL2Backend({ limits: { maxLayers: 2 } });
    const gl = during.gl;
    const draw = gl.drawArrays.bind(gl);
    const read = gl.readPixels.bind(gl) as (...a: unknown[]) => void;
    let reads = 0, lostAfter = -1;
    (gl as unknown as { readPixels: (...a: unknown[]) => void }).readPixels = (...a) => { reads++; read(...a); };
    gl.drawArrays = (mode: number, first: number, count: number) => {
      // The second chunk: the first was drawn and read back.
      if (reads === 1 && lostAfter < 0) { lostAfter = reads; gl.getExtension('WEBGL_lose_context')!.loseContext(); }
      draw(mode, first, count);
    };
    const input = k.batch.data.slice();
    await expect(runCase(during, k, k.batch.data, k.batch.data)).rejects.toMatchObject({ code: 'CONTEXT_LOST' });
    expect(lostAfter).toBe(1);
    expect(during.lost).toBe(true);
    expect(k.batch.data).toEqual(input);
    during.dispose();
  });
});
