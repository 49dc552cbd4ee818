/**
 * The read-mix-rebuild path: read x and y into host arrays, run `mix.apply` (on the `wasm` and
 * `cpu` TF.js backends a batchmix instance on 'wasm' runs its SIMD kernels on them), and build new
 * tensors from the results. x and y are only read (on the `cpu` backend `data()` hands out the
 * tensor's own store, which is never written: apply writes into a new array).
 *
 * float32 images stay float32; int32 images go through the uint8 kernels (clamped to 0..255) and come back int32.
 * Labels come back float32 [N, K]. Everything is validated before a tensor is made, so a failed call
 * creates, disposes and writes nothing.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BatchMix } from '../batchmix.js';
import type { ImageBatch, MixParams } from '../types.js';
import type { TensorGeometry } from './check.js';
import { idsOf, pixelsToUint8, uint8ToPixels } from './host.js';

export interface TensorMix {
  images: tf.Tensor4D;
  labels: tf.Tensor2D;
  params: MixParams;
  /** Where the images went: 'gpu' (zero-copy on TF.js webgl) or 'host' (read, mixed, rebuilt). */
  path: 'gpu' | 'host';
}

/** The labels as mix.apply takes them: Int32Array ids or Float32Array soft labels. */
export async function hostLabels(y: tf.Tensor, g: TensorGeometry): Promise<Int32Array | Float32Array> {
  const values = (await y.data()) as Int32Array | Float32Array;
  return g.labels === 'ids' ? idsOf(values) : (values as Float32Array);
}

export async function mixOnHost(mix: BatchMix, x: tf.Tensor, y: tf.Tensor, g: TensorGeometry, params: MixParams | undefined): Promise<TensorMix> {
  const labels = await hostLabels(y, g);
  const values = (await x.data()) as Float32Array | Int32Array;
  const data = g.dtype === 'float32' ? (values as Float32Array) : pixelsToUint8(values as Int32Array);
  const batch: ImageBatch = { data, shape: g.shape, layout: g.layout };
  const p = params ?? mix.sample(g.shape, g.layout);
  const out = await mix.apply(batch, labels, p);
  const mixed = out.images.data;
  const pixels = g.dtype === 'float32' ? (mixed as Float32Array) : uint8ToPixels(mixed as Uint8Array);
  return {
    images: tf.tensor4d(pixels, [...g.shape] as [number, number, number, number], g.dtype),
    labels: tf.tensor2d(out.labels, [g.n, out.labels.length / g.n], 'float32'),
    params: p,
    path: 'host',
  };
}
