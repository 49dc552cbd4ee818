/**
 * paste (CutMix) primitives, dtype-free (bytes): a box is `planes × rows` spans of `span` bytes.
 * Out of place the glue writes each image once in address order (pasteImage: gaps from the image,
 * box rows from the partner); in place it moves boxes only, with copyRect.
 * The TypeScript glue turns a Geometry and a box into these numbers: NHWC gives one span of
 * (x1 − x0)·C elements per box row (planes = 1); NCHW gives one span of (x1 − x0) elements per
 * channel and row (planes = C). Spans are copied as bytes (inline v128 copies, or `memory.copy`
 * for long ones), so the copy is exact (bit for bit).
 */

/** `memory.copy` of `bytes` bytes (overlap-safe): whole-image copies and saves into a temp. */
export function copyBytes(dst: usize, src: usize, bytes: i32): void {
  memory.copy(dst, src, <usize>bytes);
}

/**
 * Copies n bytes from src to dst (regions must not overlap): inline v128 loads and stores below
 * 4 KiB (a `memory.copy` is a call into the engine, ~20–40 ns each, which dominated box rows of a
 * few hundred bytes), `memory.copy` above. The last partial vector is copied as one overlapping
 * vector ending at n (it rewrites bytes with the same values); n < 16 goes by 8, 4 and 1 bytes.
 */
// @ts-ignore: decorator
@inline function copySpan(dst: usize, src: usize, n: usize): void {
  if (n >= 4096) {
    memory.copy(dst, src, n);
    return;
  }
  if (n >= 16) {
    let i: usize = 0;
    for (; i + 64 <= n; i += 64) {
      const a = v128.load(src + i), b = v128.load(src + i, 16), c = v128.load(src + i, 32), d = v128.load(src + i, 48);
      v128.store(dst + i, a);
      v128.store(dst + i, b, 16);
      v128.store(dst + i, c, 32);
      v128.store(dst + i, d, 48);
    }
    for (; i + 16 <= n; i += 16) v128.store(dst + i, v128.load(src + i));
    if (i < n) v128.store(dst + n - 16, v128.load(src + n - 16));
    return;
  }
  if (n >= 8) {
    store<u64>(dst, load<u64>(src));
    store<u64>(dst + n - 8, load<u64>(src + n - 8));
  } else if (n >= 4) {
    store<u32>(dst, load<u32>(src));
    store<u32>(dst + n - 4, load<u32>(src + n - 4));
  } else {
    for (let i: usize = 0; i < n; i++) store<u8>(dst + i, load<u8>(src + i));
  }
}

/**
 * Copies a box: for p in [0, planes), r in [0, rows):
 *   dst[p·dstPlane + r·dstRow .. + span) = src[p·srcPlane + r·srcRow .. + span)   (all in bytes).
 * Rows that are contiguous on both sides (span == dstRow == srcRow) are merged into one copy.
 * dst and src must not overlap (distinct images, or an image and a temp).
 */
export function copyRect(
  dst: usize, dstRow: i32, dstPlane: i32,
  src: usize, srcRow: i32, srcPlane: i32,
  planes: i32, rows: i32, span: i32,
): void {
  if (planes <= 0 || rows <= 0 || span <= 0) return;
  if (span == dstRow && span == srcRow) {
    span *= rows;
    rows = 1;
  }
  for (let p = 0; p < planes; p++) {
    let d = dst + <usize>p * <usize>dstPlane;
    let s = src + <usize>p * <usize>srcPlane;
    for (let r = 0; r < rows; r++) {
      copySpan(d, s, <usize>span);
      d += <usize>dstRow;
      s += <usize>srcRow;
    }
  }
}

/**
 * The out-of-place walk of one image, each dst byte written at most once, in address order:
 * dst = own outside the box; inside it (p·planeBytes + y·rowBytes + [bx0, bx1) for y in [y0, y1),
 * each of `planes` planes; image = the image's bytes) the partner's bytes when `paste`, else
 * nothing (ResizeMix writes the box afterwards). Between two box spans the gap (the rest of a row,
 * the next row's start, whole rows and plane borders) is one span copied from own, so a box of R
 * rows costs 2R + 1 copies (R + 1 without the box), inline for short spans. Offsets in bytes; dst
 * overlaps neither own nor partner. An empty box copies own.
 */
// @ts-ignore: decorator
@inline function walkImage(
  dst: usize, own: usize, partner: usize, paste: bool, image: i32, planes: i32, planeBytes: i32, rowBytes: i32,
  y0: i32, y1: i32, bx0: i32, bx1: i32,
): void {
  let at: usize = 0;
  if (y1 > y0 && bx1 > bx0) {
    for (let p = 0; p < planes; p++) {
      let b = <usize>p * <usize>planeBytes + <usize>y0 * <usize>rowBytes;
      for (let y = y0; y < y1; y++) {
        const b0 = b + <usize>bx0, b1 = b + <usize>bx1;
        copySpan(dst + at, own + at, b0 - at);
        if (paste) copySpan(dst + b0, partner + b0, b1 - b0);
        at = b1;
        b += <usize>rowBytes;
      }
    }
  }
  copySpan(dst + at, own + at, <usize>image - at);
}

/** CutMix of one image out of place: dst = own with the partner's box (see walkImage). */
export function pasteImage(
  dst: usize, own: usize, partner: usize, image: i32, planes: i32, planeBytes: i32, rowBytes: i32,
  y0: i32, y1: i32, bx0: i32, bx1: i32,
): void {
  walkImage(dst, own, partner, true, image, planes, planeBytes, rowBytes, y0, y1, bx0, bx1);
}

/** dst = own outside the box, the box left as it is (ResizeMix out of place, before the resize). */
export function copyOutside(
  dst: usize, own: usize, image: i32, planes: i32, planeBytes: i32, rowBytes: i32,
  y0: i32, y1: i32, bx0: i32, bx1: i32,
): void {
  walkImage(dst, own, 0, false, image, planes, planeBytes, rowBytes, y0, y1, bx0, bx1);
}
