/**
 * Shared by the webgl2 tests: kernel jobs built from test data, the js oracle, and the SPEC §6
 * comparison (float32 Mixup ≤ 1e-6·(1+|ref|), CutMix exact, ResizeMix ≤ 2e-5·(1+|ref|), uint8 ≤ 1
 * and CutMix exact; outside the boxes every backend copies, so exact there).
 */
import { expect } from 'vitest';
import type { BlendJob, KernelBackend, PasteJob, ResizePasteJob } from '../src/backends/backend.js';
import { createJsBackend } from '../src/backends/js/index.js';
import { geometry } from '../src/geometry.js';
import { resizeTapsFor } from '../src/plan/taps.js';
import type { ImageBatch, Interpolation, PixelData } from '../src/types.js';
import { edgeBoxes, lcg, randomBatch, randomIndex, type TestDType } from './helpers/data.js';

export type Kernel = 'blend' | 'paste' | 'resizePaste';

export interface Case {
  kernel: Kernel;
  batch: ImageBatch;
  index: Int32Array;
  lam: Float32Array;
  boxes: Int32Array;
  interpolation: Interpolation;
  /** Optional: the samples the job writes (Job.samples, op 'mixed'); the others stay as they are. */
  samples?: Int32Array;
}

export const oracle: KernelBackend = createJsBackend();

/** A case: random data, a random permutation, λ with 0, 1 and 0.5 among them, edge boxes. */
export function makeCase(kernel: Kernel, dims: readonly [number, number, number, number], layout: 'NCHW' | 'NHWC',
  dtype: TestDType, seed: number, interpolation: Interpolation = 'bilinear'): Case {
  const [n, c, h, w] = dims;
  const rnd = lcg(seed * 31 + 7);
  const lam = Float32Array.from({ length: n }, (_, i) => (i < 3 ? [0, 1, 0.5][(i + seed) % 3] : rnd()));
  return { kernel, batch: randomBatch(n, c, h, w, layout, dtype, seed), index: randomIndex(n, seed), lam,
    boxes: edgeBoxes(n, h, w, seed), interpolation };
}

/** Runs a case on a backend, from src into dst (dst === src: in place). */
export async function runCase(b: KernelBackend, k: Case, src: PixelData, dst: PixelData): Promise<void> {
  const dtype = src instanceof Float32Array ? 'float32' : 'uint8';
  const geom = geometry(k.batch.shape, k.batch.layout, dtype);
  // `samples` travels as an extra field (Job.samples where src/backends/backend.ts has it).
  const extra = k.samples ? { samples: k.samples } : {};
  if (k.kernel === 'blend') await b.blend({ src, dst, geom, index: k.index, lam: k.lam, ...extra } satisfies BlendJob);
  else if (k.kernel === 'paste') await b.paste({ src, dst, geom, index: k.index, boxes: k.boxes, ...extra } satisfies PasteJob);
  else {
    const { taps, tapOf } = resizeTapsFor(k.boxes, geom.n, geom.h, geom.w, k.interpolation);
    await b.resizePaste({ src, dst, geom, index: k.index, boxes: k.boxes, taps, tapOf, ...extra } satisfies ResizePasteJob);
  }
}

/** The oracle's output for a case (out of place). */
export async function reference(k: Case): Promise<PixelData> {
  const dst = k.batch.data.slice();
  await runCase(oracle, k, k.batch.data, dst);
  return dst;
}

/** SPEC §6 tolerance of one element; 0 is exact. */
export function tolerance(kernel: Kernel, dtype: 'float32' | 'uint8', ref: number): number {
  if (kernel === 'paste') return 0;
  if (dtype === 'uint8') return 1;
  return kernel === 'blend' ? 1e-6 * (1 + Math.abs(ref)) : 2e-5 * (1 + Math.abs(ref));
}

/** Whether element e of the batch lies inside its sample's box. */
function inBox(k: Case, e: number): boolean {
  const g = geometry(k.batch.shape, k.batch.layout, 'float32');
  const i = Math.floor(e / g.sn), r = e % g.sn;
  const y = Math.floor(r / g.sy) % g.h, x = Math.floor(r / g.sx) % g.w;
  const [y0, y1, x0, x1] = k.boxes.subarray(4 * i, 4 * i + 4);
  return y >= y0 && y < y1 && x >= x0 && x < x1;
}

/**
 * Fails with the first element outside the tolerance: SPEC §6 for blend everywhere and for
 * resizePaste inside the boxes; bit-exact for paste and outside the boxes.
 */
export function expectClose(got: PixelData, ref: PixelData, k: Case, what: string): void {
  expect(got.length, `${what}: length`).toBe(ref.length);
  expect(got.constructor, `${what}: type`).toBe(ref.constructor);
  const dtype = ref instanceof Float32Array ? 'float32' : 'uint8';
  const gotBits = got instanceof Float32Array ? new Uint32Array(got.buffer, got.byteOffset, got.length) : got;
  const refBits = ref instanceof Float32Array ? new Uint32Array(ref.buffer, ref.byteOffset, ref.length) : ref;
  for (let e = 0; e < ref.length; e++) {
    const tol = k.kernel === 'blend' || (k.kernel === 'resizePaste' && inBox(k, e)) ? tolerance(k.kernel, dtype, ref[e]) : 0;
    const ok = tol === 0 ? gotBits[e] === refBits[e] : Math.abs(got[e] - ref[e]) <= tol;
    if (!ok) expect.fail(`${what}: element ${e}: got ${got[e]}, oracle ${ref[e]} (tolerance ${tol})`);
  }
}
