/**
 * What batchmix needs to know about TF.js's `webgl` backend (tfjs-backend-webgl 4.x), read through a
 * small structural type instead of importing the package: its WebGL2 context, whether a tensor's
 * data sits in a texture or still in a CPU array, and a way to move it to a texture.
 *
 * - Fresh tensors (tf.tensor from an array) keep their values on the CPU until an op needs them on
 *   the GPU; `dataToGPU` refuses them ("Data is not on GPU but on CPU"), so they are uploaded first
 *   with the backend's own `uploadToGPU` (a texImage2D, no readback), as its next op would.
 * - float32 data lives in RGBA32F textures only when WEBGL_RENDER_FLOAT32_ENABLED is on (else
 *   16-bit floats, which the zero-copy path does not take).
 */
import * as tf from '@tensorflow/tfjs-core';

interface TexData {
  values?: unknown;
  texture?: unknown;
}

/** The parts of MathBackendWebGL that batchmix uses. */
export interface WebGLBackendLike {
  gpgpu: { gl: WebGL2RenderingContext };
  texData: { get(dataId: object): TexData | undefined };
  uploadToGPU(dataId: object): void;
}

/** TF.js's webgl backend when it is the active one, on a WebGL2 context with float32 textures; else undefined. */
export function activeWebGL(): WebGLBackendLike | undefined {
  if (tf.getBackend() !== 'webgl') return undefined;
  const b = tf.backend() as unknown as Partial<WebGLBackendLike>;
  const gl = b.gpgpu?.gl;
  if (!gl || typeof (gl as Partial<WebGL2RenderingContext>).texStorage2D !== 'function') return undefined;
  if (typeof b.uploadToGPU !== 'function' || typeof b.texData?.get !== 'function') return undefined;
  if (!tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) return undefined;
  return b as WebGLBackendLike;
}

/** Whether a tensor's values are in a CPU array (readable with no GL call) rather than in a texture. */
export function onCpu(b: WebGLBackendLike, t: tf.Tensor): boolean {
  const d = b.texData.get(t.dataId);
  return d !== undefined && d.values != null;
}

/** TF.js's WebGL2 context when its webgl backend is active (for `createBatchMix({ gl })`), else undefined. */
export function tfjsContext(): WebGL2RenderingContext | undefined {
  return activeWebGL()?.gpgpu.gl;
}
