/**
 * Browser images → a GPU-resident batch of the webgl2 backend, with no detour through the CPU where
 * the browser allows it: each image goes to a texture with texImage2D straight from the ImageBitmap,
 * canvas, OffscreenCanvas or <img> (an ImageData is CPU data already), and a shader
 * (glsl/pack-image.frag) resizes and packs it into its slot of the batch's page (docs/gpu-layout.md).
 * A sample may share its first and last texels with its neighbours (when C·H·W is not a multiple of
 * 4): those texels are drawn apart, with a colour mask that keeps the neighbours' components. The result feeds
 * `mix.gpu().apply(...)`; `mix.gpu().read(...)` reads it back only when asked.
 */
import type { GpuBatch } from '../backends/webgl2/index.js';
import { prepareState, releaseState } from '../backends/webgl2/state.js';
import type { GpuMix } from '../gpu.js';
import { fail } from '../errors.js';
import { SHADERS } from '../generated/shaders.js';
import { planImages, type ImageItem, type ImagesToBatchOptions } from './plan.js';
import { isSecurityError, taintedError, type ImageSource } from './sources.js';

/** Where the batch goes: `mix.gpu()` of a batchmix instance on webgl2 (or anything with these three). */
export type GpuImageTarget = Pick<GpuMix, 'gl' | 'alloc' | 'release'>;

interface Packer {
  readonly program: WebGLProgram;
  readonly vao: WebGLVertexArrayObject;
  readonly fb: WebGLFramebuffer;
  readonly loc: (name: string) => WebGLUniformLocation | null;
}

/** One packer per context and page format (a program, a VAO with the fullscreen triangle, a framebuffer), kept for later calls. */
const packers = new WeakMap<WebGL2RenderingContext, Map<boolean, Packer>>();

/** fround(b / 255) for b = 0..255: the same values imagesToBatch stores. */
const DIV255 = Float32Array.from({ length: 256 }, (_, b) => b / 255);

function packerFor(gl: WebGL2RenderingContext, u8: boolean): Packer {
  const cached = packers.get(gl)?.get(u8);
  if (cached && gl.isProgram(cached.program)) return cached;
  const program = gl.createProgram()!;
  const fragment = `#version 300 es\n${u8 ? '#define BATCH_U8\n' : ''}${SHADERS['pack-image.frag']}`;
  for (const [type, text] of [[gl.VERTEX_SHADER, SHADERS['fullscreen.vert']], [gl.FRAGMENT_SHADER, fragment]] as const) {
    const s = gl.createShader(type)!;
    gl.shaderSource(s, text);
    gl.compileShader(s);
    if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) {
      fail('BACKEND_UNAVAILABLE', `imagesToGpuBatch: the pack-image shader does not compile here: ${gl.getShaderInfoLog(s)}`);
    }
    gl.attachShader(program, s);
    gl.deleteShader(s); // freed with the program
  }
  gl.bindAttribLocation(program, 0, 'a_position');
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) fail('BACKEND_UNAVAILABLE', `imagesToGpuBatch: link failed: ${gl.getProgramInfoLog(program)}`);
  const vao = gl.createVertexArray()!;
  gl.bindVertexArray(vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  gl.bindVertexArray(null);
  gl.bindBuffer(gl.ARRAY_BUFFER, null);
  const locs = new Map<string, WebGLUniformLocation | null>();
  const loc = (name: string) => (locs.has(name) ? locs.get(name)! : (locs.set(name, gl.getUniformLocation(program, name)), locs.get(name)!));
  const packer = { program, vao, fb: gl.createFramebuffer()!, loc };
  if (!packers.has(gl)) packers.set(gl, new Map());
  packers.get(gl)!.set(u8, packer);
  return packer;
}

/** Uploads one image into the bound TEXTURE_2D as RGBA8 ('BAD_IMAGE' when the browser refuses). */
function upload(gl: WebGL2RenderingContext, item: ImageItem, source: ImageSource): void {
  try {
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, gl.RGBA, gl.UNSIGNED_BYTE, source as TexImageSource);
  } catch (e) {
    if (isSecurityError(e)) taintedError(item.where, e);
    fail('BAD_IMAGE', `${item.where}: WebGL cannot upload this ${item.info.kind}: ${(e as Error).message}`, e);
  }
  const filter = item.exact ? gl.NEAREST : gl.LINEAR;
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, filter);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, filter);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
}

/**
 * The texel ranges of elements [g0, g1) of a page, with the components each may write: a first
 * texel shared with the previous sample, the whole texels, a last texel shared with the next one.
 */
function texelRanges(g0: number, g1: number): { from: number; to: number; mask: boolean[] }[] {
  const t0 = g0 >> 2, t1 = (g1 + 3) >> 2;
  const maskOf = (t: number): boolean[] => [0, 1, 2, 3].map((k) => 4 * t + k >= g0 && 4 * t + k < g1);
  if (t1 - t0 === 1) return [{ from: t0, to: t1, mask: maskOf(t0) }];
  const out: { from: number; to: number; mask: boolean[] }[] = [];
  const a = g0 % 4 ? t0 + 1 : t0, b = g1 % 4 ? t1 - 1 : t1;
  if (g0 % 4) out.push({ from: t0, to: t0 + 1, mask: maskOf(t0) });
  if (a < b) out.push({ from: a, to: b, mask: [true, true, true, true] });
  if (g1 % 4) out.push({ from: t1 - 1, to: t1, mask: maskOf(t1 - 1) });
  return out;
}

/**
 * Packs the images into a new GpuBatch of `target` (shape, layout, dtype and channels as in
 * imagesToBatch, plan.ts). Opaque images that are W×H already give imagesToBatch's values bit for
 * bit (translucent ones keep their exact colour here, where the 2D canvas premultiplies); resized
 * ones use the GPU's bilinear filter (imagesToBatch: the browser's drawImage), so they may differ
 * slightly. Errors: those of planImages; 'BAD_IMAGE' for a tainted source; CONTEXT_LOST,
 * OUT_OF_MEMORY or INTERNAL for a GL failure (the batch is then released).
 */
export async function imagesToGpuBatch(target: GpuImageTarget, images: readonly ImageSource[], options: ImagesToBatchOptions = {}): Promise<GpuBatch> {
  const plan = await planImages('imagesToGpuBatch', images, options);
  const gl = target.gl;
  if (gl.isContextLost()) fail('CONTEXT_LOST', 'imagesToGpuBatch: the WebGL2 context is lost');
  const g = plan.geom;
  const p = packerFor(gl, g.dtype === 'uint8');
  const batch = target.alloc(plan.shape, g.layout, g.dtype);
  const tex = gl.createTexture();
  const { texW, shift, perPage, sn } = batch.packing;
  try {
    prepareState(gl);
    gl.useProgram(p.program);
    gl.bindVertexArray(p.vao);
    gl.bindFramebuffer(gl.FRAMEBUFFER, p.fb);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.enable(gl.SCISSOR_TEST);
    gl.uniform1i(p.loc('u_image'), 0);
    for (const [name, v] of [['u_shift', shift], ['u_sn', g.sn], ['u_c', g.c], ['u_h', g.h], ['u_w', g.w], ['u_sc', g.sc], ['u_sy', g.sy], ['u_sx', g.sx]] as const) {
      gl.uniform1i(p.loc(name), v);
    }
    gl.uniform4fv(p.loc('u_div255[0]'), DIV255);
    for (const [i, item] of plan.items.entries()) {
      upload(gl, item, images[i]);
      const { sx, sy, sw, sh, dx, dy, dw, dh } = item.rect;
      gl.uniform1i(p.loc('u_exact'), item.exact ? 1 : 0);
      gl.uniform2f(p.loc('u_imageSize'), item.info.width, item.info.height);
      gl.uniform4f(p.loc('u_src'), sx, sy, sw, sh);
      gl.uniform4f(p.loc('u_dst'), dx, dy, dw, dh);
      const page = Math.floor(i / perPage), slot = i % perPage;
      gl.uniform1i(p.loc('u_slot'), slot);
      gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, batch.pages[page], 0);
      gl.viewport(0, 0, texW, batch.pageRows[page]);
      for (const r of texelRanges(slot * sn, slot * sn + sn)) {
        gl.uniform2i(p.loc('u_texels'), r.from, r.to);
        gl.colorMask(r.mask[0], r.mask[1], r.mask[2], r.mask[3]);
        const row0 = r.from >> shift, row1 = (r.to - 1) >> shift;
        gl.scissor(0, row0, texW, row1 - row0 + 1);
        gl.drawArrays(gl.TRIANGLES, 0, 3);
      }
    }
    const err = gl.getError();
    if (gl.isContextLost()) fail('CONTEXT_LOST', 'imagesToGpuBatch: the WebGL2 context was lost while packing the images');
    if (err === gl.OUT_OF_MEMORY) fail('OUT_OF_MEMORY', 'imagesToGpuBatch: out of GPU memory while packing the images');
    if (err !== gl.NO_ERROR) fail('INTERNAL', `imagesToGpuBatch: GL error 0x${err.toString(16)} while packing the images`);
    return batch;
  } catch (e) {
    target.release(batch);
    throw e;
  } finally {
    gl.colorMask(true, true, true, true);
    gl.disable(gl.SCISSOR_TEST);
    gl.bindTexture(gl.TEXTURE_2D, null);
    gl.deleteTexture(tex);
    releaseState(gl);
  }
}
