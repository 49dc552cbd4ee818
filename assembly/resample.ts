/**
 * The two passes of a separable resize with precomputed taps (AxisTaps of src/backends/backend.ts,
 * laid out by the TypeScript glue), in the order of the js oracle (src/backends/js/resize-paste.ts):
 *
 *   cols (per source row, first):  H_a[o] = (((wx0·I[r_a, ix0] + wx1·I[r_a, ix1]) + …)  over kx taps
 *   rows (then):                   R[o]   = (((wy0·H_0[o] + wy1·H_1[o]) + …)            over ky taps
 *
 * all float32, each product rounded before it is added (no FMA), so the result is the oracle's bit
 * for bit (the first product is not added to a 0: the same value, but for the sign of a zero). T is the source type (f32 or u8, widened exactly). Byte offsets: ix = column·P·sizeof<T>.
 * Loads may run up to 8 elements past a row's end (the arena keeps 64 bytes of slack at the top of
 * memory); lanes computed from them land in padding, never in a result.
 */
import { packU8, roundHalfUp, roundU8 } from './simd';

/** 4 source elements at p as f32x4. */
// @ts-ignore: decorator
@inline function load4<T>(p: usize): v128 {
  if (sizeof<T>() == 1) return f32x4.convert_i32x4_s(i32x4.extend_low_i16x8_u(v128.load8x8_u(p)));
  return v128.load(p);
}

/** Elements p[0], p[2], p[4], p[6] as f32x4 (a stride-2 row). */
// @ts-ignore: decorator
@inline function loadEven4<T>(p: usize): v128 {
  if (sizeof<T>() == 1) {
    const b = v128.load64_zero(p);
    const z = i32x4.splat(0);
    return f32x4.convert_i32x4_s(i8x16.shuffle(b, z, 0, 16, 16, 16, 2, 16, 16, 16, 4, 16, 16, 16, 6, 16, 16, 16));
  }
  return i32x4.shuffle(v128.load(p), v128.load(p, 16), 0, 2, 4, 6);
}

/** 4 source elements at the byte offsets q[0..4) from row, as f32x4. */
// @ts-ignore: decorator
@inline function gather4<T>(row: usize, q: usize): v128 {
  if (sizeof<T>() == 1) {
    let v = i32x4.splat(0);
    v = v128.load8_lane(row + <usize>load<u32>(q), v, 0);
    v = v128.load8_lane(row + <usize>load<u32>(q, 4), v, 4);
    v = v128.load8_lane(row + <usize>load<u32>(q, 8), v, 8);
    v = v128.load8_lane(row + <usize>load<u32>(q, 12), v, 12);
    return f32x4.convert_i32x4_s(v);
  }
  let v = v128.load32_zero(row + <usize>load<u32>(q));
  v = v128.load32_lane(row + <usize>load<u32>(q, 4), v, 1);
  v = v128.load32_lane(row + <usize>load<u32>(q, 8), v, 2);
  return v128.load32_lane(row + <usize>load<u32>(q, 12), v, 3);
}

/**
 * cols for pixels of P ≥ 2 interleaved channels: H[o·P + c] = Σ_b wx[o·k+b]·I[ix[o·k+b] + c],
 * with wx stored splatted (one v128 per tap). One f32x4 per 4 channels; lanes past P spill into
 * the next pixel, which overwrites them (outputs go in ascending order), and after the last pixel
 * into H's padding. P ≤ 4 (one quad) has its own loop, unrolled for k = 2 (bilinear).
 */
export function colsPixels<T>(H: usize, row: usize, outW: i32, P: i32, k: i32, ix: usize, wx: usize): void {
  const step = <usize>P << 2;
  let out = H;
  if (P <= 4 && k == 2) {
    for (let o = 0; o < outW; o++) {
      const a = f32x4.mul(v128.load(wx), load4<T>(row + <usize>load<u32>(ix)));
      v128.store(out, f32x4.add(a, f32x4.mul(v128.load(wx, 16), load4<T>(row + <usize>load<u32>(ix, 4)))));
      ix += 8;
      wx += 32;
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

/**
 * cols for one channel per pixel (P = 1), 4 outputs per step, taps transposed by the glue:
 * ix/wx[b·outW4 + o] (outW4 = outW rounded up to 4; padding outputs weigh 0 at index 0).
 * step 1 or 2: the glue found ix[b·outW4 + o] = ix[b·outW4] + step·o·sizeof<T> for every real
 * output, so 4 outputs are one contiguous (or stride-2) load instead of a 4-lane gather (for two
 * taps at columns 2o and 2o + 1, scale 0.5, both come from the same two loads).
 * Otherwise a group whose flag byte (flags[g/4], 0 when there are none) is set has, for each of
 * its outputs, k ≤ 4 taps on consecutive columns: one 4-element load per output and a 4×4
 * transpose give the k tap vectors. Other groups gather lane by lane. The sums keep tap order.
 */
export function colsPlane<T>(H: usize, row: usize, outW4: i32, k: i32, ix: usize, wx: usize, step: i32, flags: usize): void {
  const stride = <usize>outW4 << 2;
  if (step != 0) {
    const b0 = row + <usize>load<u32>(ix);
    const b1 = k > 1 ? row + <usize>load<u32>(ix + stride) : b0;
    if (k == 2 && step == 2 && b1 == b0 + sizeof<T>()) {
      for (let g = 0; g < outW4; g += 4) {
        const go = <usize>g << 2;
        const at = b0 + (<usize>(2 * g)) * sizeof<T>();
        const even = f32x4.mul(v128.load(wx + go), loadEven4<T>(at));
        v128.store(H + go, f32x4.add(even, f32x4.mul(v128.load(wx + stride + go), loadEven4<T>(at + sizeof<T>()))));
      }
      return;
    }
    for (let g = 0; g < outW4; g += 4) {
      const go = <usize>g << 2;
      const at = <usize>(g * step) * sizeof<T>();
      let acc = f32x4.mul(v128.load(wx + go), step == 1 ? load4<T>(b0 + at) : loadEven4<T>(b0 + at));
      for (let b = 1; b < k; b++) {
        const bo = <usize>b * stride;
        const base = row + <usize>load<u32>(ix + bo) + at;
        acc = f32x4.add(acc, f32x4.mul(v128.load(wx + bo + go), step == 1 ? load4<T>(base) : loadEven4<T>(base)));
      }
      v128.store(H + go, acc);
    }
    return;
  }
  for (let g = 0; g < outW4; g += 4) {
    const go = <usize>g << 2;
    let acc: v128;
    if (flags != 0 && load<u8>(flags + (<usize>g >> 2)) != 0) {
      const a = load4<T>(row + <usize>load<u32>(ix + go));
      const b = load4<T>(row + <usize>load<u32>(ix + go, 4));
      const c = load4<T>(row + <usize>load<u32>(ix + go, 8));
      const d = load4<T>(row + <usize>load<u32>(ix + go, 12));
      const abLo = i32x4.shuffle(a, b, 0, 4, 1, 5);
      const cdLo = i32x4.shuffle(c, d, 0, 4, 1, 5);
      acc = f32x4.mul(v128.load(wx + go), i64x2.shuffle(abLo, cdLo, 0, 2));
      if (k > 1) acc = f32x4.add(acc, f32x4.mul(v128.load(wx + stride + go), i64x2.shuffle(abLo, cdLo, 1, 3)));
      if (k > 2) {
        const abHi = i32x4.shuffle(a, b, 2, 6, 3, 7);
        const cdHi = i32x4.shuffle(c, d, 2, 6, 3, 7);
        acc = f32x4.add(acc, f32x4.mul(v128.load(wx + 2 * stride + go), i64x2.shuffle(abHi, cdHi, 0, 2)));
        if (k > 3) acc = f32x4.add(acc, f32x4.mul(v128.load(wx + 3 * stride + go), i64x2.shuffle(abHi, cdHi, 1, 3)));
      }
    } else {
      acc = f32x4.mul(v128.load(wx + go), gather4<T>(row, ix + go));
      for (let b = 1; b < k; b++) {
        const bo = <usize>b * stride + go;
        acc = f32x4.add(acc, f32x4.mul(v128.load(wx + bo), gather4<T>(row, ix + bo)));
      }
    }
    v128.store(H + go, acc);
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
 * two taps per pass. O = f32: out is R, or the destination row on the last pass. O = u8: out is
 * the destination row (last pass only), rounded as simd.ts says. 16 lanes per step, scalar tail.
 */
export function rows<O>(out: usize, R: usize, first: bool, h0: usize, w0: f32, h1: usize, w1: f32, two: bool, count: i32): void {
  const v0 = f32x4.splat(w0);
  const v1 = f32x4.splat(w1);
  let x = 0;
  for (; x + 16 <= count; x += 16) {
    const o = <usize>x << 2;
    const r0 = rows4(R, h0, v0, h1, v1, o, first, two);
    const r1 = rows4(R, h0, v0, h1, v1, o + 16, first, two);
    const r2 = rows4(R, h0, v0, h1, v1, o + 32, first, two);
    const r3 = rows4(R, h0, v0, h1, v1, o + 48, first, two);
    if (sizeof<O>() == 1) {
      v128.store(out + <usize>x, packU8(roundHalfUp(r0), roundHalfUp(r1), roundHalfUp(r2), roundHalfUp(r3)));
    } else {
      v128.store(out + o, r0);
      v128.store(out + o, r1, 16);
      v128.store(out + o, r2, 32);
      v128.store(out + o, r3, 48);
    }
  }
  for (; x < count; x++) {
    const o = <usize>x << 2;
    let acc: f32 = w0 * load<f32>(h0 + o);
    if (!first) acc = load<f32>(R + o) + acc;
    if (two) acc += w1 * load<f32>(h1 + o);
    if (sizeof<O>() == 1) store<u8>(out + <usize>x, roundU8(acc));
    else store<f32>(out + o, acc);
  }
}
