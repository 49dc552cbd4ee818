/**
 * The webgl2 backend (SPEC §5): Mixup, CutMix and ResizeMix as GLSL ES 3.00 fragment shaders
 * (glsl/batch.glsl, the layout, + blend.frag, paste.frag, resize-paste.frag, with fullscreen.vert),
 * compiled through twgl.js on first use per context, on a WebGL2 context from `options.gl`,
 * `options.canvas`, an OffscreenCanvas or a document canvas, or headless-gl in Node (under Xvfb;
 * `headless: false` forbids it).
 *
 * Layout (packing.ts, docs/gpu-layout.md): a batch, or a page of whole samples when it exceeds the
 * limits, is ONE TEXTURE_2D: the samples one after another as a linear run of elements in their own
 * NCHW/NHWC order, four per texel, rows of 2^k texels; float32 RGBA32F (the values; TF.js's
 * dataToGPU textures are valid pages), uint8 RGBA8UI. Each sample's partner, weights, box and taps
 * entry are in a small params texture, so one draw computes a whole page: the per-call draws,
 * target switches and readbacks do not grow with N.
 *
 * KernelBackend (src/backends/backend.ts): blend / paste / resizePaste on CPU arrays upload the batch
 * (one run; partners outside a chunk as a second run), draw once per chunk and read back into a host
 * scratch (in browsers through a pixel-pack buffer and a fence polled without blocking; headless-gl
 * synchronously); `dst` is written only after the last readback and a context check succeeded, so
 * in place (src === dst) is natural and a failed call writes nothing. float32 arithmetic in highp
 * float32; uint8 in integers (src/plan/quantize.ts: mixWeight, 14-bit taps), bit-exact with the oracle.
 * Batches over the limits (options.limits, else MAX_TEXTURE_SIZE, maxLayers samples per texture, a
 * 256 MiB budget) run in chunks; a sample that cannot fit throws TOO_LARGE.
 *
 * GPU-resident use, no CPU round trip (gpu-batch.ts, gpu-run.ts):
 *   const g = backend.uploadBatch(batch);                          // or allocGpuBatch + your draws
 *   const m = backend.run({ kernel: 'blend', src: g, index, lam }); // a new batch; dst: g = in place
 *   const out = backend.readBatch(m);                              // readback only when asked
 *   backend.releaseBatch(g); backend.releaseBatch(m);
 * run takes the KernelBackend job fields (index, lam | boxes | boxes + taps + tapOf) with GpuBatches.
 * In place, CutMix and ResizeMix write only the box texels (box-quads.vert).
 *
 * `renderer` names the context's renderer and whether it is a software rasteriser (renderer.ts),
 * which 'auto' uses (src/select.ts). Resources are pooled and counted (`stats()`); dispose() frees
 * all of them (counts back to 0) and is idempotent. A lost context makes the call throw CONTEXT_LOST
 * with the caller's data untouched, and the backend dead (`lost === true`). The backend sets the GL
 * state it needs on every call (state.ts) and unbinds what it bound.
 */
import { describe, fail } from '../../errors.js';
import { WebGL2Backend } from './backend.js';
import { acquireContext, checkGl, type ContextOptions } from './context.js';
import { Engine } from './engine.js';
import { resolveLimits, type WebGL2Limits } from './limits.js';
import { GlResources } from './pool.js';
import { createPrograms, deletePrograms, type Programs } from './programs.js';

export { WebGL2Backend } from './backend.js';
export type { GpuBatch, Storage } from './gpu-batch.js';
export type { GpuJob } from './gpu-run.js';
export type { WebGL2Limits, ResolvedLimits } from './limits.js';
export type { Packing } from './packing.js';
export type { WebGL2Stats } from './pool.js';
export { classifyRenderer, SOFTWARE_RENDERERS, type RendererInfo } from './renderer.js';

export interface WebGL2BackendOptions extends ContextOptions {
  /** Lower the context's limits (e.g. to force small chunks); they can only be lowered. */
  limits?: WebGL2Limits;
}

/**
 * Whether readbacks can go through a pixel-pack buffer and a fence: browsers yes; headless-gl knows
 * no PIXEL_PACK_BUFFER target (binding one is INVALID_ENUM), so it reads synchronously. Probed.
 */
function supportsAsyncRead(gl: WebGL2RenderingContext): boolean {
  if (typeof gl.fenceSync !== 'function' || typeof gl.getBufferSubData !== 'function') return false;
  for (let i = 0; i < 16 && gl.getError() !== gl.NO_ERROR; i++);
  const buf = gl.createBuffer();
  gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buf);
  const ok = gl.getError() === gl.NO_ERROR;
  if (ok) gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
  gl.deleteBuffer(buf);
  for (let i = 0; i < 16 && gl.getError() !== gl.NO_ERROR; i++);
  return ok;
}

/**
 * Creates the webgl2 backend: acquires a context, compiles the three programs once (a compile error
 * throws BACKEND_UNAVAILABLE with the line-numbered log). Throws BACKEND_UNAVAILABLE naming why when
 * no WebGL2 context can be had, BAD_OPTIONS for bad options.
 */
export async function createWebGL2Backend(options: WebGL2BackendOptions = {}): Promise<WebGL2Backend> {
  if (typeof options !== 'object' || options === null) {
    fail('BAD_OPTIONS', `createWebGL2Backend: options must be an object, got ${describe(options)}`);
  }
  const acq = await acquireContext(options);
  const gl = acq.gl;
  const res = new GlResources(gl);
  let programs: Programs | undefined;
  let fb: WebGLFramebuffer | null = null;
  try {
    const limits = resolveLimits(gl, options.limits);
    programs = createPrograms(gl, res);
    fb = gl.createFramebuffer();
    if (!fb) fail('BACKEND_UNAVAILABLE', 'webgl2: createFramebuffer returned null');
    res.adopt('framebuffers');
    // float32 pages are RGBA32F render targets.
    if (!gl.getExtension('EXT_color_buffer_float')) {
      fail('BACKEND_UNAVAILABLE', 'webgl2: EXT_color_buffer_float is missing, so float32 pages (RGBA32F) cannot be rendered here');
    }
    checkGl(gl, 'creating the webgl2 backend');
    const asyncRead = supportsAsyncRead(gl);
    return new WebGL2Backend(new Engine(acq, res, programs, fb, limits, asyncRead));
  } catch (e) {
    // Leave a context passed in as it was: delete what was made, then release a context made here.
    const made = fb;
    if (programs) deletePrograms(gl, res, programs, true);
    if (made) res.release('framebuffers', () => gl.deleteFramebuffer(made), true);
    acq.release();
    throw e;
  }
}
