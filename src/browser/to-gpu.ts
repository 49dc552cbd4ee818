/**
 * Browser images → a GPU-resident batch of the webgl2 backend, with no detour through the CPU where
 * the browser allows it: each image goes to a texture with texImage2D straight from the ImageBitmap,
 * canvas, OffscreenCanvas or <img> (an ImageData is CPU data already), and a shader
 * (glsl/pack-image.frag) resizes and packs it into the batch's layer. The result feeds
 * `mix.gpu().apply(...)`; `mix.gpu().read(...)` reads it back only when asked.
 */
import { prepareState, releaseState } from '../backends/webgl2/state.js';
import type { GpuBatch, GpuMix } from '../gpu.js';
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

/** One packer per context (a program, a VAO with the fullscreen triangle, a framebuffer), kept for later calls. */
const packers = new WeakMap<WebGL2RenderingContext, Packer>();

/** float32 bits of fround(b / 255) for b = 0..255: the same values imagesToBatch stores. */
const DIV255 = new Uint32Array(Float32Array.from({ length: 256 }, (_, b) => b / 255).buffer);

async function packerFor(gl: WebGL2RenderingContext): Promise<Packer> {
  const cached = packers.get(gl);
  if (cached && gl.isProgram(cached.program)) return cached;
  const { SHADERS } = await import('../generated/shaders.js');
  const program = gl.createProgram()!;
  for (const [type, text] of [[gl.VERTEX_SHADER, SHADERS['fullscreen.vert']], [gl.FRAGMENT_SHADER, SHADERS['pack-image.frag']]] as const) {
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
  packers.set(gl, packer);
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
  const p = await packerFor(gl);
  const g = plan.geom;
  const batch = target.alloc(plan.shape, g.layout, g.dtype);
  const tex = gl.createTexture();
  try {
    prepareState(gl);
    gl.useProgram(p.program);
    gl.bindVertexArray(p.vao);
    gl.bindFramebuffer(gl.FRAMEBUFFER, p.fb);
    gl.viewport(0, 0, batch.packing.texW, batch.packing.texH);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.uniform1i(p.loc('u_image'), 0);
    for (const [name, v] of [['u_texW', batch.packing.texW], ['u_sn', g.sn], ['u_c', g.c], ['u_h', g.h], ['u_w', g.w], ['u_sc', g.sc], ['u_sy', g.sy], ['u_sx', g.sx]] as const) {
      gl.uniform1i(p.loc(name), v);
    }
    gl.uniform1i(p.loc('u_u8'), g.dtype === 'uint8' ? 1 : 0);
    gl.uniform4uiv(p.loc('u_div255[0]'), DIV255);
    for (const [i, item] of plan.items.entries()) {
      upload(gl, item, images[i]);
      const { sx, sy, sw, sh, dx, dy, dw, dh } = item.rect;
      gl.uniform1i(p.loc('u_exact'), item.exact ? 1 : 0);
      gl.uniform2f(p.loc('u_imageSize'), item.info.width, item.info.height);
      gl.uniform4f(p.loc('u_src'), sx, sy, sw, sh);
      gl.uniform4f(p.loc('u_dst'), dx, dy, dw, dh);
      gl.framebufferTextureLayer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, batch.pages[Math.floor(i / batch.layersPerPage)], 0, i % batch.layersPerPage);
      gl.drawArrays(gl.TRIANGLES, 0, 3);
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
    gl.bindTexture(gl.TEXTURE_2D, null);
    gl.deleteTexture(tex);
    releaseState(gl);
  }
}
