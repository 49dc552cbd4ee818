/**
 * batchmix/tfjs (SPEC §10): Mixup, CutMix and ResizeMix on TensorFlow.js tensors.
 *
 *   import { mixTensors } from 'batchmix/tfjs';
 *   const { images, labels, params } = await mixTensors(mix, x, y, { layout: 'NHWC' });
 *
 * x: a Tensor4D, [N, H, W, C] ('NHWC', TF.js's convention and the default) or [N, C, H, W]
 *    ('NCHW'); float32 (any range) or int32 (pixel values 0..255, as tf.browser.fromPixels gives;
 *    values outside that range are clamped to it, on every path).
 * y: a Tensor1D of N class ids (int32, or float32 holding integers) or a Tensor2D [N, K] of soft labels.
 * Returns new tensors that the caller disposes: images with x's shape and dtype (int32 images are
 * mixed as uint8, with batchmix's integer arithmetic, SPEC §5), labels float32 [N, K]; and the
 * params used (sampled from `mix`, or `options.params` replayed). x and y are left as they were.
 *
 * Where the work runs:
 * - `wasm` and `cpu` TF.js backends: x and y are read into host arrays and `mix.apply` runs on them
 *   (a batchmix instance on 'wasm': the SIMD kernels), then new tensors are built (readback.ts).
 * - `webgl`, with a batchmix instance on TF.js's own context (`createTfjsBatchMix`): zero-copy,
 *   no readPixels (gpu.ts); a batch too large for one texture takes the host path.
 * - `webgl` with any other instance: the read-mix-rebuild path, as on the CPU backends.
 *
 * Bad tensors (rank, dtype, shape mismatch between x and y, a disposed tensor) throw BatchMixError
 * with a code before anything is read; nothing is disposed, written or created when a call fails.
 * `@tensorflow/tfjs-core` 4.x is an optional peer dependency of batchmix, needed only here.
 *
 * @module batchmix/tfjs
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { BatchMix } from '../batchmix.js';
import type { Layout, MixParams } from '../types.js';
import { checkTensors } from './check.js';
import { mixOnGpu, sharesContext } from './gpu.js';
import { mixOnHost, type TensorMix } from './readback.js';
import { activeWebGL } from './tf-webgl.js';

export { BatchMixError } from '../errors.js';
export { createTfjsBatchMix } from './create.js';
export { tfjsContext } from './tf-webgl.js';
export type { TensorMix } from './readback.js';

export interface MixTensorsOptions {
  /** 'NHWC' (default, TF.js's convention) or 'NCHW'. */
  layout?: Layout;
  /** Params to replay (sampled elsewhere or made by hand); default: `mix.sample` draws them. */
  params?: MixParams;
}

/** Mixes a batch of image tensors and their labels (see the module comment). */
export async function mixTensors(
  mix: BatchMix, x: tf.Tensor4D, y: tf.Tensor1D | tf.Tensor2D, options: MixTensorsOptions = {},
): Promise<TensorMix> {
  const g = checkTensors(x, y, options.layout ?? 'NHWC');
  const webgl = activeWebGL();
  if (webgl && sharesContext(mix, webgl)) {
    const out = await mixOnGpu(mix, webgl, x, y, g, options.params);
    if (out) return out;
  }
  return mixOnHost(mix, x, y, g, options.params);
}
