/** The public surface (SPEC §8): sample/apply/run, replay, JSON params, out buffers, auto choice. */
import { describe, expect, it } from 'vitest';
import { createBatchMix, paramsFromJSON, paramsToJSON } from '../src/index.js';
import { forEachBackend, mixer } from './helpers/backends.js';
import { randomBatch } from './helpers/data.js';

const augments = [
  { op: 'mixup' as const, alpha: 0.8, prob: 0.3 },
  { op: 'cutmix' as const, alpha: 1, prob: 0.3 },
  { op: 'resizemix' as const, alpha: 1, prob: 0.3, interpolation: 'bicubic' as const },
];

describe('auto', () => {
  it('picks a backend and says why the others were passed over', async () => {
    const mix = await createBatchMix({ numClasses: 3, augments, backend: 'auto' });
    expect(['webgl2', 'wasm', 'js']).toContain(mix.backend);
    expect(mix.backendReport.backend).toBe(mix.backend);
    const order = ['webgl2', 'wasm', 'js'];
    for (const name of order.slice(0, order.indexOf(mix.backend))) {
      expect(mix.backendReport.passedOver[name as 'webgl2'], `reason for passing over ${name}`).toMatch(/\S/);
    }
    mix.dispose();
  });
});

forEachBackend((backend) => {
  it('run = sample + apply, and the same seed gives the same result', async () => {
    const a = await mixer(backend, { numClasses: 5, augments, seed: 42, mode: 'elem' });
    const b = await mixer(backend, { numClasses: 5, augments, seed: 42, mode: 'elem' });
    const batch = randomBatch(4, 3, 12, 10, 'NCHW', 'float32', 3);
    const labels = new Int32Array([0, 1, 2, 4]);
    for (let k = 0; k < 6; k++) {
      const ra = await a.run(batch, labels);
      const p = b.sample(batch.shape, batch.layout);
      expect(paramsToJSON(p)).toEqual(paramsToJSON(ra.params));
      const rb = await b.apply(batch, labels, p);
      expect(rb.images.data).toEqual(ra.images.data);
      expect(rb.labels).toEqual(ra.labels);
    }
    a.dispose();
    b.dispose();
  });

  it('params survive JSON and replay to the same result', async () => {
    const mix = await mixer(backend, { numClasses: 5, augments: [{ op: 'resizemix', alpha: 1 }], seed: 3 });
    const batch = randomBatch(3, 4, 9, 11, 'NHWC', 'uint8', 4);
    const labels = new Int32Array([4, 0, 2]);
    const r = await mix.run(batch, labels);
    const replayed = paramsFromJSON(JSON.parse(JSON.stringify(paramsToJSON(r.params))));
    const again = await mix.apply(batch, labels, replayed);
    expect(again.images.data).toEqual(r.images.data);
    expect(again.labels).toEqual(r.labels);
    mix.dispose();
  });

  it('identity keeps the images and one-hot (smoothed) labels', async () => {
    const mix = await mixer(backend, { numClasses: 4, labelSmoothing: 0.2 });
    const batch = randomBatch(2, 1, 3, 3, 'NCHW', 'float32', 8);
    const p = { op: 'identity' as const, index: new Int32Array([0, 1]), lam: new Float32Array([1, 1]) };
    const r = await mix.apply(batch, new Int32Array([1, 3]), p);
    expect(r.images.data).toEqual(batch.data);
    expect(r.images.data).not.toBe(batch.data);
    expect(Array.from(r.labels)).toEqual([0.05, 0.85, 0.05, 0.05, 0.05, 0.05, 0.05, 0.85].map(Math.fround));
    mix.dispose();
  });

  it('writes into options.out, a batch from allocBatch', async () => {
    const mix = await mixer(backend, { numClasses: 3, augments: [{ op: 'cutmix', alpha: 1 }] });
    const shape = [4, 8, 8, 3] as const;
    const input = mix.allocBatch(shape, 'NHWC', 'uint8');
    const out = mix.allocBatch(shape, 'NHWC', 'uint8');
    input.data.set(randomBatch(4, 3, 8, 8, 'NHWC', 'uint8', 2).data);
    const p = mix.sample(shape, 'NHWC');
    const r = await mix.apply(input, new Int32Array([0, 1, 2, 0]), p, { out });
    expect(r.images).toBe(out);
    const oracle = await mixer('js', { numClasses: 3 });
    const expected = await oracle.apply(input, new Int32Array([0, 1, 2, 0]), p);
    oracle.dispose();
    expect(Array.from(out.data)).toEqual(Array.from(expected.images.data));
    mix.freeBatch(input);
    mix.freeBatch(out);
    mix.dispose();
  });
});
