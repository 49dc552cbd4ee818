/**
 * Moving samples between CPU arrays and batch pages (packing.ts). A run of consecutive samples is
 * one linear run of elements, so an upload is at most two texSubImage2D calls (the full texel rows
 * straight from the caller's array, then the last, partial row through a zero-padded staging row)
 * and a readback is one readPixels of the page's rows into a host scratch; the caller copies the
 * scratch to its destination only after the whole job succeeded, so a failed call never leaves a
 * half-written destination.
 */
import type { DType, PixelData } from '../../types.js';
import { rowsFor, type Packing } from './packing.js';

/** Host elements of a page: float32 values or uint8 values. */
export type HostArray = Float32Array | Uint8Array;

/** The batch's memory as page elements: float32 as they are, uint8 (clamped or not) as bytes. */
export function hostView(data: PixelData): HostArray {
  return data instanceof Float32Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.length);
}

/** The upload/readPixels format and type of a dtype's pages. */
export function pixelFormat(gl: WebGL2RenderingContext, dtype: DType): { format: number; type: number } {
  return dtype === 'float32' ? { format: gl.RGBA, type: gl.FLOAT } : { format: gl.RGBA_INTEGER, type: gl.UNSIGNED_BYTE };
}

/**
 * Writes the elements `run` (count·sn elements: samples at slots 0..count−1) into page `tex` from
 * texel 0 on. At most two texSubImage2D calls.
 */
export function uploadRun(gl: WebGL2RenderingContext, tex: WebGLTexture, pack: Packing, dtype: DType, run: HostArray): void {
  const { texW } = pack;
  const { format, type } = pixelFormat(gl, dtype);
  const rowElems = 4 * texW;
  const fullRows = Math.floor(run.length / rowElems);
  gl.bindTexture(gl.TEXTURE_2D, tex);
  if (fullRows > 0) gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, texW, fullRows, format, type, run.subarray(0, fullRows * rowElems));
  const rest = run.length - fullRows * rowElems;
  if (rest > 0) {
    const staging = new (run.constructor as new (n: number) => HostArray)(rowElems);
    staging.set(run.subarray(fullRows * rowElems));
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, fullRows, texW, 1, format, type, staging);
  }
  gl.bindTexture(gl.TEXTURE_2D, null);
}

/**
 * The elements of samples `samples` (ascending) of `data`, as one run: a view of `data` when they
 * are consecutive, else a gathered copy.
 */
export function gatherRun(data: HostArray, sn: number, samples: Int32Array): HostArray {
  const len = samples.length;
  if (len > 0 && samples[len - 1] - samples[0] === len - 1) return data.subarray(samples[0] * sn, (samples[len - 1] + 1) * sn);
  const out = new (data.constructor as new (n: number) => HostArray)(len * sn);
  samples.forEach((s, k) => out.set(data.subarray(s * sn, (s + 1) * sn), k * sn));
  return out;
}

/**
 * How RGBA8UI pages are read: RGBA_INTEGER/UNSIGNED_BYTE when the implementation offers it
 * (IMPLEMENTATION_COLOR_READ_TYPE), else the always-supported UNSIGNED_INT, narrowed on the CPU.
 * Call with a uint8 page attached to the read framebuffer.
 */
export function u8ReadType(gl: WebGL2RenderingContext): number {
  const format = gl.getParameter(gl.IMPLEMENTATION_COLOR_READ_FORMAT) as number;
  const type = gl.getParameter(gl.IMPLEMENTATION_COLOR_READ_TYPE) as number;
  return format === gl.RGBA_INTEGER && type === gl.UNSIGNED_BYTE ? gl.UNSIGNED_BYTE : gl.UNSIGNED_INT;
}

/**
 * Reads the rows of `count` samples of the page attached to the bound read framebuffer into
 * `host` from element `at` (host must have room for the padding of the last row). One readPixels.
 */
export function readRows(gl: WebGL2RenderingContext, pack: Packing, dtype: DType, count: number, host: HostArray, at: number, u8Type: number): void {
  const rows = rowsFor(pack, count);
  const n = rows * pack.texW * 4;
  const view = host.subarray(at, at + n);
  if (dtype === 'float32') {
    gl.readPixels(0, 0, pack.texW, rows, gl.RGBA, gl.FLOAT, view);
  } else if (u8Type === gl.UNSIGNED_BYTE) {
    gl.readPixels(0, 0, pack.texW, rows, gl.RGBA_INTEGER, gl.UNSIGNED_BYTE, view);
  } else {
    const wide = new Uint32Array(n);
    gl.readPixels(0, 0, pack.texW, rows, gl.RGBA_INTEGER, gl.UNSIGNED_INT, wide);
    view.set(wide);
  }
}
