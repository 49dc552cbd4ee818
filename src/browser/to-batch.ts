/**
 * Browser images → an ImageBatch (SPEC §5): ImageData, ImageBitmap, <img>, <canvas> and
 * OffscreenCanvas, on the main thread or in a worker, any size, resized or rejected as asked.
 */
import { describe, fail } from '../errors.js';
import { geometry } from '../geometry.js';
import type { ImageBatch, Layout } from '../types.js';
import { FITS, type Fit } from './fit.js';
import { readRgba, scratchContext } from './read.js';
import { inspectSource, type ImageSource } from './sources.js';

export interface ImagesToBatchOptions {
  /** The batch's image size; default the first image's size. */
  size?: { readonly width: number; readonly height: number };
  /** What to do with an image of another size (fit.ts); default 'reject' (BAD_SHAPE). */
  fit?: Fit;
  /** Default 'NHWC'. */
  layout?: Layout;
  /** 3 (RGB, default), 4 (RGBA) or 1 (luma, ITU-R 601: ⌊(299·R + 587·G + 114·B + 500) / 1000⌋). */
  channels?: 1 | 3 | 4;
  /** 'uint8' (Uint8Array, 0..255; default) or 'float32' (Float32Array, byte / 255 in [0, 1]). */
  dtype?: 'uint8' | 'float32';
}

const WHERE = 'imagesToBatch';

function checkOptions(o: ImagesToBatchOptions): Required<Omit<ImagesToBatchOptions, 'size'>> {
  const fit = o.fit ?? 'reject', layout = o.layout ?? 'NHWC', channels = o.channels ?? 3, dtype = o.dtype ?? 'uint8';
  if (!FITS.includes(fit)) fail('BAD_OPTIONS', `${WHERE}: options.fit must be one of ${FITS.join(', ')}, got ${describe(fit)}`);
  if (layout !== 'NHWC' && layout !== 'NCHW') fail('BAD_LAYOUT', `${WHERE}: options.layout must be 'NCHW' or 'NHWC', got ${describe(layout)}`);
  if (channels !== 1 && channels !== 3 && channels !== 4) fail('BAD_OPTIONS', `${WHERE}: options.channels must be 1, 3 or 4, got ${describe(channels)}`);
  if (dtype !== 'uint8' && dtype !== 'float32') fail('BAD_DTYPE', `${WHERE}: options.dtype must be 'uint8' or 'float32', got ${describe(dtype)}`);
  return { fit, layout, channels, dtype };
}

function checkSize(size: unknown): { width: number; height: number } {
  const s = size as { width?: unknown; height?: unknown } | null;
  const ok = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;
  if (typeof s !== 'object' || s === null || !ok(s.width) || !ok(s.height)) {
    fail('BAD_SHAPE', `${WHERE}: options.size must be { width, height } with integers ≥ 1, got ${s && typeof s === 'object' ? JSON.stringify(s) : describe(s)}`);
  }
  return { width: s.width as number, height: s.height as number };
}

/**
 * Reads every image at the batch size W×H and packs them into a batch of shape [N, H, W, C] (NHWC)
 * or [N, C, H, W] (NCHW). Pixel (y, x) of image i, channel c, is RGBA[c] (C = 3, 4) or the luma
 * (C = 1); as float32 it is divided by 255. Every source is checked before any is read.
 * Errors: BAD_SHAPE (no images, a 0×0 image, a size mismatch under fit 'reject', a bad size),
 * UNREADABLE (sources.ts: tainted, closed, broken or not an image), BAD_LAYOUT, BAD_DTYPE, BAD_OPTIONS.
 */
export async function imagesToBatch(images: readonly ImageSource[], options: ImagesToBatchOptions = {}): Promise<ImageBatch> {
  if (!Array.isArray(images) || images.length === 0) {
    fail('BAD_SHAPE', `${WHERE}: images must be a non-empty array of images (N ≥ 1), got ${describe(images)}`);
  }
  const o = checkOptions(options);
  const infos = [];
  for (let i = 0; i < images.length; i++) infos.push(await inspectSource(`${WHERE}: images[${i}]`, images[i]));
  const { width: W, height: H } = options.size === undefined ? infos[0] : checkSize(options.size);
  const n = images.length, c = o.channels;
  const len = n * c * H * W;
  const shape: [number, number, number, number] = o.layout === 'NCHW' ? [n, c, H, W] : [n, H, W, c];
  const g = geometry(shape, o.layout, o.dtype);
  const data = o.dtype === 'float32' ? new Float32Array(len) : new Uint8Array(len);
  const div = o.dtype === 'float32' ? 255 : 1;
  let ctx: ReturnType<typeof scratchContext> | undefined;
  for (let i = 0; i < n; i++) {
    const where = `${WHERE}: images[${i}]`;
    const needsCanvas = infos[i].kind !== 'ImageData' || infos[i].width !== W || infos[i].height !== H;
    if (needsCanvas) ctx ??= scratchContext(W, H);
    const rgba = (await readRgba(where, images[i], infos[i], o.fit, W, H, ctx!)).data;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const p = 4 * (y * W + x), e = i * g.sn + y * g.sy + x * g.sx;
        if (c === 1) data[e] = Math.floor((299 * rgba[p] + 587 * rgba[p + 1] + 114 * rgba[p + 2] + 500) / 1000) / div;
        else for (let k = 0; k < c; k++) data[e + k * g.sc] = rgba[p + k] / div;
      }
    }
  }
  return { data, shape, layout: o.layout };
}
