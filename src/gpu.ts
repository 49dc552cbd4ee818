/**
 * The GPU-resident path of the public API (webgl2 only): mix batches that live in textures and get
 * textures back, with no CPU round trip; read back only when asked. The texture layout is the
 * webgl2 backend's (docs/gpu-layout.md: one TEXTURE_2D per batch or page, samples one after
 * another, four elements per texel). On 'auto' it is available wherever a WebGL2 context exists,
 * also when CPU arrays run on wasm.
 * Types only: the implementation is gpu-mix.ts, so these declarations reach no backend internals.
 */
import type { Geometry } from './backends/backend.js';
import type { Packing } from './backends/webgl2/packing.js';

/**
 * How a batch's values are stored: 'native' (float32 in RGBA32F, uint8 in RGBA8UI) or 'float'
 * (uint8 values 0..255 held as floats in RGBA32F: TF.js int32 images; the kernels' 'u8f' variant).
 */
export type Storage = 'native' | 'float';
import type { DType, ImageBatch, Labels, Layout, MixParams, PixelData } from './types.js';

/**
 * A batch that lives in WebGL2 textures (from `gpu.upload` or `gpu.alloc`); docs/gpu-layout.md has
 * the whole layout. Sample i is on page ⌊i / packing.perPage⌋ at slot i mod perPage; a page is a
 * TEXTURE_2D of RGBA32F (float32) or RGBA8UI (uint8) texels, `packing.texW` (a power of two) per row,
 * holding its samples as one run of elements in the batch's own NCHW/NHWC order, four per texel:
 * element e of the page's run is component e mod 4 of texel ⌊e / 4⌋, texels row-major.
 */
export interface GpuBatch {
  readonly shape: readonly [number, number, number, number];
  readonly layout: Layout;
  readonly dtype: DType;
  /** 'native', or 'float' for uint8 values held as floats in RGBA32F (TF.js int32 images). */
  readonly storage: Storage;
  readonly geom: Geometry;
  /** texW (2^shift texels per row), sn, perPage: sample i is on page ⌊i / perPage⌋, slot i mod perPage. */
  readonly packing: Packing;
  /** The TEXTURE_2D pages (an in-place run may replace them). */
  readonly pages: readonly WebGLTexture[];
  /** Samples on each page. */
  readonly pageCounts: readonly number[];
  /** Texel rows of each page (its height). */
  readonly pageRows: readonly number[];
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
