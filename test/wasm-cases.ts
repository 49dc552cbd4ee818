/**
 * Cases and checks shared by the wasm tests: jobs built from the integrator's test data helpers,
 * run on the js oracle (src/backends/js) for the expected result, and compared under SPEC §6.
 */
import { expect } from 'vitest';
import type { AxisTaps, Geometry, KernelBackend, ResizeTaps } from '../src/backends/backend.js';
import { createJsBackend } from '../src/backends/js/index.js';
import { geometry } from '../src/geometry.js';
import { quantizeTaps } from '../src/plan/quantize.js';
import type { ImageBatch, Interpolation, Layout, PixelData } from '../src/types.js';
import { lcg, randomBatch, type TestDType } from './helpers/data.js';

export type Op = 'blend' | 'paste' | 'resizePaste';

export interface Case {
  op: Op;
  batch: ImageBatch;
  geom: Geometry;
  index: Int32Array;
  lam: Float32Array;
  boxes: Int32Array;
  taps: ResizeTaps[];
  tapOf: Int32Array;
}

export const INTERPOLATIONS: readonly Interpolation[] = ['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area'];

/** Partner maps for n samples: cycles, fixed points, and maps that are not permutations. */
export function indexKinds(n: number): Int32Array[] {
  if (n === 1) return [new Int32Array([0])];
  const roll = Int32Array.from({ length: n }, (_, i) => (i + n - 1) % n);
  const mirror = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
  const tree = Int32Array.from({ length: n }, (_, i) => (i < 2 ? 1 : i === n - 1 ? 2 : i + 1)); // 0→1↺, chain into a cycle
  const mixed = Int32Array.from({ length: n }, (_, i) => [1, 2, 0, 3, 3, 5, 0][i % 7] % n);
  return [roll, mirror, tree, mixed];
}

/** Boxes for n samples in an h×w image: empty, whole, borders, one pixel, half size, random. */
export function boxKinds(n: number, h: number, w: number, seed: number): Int32Array {
  const rnd = lcg(seed);
  const r = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const kinds: (() => number[])[] = [
    () => [0, h, 0, w],
    () => [r(0, h - 1), h, r(0, w - 1), w],
    () => { const y = r(0, h); return [y, y, 0, w]; },
    () => [h >> 2, (h >> 2) + Math.max(1, h >> 1), w >> 2, (w >> 2) + Math.max(1, w >> 1)],
    () => { const y = r(0, h - 1), x = r(0, w - 1); return [y, y + 1, x, x + 1]; },
    () => [0, r(1, h), 0, r(1, w)],
    () => { const x = r(0, w); return [0, h, x, x]; },
    () => { const y0 = r(0, h - 1), x0 = r(0, w - 1); return [y0, r(y0 + 1, h), x0, r(x0 + 1, w)]; },
  ];
  const out = new Int32Array(4 * n);
  for (let i = 0; i < n; i++) out.set(kinds[(i + seed) % kinds.length](), 4 * i);
  return out;
}

/**
 * Random taps (any index in range, k in 1..5, each output's weights summing to 1 like the planner's,
 * some negative: 1.4·u_j/Σu − 0.4/k, so Σ|w| ≤ 1.8): exercises every kernel path; `q` as the planner's.
 */
export function randomAxis(inSize: number, outSize: number, rnd: () => number): AxisTaps {
  const k = 1 + Math.floor(rnd() * 5);
  const idx = Int32Array.from({ length: outSize * k }, () => Math.floor(rnd() * inSize));
  const wt = new Float32Array(outSize * k);
  for (let o = 0; o < outSize; o++) {
    const u = Array.from({ length: k }, () => 0.05 + rnd());
    const sum = u.reduce((s, v) => s + v, 0);
    for (let j = 0; j < k; j++) wt[o * k + j] = (1.4 * u[j]) / sum - 0.4 / k;
  }
  return { inSize, outSize, k, idx, wt, q: quantizeTaps(wt, outSize, k) };
}

export function makeCase(
  op: Op, n: number, c: number, h: number, w: number, layout: Layout, dtype: TestDType, seed: number,
  index: Int32Array, taps?: (boxes: Int32Array) => { taps: ResizeTaps[]; tapOf: Int32Array },
): Case {
  const batch = randomBatch(n, c, h, w, layout, dtype, seed);
  const geom = geometry(Array.from(batch.shape), layout, dtype === 'float32' ? 'float32' : 'uint8');
  const rnd = lcg(seed + 17);
  const lam = Float32Array.from({ length: n }, (_, i) => [0, 1, 0.5][i] ?? rnd());
  const boxes = boxKinds(n, h, w, seed);
  const t = op === 'resizePaste' && taps ? taps(boxes) : { taps: [], tapOf: new Int32Array(n) };
  return { op, batch, geom, index, lam, boxes, taps: t.taps, tapOf: t.tapOf };
}

/** Runs a case on a backend: src → dst (dst === src for in place). */
export async function runCase(k: KernelBackend, c: Case, src: PixelData, dst: PixelData): Promise<void> {
  const job = { src, dst, geom: c.geom, index: c.index };
  if (c.op === 'blend') await k.blend({ ...job, lam: c.lam });
  else if (c.op === 'paste') await k.paste({ ...job, boxes: c.boxes });
  else await k.resizePaste({ ...job, boxes: c.boxes, taps: c.taps, tapOf: c.tapOf });
}

const oracle = createJsBackend();

/** The oracle's result, out of place from a copy of the input. */
export async function expected(c: Case): Promise<PixelData> {
  const src = c.batch.data.slice();
  const dst = src.slice().fill(0);
  await runCase(oracle, c, src, dst);
  return dst;
}

/**
 * SPEC §6 between the wasm result and the oracle's: CutMix exact; float32 Mixup ≤ 1e-6·(1 + |ref|);
 * float32 ResizeMix ≤ 2e-5·(1 + |ref|); uint8 exact (integer arithmetic, SPEC §5). Returns how many
 * elements differ at all (the wasm kernels keep the oracle's float32 order, so the callers expect 0).
 */
export function compare(c: Case, got: PixelData, want: PixelData, what: string): number {
  expect(got.length, what).toBe(want.length);
  const float = want instanceof Float32Array;
  const tol = c.op === 'paste' || !float ? 0 : c.op === 'blend' ? 1e-6 : 2e-5;
  let differ = 0;
  for (let e = 0; e < want.length; e++) {
    if (got[e] === want[e]) continue;
    differ++;
    const bound = float ? tol * (1 + Math.abs(want[e])) : tol;
    if (!(Math.abs(got[e] - want[e]) <= bound)) {
      expect.fail(`${what}: element ${e} is ${got[e]}, the oracle has ${want[e]} (tolerance ${bound})`);
    }
  }
  return differ;
}
