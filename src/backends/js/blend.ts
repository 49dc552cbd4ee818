/** Mixup kernel of the js oracle (SPEC §1, §5): the per-element blend of a sample and its partner. */
import type { BlendJob } from '../backend.js';
import { mixU8, mixWeight } from '../../plan/quantize.js';
import { readable, storeFor } from './pixels.js';

const f = Math.fround;

/**
 * dst[i] = lam[i]·src[i] + (1 − lam[i])·src[index[i]], element by element. Any layout and C (a
 * sample is a contiguous block of sn elements and every element is blended alike).
 * float32, as a float32 machine computes it: v = f(f(λ·a) + f(f(1 − λ)·b)) with f = float32
 * rounding (λ is float32, a and b the stored values).
 * uint8, in integers (src/plan/quantize.ts): w = mixWeight(λ), v = (a·w + b·(2^14 − w) + 2^13) >> 14.
 * In place (src === dst) reads a snapshot of the input.
 */
export function blend(job: BlendJob): void {
  const { dst, geom: g, index, lam } = job;
  const src = readable(job.src, dst);
  const sn = g.sn;
  if (g.dtype === 'uint8') {
    for (let i = 0; i < g.n; i++) {
      const w = mixWeight(lam[i]);
      const own = i * sn;
      const partner = index[i] * sn;
      for (let e = 0; e < sn; e++) dst[own + e] = mixU8(src[own + e], src[partner + e], w);
    }
    return;
  }
  const put = storeFor(dst);
  for (let i = 0; i < g.n; i++) {
    const l = f(lam[i]);
    const m = f(1 - l);
    const own = i * sn;
    const partner = index[i] * sn;
    for (let e = 0; e < sn; e++) {
      put(own + e, f(f(l * src[own + e]) + f(m * src[partner + e])));
    }
  }
}
