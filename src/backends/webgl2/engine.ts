/**
 * What the kernels of one backend share: the context, the counted resources, the programs, the one
 * framebuffer, the limits, the host scratch of readbacks, and the check that ends every job before
 * anything is written to the caller's memory.
 */
import { fail } from '../../errors.js';
import type { DType } from '../../types.js';
import { checkGl, type AcquiredContext } from './context.js';
import type { GpuBatchHandle } from './gpu-batch.js';
import type { ResolvedLimits } from './limits.js';
import type { Packing } from './packing.js';
import type { GlResources } from './pool.js';
import type { Programs } from './programs.js';
import { readLayers, readTypeFor, type HostArray } from './transfer.js';

export class Engine {
  /** The live GPU-resident batches (released on dispose). */
  readonly batches = new Set<GpuBatchHandle>();
  private host: ArrayBuffer | undefined;
  private u8ReadType: number | undefined;

  constructor(
    readonly acq: AcquiredContext,
    readonly res: GlResources,
    readonly programs: Programs,
    readonly fb: WebGLFramebuffer,
    readonly limits: ResolvedLimits,
    /** Whether texSubImage3D honours byteOffset here (transfer.ts uploadHonoursOffset). */
    readonly uploadOffsets: boolean,
  ) {}

  get gl(): WebGL2RenderingContext {
    return this.acq.gl;
  }

  /** A host array of `length` texture elements (Uint32 bits for float32, bytes for uint8), reused across calls. */
  hostArray(dtype: DType, length: number): HostArray {
    const bytes = dtype === 'float32' ? 4 * length : length;
    if (!this.host || this.host.byteLength < bytes) this.host = new ArrayBuffer(bytes);
    return dtype === 'float32' ? new Uint32Array(this.host, 0, length) : new Uint8Array(this.host, 0, length);
  }

  /** Reads layers [0, count) of `tex` into host slots [slot, slot + count). */
  read(tex: WebGLTexture, count: number, pack: Packing, host: HostArray, slot: number, dtype: DType): void {
    const gl = this.gl;
    if (dtype === 'uint8' && this.u8ReadType === undefined) {
      gl.bindFramebuffer(gl.FRAMEBUFFER, this.fb);
      gl.framebufferTextureLayer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, tex, 0, 0);
      this.u8ReadType = readTypeFor(gl, 'uint8');
    }
    const type = dtype === 'float32' ? gl.UNSIGNED_INT : this.u8ReadType!;
    readLayers(gl, this.fb, tex, count, pack, host, slot, type);
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
