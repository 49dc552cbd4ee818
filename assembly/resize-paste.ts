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
 * taps: the i32 header [outH, ky, iy, wy, outW, kx, ix, wx, step, flags] that the glue writes
 * (src/backends/wasm/taps.ts): iy = source row · rowBytes; ix, wx, step and flags as colsPixels
 * (P ≥ 2, resample.ts) or colsPlane (P = 1, resample-plane.ts) read them.
 * tmp (16-aligned): 64 bytes of row tags, then up to 4 cached column-pass rows and the result row R,
 * each `rowStride(outW·P)` bytes. A source row's column pass is cached under its offset and reused
 * by the next output rows that need it, so each source row is resampled once per plane.
 */
import { colsPixels, rows } from './resample';
import { colsPlane } from './resample-plane';

/** Bytes of one float32 row of `count` results plus 8 floats of padding, 16-aligned. */
// @ts-ignore: decorator
@inline function rowStride(count: i32): usize {
  return (((<usize>count + 8) << 2) + 15) & ~15;
}

/** The cache slot of the source row at byte offset `offset`. */
// @ts-ignore: decorator
@inline function slotOf(offset: i32, rowBytes: i32, slots: i32): usize {
  return <usize>((<u32>offset / <u32>rowBytes) % <u32>slots);
}

/** The column pass of the source row at `offset`, computed into its cache slot unless it is there. */
// @ts-ignore: decorator
@inline function cached<T>(
  tmp: usize, stride: usize, slot: usize, plane: usize, offset: i32,
  P: i32, outW: i32, kx: i32, ix: usize, wx: usize, step: i32, taps: usize,
): usize {
  const H = tmp + 64 + slot * stride;
  if (load<i32>(tmp + (slot << 2)) != offset) {
    const row = plane + <usize><u32>offset;
    if (P == 1) colsPlane<T>(H, row, (outW + 3) & ~3, kx, ix, wx, step, <usize>load<u32>(taps, 36));
    else colsPixels<T>(H, row, outW, P, kx, ix, wx);
    store<i32>(tmp + (slot << 2), offset);
  }
  return H;
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
      const tap = iy + (<usize>(oy * ky) << 2);
      const wts = wy + (<usize>(oy * ky) << 2);
      const at = out + <usize>oy * <usize>rowBytes;
      for (let a = 0; a < ky;) {
        // Two taps per pass when their rows sit in different cache slots, else one.
        const off0 = load<i32>(tap + (<usize>a << 2));
        const slot0 = slotOf(off0, rowBytes, slots);
        const off1 = a + 1 < ky ? load<i32>(tap + (<usize>a << 2), 4) : off0;
        const slot1 = slotOf(off1, rowBytes, slots);
        const two = a + 1 < ky && slot1 != slot0;
        const h0 = cached<T>(tmp, stride, slot0, plane, off0, P, outW, kx, ix, wx, step, taps);
        const h1 = two ? cached<T>(tmp, stride, slot1, plane, off1, P, outW, kx, ix, wx, step, taps) : h0;
        const w0 = load<f32>(wts + (<usize>a << 2));
        const w1: f32 = two ? load<f32>(wts + (<usize>a << 2), 4) : 0;
        const first = a == 0;
        a += two ? 2 : 1;
        if (a < ky) rows<f32>(R, R, first, h0, w0, h1, w1, two, count);
        else if (sizeof<T>() == 1) rows<u8>(at, R, first, h0, w0, h1, w1, two, count);
        else rows<f32>(at, R, first, h0, w0, h1, w1, two, count);
      }
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
