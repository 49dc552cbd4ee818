/**
 * Host-side conversions between TF.js tensor values and batchmix's arrays, for the paths that read
 * tensors on the CPU (the `wasm` and `cpu` TF.js backends, and the readback fallback on `webgl`).
 *
 * - int32 pixels (0..255, as tf.browser.fromPixels gives) ↔ uint8: the uint8 kernels run on them
 *   (integer arithmetic, SPEC §5); values outside 0..255 are clamped, as on the GPU path.
 * - class ids: int32, or float32 holding integers (tf.tensor1d's default dtype) → Int32Array.
 */
import { describe, fail } from '../errors.js';

/**
 * int32 pixel values → a new Uint8ClampedArray (uint8 for the kernels), values outside 0..255
 * clamped, as on the GPU path (which cannot check them without a readback): one rule everywhere.
 */
export function pixelsToUint8(values: Int32Array): Uint8ClampedArray {
  const out = new Uint8ClampedArray(values.length);
  out.set(values);
  return out;
}

/** Uint8Array → Int32Array (for the int32 tensor the caller gets back). */
export function uint8ToPixels(values: Uint8Array | Uint8ClampedArray): Int32Array {
  const out = new Int32Array(values.length);
  out.set(values);
  return out;
}

/** Class ids as mixLabels takes them: an Int32Array. float32 ids must be integers. */
export function idsOf(values: Int32Array | Float32Array): Int32Array {
  if (values instanceof Int32Array) return values;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isInteger(values[i])) {
      fail('BAD_LABELS', `mixTensors: class ids y[${i}] must be an integer, got ${describe(values[i])}`);
    }
  }
  return Int32Array.from(values);
}
