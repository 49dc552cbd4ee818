/**
 * The two integer passes of uint8 ResizeMix (SPEC §5, src/plan/quantize.ts), in the js oracle's
 * order, with the taps' 14-bit weights q (each output's weights sum to 2^14):
 *
 *   cols (per source row a, first):  h_a[o] = (Σ_b qx_b·I[r_a, ix_b] + 128) >> 8    (i16, 6 fraction bits)
 *   rows (then):                     out[o] = clamp((Σ_a qy_a·h_a[o] + 2^19) >> 20, 0, 255)
 *
 * Shifts are arithmetic (floor). Products go through i32x4.dot_i16x8_s (pairs of taps summed in
 * i32, exact), so the result is the oracle's bit for bit. The glue (src/backends/wasm/taps-u8.ts)
 * lays the x taps out in pairs (an odd last tap is paired with a weight-0 copy of itself):
 * - P ≥ 2 (interleaved pixels): per output o and pair p, ix[(o·kp + p)·2 + t] = column·P (bytes),
 *   qx[o·kp + p] = i16x8 [q_2p, q_2p+1] × 4 (one v128);
 * - P = 1 (planes): per group g of 4 outputs and pair p, ix[(g·kp + p)·8 + 2j + t] for output
 *   4g + j, qx[g·kp + p] = i16x8 [q(4g, 2p), q(4g, 2p+1), q(4g+1, 2p), …] (padding outputs: 0, 0).
 * h rows need 8 i16 of padding: stores of a pixel group may write up to 8 lanes past the last output.
 * Source loads may read up to 3 bytes past a pixel (the arena keeps 64 bytes of slack).
 */

/** (acc + 128) >> 8 of two i32x4, narrowed to one i16x8 (saturating; h fits i16 for the planner's taps). */
// @ts-ignore: decorator
@inline function toH(a: v128, b: v128, round: v128): v128 {
  return i16x8.narrow_i32x4_s(i32x4.shr_s(i32x4.add(a, round), 8), i32x4.shr_s(i32x4.add(b, round), 8));
}

/** cols for P = 1: 4 outputs per group, 8 byte gathers and one dot per tap pair. */
export function colsPlaneU8(H: usize, row: usize, groups: i32, kp: i32, ix: usize, qx: usize): void {
  const round = i32x4.splat(128);
  let v = i32x4.splat(0);
  for (let g = 0; g < groups; g++) {
    let acc = i32x4.splat(0);
    for (let p = 0; p < kp; p++) {
      v = v128.load8_lane(row + <usize>load<u32>(ix), v, 0);
      v = v128.load8_lane(row + <usize>load<u32>(ix, 4), v, 1);
      v = v128.load8_lane(row + <usize>load<u32>(ix, 8), v, 2);
      v = v128.load8_lane(row + <usize>load<u32>(ix, 12), v, 3);
      v = v128.load8_lane(row + <usize>load<u32>(ix, 16), v, 4);
      v = v128.load8_lane(row + <usize>load<u32>(ix, 20), v, 5);
      v = v128.load8_lane(row + <usize>load<u32>(ix, 24), v, 6);
      v = v128.load8_lane(row + <usize>load<u32>(ix, 28), v, 7);
      acc = i32x4.add(acc, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(v), v128.load(qx)));
      ix += 32;
      qx += 16;
    }
    v128.store64_lane(H + (<usize>g << 3), toH(acc, acc, round), 0);
  }
}

/**
 * cols for 2 ≤ P ≤ 4, two output pixels per step: the 4 bytes at each tap of a pair, for both
 * outputs, in one v128, swizzled so that each channel's two tap values sit side by side; one dot per
 * output then sums the pair per channel. `pack` compacts the P real channels of both outputs to the
 * front (a constant per P). Then one output, then none.
 */
// @ts-ignore: decorator
@inline function colsPixelsU8(H: usize, row: usize, outW: i32, P: i32, kp: i32, ix: usize, qx: usize): void {
  const round = i32x4.splat(128);
  const pair = i8x16(0, 4, 1, 5, 2, 6, 3, 7, 8, 12, 9, 13, 10, 14, 11, 15);
  const pack = P == 4 ? i8x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
    : P == 3 ? i8x16(0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 14, 15)
    : i8x16(0, 1, 2, 3, 8, 9, 10, 11, 8, 9, 10, 11, 12, 13, 14, 15);
  const ixStep = <usize>kp << 3, qxStep = <usize>kp << 4, outStep = <usize>P << 1;
  let out = H;
  let o = 0;
  for (; o + 2 <= outW; o += 2) {
    let a = i32x4.splat(0), b = i32x4.splat(0);
    const ixb = ix + ixStep, qxb = qx + qxStep;
    for (let p = 0; p < kp; p++) {
      const at = <usize>p << 3;
      let v = v128.load32_zero(row + <usize>load<u32>(ix + at));
      v = v128.load32_lane(row + <usize>load<u32>(ix + at, 4), v, 1);
      v = v128.load32_lane(row + <usize>load<u32>(ixb + at), v, 2);
      v = v128.load32_lane(row + <usize>load<u32>(ixb + at, 4), v, 3);
      v = i8x16.swizzle(v, pair);
      a = i32x4.add(a, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(v), v128.load(qx + (<usize>p << 4))));
      b = i32x4.add(b, i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_u(v), v128.load(qxb + (<usize>p << 4))));
    }
    const h = toH(a, b, round);
    v128.store(out, P == 4 ? h : i8x16.swizzle(h, pack));
    ix += ixStep << 1;
    qx += qxStep << 1;
    out += outStep << 1;
  }
  if (o < outW) {
    let a = i32x4.splat(0);
    for (let p = 0; p < kp; p++) {
      const at = <usize>p << 3;
      let v = v128.load32_zero(row + <usize>load<u32>(ix + at));
      v = i8x16.swizzle(v128.load32_lane(row + <usize>load<u32>(ix + at, 4), v, 1), pair);
      a = i32x4.add(a, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(v), v128.load(qx + (<usize>p << 4))));
    }
    v128.store64_lane(out, toH(a, a, round), 0);
  }
}

/** cols for P ≥ 5: per output pixel, 4 channels at a time (lanes past P land in the next pixel or padding). */
// @ts-ignore: decorator
@inline function colsWideU8(H: usize, row: usize, outW: i32, P: i32, kp: i32, ix: usize, qx: usize): void {
  const round = i32x4.splat(128);
  const pair = i8x16(0, 4, 1, 5, 2, 6, 3, 7, 8, 12, 9, 13, 10, 14, 11, 15);
  const quads = (P + 3) >> 2;
  let out = H;
  for (let o = 0; o < outW; o++) {
    for (let q = 0; q < quads; q++) {
      const qe = <usize>(q << 2);
      let a = i32x4.splat(0);
      for (let p = 0; p < kp; p++) {
        const at = <usize>p << 3;
        let v = v128.load32_zero(row + <usize>load<u32>(ix + at) + qe);
        v = i8x16.swizzle(v128.load32_lane(row + <usize>load<u32>(ix + at, 4) + qe, v, 1), pair);
        a = i32x4.add(a, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(v), v128.load(qx + (<usize>p << 4))));
      }
      v128.store64_lane(out + (qe << 1), toH(a, a, round), 0);
    }
    ix += <usize>kp << 3;
    qx += <usize>kp << 4;
    out += <usize>P << 1;
  }
}

/** Byte k of the swizzle that pairs tap t0 = 2·half and t0 + 1 of a window of P-byte pixels per channel (junk past P). */
// @ts-ignore: decorator
@inline function pairMask(P: i32, wide: bool): v128 {
  // k = 2: bytes of output A in 0..7, output B in 8..15; k = 4 (wide): taps 0, 1 in the low half, 2, 3 in the high.
  if (P == 4) return i8x16(0, 4, 1, 5, 2, 6, 3, 7, 8, 12, 9, 13, 10, 14, 11, 15);
  if (P == 3) return wide ? i8x16(0, 3, 1, 4, 2, 5, 0, 0, 6, 9, 7, 10, 8, 11, 0, 0) : i8x16(0, 3, 1, 4, 2, 5, 0, 0, 8, 11, 9, 12, 10, 13, 8, 8);
  return wide ? i8x16(0, 2, 1, 3, 0, 0, 0, 0, 4, 6, 5, 7, 4, 4, 4, 4) : i8x16(0, 2, 1, 3, 0, 0, 0, 0, 8, 10, 9, 11, 8, 8, 8, 8);
}

/** Compacts the P real channels of two outputs (i16 lanes 0..P−1 and 4..3+P) to the front. */
// @ts-ignore: decorator
@inline function packPair(h: v128, P: i32): v128 {
  if (P == 4) return h;
  if (P == 3) return i8x16.swizzle(h, i8x16(0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 14, 15));
  return i8x16.swizzle(h, i8x16(0, 1, 2, 3, 8, 9, 10, 11, 8, 9, 10, 11, 12, 13, 14, 15));
}

/**
 * cols for 2 ≤ P ≤ 4 with windowed taps (the glue's `win`): output o reads the k = K ∈ {2, 4}
 * consecutive pixels from ix[o] (bytes), weights qx as the pairs layout. K = 2: one 8-byte load
 * per output, two outputs per v128; K = 4: one 16-byte load per output (P·4 ≤ 16 bytes used).
 * The sums start at 128, the rounding offset of h.
 */
// @ts-ignore: decorator
@inline function colsWindowU8(H: usize, row: usize, outW: i32, P: i32, K: i32, ix: usize, qx: usize): void {
  const round = i32x4.splat(128);
  const mask = pairMask(P, K == 4);
  const outStep = <usize>P << 1;
  let out = H;
  let o = 0;
  for (; o + 2 <= outW; o += 2) {
    let a: v128, b: v128;
    if (K == 2) {
      let v = v128.load64_zero(row + <usize>load<u32>(ix));
      v = i8x16.swizzle(v128.load64_lane(row + <usize>load<u32>(ix, 4), v, 1), mask);
      a = i32x4.add(round, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(v), v128.load(qx)));
      b = i32x4.add(round, i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_u(v), v128.load(qx, 16)));
      ix += 8;
      qx += 32;
    } else {
      const u = i8x16.swizzle(v128.load(row + <usize>load<u32>(ix)), mask);
      const v = i8x16.swizzle(v128.load(row + <usize>load<u32>(ix, 4)), mask);
      a = i32x4.add(i32x4.add(round, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(u), v128.load(qx))),
        i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_u(u), v128.load(qx, 16)));
      b = i32x4.add(i32x4.add(round, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(v), v128.load(qx, 32))),
        i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_u(v), v128.load(qx, 48)));
      ix += 8;
      qx += 64;
    }
    v128.store(out, packPair(i16x8.narrow_i32x4_s(i32x4.shr_s(a, 8), i32x4.shr_s(b, 8)), P));
    out += outStep << 1;
  }
  if (o < outW) {
    let a: v128;
    if (K == 2) {
      const v = i8x16.swizzle(v128.load64_zero(row + <usize>load<u32>(ix)), mask);
      a = i32x4.add(round, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(v), v128.load(qx)));
    } else {
      const u = i8x16.swizzle(v128.load(row + <usize>load<u32>(ix)), mask);
      a = i32x4.add(i32x4.add(round, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_u(u), v128.load(qx))),
        i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_u(u), v128.load(qx, 16)));
    }
    const h = i32x4.shr_s(a, 8);
    v128.store64_lane(out, i16x8.narrow_i32x4_s(h, h), 0);
  }
}

/** The column pass of one source row (row: its first byte) into H (see the file comment). */
export function colsU8(H: usize, row: usize, outW: i32, P: i32, kp: i32, ix: usize, qx: usize, win: i32): void {
  if (win == 2) {
    if (P == 4) colsWindowU8(H, row, outW, 4, 2, ix, qx);
    else if (P == 3) colsWindowU8(H, row, outW, 3, 2, ix, qx);
    else colsWindowU8(H, row, outW, 2, 2, ix, qx);
  } else if (win == 4) {
    if (P == 4) colsWindowU8(H, row, outW, 4, 4, ix, qx);
    else if (P == 3) colsWindowU8(H, row, outW, 3, 4, ix, qx);
    else colsWindowU8(H, row, outW, 2, 4, ix, qx);
  } else if (P == 1) colsPlaneU8(H, row, (outW + 3) >> 2, kp, ix, qx);
  else if (P == 4) colsPixelsU8(H, row, outW, 4, kp, ix, qx);
  else if (P == 3) colsPixelsU8(H, row, outW, 3, kp, ix, qx);
  else if (P == 2) colsPixelsU8(H, row, outW, 2, kp, ix, qx);
  else colsWideU8(H, row, outW, P, kp, ix, qx);
}

/** Σ over up to two tap pairs for the 4 outputs in lanes `hi` (4..7) or not (0..3) of x. */
// @ts-ignore: decorator
@inline function sum4(h0: v128, h1: v128, h2: v128, h3: v128, w01: v128, w23: v128, four: bool, hi: bool): v128 {
  let s = i32x4.dot_i16x8_s(hi ? i16x8.shuffle(h0, h1, 4, 12, 5, 13, 6, 14, 7, 15) : i16x8.shuffle(h0, h1, 0, 8, 1, 9, 2, 10, 3, 11), w01);
  if (four) {
    s = i32x4.add(s, i32x4.dot_i16x8_s(hi ? i16x8.shuffle(h2, h3, 4, 12, 5, 13, 6, 14, 7, 15) : i16x8.shuffle(h2, h3, 0, 8, 1, 9, 2, 10, 3, 11), w23));
  }
  return s;
}

/** clamp((S + 2^19) >> 20, 0, 255) of four i32x4, as 16 bytes (both narrows saturate). */
// @ts-ignore: decorator
@inline function toU8(s0: v128, s1: v128, s2: v128, s3: v128, round: v128): v128 {
  return i8x16.narrow_i16x8_u(
    i16x8.narrow_i32x4_s(i32x4.shr_s(i32x4.add(s0, round), 20), i32x4.shr_s(i32x4.add(s1, round), 20)),
    i16x8.narrow_i32x4_s(i32x4.shr_s(i32x4.add(s2, round), 20), i32x4.shr_s(i32x4.add(s3, round), 20)));
}

/**
 * rows for one pass of at most two taps that is the whole sum (first and last):
 * out[x] = clamp((q0·h0[x] + q1·h1[x] + 2^19) >> 20, 0, 255), 16 outputs per step, scalar tail.
 */
export function rows2U8(out: usize, h0: usize, h1: usize, q0: i32, q1: i32, count: i32): void {
  const w = i32x4.splat((q0 & 0xffff) | (q1 << 16));
  const round = i32x4.splat(1 << 19);
  let x = 0;
  for (; x + 16 <= count; x += 16) {
    const o = <usize>x << 1;
    const a0 = v128.load(h0 + o), a1 = v128.load(h1 + o);
    const b0 = v128.load(h0 + o, 16), b1 = v128.load(h1 + o, 16);
    const s0 = i32x4.dot_i16x8_s(i16x8.shuffle(a0, a1, 0, 8, 1, 9, 2, 10, 3, 11), w);
    const s1 = i32x4.dot_i16x8_s(i16x8.shuffle(a0, a1, 4, 12, 5, 13, 6, 14, 7, 15), w);
    const s2 = i32x4.dot_i16x8_s(i16x8.shuffle(b0, b1, 0, 8, 1, 9, 2, 10, 3, 11), w);
    const s3 = i32x4.dot_i16x8_s(i16x8.shuffle(b0, b1, 4, 12, 5, 13, 6, 14, 7, 15), w);
    v128.store(out + <usize>x, toU8(s0, s1, s2, s3, round));
  }
  for (; x < count; x++) {
    const o = <usize>x << 1;
    const v = (q0 * <i32>load<i16>(h0 + o) + q1 * <i32>load<i16>(h1 + o) + (1 << 19)) >> 20;
    store<u8>(out + <usize>x, <u8>(v < 0 ? 0 : v > 255 ? 255 : v));
  }
}

/**
 * rows, one pass of up to 4 taps (rows h0..h3 of i16 with weights q0..q3; unused ones weigh 0):
 * S[x] = (first ? 0 : R[x]) + Σ q_a·h_a[x] for x in [0, count). last: out[x] = clamp((S + 2^19) >> 20,
 * 0, 255) (bytes); else R[x] = S (i32). 16 outputs per step, scalar tail.
 */
export function rowsU8(
  out: usize, R: usize, first: bool, last: bool,
  h0: usize, h1: usize, h2: usize, h3: usize, q0: i32, q1: i32, q2: i32, q3: i32, count: i32,
): void {
  const w01 = i32x4.splat((q0 & 0xffff) | (q1 << 16));
  const w23 = i32x4.splat((q2 & 0xffff) | (q3 << 16));
  const four = q2 != 0 || q3 != 0;
  const round = i32x4.splat(1 << 19);
  let x = 0;
  for (; x + 16 <= count; x += 16) {
    const o = <usize>x << 1;
    const a0 = v128.load(h0 + o), a1 = v128.load(h1 + o), a2 = v128.load(h2 + o), a3 = v128.load(h3 + o);
    const b0 = v128.load(h0 + o, 16), b1 = v128.load(h1 + o, 16), b2 = v128.load(h2 + o, 16), b3 = v128.load(h3 + o, 16);
    let s0 = sum4(a0, a1, a2, a3, w01, w23, four, false);
    let s1 = sum4(a0, a1, a2, a3, w01, w23, four, true);
    let s2 = sum4(b0, b1, b2, b3, w01, w23, four, false);
    let s3 = sum4(b0, b1, b2, b3, w01, w23, four, true);
    const r = R + (<usize>x << 2);
    if (!first) {
      s0 = i32x4.add(s0, v128.load(r));
      s1 = i32x4.add(s1, v128.load(r, 16));
      s2 = i32x4.add(s2, v128.load(r, 32));
      s3 = i32x4.add(s3, v128.load(r, 48));
    }
    if (last) v128.store(out + <usize>x, toU8(s0, s1, s2, s3, round));
    else {
      v128.store(r, s0);
      v128.store(r, s1, 16);
      v128.store(r, s2, 32);
      v128.store(r, s3, 48);
    }
  }
  for (; x < count; x++) {
    const o = <usize>x << 1;
    let s = q0 * <i32>load<i16>(h0 + o) + q1 * <i32>load<i16>(h1 + o) + q2 * <i32>load<i16>(h2 + o) + q3 * <i32>load<i16>(h3 + o);
    if (!first) s += load<i32>(R + (<usize>x << 2));
    if (last) {
      const v = (s + (1 << 19)) >> 20;
      store<u8>(out + <usize>x, <u8>(v < 0 ? 0 : v > 255 ? 255 : v));
    } else store<i32>(R + (<usize>x << 2), s);
  }
}
