/**
 * Pixel access shared by the js kernels: the uint8 store rule (SPEC §5), the in-place snapshot
 * (SPEC §1: reads see the batch as it was) and the per-sample copy of out-of-place calls.
 */
import type { Geometry } from '../backend.js';
import type { PixelData } from '../../types.js';

/** Stores the float32 value v at dst[e]. */
export type Store = (e: number, v: number) => void;

/**
 * The store for `dst`: Float32Array keeps v as is; Uint8Array and Uint8ClampedArray get
 * clamp(⌊v + 0.5⌋, 0, 255), computed in double (exact for a float32 v), never the typed array's own
 * conversion (Uint8Array wraps, Uint8ClampedArray rounds half to even).
 */
export function storeFor(dst: PixelData): Store {
  if (dst instanceof Float32Array) return (e, v) => { dst[e] = v; };
  return (e, v) => { dst[e] = Math.min(Math.max(Math.floor(v + 0.5), 0), 255); };
}

/**
 * What the kernels read: `src` itself out of place, a snapshot of it in place (`src === dst`), so that
 * a partner's pixels are never read after they were overwritten. The oracle keeps this simple.
 */
export function readable(src: PixelData, dst: PixelData): PixelData {
  return src === dst ? src.slice() : src;
}

/**
 * dst[i] = src[i] for sample i (out of place, so that every dst element is written). A sample is
 * the contiguous block [i·sn, (i+1)·sn) in both layouts; different dtypes go through `put`.
 */
export function copySample(src: PixelData, dst: PixelData, g: Geometry, i: number, put: Store): void {
  const from = i * g.sn;
  if ((src instanceof Float32Array) === (dst instanceof Float32Array)) {
    dst.set(src.subarray(from, from + g.sn), from);
    return;
  }
  for (let e = from; e < from + g.sn; e++) put(e, src[e]);
}

/** The samples a job writes: `samples` when given (job.samples), else 0 … n − 1. */
export function samplesOf(n: number, samples: Int32Array | undefined): ArrayLike<number> {
  return samples ?? Int32Array.from({ length: n }, (_, i) => i);
}
