/**
 * Input batches, checksums and the comparison with the oracle. Inputs are deterministic: the LCG
 * s ← s·1664525 + 1013904223 (mod 2^32), seed 7; float32 values are s/2^32 in [0, 1) (normalised
 * images), uint8 values are the top 8 bits of s.
 */
import type { PixelData } from '../src/index.js';
import { caseInfo, type Case, type CaseInfo } from './cases.js';

/** A batch for case `c`, in the case's layout and dtype. */
export function makeInput(c: Case): PixelData {
  const info = caseInfo(c);
  let s = 7;
  if (info.dtype === 'float32') {
    const data = new Float32Array(info.elements);
    for (let k = 0; k < data.length; k++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      data[k] = s / 4294967296;
    }
    return data;
  }
  const data = new Uint8Array(info.elements);
  for (let k = 0; k < data.length; k++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[k] = s >>> 24;
  }
  return data;
}

/** Position-weighted checksum of perf-anchors §2: Σ_k out[k]·(1 + k mod 13), in double. */
export function checksum(data: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < data.length; k++) sum += data[k] * (1 + (k % 13));
  return sum;
}

/**
 * The SPEC §6 tolerance of an element: exact for CutMix; float32 Mixup 1e-6·(1 + |ref|);
 * float32 ResizeMix 2e-5·(1 + |ref|); uint8 1.
 */
export function tolerance(info: CaseInfo, ref: number): number {
  if (info.kind === 'cutmix') return 0;
  if (info.dtype === 'uint8') return 1;
  return (info.kind === 'mixup' ? 1e-6 : 2e-5) * (1 + Math.abs(ref));
}

export interface Agreement {
  readonly agrees: boolean;
  readonly maxAbsDiff: number;
  /** The first element over the tolerance, or -1. */
  readonly firstBad: number;
}

/** Compares an implementation's output with the oracle's, element by element (same layout). */
export function compare(info: CaseInfo, got: ArrayLike<number>, ref: ArrayLike<number>): Agreement {
  if (got.length !== ref.length) return { agrees: false, maxAbsDiff: Infinity, firstBad: 0 };
  let maxAbsDiff = 0;
  let firstBad = -1;
  for (let k = 0; k < ref.length; k++) {
    const d = Math.abs(got[k] - ref[k]);
    if (!(d <= tolerance(info, ref[k]))) {
      if (firstBad < 0) firstBad = k;
      if (Number.isNaN(d)) return { agrees: false, maxAbsDiff: NaN, firstBad };
    }
    if (d > maxAbsDiff) maxAbsDiff = d;
  }
  return { agrees: firstBad < 0, maxAbsDiff, firstBad };
}

/** NCHW → NHWC (C channels, H×W images), into a new array of the same type. */
export function toNHWC<T extends Float32Array | Uint8Array | Int32Array>(src: T, n: number, c: number, h: number, w: number): T {
  const out = new (src.constructor as new (len: number) => T)(src.length);
  const plane = h * w;
  for (let i = 0; i < n; i++) {
    for (let ch = 0; ch < c; ch++) {
      const from = (i * c + ch) * plane;
      for (let p = 0; p < plane; p++) out[(i * plane + p) * c + ch] = src[from + p];
    }
  }
  return out;
}

/** NHWC → NCHW, the inverse of toNHWC. */
export function toNCHW<T extends Float32Array | Uint8Array | Int32Array>(src: T, n: number, c: number, h: number, w: number): T {
  const out = new (src.constructor as new (len: number) => T)(src.length);
  const plane = h * w;
  for (let i = 0; i < n; i++) {
    for (let ch = 0; ch < c; ch++) {
      const to = (i * c + ch) * plane;
      for (let p = 0; p < plane; p++) out[to + p] = src[(i * plane + p) * c + ch];
    }
  }
  return out;
}
