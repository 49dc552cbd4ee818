/**
 * Applying mixed params (op 'mixed', `perSample`: SPEC §2, §3): sample i gets the op ops[i]. Each op
 * runs once, as one kernel job over its own samples (KernelBackend Job.samples, ascending), so a
 * call makes at most three kernel calls (blend, paste, resizePaste) whatever N is, and no job passes
 * over a sample that stays unchanged. 'identity' samples are never given to a kernel: in place they
 * are not touched, out of place they are copied once (dst[i] = src[i]).
 *
 * SPEC §1 in place: every read sees the batch as it was. One job in place is the backend's own
 * in-place path. With two or more jobs a sample written by one job may be the partner another job
 * reads (a Mixup sample pasted into a CutMix sample, and so on), so the jobs write into a scratch
 * batch (out of place, reading the untouched input) and the changed samples are copied back at the
 * end: one extra copy of each changed sample, none of the unchanged ones (the scratch is a batch in
 * the backend's memory when it has one, allocBatch: wasm then runs the jobs where the data is).
 * The same scratch is used out of place when dst is the caller's memory (`options.out`), so that a
 * job that fails (a lost GL context, a wasm memory that cannot grow) leaves the caller's arrays as
 * they were; a fresh dst made by `apply` is written directly.
 *
 * Arrays are read through getters at each step: a wasm batch from allocBatch hands out a new view
 * when its memory grew during a job.
 */
import type { Geometry, KernelBackend } from './backends/backend.js';
import { resizeTapsFor } from './plan/taps.js';
import type { ImageBatch, MixParams, Op, PixelData } from './types.js';

/** Where a mixed call reads and writes. */
export interface MixedIO {
  /** The input's data (a live view). */
  readonly src: () => PixelData;
  /** The output's data: the input itself in place. */
  readonly dst: () => PixelData;
  readonly inPlace: boolean;
  /** dst is a new array made for this call (nobody else sees it if the call fails). */
  readonly fresh: boolean;
}

type Job = (k: KernelBackend, src: PixelData, dst: PixelData) => void | Promise<void>;

/** The samples of each op, ascending. */
export function samplesByOp(ops: readonly Op[]): Record<Op, Int32Array> {
  const lists: Record<Op, number[]> = { mixup: [], cutmix: [], resizemix: [], identity: [] };
  ops.forEach((op, i) => lists[op].push(i));
  return {
    mixup: Int32Array.from(lists.mixup), cutmix: Int32Array.from(lists.cutmix),
    resizemix: Int32Array.from(lists.resizemix), identity: Int32Array.from(lists.identity),
  };
}

/** One job per op that has samples, in the order blend, paste, resizePaste. */
function jobsFor(p: MixParams, g: Geometry, by: Record<Op, Int32Array>): Job[] {
  const jobs: Job[] = [];
  const { index, lam } = p;
  const boxes = p.boxes!;
  if (by.mixup.length > 0) jobs.push((k, src, dst) => k.blend({ src, dst, geom: g, index, lam, samples: by.mixup }));
  if (by.cutmix.length > 0) jobs.push((k, src, dst) => k.paste({ src, dst, geom: g, index, boxes, samples: by.cutmix }));
  if (by.resizemix.length > 0) {
    // Taps for the resizemix boxes only: every other sample gets the empty entry.
    const own = new Int32Array(4 * g.n);
    for (const i of by.resizemix) own.set(boxes.subarray(4 * i, 4 * i + 4), 4 * i);
    const t = resizeTapsFor(own, g.n, g.h, g.w, p.interpolation ?? 'bilinear');
    jobs.push((k, src, dst) => k.resizePaste({ src, dst, geom: g, index, boxes: own, ...t, samples: by.resizemix }));
  }
  return jobs;
}

/** to[i] = from[i] for each listed sample (sn elements each, same dtype). */
function copySamples(to: PixelData, from: PixelData, sn: number, samples: Int32Array): void {
  for (const i of samples) to.set(from.subarray(i * sn, (i + 1) * sn), i * sn);
}

/** Runs validated mixed params (ops, boxes, λ consistent: validate.ts) on backend `k`. */
export async function runMixed(k: KernelBackend, p: MixParams, g: Geometry, io: MixedIO): Promise<void> {
  const by = samplesByOp(p.ops!);
  const jobs = jobsFor(p, g, by);
  if (jobs.length <= 1 || io.fresh) {
    for (const job of jobs) await job(k, io.src(), io.dst());
  } else {
    // The scratch lives where the backend works best: wasm memory (allocBatch) when it has one.
    const shape: ImageBatch['shape'] = g.layout === 'NCHW' ? [g.n, g.c, g.h, g.w] : [g.n, g.h, g.w, g.c];
    const scratch: ImageBatch = k.allocBatch
      ? k.allocBatch(shape, g.layout, g.dtype)
      : { data: new (io.src().constructor as new (n: number) => PixelData)(g.n * g.sn), shape, layout: g.layout };
    try {
      for (const job of jobs) await job(k, io.src(), scratch.data);
      copySamples(io.dst(), scratch.data, g.sn, Int32Array.from([...by.mixup, ...by.cutmix, ...by.resizemix]));
    } finally {
      k.freeBatch?.(scratch);
    }
  }
  if (!io.inPlace) copySamples(io.dst(), io.src(), g.sn, by.identity);
}
