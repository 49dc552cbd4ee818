/**
 * The TF.js parity suite (SPEC §10), run on each TF.js backend: Node `wasm` and `cpu`
 * (test/tfjs.test.ts) and Chromium `webgl` (test/tfjs.browser.test.ts). Every op × float32/int32 ×
 * NHWC/NCHW × ids/soft labels through `mixTensors`, compared with batchmix's own wasm backend on the
 * same params (plain arrays through `apply`): images exact for int32 (uint8 integer arithmetic) and
 * float32 CutMix/identity, within SPEC §6 otherwise (exact on the host paths, which run the same
 * kernels); labels within 1e-6. Also: x and y untouched, tensor counts back where they started.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBatchMix, type BatchMix } from '../src/index.js';
import { mixTensors, type MixTensorsOptions } from '../src/tfjs/index.js';
import type { Interpolation, Layout, MixParams, Op } from '../src/types.js';
import { edgeBoxes, lcg, paramsFor, randomBatch, randomIndex } from './helpers/data.js';

export const K = 5;
const SIZES: readonly [number, number, number, number][] = [
  // n, c, h, w
  [1, 1, 1, 1],
  [3, 3, 5, 7],
  [4, 4, 9, 17],
  [5, 1, 13, 6],
];
export const CASES: readonly { op: Op; interpolation?: Interpolation }[] = [
  { op: 'identity' },
  { op: 'mixup' },
  { op: 'cutmix' },
  ...(['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area'] as const).map((interpolation) => ({ op: 'resizemix' as const, interpolation })),
];


/** Images and labels as tensors, with the same values as plain arrays for the wasm reference. */
export function makeInputs(n: number, c: number, h: number, w: number, layout: Layout, dtype: 'float32' | 'int32', soft: boolean, seed: number, onDevice = false) {
  const b = randomBatch(n, c, h, w, layout, dtype === 'float32' ? 'float32' : 'uint8', seed);
  const shape = [...b.shape] as [number, number, number, number];
  let x: tf.Tensor4D = dtype === 'float32' ? tf.tensor4d(b.data as Float32Array, shape, 'float32') : tf.tensor4d(Int32Array.from(b.data), shape, 'int32');
  const rnd = lcg(seed + 11);
  const ids = Int32Array.from({ length: n }, () => Math.floor(rnd() * K));
  const softY = Float32Array.from({ length: n * K }, () => rnd());
  let y: tf.Tensor1D | tf.Tensor2D = soft ? tf.tensor2d(softY, [n, K], 'float32') : tf.tensor1d(ids, 'int32');
  if (onDevice) {
    // The output of an op: on TF.js webgl its data lives in a texture (not in a CPU array).
    const [x0, y0] = [x, y];
    const [one, oneY] = [tf.scalar(1, dtype), tf.scalar(1, y0.dtype)];
    x = tf.mul(x0, one);
    y = tf.mul(y0, oneY);
    tf.dispose([x0, y0, one, oneY]);
  }
  return { batch: b, x, y, labels: soft ? softY : ids };
}

/** SPEC §6 tolerance against the wasm reference; `exactFloat` for the host paths (the same kernels). */
function tolerance(op: Op, dtype: 'float32' | 'int32', exactFloat: boolean): (ref: number) => number {
  if (exactFloat || dtype === 'int32' || op === 'identity' || op === 'cutmix') return () => 0;
  return op === 'mixup' ? (r) => 1e-6 * (1 + Math.abs(r)) : (r) => 2e-5 * (1 + Math.abs(r));
}

function firstMismatch(got: ArrayLike<number>, want: ArrayLike<number>, tol: (r: number) => number): string | undefined {
  if (got.length !== want.length) return `length ${got.length} ≠ ${want.length}`;
  for (let i = 0; i < want.length; i++) {
    if (!(Math.abs(got[i] - want[i]) <= tol(want[i])) && !(Number.isNaN(got[i]) && Number.isNaN(want[i]))) {
      return `element ${i}: got ${got[i]}, want ${want[i]}`;
    }
  }
  return undefined;
}

export interface SuiteOptions {
  /** The batchmix instance mixTensors gets (made once, after the TF.js backend is set). */
  makeMix(): Promise<BatchMix>;
  /** float32 results must equal the reference bit for bit (the host paths run the same wasm kernels). */
  exactFloat: boolean;
  /** Runs around each call (e.g. a readPixels counter); returns a check made after it. */
  around?: () => () => void;
  extra?: MixTensorsOptions;
  /** The path every call must take. */
  path?: 'gpu' | 'host';
  /** Make x and y the outputs of an op (on webgl: data in textures) instead of fresh tensors. */
  onDevice?: boolean;
}

export function defineTfjsSuite(o: SuiteOptions): void {
  let mix: BatchMix;
  let ref: BatchMix;
  beforeAll(async () => {
    mix = await o.makeMix();
    ref = await createBatchMix({ numClasses: K, augments: { op: 'mixup', alpha: 1 }, backend: 'wasm' });
  });
  afterAll(() => {
    mix?.dispose();
    ref?.dispose();
  });

  let seed = 0;
  for (const [n, c, h, w] of SIZES) {
    for (const { op, interpolation } of CASES) {
      for (const dtype of ['float32', 'int32'] as const) {
        for (const layout of ['NHWC', 'NCHW'] as const) {
          const s = ++seed;
          const soft = s % 2 === 0;
          const name = `${op}${interpolation ? ` ${interpolation}` : ''} ${dtype} ${layout} ${n}×${c}×${h}×${w} ${soft ? 'soft' : 'ids'}`;
          it(name, async () => {
            const before = tf.memory().numTensors;
            const { batch, x, y, labels } = makeInputs(n, c, h, w, layout, dtype, soft, s, o.onDevice);
            // x and y are not read before the call: on webgl a read caches their values on the CPU,
            // and the call must see them where an op left them (in textures, for onDevice).
            const params = paramsFor(op, n, h, w, s, interpolation);
            const want = await ref.apply(batch, labels, params);

            const check = o.around?.();
            const got = await mixTensors(mix, x, y, { ...o.extra, layout, params });
            check?.();

            expect(got.params).toBe(params);
            if (o.path) expect(got.path).toBe(o.path);
            expect(got.images.shape).toEqual(x.shape);
            expect(got.images.dtype).toBe(dtype);
            expect(got.labels.shape).toEqual([n, K]);
            expect(got.labels.dtype).toBe('float32');
            const img = await got.images.data();
            expect(firstMismatch(img, want.images.data, tolerance(op, dtype, o.exactFloat)), 'vs wasm').toBeUndefined();
            expect(firstMismatch(await got.labels.data(), want.labels, () => 1e-6)).toBeUndefined();
            // x and y are as they were, and still alive.
            expect(x.isDisposed || y.isDisposed).toBe(false);
            expect(firstMismatch(await x.data(), batch.data, () => 0)).toBeUndefined();
            expect(firstMismatch(await y.data(), labels, () => 0)).toBeUndefined();
            tf.dispose([got.images, got.labels, x, y]);
            expect(tf.memory().numTensors).toBe(before);
          });
        }
      }
    }
  }
}
