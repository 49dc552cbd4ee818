/**
 * Shared @inline helpers of the kernels: uint8 ⇄ float32 lanes and the one uint8 rounding rule of
 * SPEC §5, `u8(v) = clamp(floor(v + 0.5), 0, 255)` of a float32 value v, computed exactly.
 *
 * Why the SIMD rounding is exact: for every float32 v ≥ 0.5, truncating the float32 sum v + 0.5
 * gives floor(v + 0.5) of the exact sum (checked over every float32 in [0.25, 300)); the single
 * exception below 0.5 is v = 0.49999997, whose sum rounds up to 1.0. Every v < 0.5 maps to 0, so
 * the lanes with v < 0.5 are masked to 0 and the exception disappears. NaN maps to 0.
 */

export const HALF: f32 = 0.5;

/** Lanes 0..3 of an i16x8 of values 0..255 as f32x4 (exact; the signed convert is one x64 instruction, the unsigned one is not). */
// @ts-ignore: decorator
@inline export function lowF32(v16: v128): v128 {
  return f32x4.convert_i32x4_s(i32x4.extend_low_i16x8_u(v16));
}

/** Lanes 4..7 of an i16x8 of values 0..255 as f32x4 (exact). */
// @ts-ignore: decorator
@inline export function highF32(v16: v128): v128 {
  return f32x4.convert_i32x4_s(i32x4.extend_high_i16x8_u(v16));
}

/** 4 bytes at `p` (uint8) as f32x4. */
// @ts-ignore: decorator
@inline export function loadU8x4(p: usize): v128 {
  return f32x4.convert_i32x4_s(i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(p))));
}

/**
 * f32x4 → i32x4 of clamp(floor(v + 0.5), 0, 255): floor of the float32 sum where v ≥ 0.5, else 0
 * (see the file comment), capped at 255, then turned into integers exactly by adding 2^23 (the
 * integer lands in the low mantissa bits) and subtracting the bits of 2^23. Every step is one
 * instruction on x64 (trunc_sat and unsigned converts are not).
 */
// @ts-ignore: decorator
@inline export function roundHalfUp(v: v128): v128 {
  const half = f32x4.splat(HALF);
  const f = f32x4.pmin(f32x4.floor(f32x4.add(v, half)), f32x4.splat(255));
  const kept = v128.and(f, f32x4.ge(v, half));
  return i32x4.sub(f32x4.add(kept, f32x4.splat(8388608)), i32x4.splat(0x4b000000));
}

/** Four i32x4 of values in [0, 255] → 16 uint8 lanes (i32 → i16 → u8). */
// @ts-ignore: decorator
@inline export function packU8(r0: v128, r1: v128, r2: v128, r3: v128): v128 {
  return i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_s(r0, r1), i16x8.narrow_i32x4_s(r2, r3));
}

/** The same rounding for one value, in float64 (exact): clamp(floor(v + 0.5), 0, 255); NaN → 0. */
// @ts-ignore: decorator
@inline export function roundU8(v: f32): u8 {
  const r = Math.floor(<f64>v + 0.5);
  return r >= 255 ? 255 : r >= 1 ? <u8>r : 0;
}

/** Float32 results `src[0..count)` → uint8 `dst[0..count)`, rounded as above (16 lanes, scalar tail). */
export function storeRoundedU8(dst: usize, src: usize, count: i32): void {
  let i = 0;
  for (; i + 16 <= count; i += 16) {
    const s = src + (<usize>i << 2);
    const r0 = roundHalfUp(v128.load(s));
    const r1 = roundHalfUp(v128.load(s, 16));
    const r2 = roundHalfUp(v128.load(s, 32));
    const r3 = roundHalfUp(v128.load(s, 48));
    v128.store(dst + <usize>i, packU8(r0, r1, r2, r3));
  }
  for (; i < count; i++) store<u8>(dst + <usize>i, roundU8(load<f32>(src + (<usize>i << 2))));
}
