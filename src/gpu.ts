/**
 * The GPU-resident path of the public API (webgl2 only): mix batches that live in textures and get
 * textures back, with no CPU round trip; read back only when asked. The texture layout is the
 * webgl2 backend's (docs/gpu-layout.md: one TEXTURE_2D per batch or page, samples one after
 * another, four elements per texel). On 'auto' it is available wherever a WebGL2 context exists,
 * also when CPU arrays run on wasm.
 * Validation, labels and resize taps are the same shared code as `apply`'s.
 */
import type { GpuBatch, Packing, Storage, WebGL2Backend } from './backends/webgl2/index.js';
import { fail } from './errors.js';
import { mixLabels } from './labels.js';
import type { NormalizedOptions } from './options.js';
import { resizeTapsFor } from './plan/taps.js';
import type { DType, ImageBatch, Labels, Layout, MixParams, PixelData } from './types.js';
import { checkParams } from './validate.js';

export type { GpuBatch, Packing, Storage };

export interface GpuMix {
  /** The context the batches live in (to render into them or read them with your own code). */
  readonly gl: WebGL2RenderingContext;
  /** Uploads a CPU batch once. */
  upload(batch: ImageBatch): GpuBatch;
  /** An uninitialised GPU batch, e.g. to render your own decoded images into, or to use as `out`. */
  alloc(shape: readonly [number, number, number, number], layout: Layout, dtype: DType): GpuBatch;
  /** Applies params to a GPU batch: a new GPU batch by default, `inPlace` or into `out`. */
  apply(batch: GpuBatch, labels: Labels, params: MixParams, options?: { inPlace?: boolean; out?: GpuBatch }): { images: GpuBatch; labels: Float32Array };
  /** Reads a GPU batch back into a new array or `into`. */
  read(batch: GpuBatch, into?: PixelData): ImageBatch;
  /** Frees a GPU batch's textures (for a wrapped batch: forgets them). */
  release(batch: GpuBatch): void;
  /**
   * The layout a batch of this shape gets (docs/gpu-layout.md): packing (texW, perPage) and rows per
   * page; 'float' storage holds uint8 values as floats in RGBA32F (TF.js int32 images).
   */
  plan(shape: readonly [number, number, number, number], layout: Layout, dtype: DType, storage?: Storage): { packing: Packing; pageRows: number[] };
  /** A batch over your own textures of this context, one per page as `plan` says; release forgets them. */
  wrap(pages: readonly WebGLTexture[], shape: readonly [number, number, number, number], layout: Layout, dtype: DType, storage?: Storage): GpuBatch;
}

export function gpuMix(backend: WebGL2Backend, options: NormalizedOptions): GpuMix {
  return {
    get gl() {
      return backend.gl;
    },
    upload: (batch) => backend.uploadBatch(batch),
    alloc: (shape, layout, dtype) => backend.allocGpuBatch(shape, layout, dtype),
    read: (batch, into) => backend.readBatch(batch, into),
    release: (batch) => backend.releaseBatch(batch),
    plan: (shape, layout, dtype, storage) => backend.planGpuBatch(shape, layout, dtype, storage),
    wrap: (pages, shape, layout, dtype, storage) => backend.wrapGpuBatch(pages, shape, layout, dtype, storage),
    apply(batch, labels, params, opts = {}) {
      const g = batch?.geom;
      if (!g) fail('BAD_SHAPE', `gpu.apply: batch must be a GpuBatch from gpu.upload or gpu.alloc`);
      const p = checkParams('gpu.apply', params, g.n, g.h, g.w);
      const mixed = mixLabels(p.op, labels, g.n, options.numClasses, options.labelSmoothing, p.index, p.lam);
      if (opts.inPlace && opts.out) fail('BAD_PARAMS', `gpu.apply (${p.op}): give options.inPlace or options.out, not both`);
      const dst = opts.inPlace ? batch : opts.out;
      let images: GpuBatch;
      if (p.op === 'identity') {
        images = dst === batch ? batch : backend.run({ kernel: 'paste', src: batch, dst, index: p.index, boxes: new Int32Array(4 * g.n) });
      } else if (p.op === 'mixup') {
        images = backend.run({ kernel: 'blend', src: batch, dst, index: p.index, lam: p.lam });
      } else if (p.op === 'cutmix') {
        images = backend.run({ kernel: 'paste', src: batch, dst, index: p.index, boxes: p.boxes! });
      } else {
        const t = resizeTapsFor(p.boxes!, g.n, g.h, g.w, p.interpolation ?? 'bilinear');
        images = backend.run({ kernel: 'resizePaste', src: batch, dst, index: p.index, boxes: p.boxes!, ...t });
      }
      return { images, labels: mixed };
    },
  };
}
