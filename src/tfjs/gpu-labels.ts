/**
 * The label mix of SPEC §1/§4 as TF.js ops, for labels that live in a texture on TF.js's `webgl`
 * backend (reading them would be a readPixels): the same formula as src/labels.ts,
 *   y = onehot(ids) or soft, then y·(1 − s) + s/K,   out[i] = λ[i]·y[i] + (1 − λ[i])·y[index[i]],
 * computed in float32 on the GPU (within 1e-6 of the host's float64-then-float32 for labels in [0, 1]).
 * Class ids cannot be range-checked without reading them: an id outside [0, K) gives a row of s/K
 * before mixing (no class), as tf.oneHot would; labels read on the host are checked (BAD_LABELS).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MixParams } from '../types.js';

export function mixLabelsOnGpu(y: tf.Tensor, kind: 'ids' | 'soft', p: MixParams, numClasses: number, smoothing: number): tf.Tensor2D {
  const n = y.shape[0];
  return tf.tidy(() => {
    const k = numClasses;
    const hot = kind === 'ids'
      ? tf.cast(tf.equal(tf.reshape(tf.cast(y, 'int32'), [n, 1]), tf.range(0, k, 1, 'int32')), 'float32')
      : tf.cast(y, 'float32');
    const smooth = smoothing === 0 ? hot : tf.add(tf.mul(hot, 1 - smoothing), smoothing / k);
    const lam = tf.tensor2d(p.lam, [n, 1], 'float32');
    const partner = tf.gather(smooth, tf.tensor1d(p.index, 'int32'));
    return tf.add(tf.mul(lam, smooth), tf.mul(tf.sub(1, lam), partner)) as tf.Tensor2D;
  });
}
