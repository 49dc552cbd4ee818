/**
 * paste (CutMix) on the wasm kernels: `dst[i] = src[i]`, then the box of sample i is copied from
 * its partner, `dst[i][box_i] = src[index[i]][box_i]`, as exact byte copies (memory.copy spans).
 * Out of place, each image is written once in address order (assembly/paste.ts pasteImage): the
 * gaps between box rows from the image, the box rows from the partner, two inline copies per box
 * row. (Before: the whole image with memory.copy, then each box row with another memory.copy call:
 * 474 calls per float32 NCHW image, and the box bytes written twice.)
 * In place, only boxes move: samples run in the order of inPlaceSchedule, and one box-sized temp
 * holds the box that the last sample of each cycle of `index` reads. Only job.samples (all when
 * absent) are written.
 */
import type { PasteJob } from '../backend.js';
import { withJobMemory, type WasmContext } from './context.js';
import { boxRect, compact, planesOf, rectBytes, type Rect } from './layout.js';
import { inPlaceSchedule, samplesOf } from './schedule.js';

export function runPaste(ctx: WasmContext, job: PasteJob): void {
  const { geom: g, index, boxes } = job;
  const l = planesOf(g);
  const rects: Rect[] = [];
  let largest = 0;
  for (let i = 0; i < g.n; i++) {
    rects.push(boxRect(l, boxes, i));
    largest = Math.max(largest, rectBytes(rects[i]));
  }
  const copy = (dst: number, d: Rect, src: number, s: Rect): void => {
    ctx.k.copyRect(dst + d.offset, d.rowBytes, d.planeBytes, src + s.offset, s.rowBytes, s.planeBytes, d.planes, d.rows, d.span);
  };
  withJobMemory(ctx, job, 'paste', (inPlace) => (inPlace ? [largest] : []), (io, [temp]) => {
    if (!io.inPlace) {
      for (const i of samplesOf(g.n, job.samples)) {
        const [y0, y1, x0, x1] = boxes.subarray(4 * i, 4 * i + 4);
        ctx.k.pasteImage(io.dst + i * l.image, io.src + i * l.image, io.src + index[i] * l.image, l.image,
          l.planes, l.planeBytes, l.rowBytes, y0, y1, x0 * l.p * l.eb, x1 * l.p * l.eb);
      }
      return;
    }
    const { order, saveFor, fromTemp } = inPlaceSchedule(index, job.samples);
    for (let s = 0; s < order.length; s++) {
      const i = order[s];
      const r = saveFor[s];
      if (r >= 0) copy(temp, compact(rects[r]), io.src + index[r] * l.image, rects[r]);
      if (fromTemp[s]) copy(io.dst + i * l.image, rects[i], temp, compact(rects[i]));
      else if (index[i] !== i) copy(io.dst + i * l.image, rects[i], io.src + index[i] * l.image, rects[i]);
    }
  });
}
