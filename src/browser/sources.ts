/**
 * Browser image sources: which ones batchmix reads, their size, and the checks that turn a source
 * that cannot be read (a closed ImageBitmap, a broken or unloaded <img>, a 0×0 canvas) into a
 * BatchMixError before any pixel is touched. Safe to import in Node and in workers: every DOM class
 * is looked up on `globalThis` at call time.
 */
import { describe, fail } from '../errors.js';

/** What `imagesToBatch` reads. HTMLImageElement and HTMLCanvasElement exist on the main thread only. */
export type ImageSource = ImageData | ImageBitmap | HTMLImageElement | HTMLCanvasElement | OffscreenCanvas;

/** The DOM class `name` on this thread, or undefined (Node, or a worker for HTMLImageElement). */
function domClass(name: string): (abstract new (...args: never[]) => unknown) | undefined {
  const c = (globalThis as Record<string, unknown>)[name];
  return typeof c === 'function' ? (c as abstract new (...args: never[]) => unknown) : undefined;
}

function isA(value: unknown, name: string): boolean {
  const c = domClass(name);
  return c !== undefined && value instanceof c;
}

export type SourceKind = 'ImageData' | 'ImageBitmap' | 'HTMLImageElement' | 'HTMLCanvasElement' | 'OffscreenCanvas';
const KINDS: readonly SourceKind[] = ['ImageData', 'ImageBitmap', 'HTMLImageElement', 'HTMLCanvasElement', 'OffscreenCanvas'];

/** The kind of a source, or 'BAD_IMAGE' naming what arrived. */
export function kindOf(where: string, source: unknown): SourceKind {
  const kind = KINDS.find((k) => isA(source, k));
  if (kind === undefined) {
    fail('BAD_IMAGE', `${where} must be an ImageData, ImageBitmap, HTMLImageElement, HTMLCanvasElement or OffscreenCanvas, got ${describe(source)}`);
  }
  return kind;
}

export interface SourceInfo {
  readonly kind: SourceKind;
  /** Intrinsic size in pixels (naturalWidth × naturalHeight for an <img>). */
  readonly width: number;
  readonly height: number;
}

/**
 * Checks one source and returns its kind and size. An <img> is awaited (`decode()`) first, so a
 * still-loading image is read once loaded and a broken one fails here.
 * Errors: 'BAD_IMAGE' for a wrong type, a closed ImageBitmap or an <img> that cannot be decoded;
 * BAD_SHAPE for a source with a zero width or height.
 */
export async function inspectSource(where: string, source: unknown): Promise<SourceInfo> {
  const kind = kindOf(where, source);
  if (kind === 'HTMLImageElement') {
    const img = source as HTMLImageElement;
    try {
      await img.decode();
    } catch (e) {
      const src = img.currentSrc || img.src;
      fail('BAD_IMAGE', `${where}: the <img> ${src ? `from ${JSON.stringify(src.slice(0, 120))} ` : 'with no src '}cannot be decoded (broken, missing or not an image): ${(e as Error).message}`, e);
    }
    return sized(where, kind, img.naturalWidth, img.naturalHeight);
  }
  const { width, height } = source as { width: number; height: number };
  // A closed ImageBitmap reports 0×0; createImageBitmap never makes an empty one, so 0×0 means closed.
  if (kind === 'ImageBitmap' && width === 0 && height === 0) {
    fail('BAD_IMAGE', `${where}: the ImageBitmap is detached (close() was called, or it was transferred to another thread); create a new one`);
  }
  return sized(where, kind, width, height);
}

function sized(where: string, kind: SourceKind, width: number, height: number): SourceInfo {
  if (!(width > 0 && height > 0)) {
    fail('BAD_SHAPE', `${where}: the ${kind} is ${width}×${height}; an image needs a width and a height ≥ 1`);
  }
  return { kind, width, height };
}

/** A DOMException named SecurityError: reading a cross-origin image without CORS. */
export function isSecurityError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'SecurityError';
}

/** The 'BAD_IMAGE' error for a tainted (cross-origin, no CORS) source, with the fix. */
export function taintedError(where: string, cause: unknown): never {
  fail(
    'BAD_IMAGE',
    `${where} is a cross-origin image without CORS, so the browser does not let scripts read its pixels (the canvas is tainted); ` +
      `serve it with Access-Control-Allow-Origin and set img.crossOrigin = 'anonymous' before setting src (or fetch it and use createImageBitmap)`,
    cause,
  );
}
