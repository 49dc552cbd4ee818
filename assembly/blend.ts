/**
 * blend (Mixup) on one image: `dst[j] = lam·a[j] + mlam·b[j]` for j in [0, count), where
 * `mlam = 1 − lam` was rounded to float32 once by the caller. The image is one contiguous span of
 * count = C·H·W elements in either layout, so no strides are needed.
 *
 * float32: each product is rounded to float32, then the sum (no FMA): bit-identical to
 * `fround(fround(lam·a) + fround(mlam·b))`. uint8: the same float32 v, then
 * `clamp(floor(v + 0.5), 0, 255)` (simd.ts). dst may equal a or b (in place): every element is
 * read before it is written. Pointers need no alignment. 16 elements per SIMD step, scalar tail.
 */
import { BIAS_V, HALF_V, highF32, konst, lowF32, MAGIC_V, packU8, roundHalfUp, roundU8 } from './simd';

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

/** uint8 Mixup of `count` elements: float32 v as in blendF32, then rounded (see the file comment). */
export function blendU8(dst: usize, a: usize, b: usize, count: i32, lam: f32, mlam: f32): void {
  const vl = f32x4.splat(lam);
  const vm = f32x4.splat(mlam);
  let i = 0;
  const half = konst(HALF_V), magic = konst(MAGIC_V), bias = konst(BIAS_V);
  for (; i + 16 <= count; i += 16) {
    const o = <usize>i;
    const al = v128.load8x8_u(a + o);
    const ah = v128.load8x8_u(a + o, 8);
    const bl = v128.load8x8_u(b + o);
    const bh = v128.load8x8_u(b + o, 8);
    const r0 = roundHalfUp(mix(lowF32(al), lowF32(bl), vl, vm), half, magic, bias);
    const r1 = roundHalfUp(mix(highF32(al), highF32(bl), vl, vm), half, magic, bias);
    const r2 = roundHalfUp(mix(lowF32(ah), lowF32(bh), vl, vm), half, magic, bias);
    const r3 = roundHalfUp(mix(highF32(ah), highF32(bh), vl, vm), half, magic, bias);
    v128.store(dst + o, packU8(r0, r1, r2, r3));
  }
  for (; i < count; i++) {
    const o = <usize>i;
    const v: f32 = <f32>load<u8>(a + o) * lam + <f32>load<u8>(b + o) * mlam;
    store<u8>(dst + o, roundU8(v));
  }
}
