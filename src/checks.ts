/**
 * The range checks that every entry point taking shapes or params-like arrays shares: `apply`
 * (src/validate.ts), `gpu.apply` and the webgl2 backend's GPU-resident methods, mixLabels and
 * resizeTapsFor. One implementation, so the rules and the messages cannot drift apart. A leaf
 * module (it needs only errors.ts), so every layer may use it.
 */
import { describe, fail } from './errors.js';
import type { DType, PixelData } from './types.js';

/** Float32Array, Uint8Array or Uint8ClampedArray: the pixel storage batchmix takes (SPEC §5). */
export function isPixelData(d: unknown): d is PixelData {
  return d instanceof Float32Array || d instanceof Uint8Array || d instanceof Uint8ClampedArray;
}

/** layout 'NCHW' or 'NHWC'; shape 4 integers ≥ 1 in that layout's order. Returns [N, C, H, W]-ordered sizes. */
export function checkShape(where: string, shape: unknown, layout: unknown): { n: number; c: number; h: number; w: number } {
  if (layout !== 'NCHW' && layout !== 'NHWC') {
    fail('BAD_LAYOUT', `${where}: layout must be 'NCHW' or 'NHWC', got ${describe(layout)}`);
  }
  const ok = (Array.isArray(shape) || ArrayBuffer.isView(shape)) && (shape as ArrayLike<number>).length === 4;
  const s = ok ? Array.from(shape as ArrayLike<number>) : [];
  if (!ok || s.some((v) => !Number.isInteger(v) || v < 0)) {
    fail('BAD_SHAPE', `${where}: shape must be 4 non-negative integers (${layout === 'NCHW' ? '[N, C, H, W]' : '[N, H, W, C]'}), got ${describe(shape)}`);
  }
  const [n, c, h, w] = layout === 'NCHW' ? s : [s[0], s[3], s[1], s[2]];
  for (const [name, v] of [['N', n], ['C', c], ['H', h], ['W', w]] as const) {
    if (v === 0) fail('BAD_SHAPE', `${where}: ${name} must be ≥ 1, got shape ${describe(s)} (${layout})`);
  }
  if (n * c * h * w > 2 ** 32) fail('TOO_LARGE', `${where}: a batch of ${n * c * h * w} elements is over 2^32`);
  return { n, c, h, w };
}

/** dtype 'float32' or 'uint8'. */
export function checkDType(where: string, dtype: unknown): DType {
  if (dtype !== 'float32' && dtype !== 'uint8') fail('BAD_DTYPE', `${where}: dtype must be 'float32' or 'uint8', got ${describe(dtype)}`);
  return dtype;
}

/** Every partner `index[i]` in [0, n). */
export function checkIndex(where: string, name: string, index: ArrayLike<number>, n: number): void {
  for (let i = 0; i < n; i++) {
    if (!(index[i] >= 0 && index[i] < n)) fail('BAD_PARAMS', `${where}: ${name}[${i}] must be in [0, ${n}), got ${describe(index[i])}`);
  }
}

/** Every weight `lam[i]` in [0, 1] (NaN fails). */
export function checkLam(where: string, name: string, lam: ArrayLike<number>, n: number): void {
  for (let i = 0; i < n; i++) {
    if (!(lam[i] >= 0 && lam[i] <= 1)) fail('BAD_PARAMS', `${where}: ${name}[${i}] must be in [0, 1], got ${describe(lam[i])}`);
  }
}

/** Every box [y0, y1, x0, x1] (4 per sample) half-open inside H×W: 0 ≤ y0 ≤ y1 ≤ H, 0 ≤ x0 ≤ x1 ≤ W. */
export function checkBoxes(where: string, name: string, boxes: ArrayLike<number>, n: number, h: number, w: number): void {
  for (let i = 0; i < n; i++) {
    const y0 = boxes[4 * i], y1 = boxes[4 * i + 1], x0 = boxes[4 * i + 2], x1 = boxes[4 * i + 3];
    if (!(0 <= y0 && y0 <= y1 && y1 <= h && 0 <= x0 && x0 <= x1 && x1 <= w)) {
      fail('BAD_PARAMS', `${where}: ${name}: box ${i} must satisfy 0 ≤ y0 ≤ y1 ≤ ${h} and 0 ≤ x0 ≤ x1 ≤ ${w}, got [${y0}, ${y1}, ${x0}, ${x1}]`);
    }
  }
}
