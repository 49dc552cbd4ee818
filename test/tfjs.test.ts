/**
 * batchmix/tfjs in Node on TF.js's `wasm` and `cpu` backends (SPEC §10): every op × dtype × layout
 * through mixTensors equals batchmix's wasm backend on the same params, bit for bit (the host path
 * runs the same kernels); bad tensors throw with codes and leave everything as it was.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchMix, type BatchMix } from '../src/index.js';
import { mixTensors } from '../src/tfjs/index.js';
import { defineBadTensorTests } from './tfjs-bad.js';
import { defineTfjsSuite, K, makeInputs } from './tfjs-suite.js';

const wasmMix = () => createBatchMix({ numClasses: K, augments: { op: 'mixup', alpha: 1 }, backend: 'wasm' });

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`TF.js ${backend}`, () => {
    beforeAll(async () => {
      expect(await tf.setBackend(backend)).toBe(true);
      await tf.ready();
      expect(tf.getBackend()).toBe(backend);
    });

    describe('parity with batchmix wasm on the same params', () => {
      defineTfjsSuite({ makeMix: wasmMix, exactFloat: true });
    });

    describe('bad tensors', () => {
      let mix: BatchMix;
      beforeAll(async () => { mix = await wasmMix(); });
      afterAll(() => mix.dispose());
      defineBadTensorTests(() => mix);
    });

    it('samples params from the instance when none are given (the same as run on arrays with the same seed)', async () => {
      const augments = [{ op: 'mixup', alpha: 0.8, prob: 0.5 }, { op: 'cutmix', alpha: 1, prob: 0.5 }] as const;
      const a = await createBatchMix({ numClasses: K, augments, seed: 7, backend: 'wasm' });
      const b = await createBatchMix({ numClasses: K, augments, seed: 7, backend: 'wasm' });
      try {
        for (let step = 0; step < 4; step++) {
          const { batch, x, y, labels } = makeInputs(8, 3, 12, 12, 'NHWC', 'int32', false, 100 + step);
          const got = await mixTensors(a, x, y);
          const want = await b.run(batch, labels);
          expect(got.params).toEqual(want.params);
          expect(Array.from(await got.images.data())).toEqual(Array.from(want.images.data));
          expect(Array.from(await got.labels.data())).toEqual(Array.from(want.labels));
          tf.dispose([x, y, got.images, got.labels]);
        }
      } finally {
        a.dispose();
        b.dispose();
      }
    });
  });
}
