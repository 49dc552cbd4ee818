/**
 * The public instance (SPEC §8): owns the options, the seeded generator and the backend; validates at
 * the boundary, asks the planner for params and taps, and hands plain jobs to the kernels.
 */
import type { BackendFactory, Geometry, KernelBackend } from './backends/backend.js';
import type { WebGL2Backend, WebGL2BackendOptions } from './backends/webgl2/index.js';
import { BatchMixError, fail } from './errors.js';
import { gpuMix, type GpuMix } from './gpu.js';
import { mixLabels } from './labels.js';
import { normalizeOptions, type NormalizedOptions } from './options.js';
import { Rng } from './plan/rng.js';
import { sampleParams } from './plan/sample.js';
import { resizeTapsFor } from './plan/taps.js';
import { selectBackend, type BackendReport, type CpuArraysPolicy, type Selection } from './select.js';
import type {
  ApplyOptions, BackendName, BatchMixOptions, DType, ImageBatch, Layout, MixParams, MixResult, PixelData, RunResult,
} from './types.js';
import { checkDType, checkShape } from './checks.js';
import { checkBatch, checkOut, checkParams } from './validate.js';

export interface BatchMix {
  /**
   * The backend that runs CPU arrays (apply and run on typed arrays). Named backends run everything.
   * On 'auto' it is wasm unless a hardware GPU was measured faster (never a software rasteriser),
   * and it may change from 'webgl2' to 'wasm' after a lost context. GPU-resident batches
   * (`gpu()`) run on webgl2 whenever a context exists: `backendReport.gpu`.
   */
  readonly backend: BackendName;
  /** What 'auto' picked for CPU arrays and for GPU batches, and why (renderer, measured figures); later switches. */
  readonly backendReport: BackendReport;
  /** Draws the params of one call from the instance's seeded generator (SPEC §3). */
  sample(shape: readonly number[], layout: Layout): MixParams;
  /** Applies params (sampled or made by hand) to a batch and its labels; deterministic. */
  apply(batch: ImageBatch, labels: Int32Array | Float32Array, params: MixParams, options?: ApplyOptions): Promise<MixResult>;
  /** sample + apply. */
  run(batch: ImageBatch, labels: Int32Array | Float32Array, options?: ApplyOptions): Promise<RunResult>;
  /** A batch for this backend's memory: on wasm its data lives in the wasm heap (no copy in or out). */
  allocBatch(shape: readonly [number, number, number, number], layout: Layout, dtype: DType): ImageBatch;
  /** Releases a batch from allocBatch (a no-op for plain arrays). */
  freeBatch(batch: ImageBatch): void;
  /** The GPU-resident path (webgl2 only; throws BACKEND_UNAVAILABLE on the other backends). */
  gpu(): GpuMix;
  /** Frees the backend's resources; the instance cannot be used afterwards. Idempotent. */
  dispose(): void;
}

export interface CreateOptions extends BatchMixOptions {
  /**
   * webgl2 backend options (limits for chunking, headless-gl use; mostly for tests), and on 'auto'
   * `cpuArrays`: where CPU arrays run: 'measure' (default: wasm unless a hardware GPU is measured
   * faster), 'webgl2' (always on the GPU when a context exists) or 'cpu' (never on the GPU).
   */
  webgl2?: Omit<WebGL2BackendOptions, 'gl'> & { cpuArrays?: CpuArraysPolicy };
  /** wasm backend options: a cap on its memory (mostly for tests). */
  wasm?: { maxMemoryBytes?: number };
}

/** Backends load on demand, so a page that runs on wasm never downloads the GL code, and vice versa. */
function factoriesFor(o: NormalizedOptions, extra: CreateOptions): Record<BackendName, BackendFactory> {
  return {
    webgl2: async () => {
      const { cpuArrays: _policy, ...webgl2 } = extra.webgl2 ?? {};
      return (await import('./backends/webgl2/index.js')).createWebGL2Backend({ ...webgl2, gl: o.gl });
    },
    wasm: async () => (await import('./backends/wasm/index.js')).createWasmBackend(extra.wasm),
    js: async () => (await import('./backends/js/index.js')).createJsBackend(),
  };
}

function newLike(src: PixelData): PixelData {
  return new (src.constructor as new (n: number) => PixelData)(src.length);
}

class Mixer implements BatchMix {
  /** Runs CPU arrays. */
  private kernels: KernelBackend;
  /** Runs GPU-resident batches (webgl2), possibly the same object as `kernels`. */
  private gpuKernels: KernelBackend | undefined;
  private readonly rng: Rng;
  private disposed = false;
  readonly backendReport: BackendReport;

  constructor(
    private readonly options: NormalizedOptions,
    private readonly factories: Record<BackendName, BackendFactory>,
    selection: Selection,
  ) {
    this.kernels = selection.cpu;
    this.gpuKernels = selection.gpu;
    this.rng = new Rng(options.seed);
    this.backendReport = selection.report;
  }

  get backend(): BackendName {
    return this.kernels.name;
  }

  private alive(where: string): void {
    if (this.disposed) fail('DISPOSED', `${where}: this batchmix instance was disposed; create a new one`);
  }

  sample(shape: readonly number[], layout: Layout): MixParams {
    this.alive('sample');
    const { n, h, w } = checkShape('sample', shape, layout);
    return sampleParams(this.rng, this.options, n, h, w);
  }

  async apply(batch: ImageBatch, labels: Int32Array | Float32Array, params: MixParams, options: ApplyOptions = {}): Promise<MixResult> {
    this.alive('apply');
    const g = checkBatch('apply', batch);
    const p = checkParams('apply', params, g.n, g.h, g.w);
    // Labels first: a bad label throws before any pixel is written.
    const mixed = mixLabels(p.op, labels, g.n, this.options.numClasses, this.options.labelSmoothing, p.index, p.lam);
    const src = batch.data;
    if (options.inPlace && options.out) fail('BAD_PARAMS', `apply (${p.op}): give options.inPlace or options.out, not both`);
    const dst = options.inPlace ? src : options.out ? checkOut(`apply (${p.op})`, options.out, g, src) : newLike(src);
    await this.dispatch(p, src, dst, g);
    // In place the caller's batch is the result (its `data` may be a getter that follows wasm memory growth).
    const images: ImageBatch = options.inPlace ? batch : options.out ? options.out : { data: dst, shape: batch.shape, layout: batch.layout };
    return { images, labels: mixed };
  }

  async run(batch: ImageBatch, labels: Int32Array | Float32Array, options?: ApplyOptions): Promise<RunResult> {
    this.alive('run');
    const g = checkBatch('run', batch);
    const params = sampleParams(this.rng, this.options, g.n, g.h, g.w);
    return { ...(await this.apply(batch, labels, params, options)), params };
  }

  /** Runs one op on the current backend; on 'auto', a lost GL context moves later calls to the next backend. */
  private async dispatch(p: MixParams, src: PixelData, dst: PixelData, g: Geometry): Promise<void> {
    if (p.op === 'identity') {
      if (dst !== src) dst.set(src);
      return;
    }
    const tapsOf = p.op === 'resizemix' ? resizeTapsFor(p.boxes!, g.n, g.h, g.w, p.interpolation ?? 'bilinear') : undefined;
    const run = async (k: KernelBackend): Promise<void> => {
      if (p.op === 'mixup') await k.blend({ src, dst, geom: g, index: p.index, lam: p.lam });
      else if (p.op === 'cutmix') await k.paste({ src, dst, geom: g, index: p.index, boxes: p.boxes! });
      else await k.resizePaste({ src, dst, geom: g, index: p.index, boxes: p.boxes!, ...tapsOf! });
    };
    try {
      await run(this.kernels);
    } catch (e) {
      // Kernels write nothing before they fail, so the caller's data is intact; on 'auto' a lost
      // context moves later calls to the next backend (this call still throws CONTEXT_LOST).
      if (e instanceof BatchMixError && e.code === 'CONTEXT_LOST' && this.options.backend === 'auto') await this.switchAway(e.message);
      throw e;
    }
  }

  private async switchAway(reason: string): Promise<void> {
    const from = this.kernels.name;
    this.kernels.dispose();
    const { cpu: backend } = await selectBackend('auto', this.factories, new Set([from]));
    this.kernels = backend;
    this.backendReport.backend = backend.name;
    this.backendReport.reason = `switched from ${from}: ${reason}`;
    this.backendReport.switches.push({ from, to: backend.name, reason });
    console.warn(`batchmix: backend '${from}' failed (${reason}); later calls run on '${backend.name}'`);
  }

  allocBatch(shape: readonly [number, number, number, number], layout: Layout, dtype: DType): ImageBatch {
    this.alive('allocBatch');
    const { n, c, h, w } = checkShape('allocBatch', shape, layout);
    checkDType('allocBatch', dtype);
    if (this.kernels.allocBatch) return this.kernels.allocBatch(shape, layout, dtype);
    const len = n * c * h * w;
    return { data: dtype === 'float32' ? new Float32Array(len) : new Uint8Array(len), shape, layout };
  }

  gpu(): GpuMix {
    this.alive('gpu');
    if (!this.gpuKernels) {
      const why = this.backendReport.passedOver.webgl2;
      fail('BACKEND_UNAVAILABLE', `gpu: the GPU-resident path needs the webgl2 backend; this instance runs on '${this.kernels.name}'` +
        (why ? ` (webgl2: ${why})` : ''));
    }
    return gpuMix(this.gpuKernels as WebGL2Backend, this.options);
  }

  freeBatch(batch: ImageBatch): void {
    this.kernels.freeBatch?.(batch);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.kernels.dispose();
    this.gpuKernels?.dispose();
  }
}

/** Creates a batchmix instance (SPEC §8). Throws BatchMixError for bad options or an unavailable backend. */
export async function createBatchMix(options: CreateOptions): Promise<BatchMix> {
  const o = normalizeOptions(options);
  const factories = factoriesFor(o, options);
  const policy = options.webgl2?.cpuArrays ?? 'measure';
  if (!['measure', 'webgl2', 'cpu'].includes(policy)) {
    fail('BAD_OPTIONS', `createBatchMix: options.webgl2.cpuArrays must be 'measure', 'webgl2' or 'cpu', got ${JSON.stringify(policy)}`);
  }
  return new Mixer(o, factories, await selectBackend(o.backend, factories, new Set(), policy));
}
