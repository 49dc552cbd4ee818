/**
 * A kernel on a GPU-resident batch: draws from the source pages into other pages, with no upload
 * and no readback. `dst` omitted: a new batch; `dst === src`: in place (drawn into fresh pages that
 * then replace the source's, since a texture cannot be read and written in one draw); another batch
 * of the same geometry: written.
 */
import { fail } from '../../errors.js';
import type { ResizeTaps } from '../backend.js';
import { drawSamples, type KernelArgs } from './draw.js';
import type { Engine } from './engine.js';
import { allocPages, own, releasePages, type GpuBatch, type GpuBatchHandle } from './gpu-batch.js';
import { checkGpuJob } from './gpu-checks.js';
import { uploadTaps } from './taps.js';

interface GpuJobBase {
  readonly src: GpuBatch;
  readonly dst?: GpuBatch;
  /** Partner of each sample, length N. */
  readonly index: Int32Array;
  /**
   * Optional: the samples to draw, ascending (Job.samples); dst's other layers are left as they are
   * (with no dst they are undefined). Not in place (dst === src).
   */
  readonly samples?: Int32Array;
}

/** The GPU-resident jobs: the KernelBackend jobs with GpuBatches for src and dst. */
export type GpuJob =
  | (GpuJobBase & { readonly kernel: 'blend'; readonly lam: Float32Array })
  | (GpuJobBase & { readonly kernel: 'paste'; readonly boxes: Int32Array })
  | (GpuJobBase & { readonly kernel: 'resizePaste'; readonly boxes: Int32Array;
      readonly taps: readonly ResizeTaps[]; readonly tapOf: Int32Array });

function target(e: Engine, job: GpuJob, src: GpuBatchHandle, what: string): { out: GpuBatchHandle; fresh: boolean } {
  if (job.dst === undefined || job.dst === job.src) return { out: allocPages(e, src.shape, src.layout, src.dtype, what), fresh: true };
  const out = own(e, job.dst, `${what} (dst)`);
  if (out.layout !== src.layout || out.dtype !== src.dtype || out.shape.some((v, k) => v !== src.shape[k])) {
    fail('BAD_SHAPE', `${what}: dst must have src's shape ${JSON.stringify(src.shape)}, layout ${src.layout} and dtype ${src.dtype}, ` +
      `got ${JSON.stringify(out.shape)}, ${out.layout}, ${out.dtype}`);
  }
  return { out, fresh: false };
}

/** Runs `job` on the GPU; returns the batch that holds the result (src itself when in place). */
export function runPages(e: Engine, job: GpuJob, what: string, alive: () => boolean): GpuBatchHandle {
  const src = own(e, job?.src, `${what} (src)`);
  checkGpuJob(what, job, src.geom);
  const taps = job.kernel === 'resizePaste' ? uploadTaps(e.gl, e.res, job.taps, e.limits.maxTextureSize, e.limits.maxLayers, src.geom.dtype === 'uint8') : undefined;
  let made: { out: GpuBatchHandle; fresh: boolean } | undefined;
  try {
    const { out } = (made = target(e, job, src, what));
    const args: KernelArgs = {
      kernel: job.kernel, geom: src.geom, pack: src.packing, index: job.index, taps,
      lam: job.kernel === 'blend' ? job.lam : undefined,
      boxes: job.kernel === 'blend' ? undefined : job.boxes,
      tapOf: job.kernel === 'resizePaste' ? job.tapOf : undefined,
    };
    const ids = job.samples;
    drawSamples(e.gl, e.programs, e.fb, args, 0, ids ? ids.length : src.geom.n, (j) => src.at(j), (i) => out.at(i), ids);
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
