/**
 * resizePaste (ResizeMix) on one image: resizes the whole source image (the partner) to the box
 * size with the planner's taps and writes it into the box of dst, plane by plane:
 *
 *   dst[c, y0 + oy, x0 + ox] = Σ_a wy[oy, a] · (Σ_b wx[ox, b] · src[c, iy[oy, a], ix[ox, b]])
 *
 * separably in float32, columns of each source row first, then rows (resample.ts has the exact
 * order, the js oracle's); uint8 results are clamp(floor(v + 0.5), 0, 255) of that float32 v, so
 * bicubic overshoot is clamped for uint8 only. Pixels outside the box are not touched. src must not
 * overlap dst (the glue copies an image that is its own partner into a temp first).
 *
 * Geometry (bytes unless named): `planes` planes `planeBytes` apart, rows `rowBytes` apart, a pixel
 * is P consecutive elements. NCHW: planes = C, P = 1. NHWC: planes = 1, P = C.
 * taps: i32 header [outH, ky, iy, wy, outW, kx, ix, wx, step] written by the glue (src/backends/wasm/taps.ts):
 * iy = source row · rowBytes; ix as colsPixels (P ≥ 2) or colsPlane (P = 1) read it.
 * tmp (16-aligned): 64 bytes of row tags, then up to 4 cached column-pass rows and the result row R,
 * each `rowStride(outW·P)` bytes. A source row's column pass is cached under its offset and reused
 * by the next output rows that need it, so each source row is resampled once per plane.
 */
import { accumulateRow, colsPixels, colsPlane } from './resample';
import { storeRoundedU8 } from './simd';

/** Bytes of one float32 row of `count` results plus 8 floats of padding, 16-aligned. */
// @ts-ignore: decorator
@inline function rowStride(count: i32): usize {
  return (((<usize>count + 8) << 2) + 15) & ~15;
}

function resizePaste<T>(
  dst: usize, src: usize, planes: i32, planeBytes: i32, rowBytes: i32, P: i32,
  y0: i32, x0: i32, taps: usize, tmp: usize,
): void {
  const outH = load<i32>(taps);
  const ky = load<i32>(taps, 4);
  const iy = <usize>load<u32>(taps, 8);
  const wy = <usize>load<u32>(taps, 12);
  const outW = load<i32>(taps, 16);
  const kx = load<i32>(taps, 20);
  const ix = <usize>load<u32>(taps, 24);
  const wx = <usize>load<u32>(taps, 28);
  const step = load<i32>(taps, 32);
  const count = outW * P;
  if (outH <= 0 || count <= 0) return;
  const stride = rowStride(count);
  const slots = ky < 4 ? ky : 4;
  const R = tmp + 64 + <usize>slots * stride;
  for (let p = 0; p < planes; p++) {
    const plane = src + <usize>p * <usize>planeBytes;
    const out = dst + <usize>p * <usize>planeBytes + <usize>y0 * <usize>rowBytes + <usize>(x0 * P) * sizeof<T>();
    for (let s = 0; s < slots; s++) store<i32>(tmp + (<usize>s << 2), -1);
    for (let oy = 0; oy < outH; oy++) {
      const tap = <usize>(oy * ky) << 2;
      for (let a = 0; a < ky; a++) {
        const offset = load<i32>(iy + tap + (<usize>a << 2));
        const slot = <usize>((<u32>offset / <u32>rowBytes) % <u32>slots);
        const H = tmp + 64 + slot * stride;
        if (load<i32>(tmp + (slot << 2)) != offset) {
          const row = plane + <usize><u32>offset;
          if (P == 1) colsPlane<T>(H, row, (outW + 3) & ~3, kx, ix, wx, step);
          else colsPixels<T>(H, row, outW, P, kx, ix, wx);
          store<i32>(tmp + (slot << 2), offset);
        }
        accumulateRow(R, H, count, load<f32>(wy + tap + (<usize>a << 2)), a == 0);
      }
      const at = out + <usize>oy * <usize>rowBytes;
      if (sizeof<T>() == 1) storeRoundedU8(at, R, count);
      else memory.copy(at, R, <usize>count << 2);
    }
  }
}

/** float32 ResizeMix of one image (see the file comment). */
export function resizePasteF32(
  dst: usize, src: usize, planes: i32, planeBytes: i32, rowBytes: i32, P: i32,
  y0: i32, x0: i32, taps: usize, tmp: usize,
): void {
  resizePaste<f32>(dst, src, planes, planeBytes, rowBytes, P, y0, x0, taps, tmp);
}

/** uint8 ResizeMix of one image: float32 as resizePasteF32, then rounded (simd.ts). */
export function resizePasteU8(
  dst: usize, src: usize, planes: i32, planeBytes: i32, rowBytes: i32, P: i32,
  y0: i32, x0: i32, taps: usize, tmp: usize,
): void {
  resizePaste<u8>(dst, src, planes, planeBytes, rowBytes, P, y0, x0, taps, tmp);
}
