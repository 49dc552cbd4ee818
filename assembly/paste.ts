/**
 * paste (CutMix) primitives, dtype-free (bytes): a box is `planes × rows` spans of `span` bytes.
 * Out of place the glue copies each whole image (copyBytes) and then its box (copyRect); in place
 * it moves boxes only, with copyRect.
 * The TypeScript glue turns a Geometry and a box into these numbers: NHWC gives one span of
 * (x1 − x0)·C elements per box row (planes = 1); NCHW gives one span of (x1 − x0) elements per
 * channel and row (planes = C). Every span is one `memory.copy`, so the copy is exact (bit for bit).
 */

/** `memory.copy` of `bytes` bytes (overlap-safe): whole-image copies and saves into a temp. */
export function copyBytes(dst: usize, src: usize, bytes: i32): void {
  memory.copy(dst, src, <usize>bytes);
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
      memory.copy(d, s, <usize>span);
      d += <usize>dstRow;
      s += <usize>srcRow;
    }
  }
}
