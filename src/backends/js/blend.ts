/** Mixup kernel of the js oracle (SPEC §1): the per-element blend of a sample and its partner. */
import type { BlendJob } from '../backend.js';
import { readable, samplesOf, storeFor } from './pixels.js';

const f = Math.fround;

/**
 * dst[i] = lam[i]·src[i] + (1 − lam[i])·src[index[i]], element by element, as a float32 machine
 * computes it: v = f(f(λ·a) + f(f(1 − λ)·b)) with f = float32 rounding (λ is float32, a and b are
 * the stored values). Any layout and C (a sample is a contiguous block of sn elements and every
 * element is blended alike); float32 stores v, uint8 stores clamp(⌊v + 0.5⌋, 0, 255).
 * In place (src === dst) reads a snapshot of the input. Only job.samples (all when absent) are written.
 */
export function blend(job: BlendJob): void {
  const { dst, geom: g, index, lam } = job;
  const src = readable(job.src, dst);
  const put = storeFor(dst);
  const sn = g.sn;
  const ids = samplesOf(g.n, job.samples);
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k];
    const l = f(lam[i]);
    const m = f(1 - l);
    const own = i * sn;
    const partner = index[i] * sn;
    for (let e = 0; e < sn; e++) {
      put(own + e, f(f(l * src[own + e]) + f(m * src[partner + e])));
    }
  }
}
