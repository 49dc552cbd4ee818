/**
 * resizePaste (ResizeMix) on one image: resizes the whole source image (the partner) to the box
 * size with the planner's taps and writes it into the box of dst, channel by channel:
 *
 *   dst[c, y0 + oy, x0 + ox] = Σ_a Σ_b wy[oy, a]·wx[ox, b]·src[c, iy[oy, a], ix[ox, b]]
 *
 * computed separably in float32, rows first then columns (the order is in resample.ts); uint8
 * results are clamp(floor(v + 0.5), 0, 255) of that float32 v, so bicubic overshoot is clamped
 * for uint8 only. Pixels outside the box are not touched. src must not overlap dst (the glue
 * copies an image that is its own partner into a temp first).
 *
 * Geometry (elements unless named bytes): the image is `planes` planes `planeBytes` apart, of H rows
 * `rowBytes` apart; a row holds `rowLen` elements in which a pixel is P consecutive elements.
 * NCHW: planes = C, P = 1, rowLen = W. NHWC: planes = 1, P = C, rowLen = W·C.
 *
 * taps: a header of i32 [outH, ky, iy, wy, outW, kx, ix, wx] (iy/wy/ix/wx are pointers), written by
 * the glue: iy = source row · rowBytes; for P ≥ 2 ix = source column · P · 4 per output (o·kx + b);
 * for P = 1 ix and wx are transposed, [b·outW4 + o], outW4 = outW rounded up to 4.
 * tmp: scratch of (rowLen + 4) + (outW·P + 8) floats, 16-aligned (T, then O at an aligned offset).
 */
import { colsPixels, colsPlane, rowsF32, rowsU8 } from './resample';
import { storeRoundedU8 } from './simd';

// @ts-ignore: decorator
@inline function outRow(tmp: usize, rowLen: i32): usize {
  return tmp + ((((<usize>rowLen + 4) << 2) + 15) & ~15);
}

/** One output row of one plane into O (float32): rows then cols. */
// @ts-ignore: decorator
@inline function resampleRow(
  u8src: bool, tmp: usize, plane: usize, rowLen: i32, P: i32, oy: i32, taps: usize,
): void {
  const ky = load<i32>(taps, 4);
  const outW = load<i32>(taps, 16);
  const kx = load<i32>(taps, 20);
  const iy = <usize>load<u32>(taps, 8) + (<usize>(oy * ky) << 2);
  const wy = <usize>load<u32>(taps, 12) + (<usize>(oy * ky) << 2);
  if (u8src) rowsU8(tmp, plane, rowLen, ky, iy, wy);
  else rowsF32(tmp, plane, rowLen, ky, iy, wy);
  const O = outRow(tmp, rowLen);
  const ix = <usize>load<u32>(taps, 24);
  const wx = <usize>load<u32>(taps, 28);
  if (P == 1) colsPlane(O, tmp, (outW + 3) & ~3, kx, ix, wx);
  else colsPixels(O, tmp, outW, P, kx, ix, wx);
}

/** The 4 floats after T are read by colsPixels' last quad: keep them finite (zero). */
// @ts-ignore: decorator
@inline function clearPadding(tmp: usize, rowLen: i32): void {
  v128.store(tmp + (<usize>rowLen << 2), i32x4.splat(0));
}

/** float32 ResizeMix of one image (see the file comment). */
export function resizePasteF32(
  dst: usize, src: usize, planes: i32, planeBytes: i32, rowBytes: i32, rowLen: i32, P: i32,
  y0: i32, x0: i32, taps: usize, tmp: usize,
): void {
  const outH = load<i32>(taps);
  const span = <usize>(load<i32>(taps, 16) * P) << 2;
  if (outH <= 0 || span == 0) return;
  clearPadding(tmp, rowLen);
  const O = outRow(tmp, rowLen);
  for (let p = 0; p < planes; p++) {
    const off = <usize>p * <usize>planeBytes;
    const at = dst + off + <usize>y0 * <usize>rowBytes + (<usize>(x0 * P) << 2);
    for (let oy = 0; oy < outH; oy++) {
      resampleRow(false, tmp, src + off, rowLen, P, oy, taps);
      memory.copy(at + <usize>oy * <usize>rowBytes, O, span);
    }
  }
}

/** uint8 ResizeMix of one image: float32 as resizePasteF32, then rounded (simd.ts). */
export function resizePasteU8(
  dst: usize, src: usize, planes: i32, planeBytes: i32, rowBytes: i32, rowLen: i32, P: i32,
  y0: i32, x0: i32, taps: usize, tmp: usize,
): void {
  const outH = load<i32>(taps);
  const count = load<i32>(taps, 16) * P;
  if (outH <= 0 || count <= 0) return;
  clearPadding(tmp, rowLen);
  const O = outRow(tmp, rowLen);
  for (let p = 0; p < planes; p++) {
    const off = <usize>p * <usize>planeBytes;
    const at = dst + off + <usize>y0 * <usize>rowBytes + <usize>(x0 * P);
    for (let oy = 0; oy < outH; oy++) {
      resampleRow(true, tmp, src + off, rowLen, P, oy, taps);
      storeRoundedU8(at + <usize>oy * <usize>rowBytes, O, count);
    }
  }
}
