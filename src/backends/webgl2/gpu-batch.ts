/**
 * GPU-resident batches: a batch that stays in textures between calls, so a caller can mix it and
 * get textures back with no CPU round trip, and read it back only when asked.
 *
 * Layout (packing.ts): sample i is layer i mod L of page ⌊i / L⌋, a TEXTURE_2D_ARRAY of RGBA32UI
 * (float32 bit patterns) or RGBA8UI (uint8) texels, L = min(N, maxLayers); within a layer, element
 * e of the sample (offset in the batch's own NCHW/NHWC order) is component e mod 4 of texel ⌊e/4⌋,
 * texels row-major, `packing.texW` per row. A caller that renders into a page writes uvec4 texels:
 * floatBitsToUint(v) for float32 batches, the value 0..255 for uint8 batches.
 */
import { describe, fail } from '../../errors.js';
import { dtypeOf, geometry } from '../../geometry.js';
import type { DType, ImageBatch, Layout, PixelData } from '../../types.js';
import type { Geometry } from '../backend.js';
import type { Placement } from './draw.js';
import type { Engine } from './engine.js';
import { isPixelData } from '../../checks.js';
import { checkGpuShape } from './gpu-checks.js';
import { packLayer, type Packing } from './packing.js';
import { hostView, uploadSamples, writeSamples } from './transfer.js';

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

/** The backend's own GpuBatch: mutable pages, and the engine it belongs to. */
export class GpuBatchHandle implements GpuBatch {
  released = false;

  constructor(
    readonly owner: Engine,
    readonly shape: readonly [number, number, number, number],
    readonly layout: Layout,
    readonly geom: Geometry,
    readonly packing: Packing,
    readonly layersPerPage: number,
    public pages: WebGLTexture[],
  ) {}

  get dtype(): DType {
    return this.geom.dtype;
  }

  at(i: number): Placement {
    return { tex: this.pages[Math.floor(i / this.layersPerPage)], layer: i % this.layersPerPage };
  }

  /** Layers of each page. */
  pageLayers(): number[] {
    const L = this.layersPerPage;
    return this.pages.map((_, p) => Math.min(L, this.geom.n - p * L));
  }
}

/** Checks that `b` is a live batch of engine `e`. */
export function own(e: Engine, b: unknown, what: string): GpuBatchHandle {
  if (!(b instanceof GpuBatchHandle)) fail('BAD_PARAMS', `${what}: expected a GpuBatch from uploadBatch/allocGpuBatch/run, got ${b === null ? 'null' : typeof b}`);
  if (b.owner !== e) fail('BAD_PARAMS', `${what}: this GpuBatch belongs to another webgl2 backend`);
  if (b.released) fail('BAD_PARAMS', `${what}: this GpuBatch was released (releaseBatch, dispose or a lost context)`);
  return b;
}

/** A batch of pages for a (checked) geometry; their contents are whatever the pooled textures held. */
export function allocPages(e: Engine, shape: readonly [number, number, number, number], layout: Layout, dtype: DType, what: string): GpuBatchHandle {
  const copy = Object.freeze([...checkGpuShape(what, shape, layout, dtype)]) as unknown as [number, number, number, number];
  const g = geometry(copy, layout, dtype);
  const pack = packLayer(g.sn, dtype, e.limits.maxTextureSize, what);
  const L = Math.min(g.n, e.limits.maxLayers);
  const pages: WebGLTexture[] = [];
  try {
    for (let first = 0; first < g.n; first += L) pages.push(e.res.batchTexture(dtype, pack.texW, pack.texH, Math.min(L, g.n - first)));
  } catch (err) {
    for (const p of pages) e.res.recycle(p, true);
    throw err;
  }
  const b = new GpuBatchHandle(e, copy, layout, g, pack, L, pages);
  e.batches.add(b);
  return b;
}

/** Gives a batch's pages back to the pool; idempotent. */
export function releasePages(e: Engine, b: GpuBatchHandle, alive: boolean): void {
  if (b.released) return;
  b.released = true;
  e.batches.delete(b);
  for (const p of b.pages) e.res.recycle(p, alive);
  b.pages = [];
}

/** Uploads a CPU batch (validated: dtype, layout, shape and length) into fresh pages. */
export function uploadPages(e: Engine, batch: ImageBatch, what: string): GpuBatchHandle {
  const data = batch?.data as PixelData | undefined;
  if (!isPixelData(data)) {
    fail('BAD_DTYPE', `${what}: batch.data must be a Float32Array, Uint8Array or Uint8ClampedArray, got ${describe(data)}`);
  }
  const s = checkGpuShape(what, batch.shape, batch.layout, dtypeOf(data), data.length);
  const b = allocPages(e, s, batch.layout, dtypeOf(data), what);
  const host = hostView(data);
  try {
    b.pageLayers().forEach((count, p) => {
      const first = p * b.layersPerPage;
      uploadSamples(e.gl, b.pages[p], b.packing, host, Int32Array.from({ length: count }, (_, l) => first + l), e.uploadOffsets);
    });
  } catch (err) {
    releasePages(e, b, true);
    throw err;
  }
  return b;
}

/** Reads every page back; writes `into` (or a new array) only after the context was checked. */
export function readPages(e: Engine, b: GpuBatchHandle, into: PixelData | undefined, what: string): ImageBatch {
  const g = b.geom;
  const len = g.n * g.sn;
  const typed = isPixelData(into);
  if (into !== undefined && (!typed || dtypeOf(into) !== g.dtype || into.length !== len)) {
    fail('BAD_SHAPE', `${what}: into must be a ${g.dtype} array of ${len} elements, got ${into?.constructor?.name}(${into?.length})`);
  }
  const host = e.hostArray(g.dtype, g.n * b.packing.layerElems);
  b.pageLayers().forEach((count, p) => e.read(b.pages[p], count, b.packing, host, p * b.layersPerPage, g.dtype));
  e.verify(what);
  const out = into ?? (g.dtype === 'float32' ? new Float32Array(len) : new Uint8Array(len));
  writeSamples(host, b.packing, g.n, hostView(out));
  return { data: out, shape: b.shape, layout: b.layout };
}
