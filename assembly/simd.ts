/**
 * Shared @inline loaders of the float32 kernels: 4 source elements as f32x4 (T = f32, or u8 widened
 * exactly). They may read up to 8 elements (f32) or 16 bytes (u8) past what they return; the arena
 * keeps 64 bytes of slack above its last block, and lanes made from such reads only ever land in
 * padding. (uint8 is mixed and resized in integers: blend.ts, resample-u8.ts.)
 */

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
