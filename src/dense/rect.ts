/**
 * Rectangle geometry of the detection rules (SPEC §9), in the plane: pixel (y, x) is the unit square
 * [x, x+1) × [y, y+1), so a paste box [y0, y1, x0, x1] covers P = [x0, x1] × [y0, y1], and a
 * detection box [x0, y0, x1, y1] is the rectangle it names. All arithmetic in double; inputs are
 * float32 values or integers, and every result below is one of them (or a min/max of them), so it
 * is exact in float32 too — except `scaleInto`, whose products the caller rounds.
 */

/** [x0, y0, x1, y1]. */
export type Rect = readonly [number, number, number, number];

export function area(r: Rect): number {
  return (r[2] - r[0]) * (r[3] - r[1]);
}

/** The intersection of a and b, or undefined when it has no positive area (a shared edge covers nothing). */
export function intersect(a: Rect, b: Rect): Rect | undefined {
  const x0 = Math.max(a[0], b[0]), y0 = Math.max(a[1], b[1]), x1 = Math.min(a[2], b[2]), y1 = Math.min(a[3], b[3]);
  return x0 < x1 && y0 < y1 ? [x0, y0, x1, y1] : undefined;
}

/**
 * The bounding rectangle of b \ p, for p covering part of b (0 < area(b ∩ p) < area(b)). It differs
 * from b only where p spans b's full width (p.x0 ≤ b.x0, p.x1 ≥ b.x1) and covers one end of it
 * (then y0 moves down to p.y1, or y1 up to p.y0), or likewise spans its full height; a corner, a
 * notch or a band through the middle leaves b's bounding rectangle as it was.
 */
export function visibleBounds(b: Rect, p: Rect): Rect {
  let [x0, y0, x1, y1] = b;
  const fullWidth = p[0] <= b[0] && p[2] >= b[2];
  const fullHeight = p[1] <= b[1] && p[3] >= b[3];
  if (fullWidth) {
    if (p[1] <= b[1]) y0 = p[3]; // p covers the top
    else if (p[3] >= b[3]) y1 = p[1]; // p covers the bottom
  } else if (fullHeight) {
    if (p[0] <= b[0]) x0 = p[2]; // p covers the left end
    else if (p[2] >= b[2]) x1 = p[0]; // p covers the right end
  }
  return [x0, y0, x1, y1];
}

/**
 * A box of the whole H×W image moved into paste box p as the resized image is:
 * x' = p.x0 + x·(p.x1 − p.x0)/W, y' = p.y0 + y·(p.y1 − p.y0)/H (the continuous map of a resize
 * with align_corners = False), then clipped to p (which only rounding can cross).
 */
export function scaleInto(b: Rect, p: Rect, h: number, w: number): Rect {
  const sx = (p[2] - p[0]) / w, sy = (p[3] - p[1]) / h;
  const clampX = (v: number) => Math.min(Math.max(v, p[0]), p[2]);
  const clampY = (v: number) => Math.min(Math.max(v, p[1]), p[3]);
  return [clampX(p[0] + b[0] * sx), clampY(p[1] + b[1] * sy), clampX(p[0] + b[2] * sx), clampY(p[1] + b[3] * sy)];
}
