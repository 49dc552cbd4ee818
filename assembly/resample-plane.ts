/**
 * The column pass of resample.ts for one channel per pixel (P = 1: NCHW planes, or C = 1), same
 * formula and order: H[o] = (((wx0·I[ix0] + wx1·I[ix1]) + …) over the kx taps, float32.
 */
import { gather4, load4, loadEven4 } from './simd';

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
