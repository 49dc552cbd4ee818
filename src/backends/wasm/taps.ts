/**
 * The planner's resize taps (AxisTaps, src/plan/taps.ts) copied into wasm memory in the form
 * assembly/resize-paste.ts reads: per ResizeTaps entry a header of 9 i32
 * [outH, ky, iy, wy, outW, kx, ix, wx, step] (iy, wy, ix, wx are pointers), then the arrays:
 *   iy[o·ky + a] = source row · rowBytes, wy[o·ky + a] = weight (float32);
 *   P ≥ 2: ix[o·kx + b] = source column · P · eb (bytes within a row), wx[o·kx + b] splatted to 4 lanes;
 *   P = 1: transposed and padded to outW4 = ⌈outW/4⌉·4 outputs, ix/wx[b·outW4 + o] (padding 0, 0),
 *   and step = 1 or 2 when every tap b has ix = ix[b·outW4] + step·o·eb (contiguous or stride-2
 *   loads), else 0 and, for k ≤ 4, one flag byte per group of 4 outputs: 1 when each of them has
 *   its taps on consecutive columns (a 4-element load per output), else 0 (a gather); flags = 0
 *   when there are none.
 * Each entry takes 48 bytes of header; every array starts 16-aligned.
 */
import type { AxisTaps, ResizeTaps } from '../backend.js';
import { align16, Blocks, type Planes } from './layout.js';


/** Elements of the x arrays of one entry. */
function xLength(t: ResizeTaps, p: number): number {
  return p === 1 ? t.x.k * (align16(t.x.outSize * 4) / 4) : t.x.outSize * t.x.k;
}

/** Elements of the x weights: as xLength, 4 lanes each for P ≥ 2. */
function wLength(t: ResizeTaps, p: number): number {
  return p === 1 ? xLength(t, p) : 4 * xLength(t, p);
}

/** Bytes that writeTaps needs for all entries (flags: one byte per group of 4 outputs). */
export function tapsBytes(taps: readonly ResizeTaps[], l: Planes): number {
  return taps.reduce((sum, t) => sum + 48 + 2 * align16(4 * t.y.outSize * t.y.k) + align16(4 * xLength(t, l.p)) +
    align16(4 * wLength(t, l.p)) + align16(t.x.outSize / 4 + 1), 0);
}

/** Per group of 4 outputs: 1 when every output o in it has idx[o·k + j] = idx[o·k] + j (j < k ≤ 4). */
export function consecutiveGroups(x: AxisTaps): Uint8Array {
  const flags = new Uint8Array(Math.ceil(x.outSize / 4));
  if (x.k > 4) return flags;
  for (let g = 0; g < flags.length; g++) {
    let ok = true;
    for (let o = 4 * g; o < Math.min(4 * g + 4, x.outSize) && ok; o++) {
      for (let j = 1; j < x.k && ok; j++) ok = x.idx[o * x.k + j] === x.idx[o * x.k] + j;
    }
    flags[g] = ok ? 1 : 0;
  }
  return flags;
}

/** 1 or 2 when idx[o·k + b] = idx[b] + step·o for every output o and tap b, else 0. */
export function regularStep(x: AxisTaps): number {
  for (const step of [1, 2]) {
    let ok = x.outSize > 1;
    for (let o = 1; o < x.outSize && ok; o++) {
      for (let b = 0; b < x.k && ok; b++) ok = x.idx[o * x.k + b] === x.idx[b] + step * o;
    }
    if (ok) return step;
  }
  return 0;
}

/**
 * Whether an axis halves exactly: in = 2·out, k = 2, taps (2o, 2o + 1) weighing (0.5, 0.5) —
 * bilinear and area at scale 0.5. Then uint8 runs through halvePasteU8 (assembly/halve-paste.ts).
 */
export function halves(a: AxisTaps): boolean {
  if (a.k !== 2 || a.outSize < 1 || a.inSize !== 2 * a.outSize) return false;
  for (let j = 0; j < 2 * a.outSize; j++) if (a.idx[j] !== j || a.wt[j] !== 0.5) return false;
  return true;
}

/** Writes every entry at `base` (16-aligned, tapsBytes long); returns each entry's header pointer. */
export function writeTaps(memory: WebAssembly.Memory, base: number, taps: readonly ResizeTaps[], l: Planes): number[] {
  const i32 = new Int32Array(memory.buffer);
  const f32 = new Float32Array(memory.buffer);
  const headers: number[] = [];
  const mem = new Blocks(base);
  for (const { x, y } of taps) {
    const header = mem.take(48);
    const ny = y.outSize * y.k;
    const nx = xLength({ x, y }, l.p);
    const iy = mem.take(4 * ny), wy = mem.take(4 * ny), ix = mem.take(4 * nx), wx = mem.take(4 * wLength({ x, y }, l.p));
    const step = l.p === 1 ? regularStep(x) : 0;
    const flags = mem.take(x.outSize / 4 + 1);
    const groups = l.p === 1 && step === 0 ? consecutiveGroups(x) : undefined;
    if (groups) new Uint8Array(memory.buffer).set(groups, flags);
    i32.set([y.outSize, y.k, iy, wy, x.outSize, x.k, ix, wx, step, groups ? flags : 0], header >> 2);
    for (let j = 0; j < ny; j++) i32[(iy >> 2) + j] = y.idx[j] * l.rowBytes;
    f32.set(y.wt.subarray(0, ny), wy >> 2);
    if (l.p === 1) {
      const outW4 = nx / x.k;
      i32.fill(0, ix >> 2, (ix >> 2) + nx);
      f32.fill(0, wx >> 2, (wx >> 2) + nx);
      for (let o = 0; o < x.outSize; o++) {
        for (let b = 0; b < x.k; b++) {
          i32[(ix >> 2) + b * outW4 + o] = x.idx[o * x.k + b] * l.eb;
          f32[(wx >> 2) + b * outW4 + o] = x.wt[o * x.k + b];
        }
      }
    } else {
      for (let j = 0; j < nx; j++) {
        i32[(ix >> 2) + j] = x.idx[j] * l.p * l.eb;
        f32.fill(x.wt[j], (wx >> 2) + 4 * j, (wx >> 2) + 4 * j + 4);
      }
    }
    headers.push(header);
  }
  return headers;
}
