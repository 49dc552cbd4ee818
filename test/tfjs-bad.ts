/**
 * Bad tensors for mixTensors (SPEC §7, §10), on any TF.js backend: each call throws a BatchMixError
 * with its code, and nothing is disposed, written or created (tensor count and x/y values unchanged).
 */
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { BatchMixError, createBatchMix, type BatchMix } from '../src/index.js';
import { mixTensors, type MixTensorsOptions } from '../src/tfjs/index.js';
import { paramsFor } from './helpers/data.js';
import { K } from './tfjs-suite.js';

type Make = () => { x: tf.Tensor; y: tf.Tensor; options?: MixTensorsOptions };

const CASES: [string, string, Make][] = [
  ['x of rank 3', 'BAD_SHAPE', () => ({ x: tf.zeros([2, 4, 4]), y: tf.tensor1d([0, 1], 'int32') })],
  ['x of rank 5', 'BAD_SHAPE', () => ({ x: tf.zeros([2, 4, 4, 3, 1]), y: tf.tensor1d([0, 1], 'int32') })],
  ['x not a tensor', 'BAD_SHAPE', () => ({ x: new Float32Array(96) as unknown as tf.Tensor, y: tf.tensor1d([0, 1], 'int32') })],
  ['x of dtype bool', 'BAD_DTYPE', () => ({ x: tf.zeros([2, 4, 4, 3], 'bool'), y: tf.tensor1d([0, 1], 'int32') })],
  ['x with H = 0', 'BAD_SHAPE', () => ({ x: tf.zeros([2, 0, 4, 3]), y: tf.tensor1d([0, 1], 'int32') })],
  ['an unknown layout', 'BAD_LAYOUT', () => ({ x: tf.zeros([2, 4, 4, 3]), y: tf.tensor1d([0, 1], 'int32'), options: { layout: 'HWC' as 'NHWC' } })],
  ['y with another N', 'BAD_LABELS', () => ({ x: tf.zeros([2, 4, 4, 3]), y: tf.tensor1d([0, 1, 2], 'int32') })],
  ['soft y with another N', 'BAD_LABELS', () => ({ x: tf.zeros([2, 4, 4, 3]), y: tf.zeros([3, K]) })],
  ['soft y with the wrong K', 'BAD_LABELS', () => ({ x: tf.zeros([2, 4, 4, 3]), y: tf.zeros([2, K + 1]) })],
  ['soft y of dtype int32', 'BAD_LABELS', () => ({ x: tf.zeros([2, 4, 4, 3]), y: tf.zeros([2, K], 'int32') })],
  ['y of rank 3', 'BAD_LABELS', () => ({ x: tf.zeros([2, 4, 4, 3]), y: tf.zeros([2, K, 1]) })],
  ['y of dtype bool', 'BAD_LABELS', () => ({ x: tf.zeros([2, 4, 4, 3]), y: tf.zeros([2], 'bool') })],
  ['an id out of range', 'BAD_LABELS', () => ({ x: tf.zeros([2, 4, 4, 3]), y: tf.tensor1d([0, K], 'int32') })],
  ['a negative id', 'BAD_LABELS', () => ({ x: tf.zeros([2, 4, 4, 3]), y: tf.tensor1d([-1, 0], 'int32') })],
  ['a non-integer float32 id', 'BAD_LABELS', () => ({ x: tf.zeros([2, 4, 4, 3]), y: tf.tensor1d([0, 1.5], 'float32') })],
  ['a NaN soft label', 'BAD_LABELS', () => ({ x: tf.zeros([2, 4, 4, 3]), y: tf.tensor2d([[0, 0, 0, 0, NaN], [1, 0, 0, 0, 0]]) })],
  ['params for another N', 'BAD_PARAMS', () => ({ x: tf.zeros([2, 4, 4, 3]), y: tf.tensor1d([0, 1], 'int32'), options: { params: paramsFor('mixup', 3, 4, 4, 1) } })],
  ['params with a box outside the image', 'BAD_PARAMS', () => ({
    x: tf.zeros([2, 4, 4, 3]), y: tf.tensor1d([0, 1], 'int32'),
    options: { params: { op: 'cutmix', index: new Int32Array([1, 0]), lam: new Float32Array([0.5, 0.5]), boxes: new Int32Array([0, 5, 0, 1, 0, 1, 0, 1]) } },
  })],
];

/** Defines one test per bad input; `mix()` gives the instance under test. */
export function defineBadTensorTests(mix: () => BatchMix, extra: MixTensorsOptions = {}): void {
  it('int32 pixel values outside 0..255 are clamped (the GPU path cannot check them without a readback: one rule for all)', async () => {
    const n = 3, shape = [n, 2, 3, 2] as [number, number, number, number];
    const raw = Int32Array.from({ length: n * 12 }, (_, i) => [-7, 0, 128, 255, 256, 100000][i % 6] + (i % 5) - 2 ** 31 * (i === 5 ? 1 : 0));
    const x = tf.tensor4d(raw, shape, 'int32');
    const y = tf.tensor1d([0, 1, 2], 'int32');
    const params = { op: 'mixup' as const, index: new Int32Array([2, 0, 1]), lam: new Float32Array([0.3, 0.5, 0.9]) };
    const got = await mixTensors(mix(), x, y, { ...extra, params });
    const ref = await createBatchMix({ numClasses: K, augments: { op: 'mixup', alpha: 1 }, backend: 'wasm' });
    const clamped = Uint8Array.from(raw, (v) => Math.min(255, Math.max(0, v)));
    const want = await ref.apply({ data: clamped, shape, layout: 'NHWC' }, new Int32Array([0, 1, 2]), params);
    ref.dispose();
    expect(Array.from(await got.images.data())).toEqual(Array.from(want.images.data));
    tf.dispose([x, y, got.images, got.labels]);
  });

  for (const [what, code, make] of CASES) {
    it(`${what} → ${code}, nothing disposed or created`, async () => {
      const { x, y, options } = make();
      const xs = x instanceof tf.Tensor ? x : undefined;
      const xBefore = xs ? (await xs.data()).slice() : undefined;
      const yBefore = (await y.data()).slice();
      const count = tf.memory().numTensors;
      const err = await mixTensors(mix(), x as tf.Tensor4D, y as tf.Tensor1D, { ...extra, ...options }).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(BatchMixError);
      expect((err as BatchMixError).code, (err as Error).message).toBe(code);
      expect((err as Error).message).toMatch(/^mixTensors|apply/);
      expect(tf.memory().numTensors).toBe(count);
      expect(y.isDisposed).toBe(false);
      expect(Array.from(await y.data())).toEqual(Array.from(yBefore));
      if (xs) {
        expect(xs.isDisposed).toBe(false);
        expect(Array.from(await xs.data())).toEqual(Array.from(xBefore!));
      }
      tf.dispose([x, y].filter((t) => t instanceof tf.Tensor));
    });
  }

  it('a disposed x or y → DISPOSED, the other one kept', async () => {
    for (const which of ['x', 'y'] as const) {
      const x = tf.zeros([2, 4, 4, 3]) as tf.Tensor4D;
      const y = tf.tensor1d([0, 1], 'int32');
      (which === 'x' ? x : y).dispose();
      const count = tf.memory().numTensors;
      const err = await mixTensors(mix(), x, y, extra).then(() => undefined, (e: unknown) => e);
      expect((err as BatchMixError).code).toBe('DISPOSED');
      expect((err as Error).message).toContain(`${which} was disposed`);
      expect(tf.memory().numTensors).toBe(count);
      expect((which === 'x' ? y : x).isDisposed).toBe(false);
      tf.dispose([x, y]);
    }
  });
}
