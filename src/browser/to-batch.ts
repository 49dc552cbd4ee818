/**
 * Browser images → an ImageBatch in CPU memory (SPEC §5): ImageData, ImageBitmap, <img>, <canvas>
 * and OffscreenCanvas, on the main thread or in a worker, any size, resized or rejected as asked.
 */
import type { ImageBatch } from '../types.js';
import { planImages, type ImagesToBatchOptions } from './plan.js';
import { readRgba, scratchContext } from './read.js';
import type { ImageSource } from './sources.js';

/**
 * Reads every image at the batch size W×H (plan.ts) and packs it into a new batch. Pixel (y, x) of
 * image i, channel c, is the byte RGBA[c] (C = 3, 4) or ⌊(299·R + 587·G + 114·B + 500) / 1000⌋
 * (C = 1); float32 batches hold byte / 255. Resampling is the browser's drawImage (read.ts).
 * Errors: those of planImages, and 'BAD_IMAGE' for a source the browser refuses to read (tainted).
 */
export async function imagesToBatch(images: readonly ImageSource[], options: ImagesToBatchOptions = {}): Promise<ImageBatch> {
  const plan = await planImages('imagesToBatch', images, options);
  const g = plan.geom;
  const len = g.n * g.sn;
  const data = g.dtype === 'float32' ? new Float32Array(len) : new Uint8Array(len);
  const div = g.dtype === 'float32' ? 255 : 1;
  let ctx: ReturnType<typeof scratchContext> | undefined;
  for (const [i, item] of plan.items.entries()) {
    if (!(item.exact && item.info.kind === 'ImageData')) ctx ??= scratchContext(g.w, g.h);
    const rgba = (await readRgba(item, images[i], g.w, g.h, ctx)).data;
    for (let y = 0; y < g.h; y++) {
      for (let x = 0; x < g.w; x++) {
        const p = 4 * (y * g.w + x), e = i * g.sn + y * g.sy + x * g.sx;
        if (g.c === 1) data[e] = Math.floor((299 * rgba[p] + 587 * rgba[p + 1] + 114 * rgba[p + 2] + 500) / 1000) / div;
        else for (let k = 0; k < g.c; k++) data[e + k * g.sc] = rgba[p + k] / div;
      }
    }
  }
  return { data, shape: plan.shape, layout: g.layout };
}
