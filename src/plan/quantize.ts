/**
 * uint8 integer weights (SPEC §5, revised 2026-11-30): uint8 batches are mixed and resized with
 * integer weights, computed here once, in TypeScript, and handed to every backend (js oracle,
 * wasm, GLSL), which then compute the same bits. K = 14 weight bits, ONE = 2^14, F = 6 fraction
 * bits between the two resize passes. The formulas, exactly:
 *
 * Mixup, per sample i (a = own element, b = partner element, both 0..255):
 *   w   = clamp(floor(fround(lam[i])·16384 + 0.5), 0, 16384)                    (mixWeight)
 *   out = (a·w + b·(16384 − w) + 8192) >> 14                                    (no clamp needed)
 *
 * ResizeMix taps, per axis and output o with the k float32 weights wt_j of the planner's taps:
 *   x_j = wt_j·16384 (exact in double), q_j = floor(x_j), r = 16384 − Σ_j q_j;
 *   r > 0: add 1 to the r taps with the LARGEST fraction x_j − q_j;
 *   r < 0: subtract 1 from the −r taps with the SMALLEST fraction;
 *   ties go to the lower tap index j first. Then Σ_j q_j = 16384 exactly.   (quantizeTaps)
 *
 * ResizeMix pixels, the float oracle's pass order (columns first, per source row iy_a):
 *   h_a = (Σ_b qx_b·I[iy_a, ix_b] + 128) >> 8     (arithmetic shift = floor; F = 6 fraction bits, fits int16)
 *   S   = Σ_a qy_a·h_a                            (int32)
 *   out = clamp((S + 524288) >> 20, 0, 255)
 * Nearest taps (q = 16384) make this an exact copy. uint8 CutMix is a copy (no arithmetic).
 * float32 arithmetic is unchanged everywhere.
 */

/** Weight bits: integer weights are in units of 2^-K. */
export const K = 14;
/** 2^K, the integer weight of 1. */
export const ONE = 1 << K;
/** Fraction bits of the intermediate h between the column and the row pass. */
export const F = 6;
/** Right shift after the column pass (K − F) and its rounding offset. */
export const COL_SHIFT = K - F;
export const COL_ROUND = 1 << (COL_SHIFT - 1);
/** Right shift after the row pass (K + F) and its rounding offset. */
export const ROW_SHIFT = K + F;
export const ROW_ROUND = 1 << (ROW_SHIFT - 1);

/** Mixup's integer weight of the own sample: clamp(floor(fround(lam)·2^14 + 0.5), 0, 2^14). */
export function mixWeight(lam: number): number {
  const w = Math.floor(Math.fround(lam) * ONE + 0.5);
  return w < 0 ? 0 : w > ONE ? ONE : w;
}

/** Mixup of one uint8 pair with the integer weight w (mixWeight): (a·w + b·(2^14 − w) + 2^13) >> 14. */
export function mixU8(a: number, b: number, w: number): number {
  return (a * w + b * (ONE - w) + (ONE >> 1)) >> K;
}

/**
 * The integer weights of one axis (outSize outputs, k float32 weights each, output-major as in
 * AxisTaps): the largest-remainder rule of the file comment, so every output's weights sum to 2^14.
 * Values stay within one of wt·2^14 (|q| ≤ 2^14 + 1 for the planner's weights: fits int16).
 */
export function quantizeTaps(wt: Float32Array, outSize: number, k: number): Int16Array {
  const q = new Int16Array(outSize * k);
  const frac = new Float64Array(k);
  const order: number[] = [];
  for (let o = 0; o < outSize; o++) {
    const at = o * k;
    let r = ONE;
    order.length = 0;
    for (let j = 0; j < k; j++) {
      const x = wt[at + j] * ONE;
      const fl = Math.floor(x);
      q[at + j] = fl;
      frac[j] = x - fl;
      r -= fl;
      order.push(j);
    }
    if (r === 0) continue;
    // r > 0: largest fraction first; r < 0: smallest first; equal fractions: lower j first.
    order.sort((i, j) => (frac[i] !== frac[j] ? (r > 0 ? frac[j] - frac[i] : frac[i] - frac[j]) : i - j));
    const step = r > 0 ? 1 : -1;
    for (let n = 0; n < Math.abs(r); n++) q[at + order[n % k]] += step;
  }
  return q;
}
