/**
 * A kernel on CPU arrays (the KernelBackend methods): per chunk (chunking.ts; one chunk unless the
 * batch exceeds the limits) one upload of the samples it reads, one params texture, ONE draw over
 * the whole output page and one readback, whatever N. The GPU reads the uploaded input, so
 * `src === dst` (in place) needs nothing special; `dst` is written once, after the last chunk was
 * read back and the context checked, so a failed call (a lost context included) leaves it as it was.
 * In browsers the readback goes through a pixel-pack buffer and a fence polled without blocking
 * (engine.ts); headless-gl reads synchronously.
 */
import { fail } from '../../errors.js';
import { dtypeOf } from '../../geometry.js';
import type { PixelData } from '../../types.js';
import type { ResizeTaps } from '../backend.js';
import { partnerSlot, planChunks } from './chunking.js';
import { drawPass, type KernelArgs } from './draw.js';
import type { Engine } from './engine.js';
import { packBatch, rowsFor } from './packing.js';
import { paramsData, uploadParams } from './params.js';
import { uploadTaps } from './taps.js';
import { gatherRun, hostView, uploadRun } from './transfer.js';

/** A CPU job as the backend receives it: the kernel's arguments without the packing and the taps texture. */
export interface CpuJob extends Omit<KernelArgs, 'pack' | 'taps'> {
  readonly src: PixelData;
  readonly dst: PixelData;
  /** resizePaste: the planner's taps, one entry per box size. */
  readonly resize?: readonly ResizeTaps[];
}

/** Runs `job` on the GPU and writes `job.dst` (all of it) when everything succeeded. */
export async function runCpuJob(e: Engine, job: CpuJob, what: string, alive: () => boolean): Promise<void> {
  const { gl, res, limits } = e;
  const g = job.geom;
  if (dtypeOf(job.dst) !== g.dtype || dtypeOf(job.src) !== g.dtype || job.dst.length !== job.src.length) {
    fail('BAD_DTYPE', `${what}: src and dst must be ${g.dtype} arrays of the same length, got ` +
      `${job.src.constructor.name}(${job.src.length}) and ${job.dst.constructor.name}(${job.dst.length})`);
  }
  if (g.n === 0 || g.sn === 0) return; // nothing to mix (the API rejects such batches)
  const pack = packBatch(g.n, g.sn, g.dtype, limits.maxTextureSize, limits.maxLayers, what);
  const chunks = planChunks(g.n, job.index, pack, limits, what);
  const data = hostView(job.src);
  const host = e.hostArray(g.dtype, g.n * g.sn + 4 * pack.texW);
  const taps = job.resize ? uploadTaps(gl, res, job.resize, limits.maxTextureSize, limits.maxLayers) : undefined;
  const args: KernelArgs = { ...job, pack, taps };
  try {
    for (const c of chunks) {
      const made: WebGLTexture[] = [];
      const take = (count: number): WebGLTexture => {
        const t = res.batchTexture(g.dtype, pack.texW, rowsFor(pack, count));
        made.push(t);
        return t;
      };
      try {
        const own = take(c.count);
        uploadRun(gl, own, pack, g.dtype, data.subarray(c.start * g.sn, (c.start + c.count) * g.sn));
        const far = c.outside.length > 0 ? take(c.outside.length) : undefined;
        if (far) uploadRun(gl, far, pack, g.dtype, gatherRun(data, g.sn, c.outside));
        const table = uploadParams(gl, res, paramsData(args, c.start, c.count, {
          self: (i) => i - c.start, partner: (j) => partnerSlot(c, j),
        }), c.count, limits.maxTextureSize);
        made.push(table.tex);
        const out = take(c.count);
        // One draw, or two when partners lie both in and outside the run (the second copies the
        // first's slots from `prev`): never one per sample.
        const pages = [...new Set(Array.from(job.index.subarray(c.start, c.start + c.count), (j) => partnerSlot(c, j).page))].sort();
        let prev = own;
        pages.forEach((page, k) => {
          const target = k === pages.length - 1 ? out : take(c.count);
          drawPass(e, args, { target, count: c.count, self: own, partner: page === 0 ? own : far!, prev, partnerPage: page, params: table });
          prev = target;
        });
        await e.read(out, pack, g.dtype, c.count, host, c.start * g.sn);
      } finally {
        for (const t of made) res.recycle(t, alive());
      }
    }
  } finally {
    if (taps) res.deleteTexture(taps.tex, alive());
  }
  e.verify(what);
  hostView(job.dst).set(host.subarray(0, g.n * g.sn));
}
