/**
 * GPU-resident batches: a batch that stays in textures between calls, so a caller can mix it and
 * get textures back with no CPU round trip, and read it back only when asked.
 *
 * Layout (packing.ts, docs/gpu-layout.md): page p is one TEXTURE_2D holding samples
 * [p·perPage, min(n, (p + 1)·perPage)) one after another as a linear run of elements in the batch's
 * own NCHW/NHWC order, four per texel, rows of `packing.texW` = 2^shift texels: element e of
 * sample i is element g = (i − p·perPage)·sn + e of its page, component g & 3 of texel g >> 2.
 * float32 batches are RGBA32F (float values), uint8 batches RGBA8UI (0..255). A caller that renders
 * into a page writes vec4 floats (float32) or uvec4 values 0..255 (uint8) at those texels.
 */
import { describe, fail } from '../../errors.js';
import { dtypeOf, geometry } from '../../geometry.js';
import type { DType, ImageBatch, Layout, PixelData } from '../../types.js';
import type { GpuBatch, Storage } from '../../gpu.js';
import type { Geometry } from '../backend.js';
import type { Engine } from './engine.js';
import { isPixelData } from '../../checks.js';
import { checkGpuShape } from './gpu-checks.js';
import { packBatch, rowsFor, type Packing } from './packing.js';
import { hostView, uploadRun } from './transfer.js';

export type { GpuBatch, Storage };

/** The backend's own GpuBatch: mutable pages, and the engine it belongs to. */
export class GpuBatchHandle implements GpuBatch {
  released = false;

  constructor(
    readonly owner: Engine,
    readonly shape: readonly [number, number, number, number],
    readonly layout: Layout,
    readonly geom: Geometry,
    readonly packing: Packing,
    public pages: WebGLTexture[],
    readonly storage: Storage = 'native',
    /** Pages owned by the caller (wrapPages): release forgets them, never recycles or deletes them. */
    readonly external = false,
  ) {}

  get dtype(): DType {
    return this.geom.dtype;
  }

  /** The dtype of the texture format: float32 for float storage. */
  get texDtype(): DType {
    return texDtypeOf(this.geom.dtype, this.storage);
  }

  get pageCounts(): number[] {
    const S = this.packing.perPage;
    return this.pages.map((_, p) => Math.min(S, this.geom.n - p * S));
  }

  get pageRows(): number[] {
    return this.pageCounts.map((c) => rowsFor(this.packing, c));
  }
}

/** The texture format's dtype of a batch of `dtype` values in `storage`. */
export function texDtypeOf(dtype: DType, storage: Storage): DType {
  return storage === 'float' ? 'float32' : dtype;
}

/** Checks that `b` is a live batch of engine `e`. */
export function own(e: Engine, b: unknown, what: string): GpuBatchHandle {
  if (!(b instanceof GpuBatchHandle)) fail('BAD_PARAMS', `${what}: expected a GpuBatch from uploadBatch/allocGpuBatch/run, got ${b === null ? 'null' : typeof b}`);
  if (b.owner !== e) fail('BAD_PARAMS', `${what}: this GpuBatch belongs to another webgl2 backend`);
  if (b.released) fail('BAD_PARAMS', `${what}: this GpuBatch was released (releaseBatch, dispose or a lost context)`);
  return b;
}

/** New pages for `count` samples each of a packing (from the pool). */
export function pagesFor(e: Engine, dtype: DType, pack: Packing, counts: readonly number[]): WebGLTexture[] {
  const pages: WebGLTexture[] = [];
  try {
    for (const c of counts) pages.push(e.res.batchTexture(dtype, pack.texW, rowsFor(pack, c)));
  } catch (err) {
    for (const p of pages) e.res.recycle(p, true);
    throw err;
  }
  return pages;
}

/** A batch of pages for a (checked) geometry; their contents are whatever the pooled textures held. */
export function allocPages(
  e: Engine, shape: readonly [number, number, number, number], layout: Layout, dtype: DType, what: string, storage: Storage = 'native',
): GpuBatchHandle {
  const { copy, g, pack, counts } = planPages(e, shape, layout, dtype, storage, what);
  const b = new GpuBatchHandle(e, copy, layout, g, pack, pagesFor(e, texDtypeOf(dtype, storage), pack, counts), storage);
  e.batches.add(b);
  return b;
}

/** The checked shape, geometry, packing and samples per page of a batch (no texture is made). */
export function planPages(e: Engine, shape: readonly [number, number, number, number], layout: Layout, dtype: DType, storage: Storage, what: string) {
  const copy = Object.freeze([...checkGpuShape(what, shape, layout, dtype)]) as unknown as [number, number, number, number];
  const g = geometry(copy, layout, dtype);
  const pack = packBatch(g.n, g.sn, texDtypeOf(dtype, storage), e.limits.maxTextureSize, e.limits.maxLayers, what);
  const counts: number[] = [];
  for (let first = 0; first < g.n; first += pack.perPage) counts.push(Math.min(pack.perPage, g.n - first));
  return { copy, g, pack, counts };
}

/**
 * A batch over pages the caller owns (e.g. TF.js's texture from dataToGPU): `pages` must be
 * textures of this context in the layout planPages gives for this shape (one per page, each
 * texW wide and at least pageRows tall, in the storage's format). Releasing it forgets the pages.
 */
export function wrapPages(
  e: Engine, pages: readonly WebGLTexture[], shape: readonly [number, number, number, number], layout: Layout, dtype: DType, storage: Storage, what: string,
): GpuBatchHandle {
  const { copy, g, pack, counts } = planPages(e, shape, layout, dtype, storage, what);
  if (!Array.isArray(pages) || pages.length !== counts.length || pages.some((p) => !e.gl.isTexture(p))) {
    fail('BAD_PARAMS', `${what}: pages must be ${counts.length} texture(s) of this context (one per page of ${pack.perPage} samples), got ${describe(pages)}`);
  }
  const b = new GpuBatchHandle(e, copy, layout, g, pack, [...pages], storage, true);
  e.batches.add(b);
  return b;
}

/** Gives a batch's pages back to the pool; idempotent. */
export function releasePages(e: Engine, b: GpuBatchHandle, alive: boolean): void {
  if (b.released) return;
  b.released = true;
  e.batches.delete(b);
  if (!b.external) for (const p of b.pages) e.res.recycle(p, alive);
  b.pages = [];
}

/** Uploads a CPU batch (validated: dtype, layout, shape and length) into fresh pages: ≤ 2 uploads per page. */
export function uploadPages(e: Engine, batch: ImageBatch, what: string): GpuBatchHandle {
  const data = batch?.data as PixelData | undefined;
  if (!isPixelData(data)) {
    fail('BAD_DTYPE', `${what}: batch.data must be a Float32Array, Uint8Array or Uint8ClampedArray, got ${describe(data)}`);
  }
  const s = checkGpuShape(what, batch.shape, batch.layout, dtypeOf(data), data.length);
  const b = allocPages(e, s, batch.layout, dtypeOf(data), what);
  const host = hostView(data);
  const { sn, perPage } = b.packing;
  try {
    b.pageCounts.forEach((count, p) => {
      uploadRun(e.gl, b.pages[p], b.packing, b.dtype, host.subarray(p * perPage * sn, (p * perPage + count) * sn));
    });
  } catch (err) {
    releasePages(e, b, true);
    throw err;
  }
  return b;
}

/** Reads every page (one synchronous readPixels each) into `into` (same dtype and length) or a new array. */
export function readPages(e: Engine, b: GpuBatchHandle, into: PixelData | undefined, what: string): ImageBatch {
  const g = b.geom;
  if (b.storage !== 'native') fail('BAD_PARAMS', `${what}: a batch with '${b.storage}' storage is read by its owner (e.g. TF.js), not here`);
  const len = g.n * g.sn;
  if (into !== undefined && (!isPixelData(into) || dtypeOf(into) !== g.dtype || into.length !== len)) {
    fail('BAD_SHAPE', `${what}: into must be a ${g.dtype} array of ${len} elements, got ${(into as PixelData)?.constructor?.name}(${(into as PixelData)?.length})`);
  }
  const host = e.hostArray(g.dtype, len + 4 * b.packing.texW);
  const { sn, perPage } = b.packing;
  for (const [p, count] of b.pageCounts.entries()) {
    e.readSync(b.pages[p], b.packing, g.dtype, count, host, p * perPage * sn);
  }
  e.verify(what);
  const out = into ?? (g.dtype === 'float32' ? new Float32Array(len) : new Uint8Array(len));
  hostView(out).set(host.subarray(0, len));
  return { data: out, shape: b.shape, layout: b.layout };
}
