/**
 * A kernel on CPU arrays (the KernelBackend methods): upload, draw, read back, in chunks when the
 * batch is larger than the limits. The GPU reads the uploaded input, so `src === dst` (in place)
 * needs nothing special; `dst` is written once, after the last chunk was read back and the context
 * checked, so a failed call (a lost context included) leaves it as it was. A job with `samples`
 * draws, reads back and writes only those samples (the other samples of dst are not touched).
 */
import { fail } from '../../errors.js';
import { dtypeOf } from '../../geometry.js';
import type { PixelData } from '../../types.js';
import type { ResizeTaps } from '../backend.js';
import { planChunks } from './chunking.js';
import { drawSamples, type KernelArgs } from './draw.js';
import type { Engine } from './engine.js';
import { packLayer } from './packing.js';
import { uploadTaps } from './taps.js';
import { hostView, uploadSamples, writeSamples } from './transfer.js';

/** A CPU job as the backend receives it: the kernel's arguments without the packing and the taps texture. */
export interface CpuJob extends Omit<KernelArgs, 'pack' | 'taps'> {
  readonly src: PixelData;
  readonly dst: PixelData;
  /** resizePaste: the planner's taps, one entry per box size. */
  readonly resize?: readonly ResizeTaps[];
  /** The samples to write, ascending (KernelBackend Job.samples); all when absent. */
  readonly samples?: Int32Array;
}

/** Runs `job` on the GPU and writes `job.dst` (all of it) when everything succeeded. */
export function runCpuJob(e: Engine, job: CpuJob, what: string, alive: () => boolean): void {
  const { gl, res, limits } = e;
  const g = job.geom;
  if (dtypeOf(job.dst) !== g.dtype || dtypeOf(job.src) !== g.dtype || job.dst.length !== job.src.length) {
    fail('BAD_DTYPE', `${what}: src and dst must be ${g.dtype} arrays of the same length, got ` +
      `${job.src.constructor.name}(${job.src.length}) and ${job.dst.constructor.name}(${job.dst.length})`);
  }
  if (g.n === 0 || g.sn === 0) return; // nothing to mix (the API rejects such batches)
  const pack = packLayer(g.sn, g.dtype, limits.maxTextureSize, what);
  const ids = job.samples;
  const outs = ids ? ids.length : g.n;
  if (outs === 0) return;
  const chunks = planChunks(g.n, job.index, pack, limits, what, ids);
  const data = hostView(job.src);
  const host = e.hostArray(g.dtype, outs * pack.layerElems);
  const taps = job.resize ? uploadTaps(gl, res, job.resize, limits.maxTextureSize, limits.maxLayers, g.dtype === 'uint8') : undefined;
  const args: KernelArgs = { ...job, pack, taps };
  try {
    for (const c of chunks) {
      const input = res.batchTexture(g.dtype, pack.texW, pack.texH, c.inputs.length);
      let output: WebGLTexture | undefined;
      try {
        const out = (output = res.batchTexture(g.dtype, pack.texW, pack.texH, c.count));
        uploadSamples(gl, input, pack, data, c.inputs, e.uploadOffsets);
        drawSamples(gl, e.programs, e.fb, args, c.start, c.count,
          (j) => ({ tex: input, layer: c.layerOf[j] }), (_, q) => ({ tex: out, layer: q - c.start }), ids);
        e.read(out, c.count, pack, host, c.start, g.dtype);
      } finally {
        res.recycle(input, alive());
        if (output) res.recycle(output, alive());
      }
    }
  } finally {
    if (taps) res.deleteTexture(taps.tex, alive());
  }
  e.verify(what);
  writeSamples(host, pack, outs, hostView(job.dst), ids);
}
