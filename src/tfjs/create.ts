/**
 * `createTfjsBatchMix`: a batchmix instance for mixTensors on whatever TF.js backend is active.
 * - `webgl`: the webgl2 backend on TF.js's own WebGL2 context (`tf.backend().gpgpu.gl`), so the
 *   images never leave the GPU (gpu.ts);
 * - anything else (`wasm`, `cpu`, ...): the wasm backend (its SIMD kernels), unless `backend` says otherwise.
 * The instance remembers numClasses and labelSmoothing for mixTensors, which then mixes labels that
 * live in a texture on the GPU too (gpu-labels.ts) instead of reading them.
 */
import { createBatchMix, type BatchMix, type CreateOptions } from '../batchmix.js';
import { tfjsContext } from './tf-webgl.js';

export interface LabelOptions {
  numClasses: number;
  labelSmoothing: number;
}

const labelOptions = new WeakMap<BatchMix, LabelOptions>();

/** numClasses and labelSmoothing of an instance made by createTfjsBatchMix (undefined for others). */
export function labelOptionsOf(mix: BatchMix): LabelOptions | undefined {
  return labelOptions.get(mix);
}

export async function createTfjsBatchMix(options: Omit<CreateOptions, 'gl'>): Promise<BatchMix> {
  const gl = tfjsContext();
  const mix = gl
    ? await createBatchMix({ ...options, backend: options.backend ?? 'webgl2', gl })
    : await createBatchMix({ ...options, backend: options.backend ?? 'wasm' });
  labelOptions.set(mix, { numClasses: options.numClasses, labelSmoothing: options.labelSmoothing ?? 0 });
  return mix;
}
