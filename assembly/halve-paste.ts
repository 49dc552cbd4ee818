/**
 * resizePaste for uint8 when both axes halve exactly (in = 2·out with every tap pair (2o, 2o + 1)
 * weighing (0.5, 0.5): bilinear or area at scale 0.5, as the glue checks). Then every float32 step
 * of the general path (resample.ts) is exact: 0.5·a is a multiple of 0.5 below 128, the sums stay
 * below 2^24 · ulp, so R = (a + b + c + d)/4 exactly and
 *
 *   dst[c, y0 + oy, x0 + ox] = floor(R + 0.5) = (a + b + c + d + 2) >> 2
 *
 * with a, b = src[c, 2oy, 2ox .. 2ox + 1] and c, d the same on row 2oy + 1: the general path's
 * result, bit for bit, in 16-bit integer lanes and without gathers.
 * Geometry as resize-paste.ts (planes, planeBytes, rowBytes, P = elements per pixel in a row).
 * tmp (16-aligned): the row sums S (2·outW·P i16) and the output row O (outW·P i16), each with 16
 * lanes of padding.
 */

/** O[j] = S[j·2] + S[j·2 + 1] for P = 1: 8 outputs per step from two vectors (even + odd lanes). */
// @ts-ignore: decorator
@inline function pairsPlane(O: usize, S: usize, count: i32): void {
  for (let j = 0; j < count; j += 8) {
    const a = v128.load(S + (<usize>j << 2));
    const b = v128.load(S + (<usize>j << 2), 16);
    const even = i16x8.shuffle(a, b, 0, 2, 4, 6, 8, 10, 12, 14);
    const odd = i16x8.shuffle(a, b, 1, 3, 5, 7, 9, 11, 13, 15);
    v128.store(O + (<usize>j << 1), i16x8.add(even, odd));
  }
}

/** O[ox·P + c] = S[2ox·P + c] + S[(2ox + 1)·P + c] for 2 ≤ P ≤ 8: one vector per output pixel. */
// @ts-ignore: decorator
@inline function pairsPixels(O: usize, S: usize, outW: i32, P: i32): void {
  const pb = <usize>P << 1;
  let s = S, o = O;
  for (let ox = 0; ox < outW; ox++) {
    v128.store(o, i16x8.add(v128.load(s), v128.load(s + pb)));
    s += pb << 1;
    o += pb;
  }
}

/** uint8 ResizeMix of one image when both axes halve (see the file comment). */
export function halvePasteU8(
  dst: usize, src: usize, planes: i32, planeBytes: i32, rowBytes: i32, P: i32,
  y0: i32, x0: i32, outH: i32, outW: i32, tmp: usize,
): void {
  const count = outW * P;
  if (outH <= 0 || count <= 0) return;
  const S = tmp;
  const O = tmp + (((<usize>(4 * count) + 32) + 15) & ~15);
  const two = i16x8.splat(2);
  for (let p = 0; p < planes; p++) {
    const plane = src + <usize>p * <usize>planeBytes;
    const out = dst + <usize>p * <usize>planeBytes + <usize>y0 * <usize>rowBytes + <usize>(x0 * P);
    for (let oy = 0; oy < outH; oy++) {
      const r0 = plane + <usize>(2 * oy) * <usize>rowBytes;
      const r1 = r0 + <usize>rowBytes;
      // S = r0 + r1 over the 2·count elements of the row pair (16 per step; the tail reads up to 15
      // bytes past the row, into the arena's slack, and lands in S's padding).
      for (let x = 0; x < 2 * count; x += 16) {
        const a = v128.load(r0 + <usize>x);
        const b = v128.load(r1 + <usize>x);
        const s = S + (<usize>x << 1);
        v128.store(s, i16x8.add(i16x8.extend_low_i8x16_u(a), i16x8.extend_low_i8x16_u(b)));
        v128.store(s, i16x8.add(i16x8.extend_high_i8x16_u(a), i16x8.extend_high_i8x16_u(b)), 16);
      }
      if (P == 1) pairsPlane(O, S, count);
      else if (P <= 8) pairsPixels(O, S, outW, P);
      else {
        for (let j = 0; j < count; j++) {
          const e = <usize>((j / P) * P + j) << 1;
          store<i16>(O + (<usize>j << 1), load<i16>(S + e) + load<i16>(S + e + (<usize>P << 1)));
        }
      }
      // dst = (O + 2) >> 2, 16 lanes per step, scalar tail.
      const at = out + <usize>oy * <usize>rowBytes;
      let j = 0;
      for (; j + 16 <= count; j += 16) {
        const lo = i16x8.shr_u(i16x8.add(v128.load(O + (<usize>j << 1)), two), 2);
        const hi = i16x8.shr_u(i16x8.add(v128.load(O + (<usize>j << 1), 16), two), 2);
        v128.store(at + <usize>j, i8x16.narrow_i16x8_u(lo, hi));
      }
      for (; j < count; j++) store<u8>(at + <usize>j, <u8>((load<u16>(O + (<usize>j << 1)) + 2) >> 2));
    }
  }
}
