/**
 * Moving samples between CPU arrays and texture layers, in the packing of packing.ts. Uploads read
 * the caller's array directly (a run of samples is one texSubImage3D when the packing is exact);
 * readbacks go into a host scratch array, which the caller copies to its destination only after the
 * whole job succeeded, so a failed call never leaves a half-written destination.
 */
import type { DType, PixelData } from '../../types.js';
import type { Packing } from './packing.js';

/** Host elements of a texture: float32 bit patterns (Uint32) or uint8 values. */
export type HostArray = Uint32Array | Uint8Array;

/** A view of the batch's memory as texture elements: float32 as their bits, uint8 (clamped or not) as bytes. */
export function hostView(data: PixelData): HostArray {
  return data instanceof Float32Array
    ? new Uint32Array(data.buffer, data.byteOffset, data.length)
    : new Uint8Array(data.buffer, data.byteOffset, data.length);
}

function glType(gl: WebGL2RenderingContext, data: HostArray): number {
  return data instanceof Uint32Array ? gl.UNSIGNED_INT : gl.UNSIGNED_BYTE;
}

/**
 * Whether texSubImage3D honours a typed array's byteOffset. headless-gl 9.0.0-rc.10 does not (its
 * native binding reads from the start of the ArrayBuffer), so there views that do not start at byte 0
 * are copied first. Probed once per context: one RGBA8UI texel from bytes 4..7 of [1..8], read back.
 */
export function uploadHonoursOffset(gl: WebGL2RenderingContext, fb: WebGLFramebuffer): boolean {
  const tex = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D_ARRAY, tex);
  gl.texStorage3D(gl.TEXTURE_2D_ARRAY, 1, gl.RGBA8UI, 1, 1, 1);
  gl.texSubImage3D(gl.TEXTURE_2D_ARRAY, 0, 0, 0, 0, 1, 1, 1, gl.RGBA_INTEGER, gl.UNSIGNED_BYTE, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]).subarray(4));
  gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
  gl.framebufferTextureLayer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, tex, 0, 0);
  const out = new Uint32Array(4);
  gl.readPixels(0, 0, 1, 1, gl.RGBA_INTEGER, gl.UNSIGNED_INT, out);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.bindTexture(gl.TEXTURE_2D_ARRAY, null);
  gl.deleteTexture(tex);
  return out[0] === 5;
}

/**
 * Uploads samples `samples[l]` (ascending) of `data` (n·sn elements) into layers l of `tex`.
 * Exact packing: one call per run of consecutive samples. Otherwise, per layer, the full texel rows
 * straight from `data` and the last, partial row through a zero-padded staging row.
 * `offsets` false (see uploadHonoursOffset): views not at byte 0 are copied before the call.
 */
export function uploadSamples(gl: WebGL2RenderingContext, tex: WebGLTexture, pack: Packing, data: HostArray,
  samples: Int32Array, offsets: boolean): void {
  const { texW, texH, sn } = pack;
  const type = glType(gl, data);
  const T = gl.TEXTURE_2D_ARRAY;
  const upload = (z: number, y: number, h: number, d: number, view: HostArray): void =>
    gl.texSubImage3D(T, 0, 0, y, z, texW, h, d, gl.RGBA_INTEGER, type, offsets || view.byteOffset === 0 ? view : view.slice());
  gl.bindTexture(T, tex);
  for (let l = 0; l < samples.length;) {
    let run = 1;
    while (l + run < samples.length && samples[l + run] === samples[l] + run) run++;
    const from = samples[l] * sn;
    if (pack.exact) {
      upload(l, 0, texH, run, data.subarray(from, from + run * sn));
    } else {
      const rowElems = 4 * texW;
      const fullRows = Math.floor(sn / rowElems);
      const staging = new (data.constructor as new (n: number) => HostArray)(rowElems);
      for (let k = 0; k < run; k++) {
        const at = from + k * sn;
        if (fullRows > 0) {
          upload(l + k, 0, fullRows, 1, data.subarray(at, at + fullRows * rowElems));
        }
        staging.fill(0);
        staging.set(data.subarray(at + fullRows * rowElems, at + sn));
        upload(l + k, fullRows, 1, 1, staging);
      }
    }
    l += run;
  }
  gl.bindTexture(T, null);
}

/**
 * How RGBA8UI layers are read: RGBA_INTEGER/UNSIGNED_BYTE when the implementation offers it
 * (IMPLEMENTATION_COLOR_READ_TYPE), else the always-supported UNSIGNED_INT, narrowed on the CPU.
 * RGBA32UI is always read as UNSIGNED_INT. Call with a uint8 layer attached to the read framebuffer.
 */
export function readTypeFor(gl: WebGL2RenderingContext, dtype: DType): number {
  if (dtype === 'float32') return gl.UNSIGNED_INT;
  const format = gl.getParameter(gl.IMPLEMENTATION_COLOR_READ_FORMAT) as number;
  const type = gl.getParameter(gl.IMPLEMENTATION_COLOR_READ_TYPE) as number;
  return format === gl.RGBA_INTEGER && type === gl.UNSIGNED_BYTE ? gl.UNSIGNED_BYTE : gl.UNSIGNED_INT;
}

/**
 * Reads layers [0, count) of `tex` through framebuffer `fb` into `host` at layer slots
 * [slot, slot + count) (layerElems elements each). `type` from readTypeFor.
 */
export function readLayers(gl: WebGL2RenderingContext, fb: WebGLFramebuffer, tex: WebGLTexture, count: number,
  pack: Packing, host: HostArray, slot: number, type: number): void {
  const { texW, texH, layerElems } = pack;
  const wide = host instanceof Uint8Array && type === gl.UNSIGNED_INT ? new Uint32Array(layerElems) : undefined;
  gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
  for (let l = 0; l < count; l++) {
    gl.framebufferTextureLayer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, tex, 0, l);
    const at = (slot + l) * layerElems;
    const view = host.subarray(at, at + layerElems);
    gl.readPixels(0, 0, texW, texH, gl.RGBA_INTEGER, type, wide ?? view);
    if (wide) view.set(wide);
  }
}

/**
 * Copies n samples from the host slots (layerElems apart) to `dst` (sn apart): the only write to dst.
 * With `ids` (length n), slot q goes to sample ids[q] and the other samples of dst are not written.
 */
export function writeSamples(host: HostArray, pack: Packing, n: number, dst: HostArray, ids?: Int32Array): void {
  const { sn, layerElems } = pack;
  if (ids) {
    for (let q = 0; q < n; q++) dst.set(host.subarray(q * layerElems, q * layerElems + sn), ids[q] * sn);
    return;
  }
  if (pack.exact) {
    dst.set(host.subarray(0, n * sn));
    return;
  }
  for (let i = 0; i < n; i++) dst.set(host.subarray(i * layerElems, i * layerElems + sn), i * sn);
}
