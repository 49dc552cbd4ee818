/**
 * Checks at the GPU-resident entry points (uploadBatch, allocGpuBatch, run), which the API layer
 * does not see: a bad shape or job would otherwise sample unbound textures and return zeros silently.
 * Each throws a BatchMixError naming the method, the argument, what was expected and what arrived.
 */
import { describe, fail } from '../../errors.js';
import type { DType, Layout } from '../../types.js';
import type { Geometry } from '../backend.js';
import type { GpuJob } from './gpu-run.js';

/** shape: 4 positive integers (with product `length` when given); layout NCHW/NHWC; dtype float32/uint8. */
export function checkShape(what: string, shape: unknown, layout: unknown, dtype: unknown, length?: number): [number, number, number, number] {
  if (dtype !== 'float32' && dtype !== 'uint8') fail('BAD_DTYPE', `${what}: dtype must be 'float32' or 'uint8', got ${describe(dtype)}`);
  if (layout !== 'NCHW' && layout !== 'NHWC') fail('BAD_LAYOUT', `${what}: layout must be 'NCHW' or 'NHWC', got ${describe(layout)}`);
  const s = shape as number[];
  if (!Array.isArray(s) || s.length !== 4 || !s.every((v) => Number.isInteger(v) && v > 0)) {
    fail('BAD_SHAPE', `${what}: shape must be 4 positive integers, got ${describe(shape)}`);
  }
  if (length !== undefined && s[0] * s[1] * s[2] * s[3] !== length) {
    fail('BAD_SHAPE', `${what}: shape ${JSON.stringify(s)} holds ${s[0] * s[1] * s[2] * s[3]} elements, but data.length is ${length}`);
  }
  return s as [number, number, number, number];
}

function checkArray(what: string, name: string, v: unknown, type: typeof Int32Array | typeof Float32Array, length: number): void {
  if (!(v instanceof type) || v.length !== length) {
    fail('BAD_PARAMS', `${what}: ${name} must be a ${type.name} of length ${length}, got ${describe(v)}`);
  }
}

/** index in [0, N); lam in [0, 1]; boxes inside H×W with y0 ≤ y1, x0 ≤ x1; taps of each box's size. */
export function checkGpuJob(what: string, job: GpuJob, g: Geometry): void {
  const n = g.n;
  checkArray(what, 'index', job.index, Int32Array, n);
  const bad = job.index.findIndex((j) => j < 0 || j >= n);
  if (bad >= 0) fail('BAD_PARAMS', `${what}: index[${bad}] must be in [0, ${n}), got ${job.index[bad]}`);
  if (job.kernel === 'blend') {
    checkArray(what, 'lam', job.lam, Float32Array, n);
    const l = job.lam.findIndex((v) => !(v >= 0 && v <= 1));
    if (l >= 0) fail('BAD_PARAMS', `${what}: lam[${l}] must be in [0, 1], got ${describe(job.lam[l])}`);
    return;
  }
  if (job.kernel !== 'paste' && job.kernel !== 'resizePaste') {
    fail('BAD_PARAMS', `${what}: kernel must be 'blend', 'paste' or 'resizePaste', got ${describe((job as { kernel?: unknown }).kernel)}`);
  }
  checkArray(what, 'boxes', job.boxes, Int32Array, 4 * n);
  for (let i = 0; i < n; i++) {
    const [y0, y1, x0, x1] = job.boxes.subarray(4 * i, 4 * i + 4);
    if (!(y0 >= 0 && y0 <= y1 && y1 <= g.h && x0 >= 0 && x0 <= x1 && x1 <= g.w)) {
      fail('BAD_PARAMS', `${what}: box ${i} must satisfy 0 ≤ y0 ≤ y1 ≤ ${g.h} and 0 ≤ x0 ≤ x1 ≤ ${g.w}, got [${y0}, ${y1}, ${x0}, ${x1}]`);
    }
    if (job.kernel !== 'resizePaste') continue;
    checkArray(what, 'tapOf', job.tapOf, Int32Array, n);
    const t = job.taps[job.tapOf[i]];
    const empty = y0 === y1 || x0 === x1;
    if (!t || t.y.inSize !== g.h || t.x.inSize !== g.w || t.y.outSize !== (empty ? 0 : y1 - y0) || t.x.outSize !== (empty ? 0 : x1 - x0)) {
      fail('BAD_PARAMS', `${what}: taps[tapOf[${i}]] must resize ${g.h}×${g.w} to box ${i}'s ${y1 - y0}×${x1 - x0} ` +
        '(resizeTapsFor in src/plan/taps.ts makes them)');
    }
  }
}
