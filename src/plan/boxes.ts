/**
 * CutMix / ResizeMix boxes, exactly MMClassification 0.x (= timm) `rand_bbox`, `rand_bbox_minmax`
 * and `cutmix_bbox_and_lam` (SPEC §3, research/semantics.md §1.4). A box is `[y0, y1, x0, x1]`,
 * half-open, in destination pixels of an H×W image; all arithmetic on λ is float64 as in NumPy.
 */
import { describe, fail } from '../errors.js';
import type { Rng } from './rng.js';

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * `rand_bbox`, λ in [0, 1]: cut_h = trunc(H·√(1−λ)), cut_w = trunc(W·√(1−λ)); cy = int(0, H) drawn
 * before cx = int(0, W); y0 = clamp(cy − ⌊cut_h/2⌋, 0, H), y1 = clamp(cy + ⌊cut_h/2⌋, 0, H), and
 * likewise x0, x1. The unclipped side is 2·⌊cut/2⌋; boxes are clipped (never shifted) at borders.
 */
export function randBox(rng: Rng, lam: number, h: number, w: number): [number, number, number, number] {
  if (!(lam >= 0 && lam <= 1)) fail('INTERNAL', `randBox: λ must be in [0, 1], got ${describe(lam)}`);
  const ratio = Math.sqrt(1 - lam);
  const halfH = Math.floor(Math.trunc(h * ratio) / 2);
  const halfW = Math.floor(Math.trunc(w * ratio) / 2);
  const cy = rng.int(0, h);
  const cx = rng.int(0, w);
  return [clamp(cy - halfH, 0, h), clamp(cy + halfH, 0, h), clamp(cx - halfW, 0, w), clamp(cx + halfW, 0, w)];
}

/**
 * Unbiased placement (`placement: 'inside'`, SPEC §3), λ in [0, 1]: the box keeps its drawn sides
 * cut_h = trunc(H·√(1−λ)), cut_w = trunc(W·√(1−λ)) and lies wholly inside the image: y0 uniform
 * integer in [0, H − cut_h] drawn before x0 in [0, W − cut_w] (every valid position equally likely,
 * so no border bias); y1 = y0 + cut_h, x1 = x0 + cut_w. Its area is always cut_h·cut_w, which is
 * (1 − λ)·H·W up to the truncation of each side.
 */
export function randBoxInside(rng: Rng, lam: number, h: number, w: number): [number, number, number, number] {
  if (!(lam >= 0 && lam <= 1)) fail('INTERNAL', `randBoxInside: λ must be in [0, 1], got ${describe(lam)}`);
  const ratio = Math.sqrt(1 - lam);
  const cutH = Math.trunc(h * ratio);
  const cutW = Math.trunc(w * ratio);
  const y0 = rng.int(0, h - cutH + 1);
  const x0 = rng.int(0, w - cutW + 1);
  return [y0, y0 + cutH, x0, x0 + cutW];
}

/** The integer ranges of `rand_bbox_minmax`'s sides: [trunc(S·lo), trunc(S·hi)) for S = H and W. */
export function minmaxRanges(minmax: readonly [number, number], h: number, w: number): { h: [number, number]; w: [number, number] } {
  const [lo, hi] = minmax;
  return { h: [Math.trunc(h * lo), Math.trunc(h * hi)], w: [Math.trunc(w * lo), Math.trunc(w * hi)] };
}

/**
 * Throws EMPTY_RANGE when `rand_bbox_minmax` cannot draw for an H×W image (NumPy's `randint` would
 * raise): trunc(S·lo) must be < trunc(S·hi) for S = H and for S = W. `op` names the augment.
 */
export function checkMinmax(op: string, minmax: readonly [number, number], h: number, w: number): void {
  const r = minmaxRanges(minmax, h, w);
  for (const [axis, size, [a, b]] of [['H', h, r.h], ['W', w, r.w]] as const) {
    if (a >= b) {
      fail('EMPTY_RANGE', `${op}: minmax [${minmax[0]}, ${minmax[1]}] leaves no box side for ${axis} = ${size}: ` +
        `expected trunc(${axis}·lo) < trunc(${axis}·hi), got trunc(${size}·${minmax[0]}) = ${a} and trunc(${size}·${minmax[1]}) = ${b}; ` +
        'widen minmax or use larger images');
    }
  }
}

/**
 * `rand_bbox_minmax`: cut_h = int(trunc(H·lo), trunc(H·hi)), then cut_w likewise from W
 * (independently), then y0 = int(0, H − cut_h), then x0 = int(0, W − cut_w); y1 = y0 + cut_h,
 * x1 = x0 + cut_w. The box never touches the last row or column (the reference's exclusive bound).
 */
export function randBoxMinmax(rng: Rng, minmax: readonly [number, number], h: number, w: number): [number, number, number, number] {
  checkMinmax('randBoxMinmax', minmax, h, w);
  const r = minmaxRanges(minmax, h, w);
  const cutH = rng.int(r.h[0], r.h[1]);
  const cutW = rng.int(r.w[0], r.w[1]);
  const y0 = rng.int(0, h - cutH);
  const x0 = rng.int(0, w - cutW);
  return [y0, y0 + cutH, x0, x0 + cutW];
}

/** The corrected λ of a box [y0, y1, x0, x1] in an H×W image: 1 − (y1 − y0)·(x1 − x0) / (H·W), in [0, 1]. */
export function correctedLam(box: ArrayLike<number>, h: number, w: number): number {
  return 1 - ((box[1] - box[0]) * (box[3] - box[2])) / (h * w);
}
