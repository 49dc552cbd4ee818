/**
 * One kernel over a run of samples: for each output sample i, attach its output layer to the
 * framebuffer, point the program at sample i and its partner index[i] (any layers of any textures:
 * a chunk's upload, or the pages of a GPU-resident batch), set the per-sample uniforms (λ weights,
 * box, taps entry) and draw the fullscreen triangle. Uniforms only: no value enters shader source.
 */
import * as twgl from 'twgl.js';
import { fail } from '../../errors.js';
import type { Geometry } from '../backend.js';
import type { Packing } from './packing.js';
import type { KernelName, Programs } from './programs.js';
import type { TapsTable } from './taps.js';
import { mixWeight } from '../../plan/quantize.js';

/** Where a sample's layer is. */
export interface Placement {
  readonly tex: WebGLTexture;
  readonly layer: number;
}

/** What a kernel needs besides the placements: the job's data, as the planner made it. */
export interface KernelArgs {
  readonly kernel: KernelName;
  readonly geom: Geometry;
  readonly pack: Packing;
  readonly index: Int32Array;
  /** blend: λ per sample. */
  readonly lam?: Float32Array;
  /** paste, resizePaste: [y0, y1, x0, x1] per sample. */
  readonly boxes?: Int32Array;
  /** resizePaste: the uploaded taps and each sample's entry. */
  readonly taps?: TapsTable;
  readonly tapOf?: Int32Array;
}

type Uniforms = Record<string, unknown>;

/** Uniforms that hold for the whole call: geometry, dtype, the taps texture. */
function callUniforms(a: KernelArgs): Uniforms {
  const g = a.geom;
  const u: Uniforms = {
    u_u8: g.dtype === 'float32' ? 0 : 1, u_shift: a.pack.shift, u_sn: g.sn, u_nhwc: g.layout === 'NHWC' ? 1 : 0,
    u_c: g.c, u_h: g.h, u_w: g.w, u_sc: g.sc, u_sy: g.sy, u_sx: g.sx,
  };
  if (a.taps) Object.assign(u, { u_taps: a.taps.tex, u_tapsShift: a.taps.shift, u_tapsRows: a.taps.rows });
  return u;
}

/**
 * Uniforms of sample i: blend's weights λ and 1 − λ (float32, computed here once) and the uint8
 * integer weight mixWeight(λ) (src/plan/quantize.ts), the box, the taps entry.
 */
function sampleUniforms(a: KernelArgs, i: number): Uniforms {
  if (a.kernel === 'blend') {
    const wa = Math.fround(a.lam![i]);
    return { u_wa: wa, u_wb: Math.fround(1 - wa), u_w: mixWeight(wa) };
  }
  const u: Uniforms = { u_box: a.boxes!.subarray(4 * i, 4 * i + 4) };
  if (a.kernel === 'resizePaste') {
    const e = a.tapOf![i];
    const t = a.taps!;
    Object.assign(u, { u_tapY: t.y[e], u_ky: t.ky[e], u_tapX: t.x[e], u_kx: t.kx[e] });
  }
  return u;
}

/**
 * Draws outputs i ∈ [start, start + count): output(i) ← kernel(input(i), input(index[i])). With
 * `ids`, position q ∈ [start, start + count) draws sample ids[q]; `output` gets the sample and q.
 */
export function drawSamples(gl: WebGL2RenderingContext, programs: Programs, fb: WebGLFramebuffer, a: KernelArgs,
  start: number, count: number, input: (j: number) => Placement, output: (i: number, q: number) => Placement,
  ids?: Int32Array): void {
  const info = programs.info[a.kernel];
  gl.useProgram(info.program);
  gl.bindVertexArray(programs.vao);
  gl.bindFramebuffer(gl.FRAMEBUFFER, fb);
  gl.viewport(0, 0, a.pack.texW, a.pack.texH);
  twgl.setUniforms(info, callUniforms(a));
  let checked: WebGLTexture | undefined;
  for (let q = start; q < start + count; q++) {
    const i = ids ? ids[q] : q;
    const out = output(i, q);
    gl.framebufferTextureLayer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, out.tex, 0, out.layer);
    if (checked !== out.tex) {
      const status = gl.checkFramebufferStatus(gl.FRAMEBUFFER);
      if (status !== gl.FRAMEBUFFER_COMPLETE) fail('INTERNAL', `webgl2 ${a.kernel}: framebuffer incomplete (0x${status.toString(16)})`);
      checked = out.tex;
    }
    const self = input(i);
    const partner = input(a.index[i]);
    twgl.setUniforms(info, {
      u_self: self.tex, u_selfLayer: self.layer, u_partner: partner.tex, u_partnerLayer: partner.layer,
      ...sampleUniforms(a, i),
    });
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  }
}
