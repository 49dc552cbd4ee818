/**
 * Reads the RGBA pixels of one browser image at the batch size through a 2D canvas (an
 * OffscreenCanvas where the thread has one, so workers work too). An ImageData that already has the
 * batch size is used as it is: no canvas, bit-exact, also for translucent pixels.
 */
import { fail } from '../errors.js';
import type { ImageItem } from './plan.js';
import { isSecurityError, taintedError, type ImageSource } from './sources.js';

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A W×H 2D context for reading pixels back (willReadFrequently: kept in CPU memory). */
export function scratchContext(W: number, H: number): Context2D {
  const settings: CanvasRenderingContext2DSettings = { willReadFrequently: true, colorSpace: 'srgb' };
  let ctx: Context2D | null = null;
  if (typeof OffscreenCanvas === 'function') ctx = new OffscreenCanvas(W, H).getContext('2d', settings);
  else if (typeof document === 'object') {
    const canvas = document.createElement('canvas');
    canvas.width = W;
    canvas.height = H;
    ctx = canvas.getContext('2d', settings);
  }
  if (!ctx) fail('BACKEND_UNAVAILABLE', 'imagesToBatch: no 2D canvas here (needs a browser main thread or a worker with OffscreenCanvas)');
  return ctx;
}

/**
 * The W×H RGBA pixels of `source` (row-major, 4 bytes a pixel, 0..255), drawn into the fit
 * rectangles of `item` (plan.ts, fit.ts). Resampling, when the size differs, is the browser's
 * `drawImage` with imageSmoothingQuality 'high'. Translucent pixels go through the canvas's premultiplied storage
 * (their colour may round); opaque ones are read exactly. A cross-origin image without CORS fails
 * with the 'BAD_IMAGE' code (the browser's SecurityError is kept as the cause), as does any other
 * source the browser refuses to draw.
 */
export async function readRgba(item: ImageItem, source: ImageSource, W: number, H: number, ctx: Context2D | undefined): Promise<ImageData> {
  const { where, info, rect: r } = item;
  if (info.kind === 'ImageData' && item.exact) return source as ImageData;
  if (!ctx) return fail('INTERNAL', `${where}: no scratch canvas was made for a ${info.kind}`);
  let drawable: CanvasImageSource = source as CanvasImageSource;
  let owned: ImageBitmap | undefined;
  if (info.kind === 'ImageData') drawable = owned = await createImageBitmap(source as ImageData);
  try {
    ctx.globalCompositeOperation = 'source-over';
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.clearRect(0, 0, W, H);
    ctx.drawImage(drawable, r.sx, r.sy, r.sw, r.sh, r.dx, r.dy, r.dw, r.dh);
    return ctx.getImageData(0, 0, W, H);
  } catch (e) {
    if (isSecurityError(e)) taintedError(where, e);
    return fail('BAD_IMAGE', `${where}: the browser cannot draw this ${info.kind}: ${(e as Error).message}`, e);
  } finally {
    owned?.close();
  }
}
