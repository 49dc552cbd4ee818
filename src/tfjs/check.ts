/**
 * Validation of the tensors `mixTensors` takes (SPEC §7, §10), from their metadata only (no data is
 * read here): x a live Tensor4D of dtype float32 or int32 in the given layout, y a live Tensor1D of
 * class ids (int32, or float32 holding integers) or a Tensor2D [N, K] of soft labels, with x's N.
 * Values are checked where they are read (ids in range and soft labels finite: src/labels.ts);
 * int32 pixel values outside 0..255 are clamped (host.ts, and on the GPU glsl/batch.glsl).
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import { checkShape } from '../checks.js';
import { describe, fail } from '../errors.js';
import type { Layout } from '../types.js';

/** What passed: the batch's sizes, its dtype in batchmix's terms, and the labels' kind. */
export interface TensorGeometry {
  readonly shape: readonly [number, number, number, number];
  readonly layout: Layout;
  readonly n: number;
  readonly c: number;
  readonly h: number;
  readonly w: number;
  /** 'float32' images stay float32; 'int32' images are mixed as uint8 (values 0..255). */
  readonly dtype: 'float32' | 'int32';
  /** 'ids': y is [N]; 'soft': y is [N, K]. */
  readonly labels: 'ids' | 'soft';
}

function isTensor(t: unknown): t is Tensor {
  const v = t as Partial<Tensor> | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.shape) && typeof v.dtype === 'string' &&
    typeof v.isDisposed === 'boolean' && v.dataId !== undefined;
}

function live(name: string, t: unknown, expected: string): Tensor {
  if (!isTensor(t)) fail('BAD_SHAPE', `mixTensors: ${name} must be a ${expected}, got ${describe(t)}`);
  if (t.isDisposed) fail('DISPOSED', `mixTensors: ${name} was disposed (a ${t.dtype} tensor of shape ${describe(t.shape)}); pass a live tensor`);
  return t;
}

/** Checks x, y and the layout; returns x's geometry. Throws BAD_SHAPE, BAD_LAYOUT, BAD_DTYPE, BAD_LABELS or DISPOSED. */
export function checkTensors(x: unknown, y: unknown, layout: unknown): TensorGeometry {
  const xs = live('x', x, 'tf.Tensor4D of images');
  const ys = live('y', y, 'tf.Tensor1D of class ids or a tf.Tensor2D of soft labels');
  if (layout !== 'NHWC' && layout !== 'NCHW') {
    fail('BAD_LAYOUT', `mixTensors: options.layout must be 'NHWC' (TF.js's convention, the default) or 'NCHW', got ${describe(layout)}`);
  }
  if (xs.rank !== 4) {
    fail('BAD_SHAPE', `mixTensors: x must be a Tensor4D (${layout === 'NHWC' ? '[N, H, W, C]' : '[N, C, H, W]'}), got rank ${xs.rank}, shape ${describe(xs.shape)}`);
  }
  if (xs.dtype !== 'float32' && xs.dtype !== 'int32') {
    fail('BAD_DTYPE', `mixTensors: x must be float32 or int32 (0..255, as tf.browser.fromPixels gives), got ${xs.dtype}`);
  }
  const { n, c, h, w } = checkShape('mixTensors (x)', xs.shape, layout);
  if (ys.rank !== 1 && ys.rank !== 2) {
    fail('BAD_LABELS', `mixTensors: y must be a Tensor1D of N = ${n} class ids or a Tensor2D [N, K] of soft labels, got rank ${ys.rank}, shape ${describe(ys.shape)}`);
  }
  if (ys.shape[0] !== n) {
    fail('BAD_LABELS', `mixTensors: y must have N = ${n} rows like x (shape ${describe(xs.shape)}), got shape ${describe(ys.shape)}`);
  }
  if (ys.rank === 1 && ys.dtype !== 'int32' && ys.dtype !== 'float32') {
    fail('BAD_LABELS', `mixTensors: class ids y must be int32 (or float32 holding integers), got ${ys.dtype}`);
  }
  if (ys.rank === 2 && ys.dtype !== 'float32') {
    fail('BAD_LABELS', `mixTensors: soft labels y must be float32, got ${ys.dtype}`);
  }
  const shape = xs.shape as [number, number, number, number];
  return { shape, layout, n, c, h, w, dtype: xs.dtype, labels: ys.rank === 1 ? 'ids' : 'soft' };
}
