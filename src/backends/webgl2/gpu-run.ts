/**
 * A kernel on a GPU-resident batch: draws from the source pages into other pages, with no upload
 * and no readback. `dst` omitted: a new batch; `dst === src`: in place (drawn into fresh pages that
 * then replace the source's, since a texture cannot be read and written in one draw); another batch
 * of the same geometry: written.
 *
 * Draws: one per output page when every partner lies on the same page as its sample (always for a
 * one-page batch); otherwise one per (output page, partner page) pair, each handling the slots whose
 * partner is on that page and copying the others from the previous draw's target (two scratch
 * pages ping-pong). Never one per sample.
 */
import { fail } from '../../errors.js';
import type { ResizeTaps } from '../backend.js';
import { drawPass, type KernelArgs } from './draw.js';
import type { Engine } from './engine.js';
import { allocPages, own, pagesFor, releasePages, type GpuBatch, type GpuBatchHandle } from './gpu-batch.js';
import { checkGpuJob } from './gpu-checks.js';
import { paramsData, uploadParams } from './params.js';
import { uploadTaps } from './taps.js';

interface GpuJobBase {
  readonly src: GpuBatch;
  readonly dst?: GpuBatch;
  /** Partner of each sample, length N. */
  readonly index: Int32Array;
}

/** The GPU-resident jobs: the KernelBackend jobs with GpuBatches for src and dst. */
export type GpuJob =
  | (GpuJobBase & { readonly kernel: 'blend'; readonly lam: Float32Array })
  | (GpuJobBase & { readonly kernel: 'paste'; readonly boxes: Int32Array })
  | (GpuJobBase & { readonly kernel: 'resizePaste'; readonly boxes: Int32Array;
      readonly taps: readonly ResizeTaps[]; readonly tapOf: Int32Array });

function target(e: Engine, job: GpuJob, src: GpuBatchHandle, what: string): { out: GpuBatchHandle; fresh: boolean } {
  if (job.dst === undefined || job.dst === job.src) return { out: allocPages(e, src.shape, src.layout, src.dtype, what, src.storage), fresh: true };
  const out = own(e, job.dst, `${what} (dst)`);
  if (out.layout !== src.layout || out.dtype !== src.dtype || out.storage !== src.storage || out.shape.some((v, k) => v !== src.shape[k])) {
    fail('BAD_SHAPE', `${what}: dst must have src's shape ${JSON.stringify(src.shape)}, layout ${src.layout}, dtype ${src.dtype} and storage ${src.storage}, ` +
      `got ${JSON.stringify(out.shape)}, ${out.layout}, ${out.dtype}, ${out.storage}`);
  }
  return { out, fresh: false };
}

/** Draws output page p of `out` from `src`: one draw per partner page (see the module comment). */
function drawPage(e: Engine, a: KernelArgs, src: GpuBatchHandle, out: GpuBatchHandle, p: number, alive: boolean): void {
  const { perPage } = src.packing;
  const first = p * perPage;
  const count = out.pageCounts[p];
  const partnerPages = [...new Set(Array.from(a.index.subarray(first, first + count), (j) => Math.floor(j / perPage)))].sort((x, y) => x - y);
  const table = uploadParams(e.gl, e.res, paramsData(a, first, count, {
    self: (i) => i - first, partner: (j) => ({ page: Math.floor(j / perPage), slot: j % perPage }),
  }), count, e.limits.maxTextureSize);
  const scratch = partnerPages.length > 1 ? pagesFor(e, src.texDtype, src.packing, [count, count]) : [];
  try {
    let prev = src.pages[p];
    partnerPages.forEach((q, k) => {
      const last = k === partnerPages.length - 1;
      const tgt = last ? out.pages[p] : scratch[k % 2];
      drawPass(e, a, { target: tgt, count, self: src.pages[p], partner: src.pages[q], prev, partnerPage: q, params: table });
      prev = tgt;
    });
  } finally {
    e.res.recycle(table.tex, alive);
    for (const t of scratch) e.res.recycle(t, alive);
  }
}

/**
 * In place, paste and resizePaste write only the boxes (SPEC §5): per page, the box texels are drawn
 * from the batch into a scratch page (the kernel's own shader, over glsl/box-quads.vert), then copied
 * back over the same texels, so the cost follows the box area: two draws per page, whatever N.
 * Only for pages whose partners all lie on the page itself (always for one-page batches).
 */
function pasteBoxesInPlace(e: Engine, a: KernelArgs, src: GpuBatchHandle, p: number, alive: boolean): void {
  const { perPage } = src.packing;
  const first = p * perPage;
  const count = src.pageCounts[p];
  const table = uploadParams(e.gl, e.res, paramsData(a, first, count, {
    self: (i) => i - first, partner: (j) => ({ page: p, slot: j % perPage }),
  }), count, e.limits.maxTextureSize);
  const [scratch] = pagesFor(e, src.texDtype, src.packing, [count]);
  try {
    const page = src.pages[p];
    drawPass(e, a, { target: scratch, count, self: page, partner: page, prev: page, partnerPage: p, params: table, boxOnly: true });
    drawPass(e, { ...a, kernel: 'copy' }, { target: page, count, self: scratch, partner: scratch, prev: scratch, partnerPage: p, params: table, boxOnly: true });
  } finally {
    e.res.recycle(table.tex, alive);
    e.res.recycle(scratch, alive);
  }
}

/** Whether every partner of page p's samples lies on page p. */
function partnersOnPage(index: Int32Array, src: GpuBatchHandle, p: number): boolean {
  const { perPage } = src.packing;
  for (let i = p * perPage; i < p * perPage + src.pageCounts[p]; i++) if (Math.floor(index[i] / perPage) !== p) return false;
  return true;
}

function boxesInPlace(e: Engine, job: GpuJob, src: GpuBatchHandle, what: string, alive: () => boolean): GpuBatchHandle {
  const taps = job.kernel === 'resizePaste' ? uploadTaps(e.gl, e.res, job.taps, e.limits.maxTextureSize, e.limits.maxLayers) : undefined;
  try {
    const args: KernelArgs = {
      kernel: job.kernel, geom: src.geom, pack: src.packing, index: job.index, taps, storage: src.storage,
      boxes: job.kernel === 'blend' ? undefined : job.boxes, tapOf: job.kernel === 'resizePaste' ? job.tapOf : undefined,
    };
    for (let p = 0; p < src.pages.length; p++) pasteBoxesInPlace(e, args, src, p, alive());
    e.verify(what, false);
  } finally {
    if (taps) e.res.deleteTexture(taps.tex, alive());
  }
  return src;
}

/** Runs `job` on the GPU; returns the batch that holds the result (src itself when in place). */
export function runPages(e: Engine, job: GpuJob, what: string, alive: () => boolean): GpuBatchHandle {
  const src = own(e, job?.src, `${what} (src)`);
  checkGpuJob(what, job, src.geom);
  if (job.dst === job.src && job.kernel !== 'blend' && src.pages.every((_, p) => partnersOnPage(job.index, src, p))) {
    return boxesInPlace(e, job, src, what, alive);
  }
  const taps = job.kernel === 'resizePaste' ? uploadTaps(e.gl, e.res, job.taps, e.limits.maxTextureSize, e.limits.maxLayers) : undefined;
  let made: { out: GpuBatchHandle; fresh: boolean } | undefined;
  try {
    const { out } = (made = target(e, job, src, what));
    const args: KernelArgs = {
      kernel: job.kernel, geom: src.geom, pack: src.packing, index: job.index, taps, storage: src.storage,
      lam: job.kernel === 'blend' ? job.lam : undefined,
      boxes: job.kernel === 'blend' ? undefined : job.boxes,
      tapOf: job.kernel === 'resizePaste' ? job.tapOf : undefined,
    };
    for (let p = 0; p < src.pages.length; p++) drawPage(e, args, src, out, p, alive());
    e.verify(what, false);
  } catch (err) {
    if (made?.fresh) releasePages(e, made.out, alive());
    throw err;
  } finally {
    if (taps) e.res.deleteTexture(taps.tex, alive());
  }
  const { out } = made;
  if (job.dst !== job.src) return out;
  // In place: the source takes the fresh pages; its old pages go back to the pool.
  const old = src.pages;
  src.pages = out.pages;
  out.pages = old;
  releasePages(e, out, alive());
  return src;
}
