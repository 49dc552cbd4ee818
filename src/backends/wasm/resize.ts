/**
 * resizePaste (ResizeMix) on the wasm kernels: `dst[i] = src[i]`, then
 * `dst[i][box_i] = resize(src[index[i]], boxH_i × boxW_i)` with the planner's taps for that box
 * size (job.taps[job.tapOf[i]]), separable, columns first like the js oracle: float32 with the
 * weights wt (assembly/resample.ts has the order), uint8 in integers with the 14-bit weights q
 * (src/plan/quantize.ts, assembly/resample-u8.ts). The taps are copied into wasm memory once per call.
 * Out of place, the image outside the box is copied (assembly/paste.ts copyOutside), then the box
 * is written. In place,
 * samples run in the order of inPlaceSchedule; one image-sized temp holds the first image of each
 * cycle of `index`, or the image of a sample that is its own partner (it reads what it overwrites).
 * Only job.samples (all when absent) are written.
 */
import type { ResizePasteJob } from '../backend.js';
import { withJobMemory, type WasmContext } from './context.js';
import { align16, planesOf } from './layout.js';
import { inPlaceSchedule, samplesOf } from './schedule.js';
import { halves, tapsBytes, writeTaps } from './taps.js';
import { tapsBytesU8, writeTapsU8 } from './taps-u8.js';

export function runResizePaste(ctx: WasmContext, job: ResizePasteJob): void {
  const { geom: g, index, boxes, taps, tapOf } = job;
  const l = planesOf(g);
  const u8 = g.dtype === 'uint8';
  const kernel = u8 ? ctx.k.resizePasteU8 : ctx.k.resizePasteF32;
  const count = taps.reduce((m, t) => Math.max(m, t.x.outSize), 0) * l.p;
  // Row tags (64 bytes), then 4 cached column-pass rows and the sum row: float32 rows of count + 8
  // (assembly/resize-paste.ts), or i16 rows and an i32 row of count + 16 (assembly/resize-paste-u8.ts).
  const rowTemp = 64 + (u8 ? 4 * align16((count + 16) * 2) + align16((count + 16) * 4) : 5 * align16((count + 8) * 4));
  const temps = (inPlace: boolean): number[] => [u8 ? tapsBytesU8(taps, l) : tapsBytes(taps, l), rowTemp, ...(inPlace ? [l.image] : [])];
  withJobMemory(ctx, job, 'resizePaste', temps, (io, [tapMem, tmp, image]) => {
    const headers = (u8 ? writeTapsU8 : writeTaps)(ctx.k.memory, tapMem, taps, l);
    // uint8 boxes whose axes both halve take the halving path (the same integers, no gathers).
    const halving = taps.map((t) => l.eb === 1 && halves(t.y) && halves(t.x));
    const resize = (i: number, from: number): void => {
      const t = tapOf[i], y0 = boxes[4 * i], x0 = boxes[4 * i + 2];
      if (halving[t]) {
        ctx.k.halvePasteU8(io.dst + i * l.image, from, l.planes, l.planeBytes, l.rowBytes, l.p, y0, x0,
          taps[t].y.outSize, taps[t].x.outSize, tmp);
      } else kernel(io.dst + i * l.image, from, l.planes, l.planeBytes, l.rowBytes, l.p, y0, x0, headers[t], tmp);
    };
    const empty = (i: number): boolean => boxes[4 * i] === boxes[4 * i + 1] || boxes[4 * i + 2] === boxes[4 * i + 3];
    if (!io.inPlace) {
      for (const i of samplesOf(g.n, job.samples)) {
        const [y0, y1, x0, x1] = boxes.subarray(4 * i, 4 * i + 4);
        ctx.k.copyOutside(io.dst + i * l.image, io.src + i * l.image, l.image, l.planes, l.planeBytes, l.rowBytes,
          y0, y1, x0 * l.p * l.eb, x1 * l.p * l.eb);
        if (!empty(i)) resize(i, io.src + index[i] * l.image);
      }
      return;
    }
    const { order, saveFor, fromTemp } = inPlaceSchedule(index, job.samples);
    for (let s = 0; s < order.length; s++) {
      const i = order[s];
      if (saveFor[s] >= 0) ctx.k.copyBytes(image, io.src + index[saveFor[s]] * l.image, l.image);
      if (empty(i)) continue;
      if (fromTemp[s]) resize(i, image);
      else if (index[i] === i) {
        ctx.k.copyBytes(image, io.src + i * l.image, l.image);
        resize(i, image);
      } else resize(i, io.src + index[i] * l.image);
    }
  });
}
