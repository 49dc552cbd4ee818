/**
 * The webgl2 backend object: the KernelBackend methods on CPU arrays, the GPU-resident methods, the
 * resource counts, and the life cycle. Every call runs inside `guard`, which turns a lost context
 * (before or during the call) into BatchMixError('CONTEXT_LOST') and marks the backend dead.
 */
import { BatchMixError, fail } from '../../errors.js';
import { isAllocationFailure, outOfMemory } from '../../memory.js';
import type { DType, ImageBatch, Layout, PixelData } from '../../types.js';
import type { BlendJob, KernelBackend, PasteJob, ResizePasteJob } from '../backend.js';
import { contextLost, type AcquiredContext } from './context.js';
import { runCpuJob } from './cpu-job.js';
import type { Engine } from './engine.js';
import { allocPages, own, planPages, readPages, releasePages, uploadPages, wrapPages, type GpuBatch, type Storage } from './gpu-batch.js';
import { rowsFor, type Packing } from './packing.js';
import { runPages, type GpuJob } from './gpu-run.js';
import type { ResolvedLimits } from './limits.js';
import type { WebGL2Stats } from './pool.js';
import { deletePrograms } from './programs.js';
import { prepareState, releaseState } from './state.js';
import { rendererInfo, type RendererInfo } from './renderer.js';

export class WebGL2Backend implements KernelBackend {
  readonly name = 'webgl2' as const;
  private isLost = false;
  private isDisposed = false;
  private freed = false;

  /** The renderer string of the context and whether it is a software rasteriser (renderer.ts). */
  readonly renderer: RendererInfo;

  constructor(private readonly e: Engine) {
    this.renderer = rendererInfo(e.gl);
  }

  /** The context in use (to render into GpuBatch pages, or to lose it in a test). */
  get gl(): WebGL2RenderingContext {
    return this.e.gl;
  }

  /** Where the context came from: 'user' (options.gl), 'canvas', 'offscreen', 'document' or 'headless'. */
  get contextSource(): AcquiredContext['source'] {
    return this.e.acq.source;
  }

  /** True once the context was found lost: every later call throws CONTEXT_LOST. */
  get lost(): boolean {
    return this.isLost;
  }

  /** The limits in use: the context's, lowered by options.limits. */
  get limits(): ResolvedLimits {
    return { ...this.e.limits };
  }

  blend(job: BlendJob): Promise<void> {
    return this.guardAsync('webgl2 blend', (what) => runCpuJob(this.e, { ...job, kernel: 'blend' }, what, this.alive));
  }

  paste(job: PasteJob): Promise<void> {
    return this.guardAsync('webgl2 paste', (what) => runCpuJob(this.e, { ...job, kernel: 'paste' }, what, this.alive));
  }

  resizePaste(job: ResizePasteJob): Promise<void> {
    return this.guardAsync('webgl2 resizePaste', (what) =>
      runCpuJob(this.e, { ...job, kernel: 'resizePaste', resize: job.taps }, what, this.alive));
  }

  /** Whether CPU-array readbacks wait on a fence without blocking (browsers) or read synchronously (headless-gl). */
  get asyncReadback(): boolean {
    return this.e.asyncRead;
  }

  /** Copies a CPU batch into a new GPU-resident batch. */
  uploadBatch(batch: ImageBatch): GpuBatch {
    return this.guard('webgl2 uploadBatch', (what) => {
      const b = uploadPages(this.e, batch, what);
      this.e.verify(what);
      return b;
    });
  }

  /** A zero-filled GPU-resident batch, for callers that render their own data into its pages. */
  allocGpuBatch(shape: readonly [number, number, number, number], layout: Layout, dtype: DType): GpuBatch {
    return this.guard('webgl2 allocGpuBatch', (what) => {
      const b = allocPages(this.e, shape, layout, dtype, what);
      const gl = this.e.gl;
      gl.bindFramebuffer(gl.FRAMEBUFFER, this.e.fb);
      for (const page of b.pages) {
        gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, page, 0);
        if (dtype === 'float32') gl.clearBufferfv(gl.COLOR, 0, new Float32Array(4));
        else gl.clearBufferuiv(gl.COLOR, 0, new Uint32Array(4));
      }
      return b;
    });
  }

  /**
   * The layout a batch of this shape gets (docs/gpu-layout.md): its packing (texW, perPage) and the
   * rows of each page. No GL call: e.g. to ask TF.js's dataToGPU for a texture that is a page.
   */
  planGpuBatch(shape: readonly [number, number, number, number], layout: Layout, dtype: DType, storage: Storage = 'native'): { packing: Packing; pageRows: number[] } {
    if (this.isDisposed) fail('DISPOSED', 'webgl2 planGpuBatch: this webgl2 backend was disposed; create a new one');
    const { pack, counts } = planPages(this.e, shape, layout, dtype, storage, 'webgl2 planGpuBatch');
    return { packing: pack, pageRows: counts.map((c) => rowsFor(pack, c)) };
  }

  /**
   * A GPU-resident batch over textures the caller owns, laid out as planGpuBatch says (one per page):
   * kernels read it like any other; releasing it forgets the textures (never deletes them).
   */
  wrapGpuBatch(pages: readonly WebGLTexture[], shape: readonly [number, number, number, number], layout: Layout, dtype: DType, storage: Storage = 'native'): GpuBatch {
    return this.guard('webgl2 wrapGpuBatch', (what) => wrapPages(this.e, pages, shape, layout, dtype, storage, what));
  }

  /** Runs a kernel on a GPU-resident batch, with no upload or readback; see GpuJob for dst. */
  run(job: GpuJob): GpuBatch {
    return this.guard(`webgl2 run ${job?.kernel}`, (what) => runPages(this.e, job, what, this.alive));
  }

  /** Reads a GPU-resident batch back into `into` (same dtype and length) or a new array. */
  readBatch(batch: GpuBatch, into?: PixelData): ImageBatch {
    return this.guard('webgl2 readBatch', (what) => readPages(this.e, own(this.e, batch, what), into, what));
  }

  /** Gives a GPU-resident batch's textures back; idempotent, and a no-op after dispose. */
  releaseBatch(batch: GpuBatch): void {
    if (this.isDisposed || this.isLost || (batch as { released?: boolean })?.released) return;
    releasePages(this.e, own(this.e, batch, 'webgl2 releaseBatch'), true);
  }

  /** Live GL objects made by this backend, the GPU-resident batches, and the host readback scratch. */
  stats(): WebGL2Stats & { gpuBatches: number; hostBytes: number } {
    return { ...this.e.res.stats(), gpuBatches: this.e.batches.size, hostBytes: this.e.hostBytes };
  }

  /** Frees every GL object (counts back to 0) and a context the backend created. Idempotent. */
  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.free(!this.isLost);
    this.e.acq.release();
  }

  private readonly alive = (): boolean => !this.isLost && !this.isDisposed;

  private free(alive: boolean): void {
    if (this.freed) return;
    this.freed = true;
    const { gl, res } = this.e;
    for (const b of [...this.e.batches]) releasePages(this.e, b, alive);
    res.deleteAllTextures(alive);
    deletePrograms(gl, res, this.e.programs, alive);
    res.release('framebuffers', () => gl.deleteFramebuffer(this.e.fb), alive);
    this.e.dropHost();
  }

  private lostError(what: string, cause?: unknown): BatchMixError {
    this.isLost = true;
    this.free(false);
    return new BatchMixError('CONTEXT_LOST', `${what}: the WebGL2 context was lost; nothing was written (the input is ` +
      'intact); this backend is dead (backend.lost === true): create a new one', cause === undefined ? undefined : { cause });
  }

  /** Calls run one after another (a readback may await a fence; the host scratch is shared). */
  private queue: Promise<unknown> = Promise.resolve();

  private guardAsync(what: string, body: (what: string) => Promise<void>): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.isDisposed) fail('DISPOSED', `${what}: this webgl2 backend was disposed; create a new one`);
      const gl = this.e.gl;
      if (this.isLost || this.e.acq.lostEvent() || contextLost(gl)) throw this.lostError(what);
      try {
        prepareState(gl);
        await body(what);
        releaseState(gl);
      } catch (err) {
        throw this.failure(what, err);
      }
    };
    const done = this.queue.then(run, run);
    this.queue = done.catch(() => undefined);
    return done;
  }

  private failure(what: string, err: unknown): BatchMixError {
    const gl = this.e.gl;
    if (this.e.acq.lostEvent() || contextLost(gl)) return this.lostError(what, err);
    try { releaseState(gl); } catch { /* the error below says more */ }
    if (err instanceof BatchMixError) return err;
    if (isAllocationFailure(err)) return outOfMemory(what, err);
    return new BatchMixError('INTERNAL', `${what}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
  }

  private guard<T>(what: string, body: (what: string) => T): T {
    if (this.isDisposed) fail('DISPOSED', `${what}: this webgl2 backend was disposed; create a new one`);
    const gl = this.e.gl;
    if (this.isLost || this.e.acq.lostEvent() || contextLost(gl)) throw this.lostError(what);
    try {
      prepareState(gl);
      const result = body(what);
      releaseState(gl);
      return result;
    } catch (err) {
      throw this.failure(what, err);
    }
  }
}
