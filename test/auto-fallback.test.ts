/**
 * 'auto' routing (SPEC §5, issue 8) and context loss through the public API (issue 3).
 * Under Xvfb headless-gl renders with llvmpipe, a software rasteriser: 'auto' runs CPU arrays on
 * wasm, says why with the renderer string, and still runs GPU-resident batches on webgl2. With
 * CPU arrays forced onto webgl2 (webgl2.cpuArrays = 'webgl2'), the call that meets a lost context
 * throws CONTEXT_LOST with the caller's data intact, and later calls run on wasm and say so; an
 * instance that asked for webgl2 by name stays dead.
 */
import { describe, expect, it, vi } from 'vitest';
import { BatchMixError, createBatchMix, type MixParams } from '../src/index.js';
import { classifyRenderer, SOFTWARE_RENDERERS } from '../src/backends/webgl2/index.js';
import { mixer } from './helpers/backends.js';
import { randomBatch } from './helpers/data.js';
import { expectAutoNearWasm } from './auto-timing.js';

const params: MixParams = { op: 'cutmix', index: new Int32Array([2, 0, 1]), lam: new Float32Array([0.75, 0.75, 0.75]), boxes: new Int32Array([0, 4, 0, 4, 2, 6, 2, 6, 1, 5, 3, 7]) };
const labels = new Int32Array([0, 1, 2]);

function loseContext(gl: WebGL2RenderingContext): void {
  (gl.getExtension('STACKGL_destroy_context') as { destroy(): void }).destroy();
}

describe("'auto' routing", () => {
  it('names the software rasterisers it matches, case-insensitively, and not hardware renderers', () => {
    for (const r of [
      'ANGLE (Mesa/X.org, llvmpipe (LLVM 15.0.6 256 bits), OpenGL 4.5)',
      'ANGLE (Mesa, Vulkan 1.3.230 (llvmpipe (LLVM 15.0.6, 256 bits) (0x00000000)), Mesa)',
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'Google SwiftShader', 'Mesa lavapipe', 'softpipe', 'Microsoft Basic Render Driver', 'Apple Software Renderer',
    ]) expect(classifyRenderer(r).software, r).toBe(true);
    for (const r of ['ANGLE (NVIDIA, Vulkan 1.4.312 (NVIDIA NVIDIA H200 (0x00002335)), NVIDIA)', 'Apple M2', 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)', 'ANGLE']) {
      expect(classifyRenderer(r).software, r).toBe(false);
    }
    expect(SOFTWARE_RENDERERS).toEqual(expect.arrayContaining(['llvmpipe', 'lavapipe', 'softpipe', 'SwiftShader', 'Microsoft Basic Render Driver', 'Apple Software Renderer']));
  });

  it('under Xvfb (llvmpipe): CPU arrays on wasm, the report names the renderer and why; GPU batches on webgl2', async () => {
    const mix = await createBatchMix({ numClasses: 3, augments: [{ op: 'mixup', alpha: 1 }], backend: 'auto' });
    const r = mix.backendReport;
    expect(mix.backend).toBe('wasm');
    expect(r.backend).toBe('wasm');
    expect(r.gpu).toBe('webgl2');
    expect(r.renderer).toMatchObject({ software: true, matched: 'llvmpipe', source: 'native' });
    expect(r.renderer!.renderer).toMatch(/llvmpipe/);
    expect(r.reason).toMatch(/software rasteriser/);
    expect(r.reason).toContain(r.renderer!.renderer);
    expect(r.passedOver.webgl2).toMatch(/llvmpipe/);
    expect(r.measured).toBeNull(); // a software rasteriser is not measured
    // GPU-resident data stays on the GPU.
    const batch = randomBatch(3, 3, 8, 8, 'NHWC', 'float32', 2);
    const p = mix.sample(batch.shape, 'NHWC');
    const g = mix.gpu().upload(batch);
    const onGpu = mix.gpu().apply(g, labels, p);
    const back = mix.gpu().read(onGpu.images);
    const onCpu = await mix.apply(batch, labels, p);
    for (let e = 0; e < back.data.length; e++) expect(Math.abs(back.data[e] - onCpu.images.data[e])).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(onCpu.images.data[e])));
    mix.gpu().release(g);
    mix.gpu().release(onGpu.images);
    mix.dispose();
  });

  it("under Xvfb: 'auto' runs CPU arrays within 1.5× of wasm's time", async () => {
    console.log(await expectAutoNearWasm(/llvmpipe/));
  });

  it("webgl2.cpuArrays: 'cpu' keeps CPU arrays off the GPU; a bad value is BAD_OPTIONS", async () => {
    const mix = await createBatchMix({ numClasses: 3, augments: [{ op: 'mixup', alpha: 1 }], backend: 'auto', webgl2: { cpuArrays: 'cpu' } });
    expect(mix.backend).toBe('wasm');
    expect(mix.backendReport.passedOver.webgl2).toMatch(/cpuArrays/);
    mix.dispose();
    await expect(createBatchMix({ numClasses: 3, augments: [{ op: 'mixup', alpha: 1 }], webgl2: { cpuArrays: 'gpu' as 'cpu' } }))
      .rejects.toMatchObject({ code: 'BAD_OPTIONS', message: expect.stringMatching(/cpuArrays/) });
  });
});

describe('a lost GL context', () => {
  it("on 'auto' with CPU arrays on webgl2: this call throws CONTEXT_LOST with data intact, later calls run on wasm and the report says so", async () => {
    const mix = await createBatchMix({ numClasses: 3, augments: [{ op: 'cutmix', alpha: 1 }], backend: 'auto', webgl2: { cpuArrays: 'webgl2' } });
    expect(mix.backend).toBe('webgl2');
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
