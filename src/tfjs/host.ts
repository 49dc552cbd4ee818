/**
 * Host-side conversions between TF.js tensor values and batchmix's arrays, for the paths that read
 * tensors on the CPU (the `wasm` and `cpu` TF.js backends, and the readback fallback on `webgl`).
 *
 * - int32 pixels (0..255, as tf.browser.fromPixels gives) ↔ Uint8Array: the uint8 kernels run on
 *   them (integer arithmetic, SPEC §5); a value outside 0..255 is BAD_DTYPE, nothing written.
 * - class ids: int32, or float32 holding integers (tf.tensor1d's default dtype) → Int32Array.
 */
import { describe, fail } from '../errors.js';

/** int32 pixel values → Uint8Array (a new array); every value must be an integer in 0..255. */
export function pixelsToUint8(values: Int32Array): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if ((v & ~255) !== 0) {
      fail('BAD_DTYPE', `mixTensors: int32 images must hold pixel values in 0..255 (as tf.browser.fromPixels gives), got ${v} at element ${i}`);
    }
    out[i] = v;
  }
  return out;
}

/** Uint8Array → Int32Array (for the int32 tensor the caller gets back). */
export function uint8ToPixels(values: Uint8Array | Uint8ClampedArray): Int32Array {
  return Int32Array.from(values);
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
