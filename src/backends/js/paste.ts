/** CutMix kernel of the js oracle (SPEC §1): the partner's pixels in the same box. */
import type { PasteJob } from '../backend.js';
import { copySample, readable, samplesOf, storeFor } from './pixels.js';

/**
 * dst[i] = src[i], then dst[i][:, y0:y1, x0:x1] = src[index[i]][:, y0:y1, x0:x1] with
 * [y0, y1, x0, x1] = boxes[4i .. 4i+4) (half-open; an empty box pastes nothing). Element
 * (c, y, x) of sample i is at i·sn + c·sc + y·sy + x·sx, so any layout and C; values are copied
 * exactly (float32 and uint8 alike). In place (src === dst) reads a snapshot of the input.
 */
export function paste(job: PasteJob): void {
  const { dst, geom: g, index, boxes } = job;
  const src = readable(job.src, dst);
  const put = storeFor(dst);
  const ids = samplesOf(g.n, job.samples);
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k];
    if (job.src !== dst) copySample(src, dst, g, i, put);
    const y0 = boxes[4 * i], y1 = boxes[4 * i + 1], x0 = boxes[4 * i + 2], x1 = boxes[4 * i + 3];
    const own = i * g.sn;
    const partner = index[i] * g.sn;
    for (let c = 0; c < g.c; c++) {
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const e = c * g.sc + y * g.sy + x * g.sx;
          put(own + e, src[partner + e]);
        }
      }
    }
  }
}
