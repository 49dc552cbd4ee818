/**
 * An ImageBatch → browser images: ImageData, or pixels put on a canvas (main thread or worker).
 */
import { describe, fail } from '../errors.js';
import type { ImageBatch } from '../types.js';
import { checkBatch } from '../validate.js';

export interface ToImageOptions {
  /** The values shown as 0 and 255: default [0, 1] for float32 batches and [0, 255] for uint8 ones. */
  range?: readonly [number, number];
}

/** A 2D context of a canvas or an OffscreenCanvas. */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
export type DrawTarget = HTMLCanvasElement | OffscreenCanvas | Context2D;

function checkRange(where: string, range: unknown, float: boolean): readonly [number, number] {
  if (range === undefined) return float ? [0, 1] : [0, 255];
  const r = range as number[];
  if (!Array.isArray(r) || r.length !== 2 || !Number.isFinite(r[0]) || !Number.isFinite(r[1]) || !(r[0] < r[1])) {
    fail('BAD_OPTIONS', `${where}: options.range must be [lo, hi] with finite lo < hi, got ${describe(range)}`);
  }
  return [r[0], r[1]];
}

/**
 * Sample i of `batch` as W×H RGBA ImageData. A value v becomes the byte
 * clamp(⌊(v − lo) / (hi − lo) · 255 + 0.5⌋, 0, 255), [lo, hi] = options.range (identity for uint8
 * by default). Channels: C = 1 grey (R = G = B, A = 255), 2 grey and alpha, 3 RGB (A = 255), 4 RGBA.
 * Errors: the batch errors of `apply`, BAD_SHAPE for C > 4 or i outside [0, N), BAD_OPTIONS for a bad range.
 */
export function batchToImageData(batch: ImageBatch, i: number, options: ToImageOptions = {}): ImageData {
  const where = 'batchToImageData';
  const g = checkBatch(where, batch);
  if (g.c > 4) fail('BAD_SHAPE', `${where}: a batch with C = ${g.c} channels cannot be shown as an image; C must be 1, 2, 3 or 4`);
  if (!Number.isInteger(i) || i < 0 || i >= g.n) fail('BAD_SHAPE', `${where}: i must be an integer in [0, ${g.n}), got ${describe(i)}`);
  const [lo, hi] = checkRange(where, options.range, g.dtype === 'float32');
  if (typeof ImageData !== 'function') fail('BACKEND_UNAVAILABLE', `${where}: ImageData does not exist here (it needs a browser or a worker)`);
  const k = 255 / (hi - lo);
  const byte = (v: number): number => Math.min(Math.max(Math.floor((v - lo) * k + 0.5), 0), 255);
  const out = new Uint8ClampedArray(4 * g.w * g.h);
  const src = batch.data;
  // RGBA channel j takes batch channel pick[j]; -1 means opaque alpha.
  const pick = [[0, 0, 0, -1], [0, 0, 0, 1], [0, 1, 2, -1], [0, 1, 2, 3]][g.c - 1];
  for (let y = 0; y < g.h; y++) {
    for (let x = 0; x < g.w; x++) {
      const e = i * g.sn + y * g.sy + x * g.sx, p = 4 * (y * g.w + x);
      for (let j = 0; j < 4; j++) out[p + j] = pick[j] < 0 ? 255 : byte(src[e + pick[j] * g.sc]);
    }
  }
  return new ImageData(out, g.w, g.h);
}

/** Every sample of `batch` as ImageData, in batch order (see batchToImageData). */
export function batchToImages(batch: ImageBatch, options: ToImageOptions = {}): ImageData[] {
  const n = checkBatch('batchToImages', batch).n;
  return Array.from({ length: n }, (_, i) => batchToImageData(batch, i, options));
}

/**
 * Puts sample i on a canvas with `putImageData` (exact pixels, no smoothing). A canvas
 * (HTMLCanvasElement or OffscreenCanvas) is first resized to the image, which is put at (0, 0);
 * a 2D context keeps its size and gets the image at (x, y), default (0, 0).
 */
export function drawBatchImage(batch: ImageBatch, i: number, target: DrawTarget, options: ToImageOptions & { x?: number; y?: number } = {}): void {
  const image = batchToImageData(batch, i, options);
  const isContext = typeof (target as Context2D).putImageData === 'function';
  if (isContext) {
    (target as Context2D).putImageData(image, options.x ?? 0, options.y ?? 0);
    return;
  }
  const canvas = target as HTMLCanvasElement | OffscreenCanvas;
  if (typeof canvas?.getContext !== 'function') {
    fail('BAD_OPTIONS', `drawBatchImage: target must be a canvas, an OffscreenCanvas or a 2D context, got ${describe(target)}`);
  }
  if (canvas.width !== image.width) canvas.width = image.width;
  if (canvas.height !== image.height) canvas.height = image.height;
  const ctx = canvas.getContext('2d') as Context2D | null;
  if (!ctx) fail('BAD_OPTIONS', 'drawBatchImage: the canvas has another kind of context (webgl?), so a 2D one cannot be made; pass a fresh canvas');
  ctx.putImageData(image, 0, 0);
}
