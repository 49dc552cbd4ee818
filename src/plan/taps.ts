/**
 * Resize taps (SPEC §5): PyTorch `F.interpolate(..., align_corners=False)` as torch 1.13's CPU
 * computes it for float32 input (research/semantics.md §9), one axis at a time. The planner computes
 * them once and every backend applies the same taps, so the backends cannot drift apart.
 *
 * Precision, as torch's (test/taps.test.ts: bit for bit against torch's weights, every in, out ≤ 16):
 * - the scale is float32, `s = f(in / out)` (f = Math.fround; sizes < 2^29, so rounding the double
 *   quotient once equals float32 division);
 * - the linear modes' source coordinate `s·(o + 0.5) − 0.5` is a double (torch's accumulate type;
 *   exact here: s has 24 bits, o + 0.5 few), the weights are float32;
 * - bicubic's Keys polynomials are float32 with torch's compiled fused multiply-adds (`fma` below).
 */
import type { AxisTaps, ResizeTaps } from '../backends/backend.js';
import { quantizeTaps } from './quantize.js';
import { checkBoxes } from '../checks.js';
import { describe, fail } from '../errors.js';
import type { Interpolation } from '../types.js';

const f = Math.fround;
const A = -0.75; // torch's bicubic coefficient (OpenCV's)

/**
 * a·b + c rounded once to float32 (a fused multiply-add), for the float32 operands below: a·b is
 * exact in double (≤ 48 bits) and so is the sum (operands within 53 bits of c), or, when x is tiny,
 * too far from a float32 tie for the double rounding to matter.
 */
function fma(a: number, b: number, c: number): number {
  return f(a * b + c);
}

/** Keys' cubic for |x| ≤ 1: ((A+2)x − (A+3))·x·x + 1, float32, the first step fused (as torch's build). */
function cubic1(x: number): number {
  return f(f(f(fma(A + 2, x, -(A + 3)) * x) * x) + 1);
}

/** Keys' cubic for 1 ≤ |x| ≤ 2: ((Ax − 5A)x + 8A)·x − 4A, float32, the first two steps fused. */
function cubic2(x: number): number {
  return f(f(fma(fma(A, x, -5 * A), x, 8 * A) * x) - 4 * A);
}

/** ⌊a / b⌋ for integers a ≥ 0, b > 0, exactly. */
function floorDiv(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/** Area windows (adaptive_avg_pool): [⌊o·in/out⌋, ⌈(o+1)·in/out⌉), in exact integer arithmetic. */
function areaTaps(inSize: number, outSize: number): AxisTaps {
  const start = new Int32Array(outSize);
  const end = new Int32Array(outSize);
  let k = 1;
  for (let o = 0; o < outSize; o++) {
    start[o] = floorDiv(o * inSize, outSize);
    end[o] = floorDiv((o + 1) * inSize + outSize - 1, outSize);
    k = Math.max(k, end[o] - start[o]);
  }
  const idx = new Int32Array(outSize * k);
  const wt = new Float32Array(outSize * k);
  for (let o = 0; o < outSize; o++) {
    const count = end[o] - start[o];
    for (let j = 0; j < k; j++) {
      // Padding taps (j ≥ count) weigh 0 and point at the window's first pixel.
      idx[o * k + j] = j < count ? start[o] + j : start[o];
      wt[o * k + j] = j < count ? 1 / count : 0;
    }
  }
  return { inSize, outSize, k, idx, wt, q: quantizeTaps(wt, outSize, k) };
}

/**
 * The taps of one axis, `in → out`: `out[o] = Σ_{j<k} wt[o·k+j] · in[idx[o·k+j]]` (s = f(in/out)):
 * - nearest (k=1):       i = min(⌊f(o·s)⌋, in−1)
 * - nearest-exact (k=1): i = min(⌊f((o+0.5)·s)⌋, in−1) (torch's CPU: the product is rounded to
 *   float32 once; a float32 GPU computing f(f(o+0.5)·s) gives the same index)
 * - bilinear (k=2):      out == in: [o, o] × [1, 0]; else x = max(s(o+0.5) − 0.5, 0),
 *   i0 = min(⌊x⌋, in−1), i1 = min(i0+1, in−1), w1 = f(clamp(x − i0, 0, 1)), w0 = f(1 − w1)
 * - bicubic (k=4):       x = s(o+0.5) − 0.5 (not clamped), i0 = min(⌊f(x)⌋, in−1) (torch's floorf
 *   of the float32 x, so t can be a hair below 0), t = f(x − i0), u = f(1 − t),
 *   w = [c2(f(t+1)), c1(t), c1(u), c2(f(u+1))] with A = −0.75, indices clamp(i0−1+j, 0, in−1);
 *   weights are not clamped (overshoot is possible)
 * - area (k = largest window): window [⌊o·in/out⌋, ⌈(o+1)·in/out⌉), weight f(1/count), padded
 *   with weight-0 taps
 * inSize ≥ 1; outSize ≥ 0 (0 gives empty taps: nothing is pasted). `q` holds the uint8 integer
 * weights of the same taps (quantizeTaps, src/plan/quantize.ts).
 */
export function axisTaps(inSize: number, outSize: number, mode: Interpolation): AxisTaps {
  if (!Number.isInteger(inSize) || inSize < 1) fail('BAD_PARAMS', `resize taps: inSize must be an integer ≥ 1, got ${describe(inSize)}`);
  if (!Number.isInteger(outSize) || outSize < 0) fail('BAD_PARAMS', `resize taps: outSize must be an integer ≥ 0, got ${describe(outSize)}`);
  if (mode === 'area') return areaTaps(inSize, outSize);
  if (mode !== 'nearest' && mode !== 'nearest-exact' && mode !== 'bilinear' && mode !== 'bicubic') {
    fail('BAD_PARAMS', `resizemix: params.interpolation must be 'nearest', 'nearest-exact', 'bilinear', 'bicubic' or 'area', got ${describe(mode)}`);
  }
  const k = mode === 'bilinear' ? 2 : mode === 'bicubic' ? 4 : 1;
  const s = f(inSize / outSize);
  const last = inSize - 1;
  const idx = new Int32Array(outSize * k);
  const wt = new Float32Array(outSize * k);
  for (let o = 0; o < outSize; o++) {
    const at = o * k;
    if (mode === 'nearest' || mode === 'nearest-exact') {
      const x = f((mode === 'nearest' ? o : o + 0.5) * s);
      idx[at] = Math.min(Math.floor(x), last);
      wt[at] = 1;
    } else if (mode === 'bilinear') {
      if (outSize === inSize) {
        idx[at] = o; idx[at + 1] = o; wt[at] = 1; wt[at + 1] = 0;
        continue;
      }
      const x = Math.max(s * (o + 0.5) - 0.5, 0); // double, exact
      const i0 = Math.min(Math.floor(x), last);
      const w1 = Math.min(Math.max(f(x - i0), 0), 1);
      idx[at] = i0; idx[at + 1] = Math.min(i0 + 1, last);
      wt[at] = f(1 - w1); wt[at + 1] = w1;
    } else {
      const x = s * (o + 0.5) - 0.5; // double, exact
      const i0 = Math.min(Math.floor(f(x)), last);
      const t = f(x - i0);
      const u = f(1 - t);
      const w = [cubic2(f(t + 1)), cubic1(t), cubic1(u), cubic2(f(u + 1))];
      for (let j = 0; j < 4; j++) {
        idx[at + j] = Math.min(Math.max(i0 - 1 + j, 0), last);
        wt[at + j] = w[j];
      }
    }
  }
  return { inSize, outSize, k, idx, wt, q: quantizeTaps(wt, outSize, k) };
}

/**
 * One ResizeTaps (H×W → boxH×boxW) per distinct box size among the n boxes ([y0, y1, x0, x1] each,
 * half-open, inside H×W); `tapOf[i]` is sample i's entry. Empty boxes (0 rows or 0 columns) share
 * one entry whose axes both have outSize 0 (kernels paste nothing).
 */
export function resizeTapsFor(boxes: Int32Array, n: number, h: number, w: number, mode: Interpolation):
  { taps: ResizeTaps[]; tapOf: Int32Array } {
  if (boxes.length !== 4 * n) fail('BAD_PARAMS', `resizemix: params.boxes must hold 4·N = ${4 * n} values, got ${describe(boxes)}`);
  checkBoxes('resizemix', 'params.boxes', boxes, n, h, w);
  const taps: ResizeTaps[] = [];
  const tapOf = new Int32Array(n);
  const entryOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const [y0, y1, x0, x1] = boxes.subarray(4 * i, 4 * i + 4);
    const empty = y1 === y0 || x1 === x0;
    const bh = empty ? 0 : y1 - y0;
    const bw = empty ? 0 : x1 - x0;
    const key = `${bh}x${bw}`;
    let entry = entryOf.get(key);
    if (entry === undefined) {
      entry = taps.length;
      taps.push({ y: axisTaps(h, bh, mode), x: axisTaps(w, bw, mode) });
      entryOf.set(key, entry);
    }
    tapOf[i] = entry;
  }
  return { taps, tapOf };
}
