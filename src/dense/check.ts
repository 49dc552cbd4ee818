/**
 * Validation of the dense targets at the boundary (SPEC §7, §9): masks, detections and
 * minVisibility, checked before any kernel runs, so a bad target leaves every caller array as it was.
 * Failures throw BatchMixError 'BAD_TARGETS' naming the op, the argument, what was expected and got.
 */
import { describe, fail } from '../errors.js';
import type { DenseOptions, Detections, MaskBatch } from '../types.js';

/** The validated dense targets of one call. */
export interface DenseTargets {
  masks?: MaskBatch;
  detections?: Detections;
  minVisibility: number;
}

function isMaskData(d: unknown): boolean {
  return d instanceof Uint8Array || d instanceof Uint16Array || d instanceof Int32Array;
}

function checkMasks(where: string, m: unknown, n: number, h: number, w: number): MaskBatch {
  if (m === null || typeof m !== 'object') fail('BAD_TARGETS', `${where}: options.masks must be { data, shape: [N, H, W] }, got ${describe(m)}`);
  const { data, shape } = m as MaskBatch;
  if (!isMaskData(data)) {
    fail('BAD_TARGETS', `${where}: options.masks.data must be a Uint8Array, Uint16Array or Int32Array of class ids, got ${describe(data)}`);
  }
  const s = Array.isArray(shape) || ArrayBuffer.isView(shape) ? Array.from(shape as ArrayLike<number>) : undefined;
  if (!s || s.length !== 3 || s[0] !== n || s[1] !== h || s[2] !== w) {
    fail('BAD_TARGETS', `${where}: options.masks.shape must be the batch's [N, H, W] = [${n}, ${h}, ${w}], got ${describe(shape)}`);
  }
  if (data.length !== n * h * w) {
    fail('BAD_TARGETS', `${where}: options.masks.data must have N·H·W = ${n * h * w} elements, got ${data.length}`);
  }
  return m as MaskBatch;
}

function checkOffsets(where: string, offsets: Int32Array, n: number, count: number): void {
  if (offsets.length !== n + 1) fail('BAD_TARGETS', `${where}: detections.offsets must have N + 1 = ${n + 1} entries, got ${offsets.length}`);
  if (offsets[0] !== 0) fail('BAD_TARGETS', `${where}: detections.offsets[0] must be 0, got ${offsets[0]}`);
  for (let i = 0; i < n; i++) {
    if (offsets[i + 1] < offsets[i]) {
      fail('BAD_TARGETS', `${where}: detections.offsets must be ascending, got offsets[${i}] = ${offsets[i]} > offsets[${i + 1}] = ${offsets[i + 1]}`);
    }
  }
  if (offsets[n] !== count) {
    fail('BAD_TARGETS', `${where}: detections.offsets[N] must be the box count ${count} (classes.length), got ${offsets[n]}`);
  }
}

function checkDetections(where: string, d: unknown, n: number, h: number, w: number, numClasses: number): Detections {
  if (d === null || typeof d !== 'object') fail('BAD_TARGETS', `${where}: options.detections must be { boxes, classes, offsets }, got ${describe(d)}`);
  const { boxes, classes, offsets } = d as Detections;
  if (!(boxes instanceof Float32Array)) fail('BAD_TARGETS', `${where}: detections.boxes must be a Float32Array (4 per box: x0, y0, x1, y1), got ${describe(boxes)}`);
  if (!(classes instanceof Int32Array)) fail('BAD_TARGETS', `${where}: detections.classes must be an Int32Array (one per box), got ${describe(classes)}`);
  if (!(offsets instanceof Int32Array)) fail('BAD_TARGETS', `${where}: detections.offsets must be an Int32Array of N + 1 = ${n + 1}, got ${describe(offsets)}`);
  const count = classes.length;
  if (boxes.length !== 4 * count) {
    fail('BAD_TARGETS', `${where}: detections.boxes must hold 4 values per class entry (4·${count} = ${4 * count}), got ${boxes.length}`);
  }
  checkOffsets(where, offsets, n, count);
  for (let b = 0; b < count; b++) {
    const k = classes[b];
    if (!(k >= 0 && k < numClasses)) fail('BAD_TARGETS', `${where}: detections.classes[${b}] must be in [0, ${numClasses}), got ${k}`);
    const x0 = boxes[4 * b], y0 = boxes[4 * b + 1], x1 = boxes[4 * b + 2], y1 = boxes[4 * b + 3];
    if (!(0 <= x0 && x0 < x1 && x1 <= w && 0 <= y0 && y0 < y1 && y1 <= h)) {
      fail('BAD_TARGETS', `${where}: detections box ${b} must satisfy 0 ≤ x0 < x1 ≤ ${w} and 0 ≤ y0 < y1 ≤ ${h} ` +
        `(clip boxes to the image first), got [${x0}, ${y0}, ${x1}, ${y1}]`);
    }
  }
  return { boxes, classes, offsets };
}

/** Validates options.masks, options.detections and options.minVisibility against a batch of n×h×w. */
export function checkDense(where: string, options: DenseOptions, n: number, h: number, w: number, numClasses: number): DenseTargets {
  const mv = options.minVisibility ?? 0;
  if (typeof mv !== 'number' || !(mv >= 0 && mv <= 1)) fail('BAD_TARGETS', `${where}: options.minVisibility must be a number in [0, 1], got ${describe(mv)}`);
  return {
    masks: options.masks === undefined ? undefined : checkMasks(where, options.masks, n, h, w),
    detections: options.detections === undefined ? undefined : checkDetections(where, options.detections, n, h, w, numClasses),
    minVisibility: mv,
  };
}
