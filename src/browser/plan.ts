/**
 * The plan of an images → batch call, shared by the CPU path (to-batch.ts) and the GPU path
 * (to-gpu.ts): options checked, every source inspected and its fit rectangles computed, all before
 * any pixel is read or any memory is allocated.
 */
import type { Geometry } from '../backends/backend.js';
import { describe, fail } from '../errors.js';
import { geometry } from '../geometry.js';
import type { Layout } from '../types.js';
import { FITS, fitRect, type Fit, type FitRect } from './fit.js';
import { inspectSource, type ImageSource, type SourceInfo } from './sources.js';

export interface ImagesToBatchOptions {
  /** The batch's image size; default the first image's size. */
  size?: { readonly width: number; readonly height: number };
  /** What to do with an image of another size (fit.ts); default 'reject' (BAD_SHAPE). */
  fit?: Fit;
  /** Default 'NHWC'. */
  layout?: Layout;
  /** 3 (RGB, default), 4 (RGBA) or 1 (luma, ITU-R 601: ⌊(299·R + 587·G + 114·B + 500) / 1000⌋). */
  channels?: 1 | 3 | 4;
  /** 'uint8' (0..255; default) or 'float32' (byte / 255, in [0, 1]). */
  dtype?: 'uint8' | 'float32';
}

export interface ImageItem {
  readonly where: string;
  readonly info: SourceInfo;
  readonly rect: FitRect;
  /** The image is W×H already: read as is, no resampling. */
  readonly exact: boolean;
}

export interface ImagePlan {
  readonly shape: [number, number, number, number];
  readonly geom: Geometry;
  readonly items: readonly ImageItem[];
}

function checkSize(where: string, size: unknown): { width: number; height: number } {
  const s = size as { width?: unknown; height?: unknown } | null;
  const ok = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;
  if (typeof s !== 'object' || s === null || !ok(s.width) || !ok(s.height)) {
    fail('BAD_SHAPE', `${where}: options.size must be { width, height } with integers ≥ 1, got ${s && typeof s === 'object' ? JSON.stringify(s) : describe(s)}`);
  }
  return { width: s.width as number, height: s.height as number };
}

/**
 * Checks `options` and `images` and plans the batch: shape [N, H, W, C] (NHWC) or [N, C, H, W]
 * (NCHW), and for each image its fit rectangles into W×H.
 * Errors: BAD_SHAPE (no images, a 0×0 image, a size mismatch under fit 'reject', a bad size),
 * 'BAD_IMAGE' (sources.ts), BAD_LAYOUT, BAD_DTYPE, BAD_OPTIONS.
 */
export async function planImages(where: string, images: readonly ImageSource[], options: ImagesToBatchOptions): Promise<ImagePlan> {
  if (!Array.isArray(images) || images.length === 0) {
    fail('BAD_SHAPE', `${where}: images must be a non-empty array of images (N ≥ 1), got ${describe(images)}`);
  }
  const { fit = 'reject', layout = 'NHWC', channels = 3, dtype = 'uint8' } = options ?? {};
  if (!FITS.includes(fit)) fail('BAD_OPTIONS', `${where}: options.fit must be one of ${FITS.join(', ')}, got ${describe(fit)}`);
  if (layout !== 'NHWC' && layout !== 'NCHW') fail('BAD_LAYOUT', `${where}: options.layout must be 'NCHW' or 'NHWC', got ${describe(layout)}`);
  if (channels !== 1 && channels !== 3 && channels !== 4) fail('BAD_OPTIONS', `${where}: options.channels must be 1, 3 or 4, got ${describe(channels)}`);
  if (dtype !== 'uint8' && dtype !== 'float32') fail('BAD_DTYPE', `${where}: options.dtype must be 'uint8' or 'float32', got ${describe(dtype)}`);
  const infos: SourceInfo[] = [];
  for (let i = 0; i < images.length; i++) infos.push(await inspectSource(`${where}: images[${i}]`, images[i]));
  const { width: W, height: H } = options?.size === undefined ? infos[0] : checkSize(where, options.size);
  const items = infos.map((info, i) => {
    const at = `${where}: images[${i}]`;
    return { where: at, info, rect: fitRect(at, fit, info.width, info.height, W, H), exact: info.width === W && info.height === H };
  });
  const n = images.length;
  const shape: [number, number, number, number] = layout === 'NCHW' ? [n, channels, H, W] : [n, H, W, channels];
  return { shape, geom: geometry(shape, layout, dtype), items };
}
