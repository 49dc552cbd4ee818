/**
 * The GPU-resident path of the public API (webgl2 only): mix batches that live in textures and get
 * textures back, with no CPU round trip; read back only when asked. The texture layout is the
 * webgl2 backend's (src/backends/webgl2/gpu-batch.ts: one TEXTURE_2D_ARRAY layer per sample).
 * Types only: the implementation is gpu-mix.ts, so these declarations reach no backend internals.
 */
import type { Geometry } from './backends/backend.js';
import type { Packing } from './backends/webgl2/packing.js';
import type { DType, ImageBatch, Labels, Layout, MixParams, PixelData } from './types.js';

/**
 * A batch that lives in WebGL2 textures (from `gpu.upload` or `gpu.alloc`). Sample i is layer
 * i mod `layersPerPage` of `pages[⌊i / layersPerPage⌋]`, a TEXTURE_2D_ARRAY of RGBA32UI (float32 bit
 * patterns) or RGBA8UI (uint8) texels; element e of the sample (in the batch's own NCHW/NHWC order) is
 * component e mod 4 of texel ⌊e / 4⌋, texels row-major, `packing.texW` per row.
 */
export interface GpuBatch {
  readonly shape: readonly [number, number, number, number];
  readonly layout: Layout;
  readonly dtype: DType;
  readonly geom: Geometry;
  readonly packing: Packing;
  /** Layers per page (L): sample i is at pages[⌊i / L⌋], layer i mod L. */
  readonly layersPerPage: number;
  /** The TEXTURE_2D_ARRAY pages (an in-place run replaces them). */
  readonly pages: readonly WebGLTexture[];
  /** True once released (or its backend disposed or lost): its textures are gone. */
  readonly released: boolean;
}

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
  /** Frees a GPU batch's textures. */
  release(batch: GpuBatch): void;
}
