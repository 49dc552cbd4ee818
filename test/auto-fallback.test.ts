/**
 * Context loss through the public API (issue 3): the call that meets the lost context throws
 * CONTEXT_LOST with the caller's data intact; an 'auto' instance then runs later calls on wasm and
 * says so; an instance that asked for webgl2 by name stays dead.
 */
import { describe, expect, it, vi } from 'vitest';
import { BatchMixError, createBatchMix, type MixParams } from '../src/index.js';
import { mixer } from './helpers/backends.js';
import { randomBatch } from './helpers/data.js';

const params: MixParams = { op: 'cutmix', index: new Int32Array([2, 0, 1]), lam: new Float32Array([0.75, 0.75, 0.75]), boxes: new Int32Array([0, 4, 0, 4, 2, 6, 2, 6, 1, 5, 3, 7]) };
const labels = new Int32Array([0, 1, 2]);

function loseContext(gl: WebGL2RenderingContext): void {
  (gl.getExtension('STACKGL_destroy_context') as { destroy(): void }).destroy();
}

describe('a lost GL context', () => {
  it("on 'auto': this call throws CONTEXT_LOST with data intact, later calls run on wasm and the report says so", async () => {
    const mix = await createBatchMix({ numClasses: 3, augments: [{ op: 'cutmix', alpha: 1 }], backend: 'auto' });
    expect(mix.backend).toBe('webgl2'); // under xvfb-run, headless-gl gives a context
    const batch = randomBatch(3, 3, 8, 8, 'NHWC', 'float32', 2);
    const before = batch.data.slice();
    const ok = await mix.apply(batch, labels, params);
    loseContext(mix.gpu().gl);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const err = await mix.apply(batch, labels, params, { inPlace: true }).catch((e) => e);
    expect(err).toBeInstanceOf(BatchMixError);
    expect((err as BatchMixError).code).toBe('CONTEXT_LOST');
    expect(batch.data).toEqual(before);
    expect(mix.backend).toBe('wasm');
    expect(mix.backendReport.switches).toEqual([{ from: 'webgl2', to: 'wasm', reason: (err as Error).message }]);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    const again = await mix.apply(batch, labels, params);
    expect(again.images.data).toEqual(ok.images.data);
    mix.dispose();
  });

  it("on 'webgl2' by name: the instance does not fall back", async () => {
    const mix = await mixer('webgl2', { numClasses: 3 });
    const batch = randomBatch(3, 3, 8, 8, 'NCHW', 'uint8', 3);
    const before = batch.data.slice();
    loseContext(mix.gpu().gl);
    for (let k = 0; k < 2; k++) {
      const err = await mix.apply(batch, labels, params, { inPlace: true }).catch((e) => e);
      expect((err as BatchMixError).code).toBe('CONTEXT_LOST');
    }
    expect(batch.data).toEqual(before);
    expect(mix.backend).toBe('webgl2');
    mix.dispose();
  });
});
