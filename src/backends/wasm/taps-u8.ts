/**
 * The planner's uint8 taps (AxisTaps.q: 14-bit weights summing to 2^14 per output, src/plan/quantize.ts)
 * copied into wasm memory in the form assembly/resize-paste-u8.ts and resample-u8.ts read: per
 * ResizeTaps entry a header of 10 i32 [outH, ky, iy, qy, outW, kx, ix, qx, kp, win] (iy, qy, ix, qx are
 * pointers, kp = ⌈kx / 2⌉ tap pairs), then the arrays:
 *   iy[o·ky + a] = source row · rowBytes, qy[o·ky + a] = weight (i32);
 *   P ≥ 2: ix[(o·kp + p)·2 + t] = source column of tap 2p + t · P (bytes), qx[o·kp + p] = i16x8
 *          [q_2p, q_2p+1] × 4;
 *   P = 1: groups of 4 outputs, ix[(g·kp + p)·8 + 2j + t] = column of tap 2p + t of output 4g + j,
 *          qx[g·kp + p] = i16x8 [q(4g, 2p), q(4g, 2p+1), q(4g+1, 2p), …];
 * a missing tap 2p + 1 (odd k) and the outputs past outW (P = 1) weigh 0 at a valid column.
 * Windowed (win = k, for 2 ≤ P ≤ 4 and k = 2 or 4, when windowOf finds one for every output):
 * ix[o] = first column of output o's window · P, and the pairs of qx are the window's weights.
 * Each entry takes 48 bytes of header; every array starts 16-aligned.
 */
import type { AxisTaps, ResizeTaps } from '../backend.js';
import { align16, Blocks, type Planes } from './layout.js';


/** Outputs of the x arrays: outW, or whole groups of 4 for P = 1. */
function xOutputs(x: AxisTaps, p: number): number {
  return p === 1 ? Math.ceil(x.outSize / 4) * 4 : x.outSize;
}

/** Bytes that writeTapsU8 needs for all entries. */
export function tapsBytesU8(taps: readonly ResizeTaps[], l: Planes): number {
  return taps.reduce((sum, { x, y }) => {
    const pairs = xOutputs(x, l.p) * Math.ceil(x.k / 2);
    return sum + 48 + 2 * align16(4 * y.outSize * y.k) + align16(8 * pairs) + align16(8 * pairs) * 2;
  }, 0);
}

/**
 * The x taps as windows of k consecutive columns: per output, the start s = min(min idx, in − k) and
 * the weights w[j] = Σ of the q whose idx = s + j. The integer sum Σ_b q_b·I[idx_b] is the same
 * (clamped border taps repeat a column, and integer addition is exact in any order), so the kernel
 * reads k consecutive pixels with one load. undefined when some output's taps span more than k
 * columns (or in < k), or when k, P have no windowed kernel.
 */
export function windowOf(x: AxisTaps, p: number): { start: Int32Array; q: Int16Array } | undefined {
  const k = x.k;
  if ((k !== 2 && k !== 4) || p < 2 || p > 4 || x.inSize < k) return undefined;
  const start = new Int32Array(x.outSize);
  const q = new Int16Array(x.outSize * k);
  for (let o = 0; o < x.outSize; o++) {
    let lo = x.inSize, hi = -1;
    for (let j = 0; j < k; j++) {
      lo = Math.min(lo, x.idx[o * k + j]);
      hi = Math.max(hi, x.idx[o * k + j]);
    }
    const s = Math.min(lo, x.inSize - k);
    if (hi >= s + k) return undefined;
    start[o] = s;
    for (let j = 0; j < k; j++) q[o * k + x.idx[o * k + j] - s] += x.q[o * k + j];
  }
  return { start, q };
}

/** Writes every entry at `base` (16-aligned, tapsBytesU8 long); returns each entry's header pointer. */
export function writeTapsU8(memory: WebAssembly.Memory, base: number, taps: readonly ResizeTaps[], l: Planes): number[] {
  const i32 = new Int32Array(memory.buffer);
  const i16 = new Int16Array(memory.buffer);
  const headers: number[] = [];
  const mem = new Blocks(base);
  for (const { x, y } of taps) {
    const header = mem.take(48);
    const ny = y.outSize * y.k;
    const kp = Math.ceil(x.k / 2);
    const pairs = xOutputs(x, l.p) * kp;
    const iy = mem.take(4 * ny), qy = mem.take(4 * ny), ix = mem.take(8 * pairs), qx = mem.take(16 * pairs);
    const win = windowOf(x, l.p);
    i32.set([y.outSize, y.k, iy, qy, x.outSize, x.k, ix, qx, kp, win ? x.k : 0], header >> 2);
    for (let j = 0; j < ny; j++) {
      i32[(iy >> 2) + j] = y.idx[j] * l.rowBytes;
      i32[(qy >> 2) + j] = y.q[j];
    }
    // Tap t of output o: its byte column and weight (0 past the taps or the outputs).
    const col = (o: number, t: number): number => (o < x.outSize ? x.idx[o * x.k + Math.min(t, x.k - 1)] * l.p : 0);
    const wt = (o: number, t: number): number => (o < x.outSize && t < x.k ? x.q[o * x.k + t] : 0);
    if (win) {
      for (let o = 0; o < x.outSize; o++) {
        i32[(ix >> 2) + o] = win.start[o] * l.p;
        for (let p = 0; p < kp; p++) {
          for (let j = 0; j < 8; j++) i16[(qx >> 1) + 8 * (o * kp + p) + j] = win.q[o * x.k + 2 * p + (j & 1)];
        }
      }
    } else if (l.p === 1) {
      for (let g = 0; g < pairs / kp / 4; g++) {
        for (let p = 0; p < kp; p++) {
          const e = g * kp + p;
          for (let j = 0; j < 4; j++) {
            for (let t = 0; t < 2; t++) {
              i32[(ix >> 2) + 8 * e + 2 * j + t] = col(4 * g + j, 2 * p + t);
              i16[(qx >> 1) + 8 * e + 2 * j + t] = wt(4 * g + j, 2 * p + t);
            }
          }
        }
      }
    } else {
      for (let o = 0; o < x.outSize; o++) {
        for (let p = 0; p < kp; p++) {
          const e = o * kp + p;
          for (let t = 0; t < 2; t++) i32[(ix >> 2) + 2 * e + t] = col(o, 2 * p + t);
          for (let j = 0; j < 8; j++) i16[(qx >> 1) + 8 * e + j] = wt(o, 2 * p + (j & 1));
        }
      }
    }
    headers.push(header);
  }
  return headers;
}
