/**
 * What the kernels of one backend share: the context, the counted resources, the programs, the one
 * framebuffer, the limits, the host scratch of readbacks, the readback itself (synchronous on
 * headless-gl; in browsers through a pixel-pack buffer and a fence polled without blocking the main
 * thread), and the check that ends every job before anything is written to the caller's memory.
 */
import { fail } from '../../errors.js';
import type { DType } from '../../types.js';
import { checkGl, type AcquiredContext } from './context.js';
import type { GpuBatchHandle } from './gpu-batch.js';
import type { ResolvedLimits } from './limits.js';
import { rowsFor, type Packing } from './packing.js';
import type { GlResources } from './pool.js';
import type { Programs } from './programs.js';
import { readRows, u8ReadType, type HostArray } from './transfer.js';

/** How long to wait between fence polls (ms) in the non-blocking readback. */
const POLL_MS = 1;

export class Engine {
  /** The live GPU-resident batches (released on dispose). */
  readonly batches = new Set<GpuBatchHandle>();
  private host: ArrayBuffer | undefined;
  private u8Type: number | undefined;

  constructor(
    readonly acq: AcquiredContext,
    readonly res: GlResources,
    readonly programs: Programs,
    readonly fb: WebGLFramebuffer,
    readonly limits: ResolvedLimits,
    /** Whether readbacks go through a pixel-pack buffer and a fence (browsers; not headless-gl). */
    readonly asyncRead: boolean,
  ) {}

  get gl(): WebGL2RenderingContext {
    return this.acq.gl;
  }

  /** A host array of `length` elements (float32 values or uint8 values), reused across calls. */
  hostArray(dtype: DType, length: number): HostArray {
    const bytes = dtype === 'float32' ? 4 * length : length;
    if (!this.host || this.host.byteLength < bytes) this.host = new ArrayBuffer(bytes);
    return dtype === 'float32' ? new Float32Array(this.host, 0, length) : new Uint8Array(this.host, 0, length);
  }

  /** Attaches a page to the framebuffer for reading (and learns the uint8 read type once). */
  attachForRead(tex: WebGLTexture, dtype: DType): number {
    const gl = this.gl;
    gl.bindFramebuffer(gl.FRAMEBUFFER, this.fb);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, tex, 0);
    if (dtype !== 'float32' && this.u8Type === undefined) this.u8Type = u8ReadType(gl);
    return this.u8Type ?? gl.UNSIGNED_BYTE;
  }

  /** Reads the rows of `count` samples of page `tex` into `host` from element `at` (synchronously). */
  readSync(tex: WebGLTexture, pack: Packing, dtype: DType, count: number, host: HostArray, at: number): void {
    const type = this.attachForRead(tex, dtype);
    readRows(this.gl, pack, dtype, count, host, at, type);
  }

  /**
   * Like readSync, but in browsers the pixels go into a pixel-pack buffer, a fence is polled every
   * POLL_MS with clientWaitSync(timeout 0) (never blocking), and getBufferSubData copies them out
   * once the GPU is done, so the main thread stays free while the GPU works.
   */
  async read(tex: WebGLTexture, pack: Packing, dtype: DType, count: number, host: HostArray, at: number): Promise<void> {
    if (!this.asyncRead) return this.readSync(tex, pack, dtype, count, host, at);
    const gl = this.gl;
    const type = this.attachForRead(tex, dtype);
    const rows = rowsFor(pack, count);
    const elems = rows * pack.texW * 4;
    const wide = dtype !== 'float32' && type !== gl.UNSIGNED_BYTE;
    const bytesPer = dtype === 'float32' || wide ? 4 : 1;
    const buf = gl.createBuffer();
    if (!buf) fail('OUT_OF_MEMORY', 'webgl2: createBuffer returned null (readback)');
    this.res.adopt('buffers');
    try {
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buf);
      gl.bufferData(gl.PIXEL_PACK_BUFFER, elems * bytesPer, gl.STREAM_READ);
      const [format, t] = dtype === 'float32' ? [gl.RGBA, gl.FLOAT] : [gl.RGBA_INTEGER, type];
      gl.readPixels(0, 0, pack.texW, rows, format, t, 0);
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
      const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
      if (!sync) fail('INTERNAL', 'webgl2: fenceSync returned null');
      gl.flush();
      try {
        for (;;) {
          const s = gl.clientWaitSync(sync, 0, 0);
          if (s === gl.WAIT_FAILED) fail('CONTEXT_LOST', 'webgl2: waiting for the readback failed (the context was lost)');
          if (s === gl.ALREADY_SIGNALED || s === gl.CONDITION_SATISFIED) break;
          await new Promise((r) => setTimeout(r, POLL_MS));
          if (this.acq.lostEvent() || gl.isContextLost()) fail('CONTEXT_LOST', 'webgl2: the context was lost during a readback');
        }
      } finally {
        gl.deleteSync(sync);
      }
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buf);
      if (wide) {
        const tmp = new Uint32Array(elems);
        gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, tmp);
        host.subarray(at, at + elems).set(tmp);
      } else {
        gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, host, at, elems);
      }
    } finally {
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
      this.res.release('buffers', () => gl.deleteBuffer(buf), !gl.isContextLost());
    }
  }

  /**
   * Throws CONTEXT_LOST when the context was lost, or (withErrors) the pending GL error; the job then
   * writes nothing. getError can stall a pipeline, so GPU-resident runs only check for loss.
   */
  verify(what: string, withErrors = true): void {
    if (this.acq.lostEvent() || this.gl.isContextLost()) fail('CONTEXT_LOST', `${what}: the WebGL2 context was lost`);
    if (withErrors) checkGl(this.gl, what);
  }

  /** Bytes of the host scratch held between calls (the largest job's readback so far). */
  get hostBytes(): number {
    return this.host?.byteLength ?? 0;
  }

  /** Frees the host scratch. */
  dropHost(): void {
    this.host = undefined;
  }
}
