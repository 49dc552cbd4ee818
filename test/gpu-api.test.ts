/** The public GPU-resident path (mix.gpu()): same results as apply on CPU arrays, no readback until asked. */
import { describe, expect, it } from 'vitest';
import { BatchMixError, type MixParams } from '../src/index.js';
import { mixer } from './helpers/backends.js';
import { randomBatch } from './helpers/data.js';

describe('mix.gpu()', () => {
  it('mixes GPU batches like apply does, for every op, and frees what it made', async () => {
    const mix = await mixer('webgl2', { numClasses: 5, augments: [{ op: 'resizemix', alpha: 1, prob: 0.5 }, { op: 'cutmix', alpha: 1, prob: 0.5 }], mode: 'elem', seed: 4 });
    const gpu = mix.gpu();
    const batch = randomBatch(4, 3, 17, 13, 'NHWC', 'uint8', 6);
    const labels = new Int32Array([0, 1, 2, 3]);
    const g = gpu.upload(batch);
    const params: MixParams[] = [
      { op: 'mixup', index: new Int32Array([1, 2, 3, 0]), lam: new Float32Array([0.2, 0.5, 0.9, 1]) },
      { op: 'identity', index: new Int32Array([0, 1, 2, 3]), lam: new Float32Array(4).fill(1) },
      mix.sample(batch.shape, 'NHWC'),
      mix.sample(batch.shape, 'NHWC'),
      mix.sample(batch.shape, 'NHWC'),
    ];
    for (const p of params) {
      const cpu = await mix.apply(batch, labels, p);
      const r = gpu.apply(g, labels, p);
      expect(r.labels).toEqual(cpu.labels);
      expect(Array.from(gpu.read(r.images).data)).toEqual(Array.from(cpu.images.data));
      gpu.release(r.images);
    }
    // in place: the GPU batch itself becomes the result
    const p = params[0];
    const cpu = await mix.apply(batch, labels, p);
    const r = gpu.apply(g, labels, p, { inPlace: true });
    expect(Array.from(gpu.read(r.images).data)).toEqual(Array.from(cpu.images.data));
    gpu.release(r.images);
    if (r.images !== g) gpu.release(g);
    mix.dispose();
  });

  it('validates params against the GPU batch', async () => {
    const mix = await mixer('webgl2', { numClasses: 5 });
    const gpu = mix.gpu();
    const g = gpu.upload(randomBatch(2, 1, 4, 4, 'NCHW', 'float32', 1));
    expect(() => gpu.apply(g, new Int32Array([0, 1]), { op: 'mixup', index: new Int32Array([0, 2]), lam: new Float32Array(2) }))
      .toThrow(BatchMixError);
    gpu.release(g);
    mix.dispose();
  });

  it('is refused on a CPU backend, naming why', async () => {
    const mix = await mixer('wasm');
    expect(() => mix.gpu()).toThrow(/needs the webgl2 backend/);
    mix.dispose();
  });
});
