/**
 * blend (Mixup) on one image: `dst[j] = lam·a[j] + mlam·b[j]` for j in [0, count), where
 * `mlam = 1 − lam` was rounded to float32 once by the caller. The image is one contiguous span of
 * count = C·H·W elements in either layout, so no strides are needed.
 *
 * float32: each product is rounded to float32, then the sum (no FMA): bit-identical to
 * `fround(fround(lam·a) + fround(mlam·b))`.
 * uint8 (SPEC §5, src/plan/quantize.ts): the integer weight w = round(λ·2^14) from the glue and
 *   dst = (a·w + b·(2^14 − w) + 2^13) >> 14  =  b + ((a − b)·w + 2^13) >> 14
 * (b·2^14 leaves the floor shift unchanged), and ((a − b)·w + 2^13) >> 14 is exactly
 * i16x8.q15mulr_sat_s(a − b, 2w) = ((a − b)·2w + 2^14) >> 15 for 0 < w < 2^14 (|a − b| ≤ 255 and
 * 2w < 2^15 fit i16; the product never saturates); w = 2^14 copies a, w = 0 copies b (the formula's
 * values). 16 bytes in 16-bit lanes per op; the result is in [0, 255].
 * dst may equal a or b (in place): every element is read before it is written. Pointers need no
 * alignment. 16 elements per SIMD step, scalar tail.
 */

// @ts-ignore: decorator
@inline function mix(a: v128, b: v128, vl: v128, vm: v128): v128 {
  return f32x4.add(f32x4.mul(a, vl), f32x4.mul(b, vm));
}

/** float32 Mixup of `count` elements (see the file comment). */
export function blendF32(dst: usize, a: usize, b: usize, count: i32, lam: f32, mlam: f32): void {
  const vl = f32x4.splat(lam);
  const vm = f32x4.splat(mlam);
  let i = 0;
  for (; i + 16 <= count; i += 16) {
    const o = <usize>i << 2;
    const r0 = mix(v128.load(a + o), v128.load(b + o), vl, vm);
    const r1 = mix(v128.load(a + o, 16), v128.load(b + o, 16), vl, vm);
    const r2 = mix(v128.load(a + o, 32), v128.load(b + o, 32), vl, vm);
    const r3 = mix(v128.load(a + o, 48), v128.load(b + o, 48), vl, vm);
    v128.store(dst + o, r0);
    v128.store(dst + o, r1, 16);
    v128.store(dst + o, r2, 32);
    v128.store(dst + o, r3, 48);
  }
  for (; i < count; i++) {
    const o = <usize>i << 2;
    store<f32>(dst + o, load<f32>(a + o) * lam + load<f32>(b + o) * mlam);
  }
}

/** uint8 Mixup of `count` elements with the integer weight w in [0, 2^14] (see the file comment). */
export function blendU8(dst: usize, a: usize, b: usize, count: i32, w: i32): void {
  // w = 2^14 (λ = 1) is a, w = 0 is b; otherwise 2w fits i16 and the doubling moves to the weight.
  if (w >= 16384 || w <= 0) {
    const from = w > 0 ? a : b;
    if (from != dst) memory.copy(dst, from, <usize>count);
    return;
  }
  const vw = i16x8.splat(<i16>(w << 1));
  let i = 0;
  for (; i + 32 <= count; i += 32) {
    const o = <usize>i;
    const a0 = v128.load(a + o), b0 = v128.load(b + o);
    const a1 = v128.load(a + o, 16), b1 = v128.load(b + o, 16);
    v128.store(dst + o, mix16(a0, b0, vw));
    v128.store(dst + o, mix16(a1, b1, vw), 16);
  }
  for (; i + 16 <= count; i += 16) {
    const o = <usize>i;
    v128.store(dst + o, mix16(v128.load(a + o), v128.load(b + o), vw));
  }
  for (; i < count; i++) {
    const o = <usize>i;
    const x = <i32>load<u8>(a + o), y = <i32>load<u8>(b + o);
    store<u8>(dst + o, <u8>((x * w + y * (16384 - w) + 8192) >> 14));
  }
}

/** 16 uint8 lanes: b + q15mulr(a − b, 2w) with vw = 2w (see the file comment). */
// @ts-ignore: decorator
@inline function mix16(a: v128, b: v128, vw: v128): v128 {
  const bl = i16x8.extend_low_i8x16_u(b), bh = i16x8.extend_high_i8x16_u(b);
  const rl = i16x8.add(bl, i16x8.q15mulr_sat_s(i16x8.sub(i16x8.extend_low_i8x16_u(a), bl), vw));
  const rh = i16x8.add(bh, i16x8.q15mulr_sat_s(i16x8.sub(i16x8.extend_high_i8x16_u(a), bh), vw));
  return i8x16.narrow_i16x8_u(rl, rh);
}
