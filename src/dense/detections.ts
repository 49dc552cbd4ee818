/**
 * Detection boxes mixed with the images' params (SPEC §9): one TypeScript implementation for every
 * backend (the boxes never touch a kernel). Sample i's output is a function of (op_i, index[i],
 * lam[i], box_i) alone, so whole-batch and per-sample ('mixed') params share it. With j = index[i],
 * P = the paste box of sample i as the plane rectangle [x0, x1] × [y0, y1] (src/dense/rect.ts), and
 * v = minVisibility:
 * - identity, and Mixup or CutMix with j = i (the image does not change): sample i's boxes, weight 1.
 * - Mixup: sample i's boxes with weight λ_i, then sample j's with weight 1 − λ_i (float32).
 * - CutMix: own boxes — a box that P does not touch (no positive-area overlap) stays; otherwise its
 *   visible share s = 1 − area(B ∩ P)/area(B), measured before shrinking, drops it when s = 0 or
 *   s < v, and else it becomes the bounding rectangle of B \ P (rect.ts visibleBounds). Then the
 *   partner's boxes clipped to P: dropped when nothing is left or area(B ∩ P)/area(B) < v.
 * - ResizeMix (also with j = i: the image changes): own boxes as for CutMix; then the partner's
 *   boxes scaled by the paste box size over the image size, moved into P and clipped to P
 *   (rect.ts scaleInto); an empty P keeps none, nor a box that float32 rounding flattens.
 * weights are 1 except under Mixup; source[b] is the sample box b came from; own boxes come first,
 * then the partner's, each in input order; classes travel with their boxes.
 */
import type { Detections, MixedDetections, MixParams } from '../types.js';
import { opOf } from './ops.js';
import { area, intersect, scaleInto, visibleBounds, type Rect } from './rect.js';

const f = Math.fround;

/** Growable output lists (typed arrays at the end). */
class Lists {
  readonly boxes: number[] = [];
  readonly classes: number[] = [];
  readonly weights: number[] = [];
  readonly source: number[] = [];

  push(r: Rect, cls: number, weight: number, source: number): void {
    const x0 = f(r[0]), y0 = f(r[1]), x1 = f(r[2]), y1 = f(r[3]);
    if (!(x0 < x1 && y0 < y1)) return; // flattened by float32 rounding (ResizeMix scaling only)
    this.boxes.push(x0, y0, x1, y1);
    this.classes.push(cls);
    this.weights.push(weight);
    this.source.push(source);
  }

  get count(): number {
    return this.classes.length;
  }
}

function boxOf(d: Detections, b: number): Rect {
  return [d.boxes[4 * b], d.boxes[4 * b + 1], d.boxes[4 * b + 2], d.boxes[4 * b + 3]];
}

/** Sample s's boxes as they are. */
function keep(out: Lists, d: Detections, s: number, weight: number): void {
  for (let b = d.offsets[s]; b < d.offsets[s + 1]; b++) out.push(boxOf(d, b), d.classes[b], weight, s);
}

/** Sample i's own boxes with P pasted over them (CutMix, ResizeMix). */
function ownVisible(out: Lists, d: Detections, i: number, p: Rect | undefined, v: number): void {
  for (let b = d.offsets[i]; b < d.offsets[i + 1]; b++) {
    const box = boxOf(d, b);
    const covered = p && intersect(box, p);
    if (!covered) {
      out.push(box, d.classes[b], 1, i);
      continue;
    }
    const visible = 1 - area(covered) / area(box);
    if (visible > 0 && visible >= v) out.push(visibleBounds(box, p), d.classes[b], 1, i);
  }
}

/** The partner j's boxes clipped to P (CutMix). */
function partnerClipped(out: Lists, d: Detections, j: number, p: Rect | undefined, v: number): void {
  if (!p) return;
  for (let b = d.offsets[j]; b < d.offsets[j + 1]; b++) {
    const box = boxOf(d, b);
    const inside = intersect(box, p);
    if (inside && area(inside) / area(box) >= v) out.push(inside, d.classes[b], 1, j);
  }
}

/** The partner j's boxes scaled into P (ResizeMix). */
function partnerScaled(out: Lists, d: Detections, j: number, p: Rect | undefined, h: number, w: number): void {
  if (!p) return;
  for (let b = d.offsets[j]; b < d.offsets[j + 1]; b++) out.push(scaleInto(boxOf(d, b), p, h, w), d.classes[b], 1, j);
}

/** Paste box i of params as a plane rectangle, or undefined when it is empty. */
function pasteRect(boxes: Int32Array | undefined, i: number): Rect | undefined {
  if (!boxes) return undefined;
  const y0 = boxes[4 * i], y1 = boxes[4 * i + 1], x0 = boxes[4 * i + 2], x1 = boxes[4 * i + 3];
  return y0 < y1 && x0 < x1 ? [x0, y0, x1, y1] : undefined;
}

/** Mixes validated detections of a batch of H×W images with validated params (rules above). */
export function mixDetections(p: MixParams, d: Detections, h: number, w: number, minVisibility: number): MixedDetections {
  const n = d.offsets.length - 1;
  const out = new Lists();
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const op = opOf(p, i), j = p.index[i];
    const paste = pasteRect(p.boxes, i);
    if (op === 'identity' || (j === i && op !== 'resizemix')) keep(out, d, i, 1);
    else if (op === 'mixup') {
      const lam = f(p.lam[i]);
      keep(out, d, i, lam);
      keep(out, d, j, f(1 - lam));
    } else {
      ownVisible(out, d, i, paste, minVisibility);
      if (op === 'cutmix') partnerClipped(out, d, j, paste, minVisibility);
      else partnerScaled(out, d, j, paste, h, w);
    }
    offsets[i + 1] = out.count;
  }
  return {
    boxes: Float32Array.from(out.boxes),
    classes: Int32Array.from(out.classes),
    offsets,
    weights: Float32Array.from(out.weights),
    source: Int32Array.from(out.source),
  };
}
