/**
 * The two passes of a separable resize with precomputed taps (AxisTaps of src/backends/backend.ts,
 * laid out by the TypeScript glue), in the order of the js oracle (src/backends/js/resize-paste.ts):
 *
 *   cols (per source row, first):  H_a[o] = (((wx0·I[r_a, ix0] + wx1·I[r_a, ix1]) + …)  over kx taps
 *   rows (then):                   R[o]   = (((wy0·H_0[o] + wy1·H_1[o]) + …)            over ky taps
 *
 * all float32, each product rounded before it is added (no FMA), so the result is the oracle's bit
 * for bit (the first product is not added to a 0: the same value but for the sign of a zero).
 * T is the source type (f32; the loaders also widen u8 exactly, but uint8 resizes run in integers:
 * resample-u8.ts). Byte offsets: ix = column·P·sizeof<T>.
 * This file: cols for interleaved pixels (P ≥ 2) and rows; resample-plane.ts: cols for P = 1.
 */
import { load4 } from './simd';

/**
 * cols for pixels of P ≥ 2 interleaved channels: H[o·P + c] = Σ_b wx[o·k+b]·I[ix[o·k+b] + c],
 * with wx stored splatted (one v128 per tap). One f32x4 per 4 channels; lanes past P spill into
 * the next pixel, which overwrites them (outputs go in ascending order), and after the last pixel
 * into H's padding. P ≤ 4 (one quad) has its own loops, two outputs per step, for k = 2
 * (bilinear) and k = 4 (bicubic; 1.5× faster than the general loop for uint8 RGB(A) 224² → 150²).
 */
export function colsPixels<T>(H: usize, row: usize, outW: i32, P: i32, k: i32, ix: usize, wx: usize): void {
  const step = <usize>P << 2;
  let out = H;
  if (P <= 4 && k == 2) {
    let o = 0;
    for (; o + 2 <= outW; o += 2) {
      const a = f32x4.mul(v128.load(wx), load4<T>(row + <usize>load<u32>(ix)));
      v128.store(out, f32x4.add(a, f32x4.mul(v128.load(wx, 16), load4<T>(row + <usize>load<u32>(ix, 4)))));
      const b = f32x4.mul(v128.load(wx, 32), load4<T>(row + <usize>load<u32>(ix, 8)));
      v128.store(out + step, f32x4.add(b, f32x4.mul(v128.load(wx, 48), load4<T>(row + <usize>load<u32>(ix, 12)))));
      ix += 16;
      wx += 64;
      out += step << 1;
    }
    for (; o < outW; o++) {
      const a = f32x4.mul(v128.load(wx), load4<T>(row + <usize>load<u32>(ix)));
      v128.store(out, f32x4.add(a, f32x4.mul(v128.load(wx, 16), load4<T>(row + <usize>load<u32>(ix, 4)))));
      ix += 8;
      wx += 32;
      out += step;
    }
    return;
  }
  if (P <= 4 && k == 4) {
    let o = 0;
    for (; o + 2 <= outW; o += 2) {
      let a = f32x4.mul(v128.load(wx), load4<T>(row + <usize>load<u32>(ix)));
      a = f32x4.add(a, f32x4.mul(v128.load(wx, 16), load4<T>(row + <usize>load<u32>(ix, 4))));
      a = f32x4.add(a, f32x4.mul(v128.load(wx, 32), load4<T>(row + <usize>load<u32>(ix, 8))));
      v128.store(out, f32x4.add(a, f32x4.mul(v128.load(wx, 48), load4<T>(row + <usize>load<u32>(ix, 12)))));
      let b = f32x4.mul(v128.load(wx, 64), load4<T>(row + <usize>load<u32>(ix, 16)));
      b = f32x4.add(b, f32x4.mul(v128.load(wx, 80), load4<T>(row + <usize>load<u32>(ix, 20))));
      b = f32x4.add(b, f32x4.mul(v128.load(wx, 96), load4<T>(row + <usize>load<u32>(ix, 24))));
      v128.store(out + step, f32x4.add(b, f32x4.mul(v128.load(wx, 112), load4<T>(row + <usize>load<u32>(ix, 28)))));
      ix += 32;
      wx += 128;
      out += step << 1;
    }
    for (; o < outW; o++) {
      let acc = f32x4.mul(v128.load(wx), load4<T>(row + <usize>load<u32>(ix)));
      acc = f32x4.add(acc, f32x4.mul(v128.load(wx, 16), load4<T>(row + <usize>load<u32>(ix, 4))));
      acc = f32x4.add(acc, f32x4.mul(v128.load(wx, 32), load4<T>(row + <usize>load<u32>(ix, 8))));
      v128.store(out, f32x4.add(acc, f32x4.mul(v128.load(wx, 48), load4<T>(row + <usize>load<u32>(ix, 12)))));
      ix += 16;
      wx += 64;
      out += step;
    }
    return;
  }
  const quads = (P + 3) >> 2;
  for (let o = 0; o < outW; o++) {
    for (let q = 0; q < quads; q++) {
      const qe = <usize>(q << 2) * sizeof<T>();
      let acc = f32x4.mul(v128.load(wx), load4<T>(row + <usize>load<u32>(ix) + qe));
      for (let b = 1; b < k; b++) {
        acc = f32x4.add(acc, f32x4.mul(v128.load(wx + (<usize>b << 4)), load4<T>(row + <usize>load<u32>(ix + (<usize>b << 2)) + qe)));
      }
      v128.store(out + (<usize>q << 4), acc);
    }
    ix += <usize>k << 2;
    wx += <usize>k << 4;
    out += step;
  }
}

/** One f32x4 of the rows sum: (first ? 0 : R) + w0·h0 (+ w1·h1 when two), in that order. */
// @ts-ignore: decorator
@inline function rows4(R: usize, h0: usize, v0: v128, h1: usize, v1: v128, o: usize, first: bool, two: bool): v128 {
  let acc = f32x4.mul(v0, v128.load(h0 + o));
  if (!first) acc = f32x4.add(v128.load(R + o), acc);
  if (two) acc = f32x4.add(acc, f32x4.mul(v1, v128.load(h1 + o)));
  return acc;
}

/**
 * rows: out[x] = (first ? 0 : R[x]) + w0·h0[x] (+ w1·h1[x] when two), for x in [0, count), one or
 * two taps per pass: out is R, or the destination row on the last pass. 16 lanes per step, scalar tail.
 */
export function rows(out: usize, R: usize, first: bool, h0: usize, w0: f32, h1: usize, w1: f32, two: bool, count: i32): void {
  const v0 = f32x4.splat(w0);
  const v1 = f32x4.splat(w1);
  let x = 0;
  for (; x + 16 <= count; x += 16) {
    const o = <usize>x << 2;
    const r0 = rows4(R, h0, v0, h1, v1, o, first, two);
    const r1 = rows4(R, h0, v0, h1, v1, o + 16, first, two);
    const r2 = rows4(R, h0, v0, h1, v1, o + 32, first, two);
    const r3 = rows4(R, h0, v0, h1, v1, o + 48, first, two);
    v128.store(out + o, r0);
    v128.store(out + o, r1, 16);
    v128.store(out + o, r2, 32);
    v128.store(out + o, r3, 48);
  }
  for (; x < count; x++) {
    const o = <usize>x << 2;
    let acc: f32 = w0 * load<f32>(h0 + o);
    if (!first) acc = load<f32>(R + o) + acc;
    if (two) acc += w1 * load<f32>(h1 + o);
    store<f32>(out + o, acc);
  }
}
