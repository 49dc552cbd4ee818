/**
 * blend (Mixup) on the wasm kernels: `dst[i] = lam[i]·src[i] + (1 − lam[i])·src[index[i]]` in
 * float32, with `1 − lam[i]` rounded to float32 once here; uint8 in integers with the weight
 * mixWeight(lam[i]) (src/plan/quantize.ts, assembly/blend.ts). Out of place, one kernel call per
 * image. In place, the samples run in the order of inPlaceSchedule and one image-sized temp holds
 * the first image of each cycle of `index`.
 */
import type { BlendJob } from '../backend.js';
import { withJobMemory, type WasmContext } from './context.js';
import { planesOf } from './layout.js';
import { mixWeight } from '../../plan/quantize.js';
import { inPlaceSchedule } from './schedule.js';

export function runBlend(ctx: WasmContext, job: BlendJob): void {
  const { geom: g, index, lam } = job;
  const { image } = planesOf(g);
  const f32 = g.dtype === 'float32';
  withJobMemory(ctx, job, 'blend', (inPlace) => (inPlace ? [image] : []), (io, [temp]) => {
    const mix = (i: number, partner: number): void => {
      if (f32) ctx.k.blendF32(io.dst + i * image, io.src + i * image, partner, g.sn, lam[i], Math.fround(1 - lam[i]));
      else ctx.k.blendU8(io.dst + i * image, io.src + i * image, partner, g.sn, mixWeight(lam[i]));
    };
    if (!io.inPlace) {
      for (let i = 0; i < g.n; i++) mix(i, io.src + index[i] * image);
      return;
    }
    const { order, saveFor, fromTemp } = inPlaceSchedule(index);
    for (let s = 0; s < g.n; s++) {
      const i = order[s];
      if (saveFor[s] >= 0) ctx.k.copyBytes(temp, io.src + index[saveFor[s]] * image, image);
      mix(i, fromTemp[s] ? temp : io.src + index[i] * image);
    }
  });
}
