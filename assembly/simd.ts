/**
 * Shared @inline helpers of the kernels: uint8 ⇄ float32 lanes and the one uint8 rounding rule of
 * SPEC §5, `u8(v) = clamp(floor(v + 0.5), 0, 255)` of a float32 value v, computed exactly.
 *
 * SIMD rounding in 4 one-instruction steps: f = floor(v − 0.5) in float32, then f + 1 as an integer
 * by adding 2^23 + 1 (the integer lands in the low mantissa bits) and subtracting the bits of 2^23;
 * packU8's saturating narrows clamp to [0, 255]. floor(v − 0.5) + 1 = floor(v + 0.5), and v − 0.5
 * is exact in float32 wherever it decides the result (v + 0.5 is not: 0.49999997 + 0.5 rounds to 1).
 * Checked against clamp(floor(v + 0.5), 0, 255) in float64 for every float32 v in [2^-12, 2^24),
 * every 7th negative one, ±0 and ±Inf. NaN gives 255; uint8 data with finite weights never makes NaN.
 */

// Loaders of 4 source elements as f32x4 (T = f32, or u8 widened exactly). They may read up to
// 8 elements (f32) or 16 bytes (u8) past what they return; the arena keeps 64 bytes of slack above
// its last block, and lanes made from such reads only ever land in padding.


/** Lanes 0..3 of an i16x8 of values 0..255 as f32x4 (exact; signed convert: one x64 instruction). */
// @ts-ignore: decorator
@inline export function lowF32(v16: v128): v128 {
  return f32x4.convert_i32x4_s(i32x4.extend_low_i16x8_u(v16));
}

/** Lanes 4..7 of an i16x8 of values 0..255 as f32x4 (exact). */
// @ts-ignore: decorator
@inline export function highF32(v16: v128): v128 {
  return f32x4.convert_i32x4_s(i32x4.extend_high_i16x8_u(v16));
}

// The constants of roundHalfUp as v128 in memory (0.5, 2^23 + 1, the bits of 2^23), for kernels
// to load once per call (konst) and keep in registers: a v128.const inside a loop costs V8 a 64-bit
// immediate move and an insert at every use (blendU8 ran 15–30 % slower with them inline).
const K = memory.data<i32>([
  0x3f000000, 0x3f000000, 0x3f000000, 0x3f000000,
  0x4b000001, 0x4b000001, 0x4b000001, 0x4b000001,
  0x4b000000, 0x4b000000, 0x4b000000, 0x4b000000,
], 16);
export const HALF_V = 0, MAGIC_V = 1, BIAS_V = 2;

/** The constant v128 number `i` (HALF_V, MAGIC_V, BIAS_V) of the table above. */
// @ts-ignore: decorator
@inline export function konst(i: i32): v128 {
  return v128.load(K + (<usize>i << 4));
}

/**
 * f32x4 → i32x4 of floor(v + 0.5) (see the file comment); not clamped: packU8 saturates.
 * half, magic, bias: konst(HALF_V), konst(MAGIC_V), konst(BIAS_V), loaded once per call.
 */
// @ts-ignore: decorator
@inline export function roundHalfUp(v: v128, half: v128, magic: v128, bias: v128): v128 {
  return i32x4.sub(f32x4.add(f32x4.floor(f32x4.sub(v, half)), magic), bias);
}

/** Four i32x4 → 16 uint8 lanes, saturating to [0, 255] (i32 → i16 → u8, both narrows saturate). */
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

/** 4 source elements at p as f32x4. */
// @ts-ignore: decorator
@inline export function load4<T>(p: usize): v128 {
  if (sizeof<T>() == 1) return f32x4.convert_i32x4_s(i32x4.extend_low_i16x8_u(v128.load8x8_u(p)));
  return v128.load(p);
}

/** Elements p[0], p[2], p[4], p[6] as f32x4 (a stride-2 row). */
// @ts-ignore: decorator
@inline export function loadEven4<T>(p: usize): v128 {
  if (sizeof<T>() == 1) {
    const b = v128.load64_zero(p);
    const z = i32x4.splat(0);
    return f32x4.convert_i32x4_s(i8x16.shuffle(b, z, 0, 16, 16, 16, 2, 16, 16, 16, 4, 16, 16, 16, 6, 16, 16, 16));
  }
  return i32x4.shuffle(v128.load(p), v128.load(p, 16), 0, 2, 4, 6);
}

/** 4 source elements at the byte offsets q[0..4) from row, as f32x4. */
// @ts-ignore: decorator
@inline export function gather4<T>(row: usize, q: usize): v128 {
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
