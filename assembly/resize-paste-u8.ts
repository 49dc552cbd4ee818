/**
 * resizePaste (ResizeMix) of one uint8 image in integers (SPEC §5, src/plan/quantize.ts): resizes
 * the whole source image (the partner) to the box size with the planner's 14-bit taps and writes it
 * into the box of dst, plane by plane:
 *
 *   h_a = (Σ_b qx_b·src[c, iy_a, ix_b] + 128) >> 8,   dst[c, y0 + oy, x0 + ox] = clamp((Σ_a qy_a·h_a + 2^19) >> 20, 0, 255)
 *
 * (resample-u8.ts has the passes). Pixels outside the box are not touched. src must not overlap dst.
 * Geometry as resize-paste.ts (planes, planeBytes, rowBytes, P elements per pixel in a row).
 * taps: the i32 header [outH, ky, iy, qy, outW, kx, ix, qx, kp, win] that the glue writes
 * (src/backends/wasm/taps-u8.ts): iy[o·ky + a] = source row · rowBytes, qy[o·ky + a] (i32);
 * ix, qx, kp = ⌈kx / 2⌉ and win (0, or k = 2 or 4 when every output reads k consecutive pixels
 * from ix[o]) as resample-u8.ts reads them.
 * tmp (16-aligned): 64 bytes of row tags, then 4 cached column-pass rows of i16 and the i32 sum row
 * R, each with 16 lanes of padding. A source row's column pass is cached under its offset (slot:
 * row mod min(ky, 4)), so each source row is resampled once per plane when the taps advance.
 * A rows pass takes up to 4 taps whose rows sit in distinct slots (or are the same row).
 */
import { colsU8, rows2U8, rowsU8 } from './resample-u8';

/** Bytes of one i16 row of `count` values plus 16 lanes of padding, 16-aligned. */
// @ts-ignore: decorator
@inline function hStride(count: i32): usize {
  return (((<usize>count + 16) << 1) + 15) & ~15;
}

// @ts-ignore: decorator
@inline function slotOf(offset: i32, rowBytes: i32, slots: i32): i32 {
  return <i32>((<u32>offset / <u32>rowBytes) % <u32>slots);
}

export function resizePasteU8(
  dst: usize, src: usize, planes: i32, planeBytes: i32, rowBytes: i32, P: i32,
  y0: i32, x0: i32, taps: usize, tmp: usize,
): void {
  const outH = load<i32>(taps);
  const ky = load<i32>(taps, 4);
  const iy = <usize>load<u32>(taps, 8);
  const qy = <usize>load<u32>(taps, 12);
  const outW = load<i32>(taps, 16);
  const ix = <usize>load<u32>(taps, 24);
  const qx = <usize>load<u32>(taps, 28);
  const kp = load<i32>(taps, 32);
  const win = load<i32>(taps, 36);
  const count = outW * P;
  if (outH <= 0 || count <= 0) return;
  const stride = hStride(count);
  const slots = ky < 4 ? ky : 4;
  const rows = tmp + 64;
  const R = rows + <usize>4 * stride;
  for (let p = 0; p < planes; p++) {
    const plane = src + <usize>p * <usize>planeBytes;
    const out = dst + <usize>p * <usize>planeBytes + <usize>y0 * <usize>rowBytes + <usize>(x0 * P);
    for (let s = 0; s < 4; s++) store<i32>(tmp + (<usize>s << 2), -1);
    for (let oy = 0; oy < outH; oy++) {
      const tap = iy + (<usize>(oy * ky) << 2);
      const wts = qy + (<usize>(oy * ky) << 2);
      const at = out + <usize>oy * <usize>rowBytes;
      let a = 0;
      while (a < ky) {
        // Up to 4 taps a .. a + n − 1 whose rows are cached in distinct slots (or share a row).
        let n = 0;
        let used = 0; // bit s: slot s holds a row of this pass
        let r0: usize = 0, r1: usize = 0, r2: usize = 0, r3: usize = 0;
        let q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        while (a + n < ky && n < 4) {
          const off = load<i32>(tap + (<usize>(a + n) << 2));
          const slot = slotOf(off, rowBytes, slots);
          const tag = tmp + (<usize>slot << 2);
          if ((used & (1 << slot)) != 0 && load<i32>(tag) != off) break;
          const H = rows + <usize>slot * stride;
          if (load<i32>(tag) != off) {
            colsU8(H, plane + <usize><u32>off, outW, P, kp, ix, qx, win);
            store<i32>(tag, off);
          }
          used |= 1 << slot;
          const q = load<i32>(wts + (<usize>(a + n) << 2));
          if (n == 0) { r0 = H; q0 = q; } else if (n == 1) { r1 = H; q1 = q; } else if (n == 2) { r2 = H; q2 = q; } else { r3 = H; q3 = q; }
          n++;
        }
        if (n < 2) r1 = r0;
        if (n < 3) r2 = r0;
        if (n < 4) r3 = r0;
        const first = a == 0;
        a += n;
        if (first && a >= ky && n <= 2) rows2U8(at, r0, r1, q0, q1, count);
        else rowsU8(at, R, first, a >= ky, r0, r1, r2, r3, q0, q1, q2, q3, count);
      }
    }
  }
}
