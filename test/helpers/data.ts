/** Deterministic test data: batches, labels and hand-made params from a tiny seeded LCG. */
import type { DType, ImageBatch, Interpolation, Layout, MixParams, Op, PixelData } from '../../src/types.js';

export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export type TestDType = DType | 'uint8clamped';

/** A batch with sizes n, c, h, w in `layout`; float32 values in [-2, 3), uint8 values in [0, 255]. */
export function randomBatch(n: number, c: number, h: number, w: number, layout: Layout, dtype: TestDType, seed = 1): ImageBatch {
  const rnd = lcg(seed);
  const len = n * c * h * w;
  let data: PixelData;
  if (dtype === 'float32') data = Float32Array.from({ length: len }, () => rnd() * 5 - 2);
  else if (dtype === 'uint8') data = Uint8Array.from({ length: len }, () => Math.floor(rnd() * 256));
  else data = Uint8ClampedArray.from({ length: len }, () => Math.floor(rnd() * 256));
  const shape = (layout === 'NCHW' ? [n, c, h, w] : [n, h, w, c]) as [number, number, number, number];
  return { data, shape, layout };
}

export function copyBatch(b: ImageBatch): ImageBatch {
  return { data: b.data.slice(), shape: b.shape, layout: b.layout };
}

/** A permutation of 0..n-1 (with possible fixed points), from the seed. */
export function randomIndex(n: number, seed: number): Int32Array {
  const rnd = lcg(seed);
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx;
}

/**
 * Boxes covering the cases that break kernels: empty (0 rows or 0 cols), the whole image, boxes on
 * each border, a single pixel, and random interior ones — cycled over the n samples.
 */
export function edgeBoxes(n: number, h: number, w: number, seed: number): Int32Array {
  const rnd = lcg(seed);
  const r = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const kinds: (() => number[])[] = [
    () => { const y0 = r(0, h - 1), x0 = r(0, w - 1); return [y0, r(y0 + 1, h), x0, r(x0 + 1, w)]; },
    () => [0, h, 0, w],
    () => { const y = r(0, h); return [y, y, 0, w]; },
    () => [0, r(1, h), 0, r(1, w)],
    () => [r(0, h - 1), h, r(0, w - 1), w],
    () => { const y = r(0, h - 1), x = r(0, w - 1); return [y, y + 1, x, x + 1]; },
    () => { const x = r(0, w); return [0, h, x, x]; },
  ];
  const out = new Int32Array(4 * n);
  for (let i = 0; i < n; i++) out.set(kinds[(i + seed) % kinds.length](), 4 * i);
  return out;
}

/**
 * Hand-made params of one op for n samples of h×w: a random partner map (identity: none), λ with
 * 0, 1 or 0.5 for sample 0 and random values after it, boxes that reach the edges (edgeBoxes).
 */
export function paramsFor(op: Op, n: number, h: number, w: number, seed: number, interpolation?: Interpolation): MixParams {
  const rnd = lcg(seed * 7 + 3);
  const index = op === 'identity' ? Int32Array.from({ length: n }, (_, i) => i) : randomIndex(n, seed);
  const lam = Float32Array.from({ length: n }, (_, i) => (op === 'identity' ? 1 : i === 0 ? [0, 1, 0.5][seed % 3] : rnd()));
  const p: MixParams = { op, index, lam };
  if (op === 'cutmix' || op === 'resizemix') p.boxes = edgeBoxes(n, h, w, seed);
  if (op === 'resizemix') p.interpolation = interpolation;
  return p;
}
