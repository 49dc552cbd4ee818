/**
 * A Geometry (element strides, src/backends/backend.ts) as the kernels see an image: `planes`
 * planes of H rows, each row `rowLen` contiguous elements in which a pixel is P elements.
 * Pixel-interleaved strides (sc = 1, sx = C: NHWC) give 1 plane of W·C elements per row, P = C;
 * planar strides (sx = 1: NCHW) give C planes of W elements per row, P = 1. A box row is then one
 * contiguous span per plane: (x1 − x0)·P elements. Other strides cannot come out of `geometry()`.
 */
import type { Geometry } from '../backend.js';
import { fail } from '../../errors.js';

export interface Planes {
  /** Bytes per element: 4 (float32) or 1 (uint8). */
  readonly eb: number;
  /** Bytes per image. */
  readonly image: number;
  readonly planes: number;
  readonly planeBytes: number;
  readonly rowBytes: number;
  /** Elements per row of a plane, and per pixel within it. */
  readonly rowLen: number;
  readonly p: number;
}

export function planesOf(g: Geometry): Planes {
  const eb = g.dtype === 'float32' ? 4 : 1;
  const image = g.sn * eb;
  if (g.sc === 1 && g.sx === g.c && g.sy === g.w * g.c) {
    return { eb, image, planes: 1, planeBytes: 0, rowBytes: g.sy * eb, rowLen: g.w * g.c, p: g.c };
  }
  if (g.sx === 1 && g.sy === g.w) {
    return { eb, image, planes: g.c, planeBytes: g.sc * eb, rowBytes: g.sy * eb, rowLen: g.w, p: 1 };
  }
  return fail('INTERNAL', `wasm: strides sc=${g.sc} sy=${g.sy} sx=${g.sx} are neither pixel-interleaved nor planar`);
}

/** A box of one image as byte offsets for copyRect: planes × rows spans of `span` bytes. */
export interface Rect {
  readonly offset: number;
  readonly rowBytes: number;
  readonly planeBytes: number;
  readonly planes: number;
  readonly rows: number;
  readonly span: number;
}

/** The box `boxes[4i .. 4i+4)` = [y0, y1, x0, x1] of sample i, in the image's own strides. */
export function boxRect(l: Planes, boxes: Int32Array, i: number): Rect {
  const y0 = boxes[4 * i], y1 = boxes[4 * i + 1], x0 = boxes[4 * i + 2], x1 = boxes[4 * i + 3];
  return {
    offset: y0 * l.rowBytes + x0 * l.p * l.eb,
    rowBytes: l.rowBytes,
    planeBytes: l.planeBytes,
    planes: l.planes,
    rows: y1 - y0,
    span: (x1 - x0) * l.p * l.eb,
  };
}

/** The same box stored compactly in a temp (rows of `span` bytes, planes of rows·span bytes). */
export function compact(r: Rect): Rect {
  return { ...r, offset: 0, rowBytes: r.span, planeBytes: r.rows * r.span };
}

/** Bytes of a box in compact form. */
export function rectBytes(r: Rect): number {
  return r.planes * r.rows * r.span;
}

/** n rounded up to a multiple of 16 bytes (SIMD alignment of every array in wasm memory). */
export const align16 = (n: number): number => Math.ceil(n / 16) * 16;

/** Carves 16-aligned blocks one after another from `at` (the taps writers' layout of one call). */
export class Blocks {
  constructor(public at: number) {}

  take(bytes: number): number {
    const ptr = this.at;
    this.at += align16(bytes);
    return ptr;
  }
}
