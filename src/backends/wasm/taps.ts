/**
 * The planner's resize taps (AxisTaps, src/plan/taps.ts) copied into wasm memory in the form
 * assembly/resize-paste.ts reads: per ResizeTaps entry a header of 8 i32
 * [outH, ky, iy, wy, outW, kx, ix, wx] (the last of each pair are pointers), then the arrays:
 *   iy[o·ky + a] = source row · rowBytes (bytes), wy[o·ky + a] = weight (float32);
 *   P ≥ 2: ix[o·kx + b] = source column · P · 4 (a byte offset in the float32 row temp), wx alike;
 *   P = 1: transposed and padded to outW4 = ⌈outW/4⌉·4 outputs: ix/wx[b·outW4 + o] (padding: 0, 0).
 * Every array starts 16-aligned.
 */
import type { ResizeTaps } from '../backend.js';
import type { Planes } from './layout.js';

const align16 = (n: number): number => Math.ceil(n / 16) * 16;

/** Elements of the x arrays for one entry (per-output layout or transposed and padded). */
function xLength(t: ResizeTaps, p: number): number {
  return p === 1 ? t.x.k * align16(t.x.outSize * 4) / 4 : t.x.outSize * t.x.k;
}

/** Bytes of one entry: header and four arrays. */
function entryBytes(t: ResizeTaps, p: number): number {
  return 32 + 2 * align16(4 * t.y.outSize * t.y.k) + 2 * align16(4 * xLength(t, p));
}

/** Bytes that writeTaps needs for all entries. */
export function tapsBytes(taps: readonly ResizeTaps[], l: Planes): number {
  return taps.reduce((sum, t) => sum + entryBytes(t, l.p), 0);
}

/** Writes every entry at `base` (16-aligned, tapsBytes long); returns each entry's header pointer. */
export function writeTaps(memory: WebAssembly.Memory, base: number, taps: readonly ResizeTaps[], l: Planes): number[] {
  const i32 = new Int32Array(memory.buffer);
  const f32 = new Float32Array(memory.buffer);
  const headers: number[] = [];
  let at = base;
  const take = (elements: number): number => {
    const ptr = at;
    at += align16(4 * elements);
    return ptr;
  };
  for (const t of taps) {
    const header = at;
    at += 32;
    const ny = t.y.outSize * t.y.k;
    const nx = xLength(t, l.p);
    const iy = take(ny), wy = take(ny), ix = take(nx), wx = take(nx);
    i32.set([t.y.outSize, t.y.k, iy, wy, t.x.outSize, t.x.k, ix, wx], header >> 2);
    for (let j = 0; j < ny; j++) i32[(iy >> 2) + j] = t.y.idx[j] * l.rowBytes;
    f32.set(t.y.wt.subarray(0, ny), wy >> 2);
    if (l.p === 1) {
      const outW4 = nx / t.x.k;
      i32.fill(0, ix >> 2, (ix >> 2) + nx);
      f32.fill(0, wx >> 2, (wx >> 2) + nx);
      for (let o = 0; o < t.x.outSize; o++) {
        for (let b = 0; b < t.x.k; b++) {
          i32[(ix >> 2) + b * outW4 + o] = t.x.idx[o * t.x.k + b] * 4;
          f32[(wx >> 2) + b * outW4 + o] = t.x.wt[o * t.x.k + b];
        }
      }
    } else {
      for (let j = 0; j < nx; j++) i32[(ix >> 2) + j] = t.x.idx[j] * l.p * 4;
      f32.set(t.x.wt.subarray(0, nx), wx >> 2);
    }
    headers.push(header);
  }
  return headers;
}
