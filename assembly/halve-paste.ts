/**
 * resizePaste for uint8 when both axes halve exactly (in = 2·out with every tap pair (2o, 2o + 1)
 * weighing (0.5, 0.5): bilinear or area at scale 0.5, as the glue checks). The integer formula of
 * src/plan/quantize.ts (the general path, resize-paste-u8.ts) then simplifies exactly: q = 8192 for
 * both taps, so h = (8192·(a + b) + 128) >> 8 = 32·(a + b) (no remainder), and
 *
 *   dst[c, y0 + oy, x0 + ox] = (8192·32·(a + b + c + d) + 2^19) >> 20 = (a + b + c + d + 2) >> 2
 *
 * with a, b = src[c, 2oy, 2ox .. 2ox + 1] and c, d the same on row 2oy + 1: the general path's
 * result, bit for bit, in 16-bit integer lanes and without gathers.
 * Geometry as resize-paste.ts (planes, planeBytes, rowBytes, P = elements per pixel in a row).
 * P ≤ 4 (fused, rowPair): a swizzle puts channel c of pixels 2ox and 2ox + 1 side by side, a
 * pairwise widening add sums them, the two rows' sums are added, rounded and narrowed in registers.
 * P > 4: tmp (16-aligned) holds the row sums S (2·outW·P i16) and the output row O (outW·P i16),
 * each with 16 lanes of padding.
 */

/**
 * Outputs (a + b + c + d + 2) >> 2 of the 16 source bytes at p (row 2oy) and p + rowBytes (row
 * 2oy + 1), as i16x8: swizzled by mask (P = 1: none) so that pairwise sums add horizontal pairs.
 */
// @ts-ignore: decorator
@inline function quarter(p: usize, rowBytes: usize, P: i32, mask: v128, two: v128): v128 {
  let a = v128.load(p), b = v128.load(p + rowBytes);
  if (P != 1) {
    a = i8x16.swizzle(a, mask);
    b = i8x16.swizzle(b, mask);
  }
  const sum = i16x8.add(i16x8.extadd_pairwise_i8x16_u(a), i16x8.extadd_pairwise_i8x16_u(b));
  return i16x8.shr_u(i16x8.add(sum, two), 2);
}

/**
 * One output row for P ≤ 4 (at: its first byte, r0: source row 2oy), called with a literal P so
 * that the masks are constants (V8 then emits a bare pshufb; 5–10 % faster than masks in locals
 * for RGB). Swizzle masks (index ≥ 0x80 gives 0): P = 2 and 4 pair the channels of adjacent pixels
 * in 16 bytes; P = 3 those of the 4 RGB pixels in bytes 0..11 (sum lanes 6, 7 are 0), and `pack`
 * keeps bytes 0..5 and 8..13 of two narrowed results. 16 outputs per step (P = 3: 12, from 24
 * source bytes), then 8 (P ≠ 3), then one by one. Reads stay within the two source
 * rows but for P = 3's last step, up to 4 bytes past the second row (in the arena: other data or
 * its slack). Writes exactly the count outputs.
 */
// @ts-ignore: decorator
@inline function rowPair(at: usize, r0: usize, rowBytes: usize, P: i32, count: i32, two: v128): void {
  const mask = P == 2 ? i8x16(0, 2, 1, 3, 4, 6, 5, 7, 8, 10, 9, 11, 12, 14, 13, 15)
    : P == 4 ? i8x16(0, 4, 1, 5, 2, 6, 3, 7, 8, 12, 9, 13, 10, 14, 11, 15)
    : i8x16(0, 3, 1, 4, 2, 5, 6, 9, 7, 10, 8, 11, -128, -128, -128, -128);
  let j = 0;
  if (P == 3) {
    const pack = i8x16(0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, -128, -128, -128, -128);
    for (; j + 12 <= count; j += 12) {
      const x = r0 + (<usize>j << 1);
      const lo = quarter(x, rowBytes, P, mask, two), hi = quarter(x + 12, rowBytes, P, mask, two);
      const out = i8x16.swizzle(i8x16.narrow_i16x8_u(lo, hi), pack);
      v128.store64_lane(at + <usize>j, out, 0);
      v128.store32_lane(at + <usize>j, out, 2, 8);
    }
  } else {
    for (; j + 16 <= count; j += 16) {
      const x = r0 + (<usize>j << 1);
      const lo = quarter(x, rowBytes, P, mask, two), hi = quarter(x + 16, rowBytes, P, mask, two);
      v128.store(at + <usize>j, i8x16.narrow_i16x8_u(lo, hi));
    }
    if (j + 8 <= count) {
      const q = quarter(r0 + (<usize>j << 1), rowBytes, P, mask, two);
      v128.store64_lane(at + <usize>j, i8x16.narrow_i16x8_u(q, q), 0);
      j += 8;
    }
  }
  for (; j < count; j++) {
    const e = r0 + <usize>((j / P) * P + j);
    const sum = <u32>load<u8>(e) + load<u8>(e + <usize>P) + load<u8>(e + rowBytes) + load<u8>(e + rowBytes + <usize>P);
    store<u8>(at + <usize>j, <u8>((sum + 2) >> 2));
  }
}

/** O[ox·P + c] = S[2ox·P + c] + S[(2ox + 1)·P + c] for 5 ≤ P ≤ 8: one vector per output pixel. */
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
    if (P <= 4) {
      for (let oy = 0; oy < outH; oy++) {
        const at = out + <usize>oy * <usize>rowBytes, r0 = plane + <usize>(2 * oy) * <usize>rowBytes;
        if (P == 1) rowPair(at, r0, <usize>rowBytes, 1, count, two);
        else if (P == 2) rowPair(at, r0, <usize>rowBytes, 2, count, two);
        else if (P == 3) rowPair(at, r0, <usize>rowBytes, 3, count, two);
        else rowPair(at, r0, <usize>rowBytes, 4, count, two);
      }
      continue;
    }
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
      if (P <= 8) pairsPixels(O, S, outW, P);
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
