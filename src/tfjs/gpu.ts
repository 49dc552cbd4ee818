/**
 * The zero-copy path on TF.js's `webgl` backend (SPEC §10): with a batchmix instance on TF.js's own
 * context (createTfjsBatchMix), the images never leave the GPU and no readPixels happens.
 *
 *   1. plan: the batch's page layout (docs/gpu-layout.md: the samples as one linear run, 4 elements
 *      per texel, rows of texW = 2^s texels); a batch that needs several pages takes the host path.
 *   2. x → texture: `x.dataToGPU({ customTexShape: [rows, texW] })` (TF.js decodes its own storage
 *      into a dense RGBA32F texture, which is exactly one page); a tensor whose values are still
 *      on the CPU is first uploaded by TF.js's own uploadToGPU (a texImage2D, no readback).
 *   3. mix: the webgl2 kernels read that texture (wrapped, not owned) and draw a new page. int32
 *      images are float values 0..255 in RGBA32F: the kernels' 'float' storage (variant 'u8f') runs
 *      the uint8 integer arithmetic on them and stores floats, so the result is bit-identical to
 *      the uint8 path.
 *   4. texture → tensor: `tf.tensor({ texture, height: rows, width: texW, channels: 'RGBA' }, shape, dtype)`;
 *      TF.js copies it into its own texture, and the page goes back to batchmix's pool.
 *
 * TF.js's GL state (framebuffers, program, vertex array, buffers, textures, viewport, scissor, caps,
 * pixel store) is saved before step 3 and restored after it, also when it throws (gl-state.ts).
 * Labels: read on the host when they are still CPU values (no GL call), else mixed by TF.js ops on
 * the GPU (gpu-labels.ts) when the instance's numClasses and labelSmoothing are known
 * (createTfjsBatchMix), else read back (a readback of N ids or N×K values, never of the images).
 * Params are validated before anything is made; a failure disposes what was made and restores the state.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BatchMix } from '../batchmix.js';
import type { MixParams } from '../types.js';
import { describe, fail } from '../errors.js';
import { checkParams } from '../validate.js';
import type { TensorGeometry } from './check.js';
import { labelOptionsOf } from './create.js';
import { saveGlState } from './gl-state.js';
import { mixLabelsOnGpu } from './gpu-labels.js';
import { idsOf } from './host.js';
import type { TensorMix } from './readback.js';
import { onCpu, type WebGLBackendLike } from './tf-webgl.js';

/** Whether `mix` can take the zero-copy path on TF.js's webgl backend `tfb`. */
export function sharesContext(mix: BatchMix, tfb: WebGLBackendLike): boolean {
  return mix.backend === 'webgl2' && mix.gpu().gl === tfb.gpgpu.gl;
}

/** Runs the zero-copy path; undefined when the batch needs several pages (the caller takes the host path). */
export async function mixOnGpu(
  mix: BatchMix, tfb: WebGLBackendLike, x: tf.Tensor, y: tf.Tensor, g: TensorGeometry, params: MixParams | undefined,
): Promise<TensorMix | undefined> {
  const gpu = mix.gpu();
  const dtype = g.dtype === 'float32' ? 'float32' : 'uint8';
  const storage = g.dtype === 'float32' ? 'native' : 'float';
  const plan = gpu.plan(g.shape, g.layout, dtype, storage);
  if (plan.pageRows.length !== 1) return undefined;
  const rows = plan.pageRows[0], texW = plan.packing.texW;

  const known = labelOptionsOf(mix);
  const labelsOnHost = onCpu(tfb, y) || !known;
  const hostLabels = labelsOnHost ? await readLabels(y, g) : new Int32Array(g.n);
  const p = params ?? mix.sample(g.shape, g.layout);
  checkParams('mixTensors', p, g.n, g.h, g.w);

  if (onCpu(tfb, x)) tfb.uploadToGPU(x.dataId);
  const input = x.dataToGPU({ customTexShape: [rows, texW] });
  let page: { images: import('../gpu.js').GpuBatch; labels: Float32Array } | undefined;
  try {
    const ts = input.texShape;
    if (!input.texture || !ts || ts[0] !== rows || ts[1] !== texW) {
      fail('INTERNAL', `mixTensors: TF.js's dataToGPU gave a texture of shape ${describe(ts)}, not the [${rows}, ${texW}] asked for`);
    }
    const restore = saveGlState(tfb.gpgpu.gl);
    try {
      const src = gpu.wrap([input.texture], g.shape, g.layout, dtype, storage);
      try {
        page = gpu.apply(src, hostLabels, p);
      } finally {
        gpu.release(src);
      }
    } finally {
      restore();
    }
    const shape = [...g.shape] as [number, number, number, number];
    const images = tf.tensor({ texture: page.images.pages[0], height: rows, width: texW, channels: 'RGBA' }, shape, g.dtype) as tf.Tensor4D;
    const labels = labelsOnHost
      ? tf.tensor2d(page.labels, [g.n, page.labels.length / g.n], 'float32')
      : mixLabelsOnGpu(y, g.labels, p, known!.numClasses, known!.labelSmoothing);
    return { images, labels, params: p, path: 'gpu' };
  } finally {
    if (page) {
      const restore = saveGlState(tfb.gpgpu.gl);
      try { gpu.release(page.images); } finally { restore(); }
    }
    input.tensorRef.dispose();
  }
}

async function readLabels(y: tf.Tensor, g: TensorGeometry): Promise<Int32Array | Float32Array> {
  const values = (await y.data()) as Int32Array | Float32Array;
  return g.labels === 'ids' ? idsOf(values) : (values as Float32Array);
}
