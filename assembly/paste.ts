/**
 * paste (CutMix) primitives, dtype-free (bytes): a box is `planes × rows` spans of `span` bytes.
 * Out of place one call per image (pasteImage); in place the glue moves boxes with copyRect.
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

/**
 * Out-of-place paste of one image, each dst byte written once: in address order, the bytes between
 * box spans come from src and the spans from partner (planes × rows spans of `span` bytes at
 * `offset + p·plane + r·row`), then the rest of the image (`image` bytes) from src.
 */
export function pasteImage(
  dst: usize, src: usize, partner: usize, image: i32,
  offset: i32, row: i32, plane: i32, planes: i32, rows: i32, span: i32,
): void {
  let prev: usize = 0;
  if (planes > 0 && rows > 0 && span > 0) {
    if (span == row) {
      span *= rows;
      rows = 1;
    }
    for (let p = 0; p < planes; p++) {
      let at = <usize>offset + <usize>p * <usize>plane;
      for (let r = 0; r < rows; r++) {
        memory.copy(dst + prev, src + prev, at - prev);
        memory.copy(dst + at, partner + at, <usize>span);
        prev = at + <usize>span;
        at += <usize>row;
      }
    }
  }
  memory.copy(dst + prev, src + prev, <usize>image - prev);
}
