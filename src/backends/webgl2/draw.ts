/**
 * One draw of a kernel: the fullscreen triangle over one target page, which computes every output
 * slot of that page at once (glsl/batch.glsl), reading the slots' inputs from `self` and `partner`
 * as the params texture says. Uniforms and textures only: no value enters shader source. A job
 * issues one such draw per target page (per partner page when partners lie on several pages), so
 * the number of draws, target switches and readbacks does not grow with N.
 */
import * as twgl from 'twgl.js';
import { fail } from '../../errors.js';
import type { Geometry } from '../backend.js';
import type { Engine } from './engine.js';
import { rowsFor, type Packing } from './packing.js';
import type { Storage } from './gpu-batch.js';
import type { ParamsTable } from './params.js';
import { programFor, type KernelName, type Variant } from './programs.js';
import type { TapsTable } from './taps.js';

/** What a kernel needs besides the textures: the job's data, as the planner made it. */
export interface KernelArgs {
  readonly kernel: KernelName;
  readonly geom: Geometry;
  readonly pack: Packing;
  readonly index: Int32Array;
  /** The pages' storage (gpu-batch.ts); 'native' when absent. */
  readonly storage?: Storage;
  /** blend: λ per sample. */
  readonly lam?: Float32Array;
  /** paste, resizePaste: [y0, y1, x0, x1] per sample. */
  readonly boxes?: Int32Array;
  /** resizePaste: the uploaded taps and each sample's entry. */
  readonly taps?: TapsTable;
  readonly tapOf?: Int32Array;
  /**
   * Optional (Job.samples of src/backends/backend.ts, op 'mixed'): the samples this job writes. The
   * others are drawn as identity copies of their own sample in the same pass (params.ts), which
   * leaves dst as it was: in place dst is src, out of place the API has copied them into dst.
   */
  readonly samples?: Int32Array;
}

/** One draw: the target page, its slot count, and the textures it reads. */
export interface Pass {
  readonly target: WebGLTexture;
  readonly count: number;
  readonly self: WebGLTexture;
  readonly partner: WebGLTexture;
  /** Values of the slots whose partner is not on `partnerPage` (self when every slot is handled). */
  readonly prev: WebGLTexture;
  readonly partnerPage: number;
  readonly params: ParamsTable;
  /** Box texels only (glsl/box-quads.vert: instanced quads over each box row), not the whole target. */
  readonly boxOnly?: boolean;
}

/** The shader variant of a dtype's pages: 'u8f' for uint8 values held as floats. */
export function variantOf(g: Geometry, storage: Storage = 'native'): Variant {
  return g.dtype === 'float32' ? 'f32' : storage === 'float' ? 'u8f' : 'u8';
}

/** Draws one pass: target ← kernel(self, partner) for its slots. */
export function drawPass(e: Engine, a: KernelArgs, pass: Pass): void {
  const gl = e.gl;
  const g = a.geom;
  const info = programFor(gl, e.res, e.programs, a.kernel, variantOf(g, a.storage), pass.boxOnly ? 'boxes' : 'fullscreen', g.sn % 4 === 0);
  gl.useProgram(info.program);
  gl.bindVertexArray(e.programs.vao);
  gl.bindFramebuffer(gl.FRAMEBUFFER, e.fb);
  gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, pass.target, 0);
  const status = gl.checkFramebufferStatus(gl.FRAMEBUFFER);
  if (status !== gl.FRAMEBUFFER_COMPLETE) fail('INTERNAL', `webgl2 ${a.kernel}: framebuffer incomplete (0x${status.toString(16)})`);
  const rows = rowsFor(a.pack, pass.count);
  gl.viewport(0, 0, a.pack.texW, rows);
  const u: Record<string, unknown> = {
    u_self: pass.self, u_partner: pass.partner, u_prev: pass.prev, u_params: pass.params.tex,
    u_shift: a.pack.shift, u_paramsShift: pass.params.shift, u_sn: g.sn, u_count: pass.count, u_partnerPage: pass.partnerPage,
    u_c: g.c, u_h: g.h, u_w: g.w, u_sc: g.sc, u_sy: g.sy, u_sx: g.sx, u_nhwc: g.layout === 'NHWC' ? 1 : 0,
  };
  if (a.taps) Object.assign(u, { u_taps: a.taps.tex, u_tapsShift: a.taps.shift, u_tapsRows: a.taps.rows });
  if (pass.boxOnly) {
    const runs = g.layout === 'NHWC' ? 1 : g.c;
    Object.assign(u, { u_rows: rows, u_runs: runs, u_nhwc: g.layout === 'NHWC' ? 1 : 0 });
    twgl.setUniforms(info, u);
    // Per instance (slot, run, box row) up to three rectangles of two triangles: 18 vertices.
    gl.drawArraysInstanced(gl.TRIANGLES, 0, 18, pass.count * g.h * runs);
    return;
  }
  twgl.setUniforms(info, u);
  gl.drawArrays(gl.TRIANGLES, 0, 3);
}
