/**
 * The two passes of a separable resize with precomputed taps (AxisTaps of src/backends/backend.ts,
 * laid out in memory by the TypeScript glue). All arithmetic is float32, in this order:
 *
 *   rows (vertical, first):  T[x] = (((wy0·r0[x] + wy1·r1[x]) + wy2·r2[x]) + …)   over the ky taps
 *   cols (horizontal, then): O[o] = (((wx0·T[ix0] + wx1·T[ix1]) + wx2·T[ix2]) + …) over the kx taps
 *
 * where r_a is source row iy_a of one plane (NCHW: one channel; NHWC: the interleaved row of W·C
 * elements). Each product is rounded to float32 before it is added (no FMA).
 */
import { highF32, lowF32 } from './simd';

/**
 * float32 rows: T[0..len) = Σ_a wy[a]·row_a, row_a = plane + iy[a] (iy: byte offsets, i32; wy: f32).
 * 4 lanes per step, scalar tail; the first two taps are fused into one pass.
 */
export function rowsF32(T: usize, plane: usize, len: i32, k: i32, iy: usize, wy: usize): void {
  const r0 = plane + <usize>load<u32>(iy);
  const w0 = load<f32>(wy);
  const r1 = k > 1 ? plane + <usize>load<u32>(iy, 4) : r0;
  const w1: f32 = k > 1 ? load<f32>(wy, 4) : 0;
  const v0 = f32x4.splat(w0);
  const v1 = f32x4.splat(w1);
  const two = k > 1;
  let x = 0;
  for (; x + 4 <= len; x += 4) {
    const o = <usize>x << 2;
    let acc = f32x4.mul(v0, v128.load(r0 + o));
    if (two) acc = f32x4.add(acc, f32x4.mul(v1, v128.load(r1 + o)));
    v128.store(T + o, acc);
  }
  for (; x < len; x++) {
    const o = <usize>x << 2;
    let acc: f32 = w0 * load<f32>(r0 + o);
    if (two) acc += w1 * load<f32>(r1 + o);
    store<f32>(T + o, acc);
  }
  for (let a = 2; a < k; a++) {
    const r = plane + <usize>load<u32>(iy + (<usize>a << 2));
    const w = load<f32>(wy + (<usize>a << 2));
    const v = f32x4.splat(w);
    let x = 0;
    for (; x + 4 <= len; x += 4) {
      const o = <usize>x << 2;
      v128.store(T + o, f32x4.add(v128.load(T + o), f32x4.mul(v, v128.load(r + o))));
    }
    for (; x < len; x++) {
      const o = <usize>x << 2;
      store<f32>(T + o, load<f32>(T + o) + w * load<f32>(r + o));
    }
  }
}

/** uint8 rows: as rowsF32 with uint8 source rows (iy in bytes), widened exactly to float32; 16 lanes per step. */
export function rowsU8(T: usize, plane: usize, len: i32, k: i32, iy: usize, wy: usize): void {
  for (let a = 0; a < k; a++) {
    const r = plane + <usize>load<u32>(iy + (<usize>a << 2));
    const w = load<f32>(wy + (<usize>a << 2));
    const v = f32x4.splat(w);
    const first = a == 0;
    let x = 0;
    for (; x + 16 <= len; x += 16) {
      const b = v128.load(r + <usize>x);
      const lo = i16x8.extend_low_i8x16_u(b);
      const hi = i16x8.extend_high_i8x16_u(b);
      const t = T + (<usize>x << 2);
      let p0 = f32x4.mul(v, lowF32(lo));
      let p1 = f32x4.mul(v, highF32(lo));
      let p2 = f32x4.mul(v, lowF32(hi));
      let p3 = f32x4.mul(v, highF32(hi));
      if (!first) {
        p0 = f32x4.add(v128.load(t), p0);
        p1 = f32x4.add(v128.load(t, 16), p1);
        p2 = f32x4.add(v128.load(t, 32), p2);
        p3 = f32x4.add(v128.load(t, 48), p3);
      }
      v128.store(t, p0);
      v128.store(t, p1, 16);
      v128.store(t, p2, 32);
      v128.store(t, p3, 48);
    }
    for (; x < len; x++) {
      const t = T + (<usize>x << 2);
      const p: f32 = w * <f32>load<u8>(r + <usize>x);
      store<f32>(t, first ? p : load<f32>(t) + p);
    }
  }
}

/**
 * cols for pixels of P ≥ 2 interleaved channels: O[o·P + c] = Σ_b wx[o·k + b]·T[ix[o·k + b] + c],
 * ix in bytes (source pixel · P · 4). One f32x4 per 4 channels; the lanes past P are scratch that
 * the next pixel (or the 4 floats of padding after O and T) absorbs, so outputs go in ascending order.
 */
export function colsPixels(O: usize, T: usize, outW: i32, P: i32, k: i32, ix: usize, wx: usize): void {
  const quads = (P + 3) >> 2;
  for (let o = 0; o < outW; o++) {
    const ti = ix + (<usize>(o * k) << 2);
    const tw = wx + (<usize>(o * k) << 2);
    const out = O + (<usize>(o * P) << 2);
    for (let q = 0; q < quads; q++) {
      const qo = <usize>q << 4;
      let acc = f32x4.mul(f32x4.splat(load<f32>(tw)), v128.load(T + <usize>load<u32>(ti) + qo));
      for (let b = 1; b < k; b++) {
        const bo = <usize>b << 2;
        acc = f32x4.add(acc, f32x4.mul(f32x4.splat(load<f32>(tw + bo)), v128.load(T + <usize>load<u32>(ti + bo) + qo)));
      }
      v128.store(out + qo, acc);
    }
  }
}

/** 4 floats of T gathered at the byte offsets p[0..4). */
// @ts-ignore: decorator
@inline function gather4(T: usize, p: usize): v128 {
  let v = v128.load32_zero(T + <usize>load<u32>(p));
  v = v128.load32_lane(T + <usize>load<u32>(p, 4), v, 1);
  v = v128.load32_lane(T + <usize>load<u32>(p, 8), v, 2);
  return v128.load32_lane(T + <usize>load<u32>(p, 12), v, 3);
}

/**
 * cols for one channel per pixel (P = 1): the same sum, 4 outputs per step, with the taps
 * transposed by the glue: ixT/wxT[b·outW4 + o] (outW4 = outW rounded up to 4; the padding
 * outputs have weight 0 and index 0, and land in O's padding).
 */
export function colsPlane(O: usize, T: usize, outW4: i32, k: i32, ixT: usize, wxT: usize): void {
  const stride = <usize>outW4 << 2;
  for (let g = 0; g < outW4; g += 4) {
    const go = <usize>g << 2;
    let acc = f32x4.mul(v128.load(wxT + go), gather4(T, ixT + go));
    for (let b = 1; b < k; b++) {
      const bo = <usize>b * stride + go;
      acc = f32x4.add(acc, f32x4.mul(v128.load(wxT + bo), gather4(T, ixT + bo)));
    }
    v128.store(O + go, acc);
  }
}
