/**
 * Checks at the GPU-resident entry points (uploadBatch, allocGpuBatch, run), which the API layer
 * does not see: a bad shape or job would otherwise sample unbound textures and return zeros silently.
 * Each throws a BatchMixError naming the method, the argument, what was expected and what arrived.
 */
import { checkBoxes, checkDType, checkIndex, checkLam, checkShape } from '../../checks.js';
import { describe, fail } from '../../errors.js';
import type { Geometry } from '../backend.js';
import type { GpuJob } from './gpu-run.js';

/** shape (layout order), layout and dtype, and the element count `length` when given. Returns the shape. */
export function checkGpuShape(what: string, shape: unknown, layout: unknown, dtype: unknown, length?: number): [number, number, number, number] {
  checkDType(what, dtype);
  const { n, c, h, w } = checkShape(what, shape, layout);
  if (length !== undefined && n * c * h * w !== length) {
    fail('BAD_SHAPE', `${what}: shape ${describe(Array.from(shape as number[]))} holds ${n * c * h * w} elements, but data.length is ${length}`);
  }
  return Array.from(shape as number[]) as [number, number, number, number];
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
  checkIndex(what, 'index', job.index, n);
  if (job.kernel === 'blend') {
    checkArray(what, 'lam', job.lam, Float32Array, n);
    checkLam(what, 'lam', job.lam, n);
    return;
  }
  if (job.kernel !== 'paste' && job.kernel !== 'resizePaste') {
    fail('BAD_PARAMS', `${what}: kernel must be 'blend', 'paste' or 'resizePaste', got ${describe((job as { kernel?: unknown }).kernel)}`);
  }
  checkArray(what, 'boxes', job.boxes, Int32Array, 4 * n);
  checkBoxes(what, 'boxes', job.boxes, n, g.h, g.w);
  for (let i = 0; i < n; i++) {
    const [y0, y1, x0, x1] = job.boxes.subarray(4 * i, 4 * i + 4);
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
